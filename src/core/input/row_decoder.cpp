// Field rules for one incident row; see row_decoder.hpp.
#include "core/input/row_decoder.hpp"

#include <fast_float/fast_float.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <vector>

#include "core/text.hpp"

namespace driftmap::core {

namespace {

using F = IncidentField;

struct FieldNames {
  F field;
  const char* name;
  std::vector<const char*> aliases;  // accepted column names, lower case, preferred first
};

const std::array<FieldNames, kIncidentFieldCount>& field_table() {
  static const std::array<FieldNames, kIncidentFieldCount> t = {{
      {F::Id, "id", {"id"}},
      {F::DateStart, "date_start", {"date_start", "date"}},
      {F::DateEnd, "date_end", {"date_end"}},
      {F::EventType, "event_type", {"event_type"}},
      {F::Place, "place", {"place"}},
      {F::Admin1, "admin1", {"admin1"}},
      {F::Country, "country", {"country"}},
      {F::LocationPrecision, "location_precision", {"location_precision"}},
      {F::Lat, "lat", {"lat", "latitude"}},
      {F::Lon, "lon", {"lon", "longitude"}},
      {F::Killed, "killed", {"killed"}},
      {F::Wounded, "wounded", {"wounded"}},
      {F::CasualtiesDisputed, "casualties_disputed", {"casualties_disputed"}},
      {F::Summary, "summary", {"summary"}},
      {F::Sources, "sources", {"sources"}},
      {F::DateBasis, "date_basis", {"date_basis"}},
  }};
  return t;
}

bool iequals(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if ((a[i] >= 'A' && a[i] <= 'Z' ? char(a[i] + 32) : a[i]) != lower[i]) return false;
  return true;
}

std::string_view at(const RowValues& v, F f) { return v[static_cast<size_t>(f)]; }

void decode_date(const RowValues& v, Incident& inc, RowReport& r) {
  std::string err;
  const std::string_view start = at(v, F::DateStart), end = at(v, F::DateEnd);
  if (auto span = parse_date_span(start, end, &err)) {
    inc.date = *span;
    return;
  }
  const bool start_ok = parse_partial_date(start).has_value();
  r.error(start_ok ? "date_end" : "date_start", err);
}

std::string range_text(double limit) { return limit == 90 ? "-90..90" : "-180..180"; }

// Why a coordinate is not a number: too large for a double ("1e309"), a decimal comma, or text.
void report_bad_coordinate(RowReport& r, const char* field, std::string_view text, double limit) {
  std::string_view s = text;
  if (s.size() > 1 && s[0] == '+' && s[1] != '-' && s[1] != '+') s.remove_prefix(1);
  double d;
  const auto res = std::from_chars(s.data(), s.data() + s.size(), d);
  if (res.ec == std::errc::result_out_of_range && res.ptr == s.data() + s.size())
    return r.error(field, quote_value(text) + " is out of range " + range_text(limit));
  std::string dotted(text);
  std::replace(dotted.begin(), dotted.end(), ',', '.');
  if (dotted != text && parse_number(dotted, d))
    return r.error(field, quote_value(text) + " is not a number (decimal comma? write " + dotted + ")");
  r.error(field, quote_value(text) + " is not a number");
}

// Parses one coordinate; false (with the problem reported) when it is not usable.
bool decode_coordinate(RowReport& r, const char* field, std::string_view text, double limit, double& out) {
  if (text.empty()) return r.error(field, "is empty"), false;
  double d;
  if (!parse_number(text, d)) return report_bad_coordinate(r, field, text, limit), false;
  if (!std::isfinite(d)) return r.error(field, quote_value(text) + " is not a finite number"), false;
  if (d < -limit || d > limit) return r.error(field, quote_value(text) + " is out of range " + range_text(limit)), false;
  out = d;
  return true;
}

bool decode_location(const RowValues& v, const DecodeRules& rules, Incident& inc, RowReport& r) {
  if (!rules.has_lat_lon) return false;
  const std::string_view lat = at(v, F::Lat), lon = at(v, F::Lon);
  if (lat.empty() && lon.empty() && rules.location_elsewhere) return false;
  const bool ok_lat = decode_coordinate(r, "lat", lat, 90, inc.lat_deg);
  const bool ok_lon = decode_coordinate(r, "lon", lon, 180, inc.lon_deg);
  double as_lat;
  if (!ok_lat && ok_lon && parse_number(lat, as_lat) && std::abs(as_lat) <= 180 && std::abs(inc.lon_deg) <= 90)
    r.warning("lat", "looks swapped with lon (lat " + std::string(lat) + ", lon " + std::string(lon) + ")");
  return ok_lat && ok_lon;
}

void decode_count(RowReport& r, const char* field, std::string_view v, int32_t& out) {
  out = kUnknownCount;
  if (v.empty()) return;
  int32_t n;
  if (parse_count_text(v, n)) {
    if (n < 0) return r.error(field, quote_value(v) + " is negative");
    out = n;
    return;
  }
  double d;
  if (!parse_number(v, d) || !std::isfinite(d)) return r.error(field, quote_value(v) + " is not a number");
  if (d < 0) return r.error(field, quote_value(v) + " is negative");
  if (d != std::floor(d)) return r.error(field, quote_value(v) + " is not a whole number");
  r.error(field, quote_value(v) + " is too large");
}

void decode_precision(const RowValues& v, Incident& inc, RowReport& r) {
  inc.date_basis = DateBasis::Event;
  if (const auto b = at(v, F::DateBasis); !b.empty()) {
    if (auto db = parse_date_basis(b)) inc.date_basis = *db;
    else r.error("date_basis", quote_value(b) + " is not event or reported");
  }
  inc.location_precision = LocationPrecision::City;
  if (const auto p = at(v, F::LocationPrecision); !p.empty()) {
    if (auto lp = parse_location_precision(p)) inc.location_precision = *lp;
    else r.error("location_precision", quote_value(p) + " is not one of site, city, district, province, country, none");
  }
}

// A row whose place no document states has no coordinates, and nothing places it by name.
void decode_no_place(const RowValues& v, Incident& inc, RowReport& r) {
  const std::string_view lat = at(v, F::Lat), lon = at(v, F::Lon);
  if (!lat.empty() || !lon.empty())
    r.error(lat.empty() ? "lon" : "lat", "is given but location_precision is none (place not stated); "
                                         "leave lat and lon empty or give the precision of the place");
  inc.lat_deg = inc.lon_deg = std::numeric_limits<double>::quiet_NaN();
}

void decode_categories(const RowValues& v, Incident& inc, RowReport& r) {
  inc.type = EventType::Other;
  if (const auto t = at(v, F::EventType); !t.empty()) {
    if (auto et = parse_event_type(t)) inc.type = *et;
    else
      r.error("event_type", quote_value(t) + " is not one of attack, cross_border_attack, external_plot, "
                                             "counter_operation, leader_killed_or_captured, territorial, other");
  }
  const std::string_view d = at(v, F::CasualtiesDisputed);
  inc.casualties_disputed = false;
  if (d.empty() || iequals(d, "false") || iequals(d, "0") || iequals(d, "no")) return;
  if (iequals(d, "true") || iequals(d, "1") || iequals(d, "yes")) inc.casualties_disputed = true;
  else r.error("casualties_disputed", quote_value(to_lower_ascii(d)) + " is not true or false");
}

// Readers reuse one Incident for every row; most files leave most text fields empty, and the
// fast reader's rows stay cheap when an empty field costs no string call.
void set_text(std::string& dst, std::string_view s) {
  if (s.empty()) dst.clear();
  else dst.assign(s);
}

}  // namespace

std::string_view field_name(IncidentField field) { return field_table()[static_cast<size_t>(field)].name; }

std::optional<IncidentField> field_of_column(std::string_view column) {
  for (const auto& f : field_table())
    for (const char* alias : f.aliases)
      if (iequals(column, alias)) return f.field;
  return std::nullopt;
}

std::vector<std::string> field_column_names(IncidentField field) {
  const auto& names = field_table()[static_cast<size_t>(field)].aliases;
  return {names.begin(), names.end()};
}

void RowReport::error(std::string_view field, std::string message) {
  bad = true;
  if (problems) problems->add(Problem{*file, line, is_feature, std::string(field), std::move(message), Severity::Error});
}

void RowReport::warning(std::string_view field, std::string message) {
  if (problems)
    problems->add(Problem{*file, line, is_feature, std::string(field), std::move(message), Severity::Warning});
}

bool parse_count_text(std::string_view s, int32_t& out) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  if (r.ec == std::errc() && r.ptr == s.data() + s.size()) return true;
  double d;  // "3.0" from spreadsheet round trips
  if (r.ec == std::errc::result_out_of_range || !parse_number(s, d) || !std::isfinite(d) || d != std::floor(d) ||
      std::abs(d) > 2e9)
    return false;
  out = static_cast<int32_t>(d);
  return true;
}

