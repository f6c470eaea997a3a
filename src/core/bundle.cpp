#include "core/bundle.hpp"

#include <charconv>

#include "core/csv_table.hpp"
#include "core/incident_loader.hpp"
#include "core/text.hpp"

namespace driftmap::core {

std::vector<const Citation*> Bundle::citations_for(std::string_view incident_id) const {
  std::vector<const Citation*> out;
  for (const auto& c : citations)
    if (c.incident_id == incident_id) out.push_back(&c);
  return out;
}

const Source* Bundle::source(std::string_view id) const {
  for (const auto& s : sources)
    if (s.source_id == id) return &s;
  return nullptr;
}

const Region* Bundle::region(std::string_view key) const {
  for (const auto& r : regions)
    if (r.region == key) return &r;
  return nullptr;
}

const ProvenanceNote* Bundle::note(std::string_view incident_id, std::string_view field) const {
  for (const auto& n : notes)
    if (n.incident_id == incident_id && n.field == field) return &n;
  return nullptr;
}

std::optional<Bundle> load_bundle(const std::string& dir, Problems* problems) {
  Problems local;
  Problems& p = problems ? *problems : local;
  LoadResult incidents = load_incidents(dir + "/incidents.csv");
  for (auto& item : incidents.problems.items) p.add(item);
  if (!incidents.ok()) return std::nullopt;
  auto b = load_bundle_tables(dir, &p);
  if (!b) return std::nullopt;
  b->incidents = std::move(*incidents.dataset);
  b->incidents.name = "bundled";
  return b;
}

namespace {

// Where each document comes from (sources.csv).
void read_sources(const std::string& dir, Bundle& b, Problems& p) {
  auto table = read_csv_table(dir + "/sources.csv",
                              {"source_id", "file", "title", "author_or_publisher", "published", "kind"}, &p);
  if (!table) return;
  const CsvTable& t = *table;
  for (size_t r = 0; r < t.rows.size(); ++r)
    b.sources.push_back({std::string(t.get(r, "source_id")), std::string(t.get(r, "file")),
                         std::string(t.get(r, "title")), std::string(t.get(r, "author_or_publisher")),
                         std::string(t.get(r, "published")), std::string(t.get(r, "kind")),
                         std::string(t.get(r, "credit"))});
}

// The quotes each incident rests on (citations.csv).
void read_citations(const std::string& dir, Bundle& b, Problems& p) {
  auto table = read_csv_table(
      dir + "/citations.csv",
      {"incident_id", "source_id", "quote", "date_as_stated", "killed_as_stated", "wounded_as_stated"}, &p);
  if (!table) return;
  const CsvTable& t = *table;
  for (size_t r = 0; r < t.rows.size(); ++r)
    b.citations.push_back({std::string(t.get(r, "incident_id")), std::string(t.get(r, "source_id")),
                           std::string(t.get(r, "quote")), std::string(t.get(r, "date_as_stated")),
                           std::string(t.get(r, "killed_as_stated")), std::string(t.get(r, "wounded_as_stated")),
                           t.lines[r]});
}

// One row of aggregates.csv: a reported figure (kind share, the default) or a statement without
// a figure; a bad row is an error naming its line and field and is left out.
void add_aggregate_row(const CsvTable& t, size_t r, Bundle& b, Problems& p) {
  Aggregate a;
  a.source_id = std::string(t.get(r, "source_id"));
  a.region = std::string(t.get(r, "region"));
  a.quote = std::string(t.get(r, "quote"));
  std::string err;
  auto ps = parse_partial_date(t.get(r, "period_start"), &err);
  auto pe = ps ? parse_partial_date(t.get(r, "period_end"), &err) : std::nullopt;
  if (!ps || !pe) {
    p.error(t.path, t.lines[r], ps ? "period_end" : "period_start", err);
    return;
  }
  a.period_start = *ps;
  a.period_end = *pe;
  // kind: `share` (a regional count or share; the default) or `statement` (no figure).
  const std::string_view kind = t.get(r, "kind");
  if (kind == "statement") {
    if (!t.get(r, "metric").empty() || !t.get(r, "value").empty())
      p.error(t.path, t.lines[r], "value", "a statement row has no metric and no value");
    else
      b.statements.push_back({a.source_id, a.period_start, a.period_end, a.region, a.quote});
    return;
  }
  if (!kind.empty() && kind != "share") {
    p.error(t.path, t.lines[r], "kind", "\"" + std::string(kind) + "\" is not share or statement");
    return;
  }
  const std::string_view metric = t.get(r, "metric");
  if (metric == "count") a.metric = AggregateMetric::Count;
  else if (metric == "share_percent") a.metric = AggregateMetric::SharePercent;
  else {
    p.error(t.path, t.lines[r], "metric", "\"" + std::string(metric) + "\" is not count or share_percent");
    return;
  }
  const std::string_view v = t.get(r, "value");
  auto res = std::from_chars(v.data(), v.data() + v.size(), a.value);
  if (res.ec != std::errc() || res.ptr != v.data() + v.size()) {
    p.error(t.path, t.lines[r], "value", "\"" + std::string(v) + "\" is not a number");
    return;
  }
  b.aggregates.push_back(std::move(a));
}

// The article's figures by period and region, and its statements without a figure (aggregates.csv).
void read_aggregates(const std::string& dir, Bundle& b, Problems& p) {
  auto table = read_csv_table(dir + "/aggregates.csv",
                              {"source_id", "period_start", "period_end", "region", "metric", "value", "quote"}, &p);
  if (!table) return;
  for (size_t r = 0; r < table->rows.size(); ++r) add_aggregate_row(*table, r, b, p);
}

}  // namespace

std::optional<std::vector<Region>> load_region_groups(const std::string& path, Problems* problems) {
  auto table = read_csv_table(path, {"region", "label", "members"}, problems);
  if (!table) return std::nullopt;
  Problems& p = *problems;
  const CsvTable& t = *table;
  std::vector<Region> regions;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    Region reg{std::string(t.get(r, "region")), std::string(t.get(r, "label")), {}, std::nullopt};
    for (auto m : split(t.get(r, "members"), ';'))
      if (!trim(m).empty()) reg.members.emplace_back(trim(m));
    const std::string_view colour = t.get(r, "colour");
    uint32_t rgb = 0;
    auto res = std::from_chars(colour.data(), colour.data() + colour.size(), rgb, 16);
    if (colour.size() == 6 && res.ec == std::errc() && res.ptr == colour.data() + colour.size()) reg.colour_rgb = rgb;
    else if (!colour.empty()) p.error(t.path, t.lines[r], "colour", "\"" + std::string(colour) + "\" is not RRGGBB");
    if (reg.region.empty()) p.error(t.path, t.lines[r], "region", "is empty");
    else regions.push_back(std::move(reg));
  }
  return regions;
}

