#include "core/gazetteer.hpp"

#include <algorithm>
#include <charconv>
#include <functional>
#include <set>

#include "core/csv_table.hpp"
#include "core/text.hpp"

namespace driftmap::core {

std::optional<Gazetteer> Gazetteer::load(const std::string& csv_path, Problems* problems) {
  auto table = read_csv_table(csv_path, {"name", "lat", "lon"}, problems);
  if (!table) return std::nullopt;
  const bool has_iso = table->column("iso_a3") >= 0;
  Gazetteer g;
  g.places_.reserve(table->rows.size());
  for (size_t r = 0; r < table->rows.size(); ++r) {
    Place p;
    p.name = std::string(table->get(r, "name"));
    p.admin1 = std::string(table->get(r, "admin1"));
    p.iso_a3 = std::string(has_iso ? table->get(r, "iso_a3") : table->get(r, "country"));
    p.geonameid = std::string(table->get(r, "geonameid"));
    const std::string_view lat = table->get(r, "lat"), lon = table->get(r, "lon");
    auto ra = std::from_chars(lat.data(), lat.data() + lat.size(), p.lat_deg);
    auto rb = std::from_chars(lon.data(), lon.data() + lon.size(), p.lon_deg);
    if (ra.ec != std::errc() || rb.ec != std::errc()) {
      if (problems) problems->error(csv_path, table->lines[r], "lat/lon", "not a number");
      continue;
    }
    const size_t idx = g.places_.size();
    std::set<std::string> keys{fold_name(p.name)};
    if (auto a = table->get(r, "ascii_name"); !a.empty()) keys.insert(fold_name(a));
    for (auto alias : split(table->get(r, "aliases"), ';'))
      if (!trim(alias).empty()) keys.insert(fold_name(trim(alias)));
    for (const auto& k : keys) g.by_key_.emplace(k, idx);
    g.places_.push_back(std::move(p));
  }
  return g;
}

std::optional<Gazetteer> Gazetteer::load(const std::vector<std::string>& csv_paths, Problems* problems) {
  Gazetteer all;
  for (const auto& path : csv_paths) {
    auto g = load(path, problems);
    if (!g) return std::nullopt;
    const size_t base = all.places_.size();
    for (auto& p : g->places_) all.places_.push_back(std::move(p));
    for (const auto& [key, idx] : g->by_key_) all.by_key_.emplace(key, base + idx);
  }
  return all;
}

std::vector<const Place*> Gazetteer::lookup(std::string_view name, std::string_view iso_a3,
                                            std::string_view admin1) const {
  std::vector<const Place*> all;
  auto range = by_key_.equal_range(fold_name(name));
  for (auto it = range.first; it != range.second; ++it) all.push_back(&places_[it->second]);
  std::sort(all.begin(), all.end(), std::less<const Place*>());  // file order, not hash order
  auto narrow = [&](auto pred) {
    std::vector<const Place*> kept;
    for (const Place* p : all)
      if (pred(*p)) kept.push_back(p);
    if (!kept.empty()) all = std::move(kept);
  };
  if (!iso_a3.empty()) narrow([&](const Place& p) { return p.iso_a3 == iso_a3; });
  if (!admin1.empty()) {
    const std::string a = fold_name(admin1);
    narrow([&](const Place& p) { return fold_name(p.admin1) == a; });
  }
  return all;
}

}  // namespace driftmap::core
