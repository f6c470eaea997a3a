// Incident table formats recognised from their column names (issue 8): driftmap's own schema
// (geodata/README.md), ACLED exports and Global Terrorism Database (GTD) extracts. For a foreign
// format this says which column holds which driftmap field and turns the fields the format
// encodes its own way (dates, event types, precision codes) into driftmap's. The mapping rules
// and their reasons are documented in geodata/README.md, "Importing other formats".
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/incident.hpp"

namespace driftmap::core {

enum class SourceFormat : uint8_t { Driftmap, Acled, Gtd };
std::string_view to_string(SourceFormat);  // "driftmap", "ACLED", "GTD"

// ACLED: event_id_cnty and event_date; GTD: eventid, iyear, imonth and iday (case-insensitive).
// Anything else is read as driftmap's schema (with the loader's column aliases and --map).
SourceFormat detect_source_format(const std::vector<std::string>& columns);

// Columns (case-insensitive, in priority order) that hold driftmap field `field` in a foreign
// format; nullptr for Driftmap (the loader's own names apply). An empty list means the field is
// not read from one column but derived by apply_source_format (dates, types, precision).
const std::vector<std::string>* source_format_columns(SourceFormat format, std::string_view field);
// Columns without which a format's rows cannot be read (ACLED event_date; GTD iyear).
std::vector<std::string> required_source_columns(SourceFormat format);

struct FieldIssue {
  std::string field;
  std::string message;
  bool is_error = true;  // false: a warning, the row is still used
};
// Value of a column of the current row by name (trimmed; empty when absent or null).
using ColumnGetter = std::function<std::string(std::string_view column)>;

// Sets inc.date, inc.type and inc.location_precision from the format's own columns, and clears
// placeholder names ("Unknown" city in GTD). Returns the problems found in those columns.
std::vector<FieldIssue> apply_source_format(SourceFormat format, const ColumnGetter& get, Incident& inc);

// ACLED event_date: ISO "2023-07-30" (current exports) or "30 July 2023" / "30-July-2023" /
// "30 Jul 2023" (older exports). Day precision.
std::optional<PartialDate> parse_acled_date(std::string_view text);
// ACLED event_type → driftmap type (Battles, Explosions/Remote violence, Violence against
// civilians → attack; Strategic developments, Riots, Protests → other).
std::optional<EventType> acled_event_type(std::string_view text);

}  // namespace driftmap::core
