// The one row decoder: a row's field strings → an Incident, with every field rule (dates,
// coordinates, type, precision, counts, flags) in one place and each problem reported with its
// field. The CSV reader, the parallel fast reader and the OGR reader all call it.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/incident.hpp"
#include "core/problem.hpp"

namespace driftmap::core {

// driftmap's fields, in the order of its schema (geodata/README.md).
enum class IncidentField : uint8_t {
  Id, DateStart, DateEnd, EventType, Place, Admin1, Country, LocationPrecision, Lat, Lon, Killed, Wounded,
  CasualtiesDisputed, Summary, Sources, DateBasis
};
inline constexpr size_t kIncidentFieldCount = 16;
std::string_view field_name(IncidentField field);  // "date_start", ...
// The field a column of driftmap's own schema holds (case-insensitive; "date" → date_start,
// "latitude" → lat, ...), or nullopt.
std::optional<IncidentField> field_of_column(std::string_view column);
// Column names read for a field in driftmap's schema, preferred first ("date_start", "date").
std::vector<std::string> field_column_names(IncidentField field);

// Trimmed values by field; empty when the column is absent or the value null.
using RowValues = std::array<std::string_view, kIncidentFieldCount>;

// Where a row's problems go. Without problems (the fast reader) an error only marks the row bad.
struct RowReport {
  const std::string* file = nullptr;
  int64_t line = 0;
  bool is_feature = false;
  Problems* problems = nullptr;
  bool bad = false;
  void error(std::string_view field, std::string message);
  void warning(std::string_view field, std::string message);
};

struct DecodeRules {
  bool dates_from_schema = false;   // a foreign schema sets the dates from its own columns
  bool has_lat_lon = true;          // the file has lat and lon columns
  bool location_elsewhere = false;  // a geometry or geocoding can place a row without lat/lon
};

// Decodes v into inc. Returns true when the row's location is settled: lat/lon gave it, or no
// document states the place (location_precision none: NaN coordinates, nothing to look up).
bool decode_row(const RowValues& v, const DecodeRules& rules, Incident& inc, RowReport& report);

// The number rules, for the readers' own checks.
bool parse_count_text(std::string_view s, int32_t& out);  // a whole number (also "3.0")
bool parse_number(std::string_view s, double& out);      // decimal, optional leading '+'
// "value" in quotes, shortened to 60 characters, for messages.
std::string quote_value(std::string_view s);

}  // namespace driftmap::core
