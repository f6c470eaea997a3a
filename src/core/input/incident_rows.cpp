// Column binding and row assembly shared by the readers; see incident_rows.hpp.
#include "core/input/incident_rows.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace driftmap::core {

namespace {

using F = IncidentField;

// A column name for a message: long names are shortened, so a 50 MB name prints as 60 characters.
std::string short_name(std::string_view name) {
  return name.size() > 60 ? std::string(name.substr(0, 57)) + "..." : std::string(name);
}

}  // namespace

IncidentRows::IncidentRows(const std::string& path, const LoadOptions& options, ParsedRows& out, bool rows_are_features)
    : path_(path), options_(options), out_(out), rows_are_features_(rows_are_features) {
  column_of_.fill(-1);
  if (options.gazetteer) geocoder_.emplace(options.gazetteer, options.boundaries);
  else if (options.gazetteer_source || options.boundaries)
    geocoder_.emplace(GazetteerSource(options.gazetteer_source), options.boundaries);
}

void IncidentRows::bind_field(IncidentField field, int line) {
  const std::string key(field_name(field));
  std::vector<std::string> wanted;
  const auto mapped = options_.column_map.find(key);
  if (mapped != options_.column_map.end()) wanted.push_back(mapped->second);
  else if (const auto* cols = source_format_columns(schema_->format, key)) wanted = *cols;
  else wanted = field_column_names(field);
  for (const auto& w : wanted)
    if (auto it = column_by_name_.find(to_lower_ascii(w)); it != column_by_name_.end()) {
      column_of_[static_cast<size_t>(field)] = it->second;
      return;
    }
  if (mapped != options_.column_map.end())
    out_.problems.error(path_, line, mapped->second, "mapped column for " + key + " is not in the file");
}

bool IncidentRows::bind_columns(const std::vector<std::string>& names, bool has_geometry) {
  const int line = rows_are_features_ ? 0 : 1;
  Problems& problems = out_.problems;
  column_count_ = names.size();
  std::unordered_map<std::string, int> repeats;  // a name given twice is said once
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i].empty()) continue;
    std::string lower = to_lower_ascii(names[i]);
    if (!column_by_name_.emplace(lower, static_cast<int>(i)).second && ++repeats[lower] == 1)
      problems.error(path_, line, short_name(names[i]), "duplicate column name");
  }
  schema_ = &detect_input_schema(names);
  out_.format = schema_->format;
  for (size_t f = 0; f < kIncidentFieldCount; ++f) bind_field(static_cast<IncidentField>(f), line);
  auto has = [&](F f) { return column_of_[static_cast<size_t>(f)] >= 0; };
  for (const std::string& need : schema_->required_columns)
    if (!column_by_name_.count(need))
      problems.error(path_, line, need, "column is missing (needed in " + std::string(to_string(schema_->format)) + " files)");
  const bool can_geocode = geocoder_ && (has(F::Place) || has(F::Admin1) || has(F::Country));
  if (schema_->format == SourceFormat::Driftmap && !has(F::DateStart))
    problems.error(path_, line, "date_start", "no date column (expected date_start or date)");
  if (!(has(F::Lat) && has(F::Lon)) && !has_geometry && !(can_geocode && !has(F::Lat) && !has(F::Lon))) {
    if (has(F::Lat) != has(F::Lon))
      problems.error(path_, line, has(F::Lat) ? "lon" : "lat", "column is missing (the other coordinate is present)");
    else
      problems.error(path_, line, "lat", "no location columns (expected lat/lon or latitude/longitude, or point geometries)");
  }
  if (schema_->format == SourceFormat::Driftmap) check_unused(names, line);
  std::vector<bool> used(names.size(), false);
  for (int c : column_of_)
    if (c >= 0) used[static_cast<size_t>(c)] = true;
  if (options_.keep_attributes)
    for (size_t i = 0; i < names.size(); ++i)
      if (!used[i]) {
        attribute_columns_.push_back(static_cast<int>(i));
        out_.attribute_names.push_back(names[i].empty() ? "column_" + std::to_string(i + 1) : names[i]);
      }
  rules_.dates_from_schema = schema_->format != SourceFormat::Driftmap;
  rules_.has_lat_lon = has(F::Lat) && has(F::Lon);
  rules_.location_elsewhere = has_geometry || geocoder_.has_value();
  return !problems.has_errors();
}