// fast_float for the common case; what it would not round exactly like std::from_chars (zero,
// subnormals, overflow, inf/nan) goes to std::from_chars.
bool parse_number(std::string_view s, double& out) {
  if (s.size() > 1 && s[0] == '+' && s[1] != '-' && s[1] != '+') s.remove_prefix(1);
  if (s.empty() || s[0] == '+') return false;
  const char* end = s.data() + s.size();
  auto r = fast_float::from_chars(s.data(), end, out);
  if (r.ec == std::errc() && r.ptr == end && std::fpclassify(out) == FP_NORMAL) return true;
  auto q = std::from_chars(s.data(), end, out);
  return q.ec == std::errc() && q.ptr == end;
}

std::string quote_value(std::string_view s) {
  if (s.size() > 60) return "\"" + std::string(s.substr(0, 57)) + "...\"";
  return "\"" + std::string(s) + "\"";
}

bool decode_row(const RowValues& v, const DecodeRules& rules, Incident& inc, RowReport& r) {
  if (!rules.dates_from_schema) decode_date(v, inc, r);
  decode_precision(v, inc, r);
  const bool no_place = inc.location_precision == LocationPrecision::None;
  if (no_place) decode_no_place(v, inc, r);
  const bool located = no_place || decode_location(v, rules, inc, r);
  decode_categories(v, inc, r);
  decode_count(r, "killed", at(v, F::Killed), inc.killed);
  decode_count(r, "wounded", at(v, F::Wounded), inc.wounded);
  set_text(inc.id, at(v, F::Id));
  set_text(inc.place, at(v, F::Place));
  set_text(inc.admin1, at(v, F::Admin1));
  set_text(inc.country, at(v, F::Country));
  set_text(inc.summary, at(v, F::Summary));
  set_text(inc.sources, at(v, F::Sources));
  inc.source_line = r.line;
  return located;
}

}  // namespace driftmap::core
