// Labels, region markers, badges and the choropleth; see scene_builder.hpp.
#include "app/viewer/scene_builder.hpp"

#include <algorithm>
#include <cmath>

#include "render/region_colours.hpp"

namespace driftmap::app {

void add_area_labels(ui::Scene& scene, const Workspace& ws) {
  const core::Projection& projection = ws.projection();
  for (int level = 0; level <= 1; ++level) {
    const auto& areas = level == 0 ? ws.boundaries().admin0() : ws.boundaries().admin1();
    for (const auto& a : areas) {
      const core::Vec2 w = projection.forward(a.label_lonlat.x, a.label_lonlat.y);
      if (!std::isfinite(w.x) || !std::isfinite(w.y)) continue;
      const double kx = 111320.0 * std::cos(a.bbox.centre_lat() * M_PI / 180.0);
      const double area = (a.bbox.max_lon - a.bbox.min_lon) * kx * (a.bbox.max_lat - a.bbox.min_lat) * 110574.0 * 0.5;
      scene.labels.push_back({a.name, w, level, area});
    }
  }
}

void add_region_markers(ui::Scene& scene, const Workspace& ws) {
  scene.shift_regions = ws.shift_regions;
  const core::Bundle* bundle = ws.bundle();
  if (!bundle) return;
  for (size_t r = 0; r < bundle->regions.size(); ++r) {
    core::Vec2 sum{};
    size_t n = 0;
    for (size_t a : ws.region_areas[r]) {
      const auto& ll = ws.boundaries().admin1()[a].label_lonlat;
      const core::Vec2 w = ws.projection().forward(ll.x, ll.y);
      sum.x += w.x, sum.y += w.y, ++n;
    }
    const bool shown =
        n > 0 && std::find(ws.shift_regions.begin(), ws.shift_regions.end(), r) != ws.shift_regions.end();
    scene.regions.push_back({shown ? bundle->regions[r].label : std::string(),
                             n ? core::Vec2{sum.x / double(n), sum.y / double(n)} : core::Vec2{}});
  }
}

void set_count_badges(ui::Scene& scene, const core::AreaCounts& ac, const Workspace& ws) {
  const core::Boundaries& b = ws.boundaries();
  scene.badges.clear();
  for (size_t i = 0; i < ac.admin1.size() && i < b.admin1().size(); ++i)
    if (ac.admin1[i] >= 2) {
      const auto& ll = b.admin1()[i].label_lonlat;
      scene.badges.push_back({ws.projection().forward(ll.x, ll.y), ac.admin1[i]});
    }
  for (size_t i = 0; i < ac.admin0.size() && i < b.admin0().size(); ++i)
    if (ac.admin0[i] >= 2) {
      const auto& ll = b.admin0()[i].label_lonlat;
      scene.badges.push_back({ws.projection().forward(ll.x, ll.y), ac.admin0[i]});
    }
}

std::vector<const void*> choropleth_key(bool show_ctc_shift, const std::vector<core::WindowFigure>& figures) {
  std::vector<const void*> key;
  if (show_ctc_shift)
    for (const auto& f : figures) key.push_back(f.share ? static_cast<const void*>(f.share) : f.statement);
  return key;
}

std::vector<render::Rgba> choropleth_fills(const Workspace& ws, bool show_ctc_shift,
                                          const std::vector<core::WindowFigure>& figures) {
  if (!show_ctc_shift || !ws.bundle()) return {};
  return render::figure_fills(*ws.bundle(), figures, ws.region_areas, ws.boundaries().admin1().size());
}

}  // namespace driftmap::app
