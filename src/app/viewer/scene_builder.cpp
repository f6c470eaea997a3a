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

void set_stack_badges(ui::Scene& scene, const Workspace& ws, core::DayInterval w, const core::IncidentFilter& filter) {
  scene.stack_badges.clear();
  const core::Dataset& d = ws.active();
  for (const core::PointStack& s : ws.stacks()) {
    ui::AreaBadge b{.world_m = ws.projection().forward(s.lon_deg, s.lat_deg), .stack = true};
    for (uint32_t r : s.rows)
      if (filter.shown(d, w, r)) ++b.count, b.killed_max = std::max(b.killed_max, d.killed()[r]);
    if (b.count >= 2 && std::isfinite(b.world_m.x) && std::isfinite(b.world_m.y)) scene.stack_badges.push_back(b);
  }
}

void set_marks(ui::Scene& scene, const Workspace& ws, core::DayInterval w, const core::IncidentFilter& filter,
               size_t rows_in_window) {
  scene.marks.clear();
  if (rows_in_window > ui::Scene::kMaxMarks) return;
  const core::Dataset& d = ws.active();
  d.for_each_in_window(w, [&](uint32_t r) {
    if (!core::is_point_precision(d.location_precision()[r]) || !filter.passes(d, r)) return;
    const core::Vec2 p = ws.projection().forward(d.lon_deg()[r], d.lat_deg()[r]);
    if (std::isfinite(p.x) && std::isfinite(p.y)) scene.marks.push_back({p, d.killed()[r]});
  });
}

std::vector<std::vector<core::Vec2>> area_outline_m(const Workspace& ws, uint32_t row) {
  std::vector<std::vector<core::Vec2>> rings;
  if (row >= ws.areas().area_of_row().size()) return rings;
  const core::AreaRef a = ws.areas().area(row);
  if (!a.valid()) return rings;
  const auto& areas = a.level == 0 ? ws.boundaries().admin0() : ws.boundaries().admin1();
  if (a.index >= areas.size()) return rings;
  constexpr double kTolerance_m = 1000;  // under a pixel at any zoom that shows a whole province
  for (const core::Polygon& poly : core::project(areas[a.index].shape, ws.projection())) {
    std::vector<core::Vec2> pts = poly.outer;
    if (pts.size() < 3) continue;
    pts.push_back(pts.front());
    std::vector<char> keep(pts.size(), 0);
    keep.front() = keep.back() = 1;
    core::douglas_peucker(pts, 0, pts.size() - 1, kTolerance_m * kTolerance_m, keep);
    std::vector<core::Vec2> kept;
    for (size_t i = 0; i < pts.size(); ++i)
      if (keep[i] && std::isfinite(pts[i].x) && std::isfinite(pts[i].y)) kept.push_back(pts[i]);
    if (kept.size() >= 3) rings.push_back(std::move(kept));
  }
  return rings;
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