namespace {

// The article's region groups and their colours (regions.csv).
void read_regions(const std::string& dir, Bundle& b, Problems& p) {
  if (auto regions = load_region_groups(dir + "/regions.csv", &p)) b.regions = std::move(*regions);
}

// Notes on how a field of an incident was derived (provenance.csv).
void read_notes(const std::string& dir, Bundle& b, Problems& p) {
  auto table = read_csv_table(dir + "/provenance.csv", {"incident_id", "field", "note"}, &p);
  if (!table) return;
  const CsvTable& t = *table;
  for (size_t r = 0; r < t.rows.size(); ++r)
    b.notes.push_back({std::string(t.get(r, "incident_id")), std::string(t.get(r, "field")),
                       std::string(t.get(r, "note")), t.lines[r]});
}

// The places the bundled incidents name, with their aliases (places.csv).
void read_places(const std::string& dir, Bundle& b, Problems& p) {
  auto table = read_csv_table(dir + "/places.csv", {"name", "aliases", "admin1", "country"}, &p);
  if (!table) return;
  const CsvTable& t = *table;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    BundlePlace place{std::string(t.get(r, "name")), {}, std::string(t.get(r, "admin1")), std::string(t.get(r, "country"))};
    for (auto a : split(t.get(r, "aliases"), ';'))
      if (!trim(a).empty()) place.aliases.emplace_back(trim(a));
    b.places.push_back(std::move(place));
  }
}

}  // namespace

std::optional<Bundle> load_bundle_tables(const std::string& dir, Problems* problems) {
  Problems local;
  Problems& p = problems ? *problems : local;
  const size_t errors_before = p.error_count();
  // Every table is read, so that one run reports the problems of all of them.
  Bundle b;
  read_sources(dir, b, p);
  read_citations(dir, b, p);
  read_aggregates(dir, b, p);
  read_regions(dir, b, p);
  read_notes(dir, b, p);
  read_places(dir, b, p);
  if (p.error_count() > errors_before) return std::nullopt;
  return b;
}

}  // namespace driftmap::core