// Columns driftmap does not read: said once, so that a misspelt name is not silently ignored.
// (ACLED and GTD files have many; they are kept as attributes by convert, not misspelt.)
void IncidentRows::check_unused(const std::vector<std::string>& names, int line) {
  std::vector<bool> used(names.size(), false);
  for (int c : column_of_)
    if (c >= 0) used[static_cast<size_t>(c)] = true;
  std::vector<std::string> unused;
  for (size_t i = 0; i < names.size(); ++i) {
    if (used[i]) continue;
    if (names[i].empty())
      out_.problems.warning(path_, 1, "", "column " + std::to_string(i + 1) + " has no name; its values are ignored");
    else
      unused.push_back(short_name(names[i]));
  }
  if (unused.size() == 1) {
    out_.problems.warning(path_, line, unused[0], "column is not used by driftmap (ignored)");
  } else if (!unused.empty()) {
    std::string list;
    for (size_t i = 0; i < unused.size() && i < 10; ++i) list += (i ? ", " : "") + unused[i];
    if (unused.size() > 10) list += ", ... (" + std::to_string(unused.size() - 10) + " more)";
    out_.problems.warning(path_, line, "",
                          std::to_string(unused.size()) + " columns are not used by driftmap (ignored): " + list);
  }
}

RowReport IncidentRows::report(int64_t line) { return RowReport{&path_, line, rows_are_features_, &out_.problems}; }

void IncidentRows::apply_schema(const ValueOf& value, Incident& inc, RowReport& r) {
  auto raw = [&](std::string_view name) -> std::string {
    auto it = column_by_name_.find(to_lower_ascii(name));
    return it == column_by_name_.end() ? std::string() : std::string(trim(value(it->second)));
  };
  for (const FieldIssue& issue : apply_source_format(schema_->format, raw, inc))
    issue.is_error ? r.error(issue.field, issue.message) : r.warning(issue.field, issue.message);
  if (geocoder_)
    if (auto code = geocoder_->country_code(inc.country)) inc.country = *code;
}

void IncidentRows::geocode(Incident& inc, RowReport& r) {
  const GeocodeResult g = geocode_incident(*geocoder_, inc);
  if (!g.found) return r.error(g.field, g.error);
  out_.located_by.back() = g.by;
  const std::string where = "placed at " + std::string(to_string(g.precision)) + " precision from the " +
                            (g.by == LocatedBy::Gazetteer ? "gazetteer" : g.by == LocatedBy::Admin1 ? "province" : "country") +
                            ": " + g.matched;
  if (g.fallback.empty()) out_.problems.add(Problem{path_, r.line, rows_are_features_, "location", where, Severity::Note});
  else r.warning("location", g.fallback + "; " + where);
}

void IncidentRows::add_row(RowReport& r, const ValueOf& value, const Locate& locate) {
  const int64_t line = r.line;
  RowValues v{};
  for (size_t f = 0; f < kIncidentFieldCount; ++f)
    if (column_of_[f] >= 0) v[f] = trim(value(column_of_[f]));
  Incident inc;
  bool located = decode_row(v, rules_, inc, r);
  const bool place_not_stated = inc.location_precision == LocationPrecision::None;
  if (locate && place_not_stated) locate(inc, r, true);
  else if (!located && locate && !r.bad) located = locate(inc, r, false);
  if (!inc.id.empty()) {
    auto [it, inserted] = first_line_of_id_.emplace(inc.id, line);
    if (!inserted)
      r.error("id", "duplicate id " + quote_value(inc.id) + " (first on " + (rows_are_features_ ? "feature " : "line ") +
                        std::to_string(it->second) + ")");
  }
  if (schema_->apply) apply_schema(value, inc, r);
  out_.located_by.push_back(LocatedBy::Source);
  if (!located && geocoder_ && !r.bad) geocode(inc, r);
  if (r.bad) {
    out_.located_by.pop_back();
    ++out_.invalid_rows;
    return;
  }
  out_.rows.push_back(std::move(inc));
  if (options_.keep_attributes) {
    std::vector<std::string> values;
    values.reserve(attribute_columns_.size());
    for (int c : attribute_columns_) values.emplace_back(value(c));
    out_.attributes.push_back(std::move(values));
  }
}

void IncidentRows::finish() {
  if (out_.rows.empty() && out_.invalid_rows == 0 && !out_.problems.has_errors())
    out_.problems.error(path_, 0, "", rows_are_features_ ? "contains no incidents (no features)"
                                                         : "contains no incidents (only a header)");
}

}  // namespace driftmap::core
