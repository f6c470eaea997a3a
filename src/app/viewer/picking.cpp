// Hit-testing points and areas; see picking.hpp.
#include "app/viewer/picking.hpp"

#include <algorithm>
#include <cmath>

namespace driftmap::app {

// No projected copy of every row is kept (16 bytes a row): rows are first compared with the
// cursor in degrees, with a box three times the largest point's radius, and only those inside are
// projected.
std::vector<uint32_t> pick_points(const Workspace& ws, const core::Camera& camera, const render::Style& st,
                                  core::DayInterval window, const core::IncidentFilter& filter, core::Vec2 m) {
  std::vector<std::pair<double, uint32_t>> hits;  // distance, row
  const core::Projection& projection = ws.projection();
  const double ratio = camera.pixel_ratio();
  const core::Dataset& d = ws.active();
  const core::Vec2 mouse_m = camera.screen_to_world(m);
  const core::Vec2 mouse_ll = projection.inverse(mouse_m.x, mouse_m.y);
  if (!std::isfinite(mouse_ll.x) || !std::isfinite(mouse_ll.y)) return {};
  const double reach_m = 3 * (st.point_max_radius_px + 3) * ratio * camera.metres_per_px();
  const double reach_lat = reach_m / 110574.0;
  const double reach_lon = reach_m / (111320.0 * std::max(0.02, std::cos(mouse_ll.y * M_PI / 180.0)));
  d.for_each_in_window(window, [&](uint32_t i) {
    if (!core::is_point_precision(d.location_precision()[i])) return;
    const double dlon = std::abs(std::remainder(double(d.lon_deg()[i]) - mouse_ll.x, 360.0));
    if (std::abs(double(d.lat_deg()[i]) - mouse_ll.y) > reach_lat || dlon > reach_lon) return;
    if (!filter.passes(d, i)) return;
    const core::Vec2 p = camera.world_to_screen(projection.forward(d.lon_deg()[i], d.lat_deg()[i]));
    const double r = st.point_radius_px(d.killed()[i], ratio) + 3 * ratio;
    const double dist = std::hypot(p.x - m.x, p.y - m.y);
    if (dist <= r) hits.emplace_back(dist, i);
  });
  // Rows are sorted by start day, so equal distances keep date order.
  std::sort(hits.begin(), hits.end());
  std::vector<uint32_t> rows;
  rows.reserve(hits.size());
  for (const auto& h : hits) rows.push_back(h.second);
  return rows;
}

std::optional<uint32_t> pick_point(const Workspace& ws, const core::Camera& camera, const render::Style& st,
                                   core::DayInterval window, const core::IncidentFilter& filter, core::Vec2 m) {
  const std::vector<uint32_t> rows = pick_points(ws, camera, st, window, filter, m);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::string AreaIncidents::title() const {
  const std::string where = province.empty() ? country : country.empty() ? province : province + ", " + country;
  return where + ": area-level incidents in the window";
}

std::vector<uint32_t> AreaIncidents::rows() const {
  std::vector<uint32_t> all = province_rows;
  all.insert(all.end(), country_rows.begin(), country_rows.end());
  return all;
}

AreaIncidents area_incidents_at(const Workspace& ws, const core::Camera& camera, core::DayInterval window,
                                const core::IncidentFilter& filter, core::Vec2 m) {
  AreaIncidents found;
  const core::Vec2 w = camera.screen_to_world(m);
  const core::Vec2 ll = ws.projection().inverse(w.x, w.y);
  if (!std::isfinite(ll.x) || !std::isfinite(ll.y)) return found;
  const core::Boundaries& b = ws.boundaries();
  const core::Dataset& d = ws.active();
  if (const auto a1 = b.admin1_at(ll.x, ll.y)) {
    found.province_rows = ws.areas().rows_in_window(d, window, filter, {1, uint32_t(*a1)});
    if (!found.province_rows.empty()) found.province = b.admin1()[*a1].name;
  }
  if (const auto a0 = b.admin0_at(ll.x, ll.y)) {
    found.country_rows = ws.areas().rows_in_window(d, window, filter, {0, uint32_t(*a0)});
    if (!found.country_rows.empty() || !found.province.empty()) found.country = b.admin0()[*a0].name;
  }
  return found;
}

AreaHit regions_at(const Workspace& ws, const core::Camera& camera, core::Vec2 m) {
  AreaHit hit;
  const core::Vec2 w = camera.screen_to_world(m);
  const core::Vec2 ll = ws.projection().inverse(w.x, w.y);
  if (!std::isfinite(ll.x) || !std::isfinite(ll.y)) return hit;
  const auto a = ws.boundaries().admin1_at(ll.x, ll.y);
  if (!a) return hit;
  for (size_t r : ws.shift_regions)
    if (std::find(ws.region_areas[r].begin(), ws.region_areas[r].end(), *a) != ws.region_areas[r].end())
      hit.regions.push_back(r);
  if (!hit.regions.empty()) hit.name = ws.boundaries().admin1()[*a].name;
  return hit;
}

}  // namespace driftmap::app
