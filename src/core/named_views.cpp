// Named map views; see named_views.hpp.
#include "core/named_views.hpp"

#include <algorithm>

#include "core/csv_table.hpp"
#include "core/geodata.hpp"
#include "core/text.hpp"

namespace driftmap::core {

std::vector<NamedView> load_named_views(const std::string& path, const Boundaries& boundaries, Problems* problems) {
  std::vector<NamedView> views;
  auto table = read_csv_table(path, {"view", "label", "countries"}, problems);
  if (!table) return views;
  const CsvTable& t = *table;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    NamedView v{std::string(trim(t.get(r, "view"))), std::string(trim(t.get(r, "label"))), {}};
    for (std::string_view code : split(t.get(r, "countries"), ';')) {
      code = trim(code);
      if (code.empty()) continue;
      if (!boundaries.find_admin0(code))
        problems->error(t.path, t.lines[r], "countries", "\"" + std::string(code) + "\" is not a country of the boundaries");
      else v.countries.emplace_back(code);
    }
    if (v.key.empty()) problems->error(t.path, t.lines[r], "view", "is empty");
    else views.push_back(std::move(v));
  }
  return views;
}

std::vector<NamedView> load_bundled_views(const Boundaries& boundaries, Problems* problems) {
  return load_named_views(geodata_file("views.csv"), boundaries, problems);
}

GeoBox named_view_box(const std::vector<NamedView>& views, std::string_view key, const Boundaries& boundaries) {
  GeoBox box;
  const auto v = std::find_if(views.begin(), views.end(), [&](const NamedView& x) { return x.key == key; });
  if (v == views.end()) return box;
  for (const std::string& code : v->countries)
    if (auto i = boundaries.find_admin0(code)) {
      const GeoBox& g = boundaries.admin0()[*i].bbox;
      box.extend(g.min_lon, g.min_lat);
      box.extend(g.max_lon, g.max_lat);
    }
  return box;
}

Vec2 home_projection_centre(const std::vector<NamedView>& views, const Boundaries& boundaries) {
  GeoBox box = named_view_box(views, kHomeView, boundaries);
  if (!box.valid())
    for (const AdminArea& a : boundaries.admin0()) {
      box.extend(a.bbox.min_lon, a.bbox.min_lat);
      box.extend(a.bbox.max_lon, a.bbox.max_lat);
    }
  if (!box.valid()) return {0, 0};
  return {box.centre_lon(), box.centre_lat()};
}

Vec2 bundled_home_projection_centre(const Boundaries& boundaries) {
  Problems ignored;
  return home_projection_centre(load_bundled_views(boundaries, &ignored), boundaries);
}

}  // namespace driftmap::core
