// Input schemas: the incident table layouts driftmap recognises from their column names. Each
// schema is one file in this folder (driftmap_schema.cpp, acled_schema.cpp, gtd_schema.cpp) that
// says how to recognise a file, which column holds which driftmap field, and how to turn the
// fields the format encodes its own way (dates, event types, precision codes) into driftmap's.
// schema_registry.cpp lists them; the readers only ask the registry. To add a schema: write
// NAME_schema.cpp defining an InputSchema, declare it below and add it to the registry's list.
// The mapping rules and their reasons are documented in geodata/README.md, "Importing other formats".
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/incident.hpp"

namespace driftmap::core {

enum class SourceFormat : uint8_t { Driftmap, Acled, Gtd };
std::string_view to_string(SourceFormat);  // "driftmap", "ACLED", "GTD"

struct FieldIssue {
  std::string field;
  std::string message;
  bool is_error = true;  // false: a warning, the row is still used
};
// Value of a column of the current row by name (trimmed; empty when absent or null).
using ColumnGetter = std::function<std::string(std::string_view column)>;
// driftmap field → the schema's columns for it (case-insensitive, in priority order); a field
// listed with no column is derived by apply (dates, types, precision), one not listed is absent.
using SchemaColumns = std::map<std::string, std::vector<std::string>, std::less<>>;

struct InputSchema {
  SourceFormat format;
  // True when a file with these lower-case column names is in this schema.
  bool (*matches)(const std::vector<std::string>& lower_columns);
  const SchemaColumns* columns;  // nullptr: driftmap's own column names (row_decoder.hpp)
  std::vector<std::string> required_columns;
  // Sets what the schema derives (dates, type, precision, placeholder names) and returns the
  // problems found in those columns; nullptr when the row decoder reads everything.
  void (*apply)(const ColumnGetter& get, Incident& inc, std::vector<FieldIssue>& issues);
};

const InputSchema& driftmap_schema();
const InputSchema& acled_schema();
const InputSchema& gtd_schema();
// Every schema, the most specific first; driftmap's own schema matches any file and is last.
const std::vector<const InputSchema*>& input_schemas();
const InputSchema& detect_input_schema(const std::vector<std::string>& columns);

// Short forms over the registry (tests, validate's report).
SourceFormat detect_source_format(const std::vector<std::string>& columns);
const std::vector<std::string>* source_format_columns(SourceFormat format, std::string_view field);
std::vector<std::string> required_source_columns(SourceFormat format);
std::vector<FieldIssue> apply_source_format(SourceFormat format, const ColumnGetter& get, Incident& inc);

// ACLED event_date: ISO "2023-07-30" (current exports) or "30 July 2023" / "30-July-2023" /
// "30 Jul 2023" (older exports). Day precision.
std::optional<PartialDate> parse_acled_date(std::string_view text);
// ACLED event_type → driftmap type (Battles, Explosions/Remote violence, Violence against
// civilians → attack; Strategic developments, Riots, Protests → other).
std::optional<EventType> acled_event_type(std::string_view text);
// GTD and ACLED numeric columns sometimes come as "3.0" from spreadsheet round trips.
bool parse_schema_int(std::string_view s, int& out);
// A 1..max code in column; 0 when empty; -1 (with an issue) when it is not one of them.
int schema_precision_code(const ColumnGetter& get, const char* column, int max, std::vector<FieldIssue>& issues);

}  // namespace driftmap::core
