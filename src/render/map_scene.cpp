// Map layers as scene marks: area paths with their fills, outlines, incident circles.
#include "render/map_scene.hpp"

#include "render/boundary_mesh.hpp"

namespace driftmap::render {

namespace {

using core::GeoBox;
using core::Vec2;

Rgba mix(Rgba a, Rgba b, float t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, 1.f};
}

bool overlaps(const GeoBox& a, const GeoBox& b) {
  return a.min_lon <= b.max_lon && b.min_lon <= a.max_lon && a.min_lat <= b.max_lat && b.min_lat <= a.max_lat;
}

bool inside(const GeoBox& inner, const GeoBox& outer) {
  return outer.min_lon <= inner.min_lon && inner.max_lon <= outer.max_lon && outer.min_lat <= inner.min_lat &&
         inner.max_lat <= outer.max_lat;
}

// The area's rings projected, simplified (like the GL mesh) and in screen pixels.
std::vector<std::vector<Vec2>> screen_rings(const core::AdminArea& a, const MapSceneInputs& in) {
  std::vector<std::vector<Vec2>> out;
  const bool clip = !inside(a.bbox, in.area_of_interest);
  auto add = [&](const core::Ring& r) {
    const core::Ring pr = project_simplified(clip ? clip_ring(r, in.area_of_interest) : r, *in.projection, in.simplify_m);
    if (pr.size() < 3) return;
    std::vector<Vec2> s;
    s.reserve(pr.size());
    for (Vec2 p : pr) s.push_back(in.camera->world_to_screen(p));
    out.push_back(std::move(s));
  };
  for (const auto& poly : a.shape) {
    add(poly.outer);
    for (const auto& h : poly.holes) add(h);
  }
  return out;
}

std::string area_id(const core::AdminArea& a, size_t i) {
  std::string s = a.level == 0 ? "admin0-" : "admin1-";
  s += a.iso_a3.empty() ? std::to_string(i) : a.iso_a3 + "-" + std::to_string(i);
  return s;
}

bool counted(const std::vector<uint32_t>& c, size_t i) { return i < c.size() && c[i] > 0; }

Mark path_mark(const char* group, std::vector<std::vector<Vec2>> rings) {
  Mark k;
  k.kind = Mark::Kind::Path;
  k.group = group;
  k.rings = std::move(rings);
  return k;
}

void add_areas(Scene& scene, const MapSceneInputs& in) {
  const core::Boundaries& b = *in.boundaries;
  const Style& st = *in.style;
  const core::AreaCounts none;
  const core::AreaCounts& counts = in.counts ? *in.counts : none;
  const Rgba hl = st.area_highlight;
  const double lw1 = st.admin1_outline_px * in.camera->pixel_ratio(), lw0 = st.country_outline_px * in.camera->pixel_ratio();
  std::vector<std::vector<std::vector<Vec2>>> rings0(b.admin0().size()), rings1(b.admin1().size());
  for (size_t i = 0; i < b.admin0().size(); ++i)
    if (overlaps(b.admin0()[i].bbox, in.area_of_interest)) rings0[i] = screen_rings(b.admin0()[i], in);
  for (size_t i = 0; i < b.admin1().size(); ++i)
    if (overlaps(b.admin1()[i].bbox, in.area_of_interest)) rings1[i] = screen_rings(b.admin1()[i], in);

  for (size_t i = 0; i < rings0.size(); ++i) {
    if (rings0[i].empty()) continue;
    Mark k = path_mark("countries", rings0[i]);
    k.fill = counted(counts.admin0, i) ? mix(st.land, hl, hl.a) : st.land;
    k.id = area_id(b.admin0()[i], i);
    k.name = b.admin0()[i].name;
    scene.add(std::move(k));
  }
  for (size_t i = 0; i < rings1.size(); ++i) {
    if (rings1[i].empty()) continue;
    const auto& a = b.admin1()[i];
    Rgba c = st.land_region;
    if (auto p = b.find_admin0(a.iso_a3); p && counted(counts.admin0, *p)) c = mix(c, hl, hl.a);
    if (counted(counts.admin1, i)) c = mix(c, hl, hl.a);
    // The article's region fills go over the area-incident tint: they are never hidden by it.
    if (i < in.admin1_fill.size() && in.admin1_fill[i].a > 0) c = mix(c, in.admin1_fill[i], in.admin1_fill[i].a);
    Mark k = path_mark("provinces", rings1[i]);
    k.fill = c;
    k.id = area_id(a, i);
    k.name = a.name;
    scene.add(std::move(k));
  }
  for (size_t i = 0; i < rings1.size(); ++i) {
    if (rings1[i].empty()) continue;
    Mark k = path_mark("province-outlines", std::move(rings1[i]));
    k.stroke = st.admin1_outline;
    k.stroke_px = lw1;
    scene.add(std::move(k));
  }
  for (size_t i = 0; i < rings0.size(); ++i) {
    if (rings0[i].empty()) continue;
    Mark k = path_mark("country-outlines", std::move(rings0[i]));
    k.stroke = st.country_outline;
    k.stroke_px = lw0;
    scene.add(std::move(k));
  }
}

// Solid discs with a thin edge; month/year-precision dates as rings.
void add_incidents(Scene& scene, const MapSceneInputs& in) {
  const core::Dataset& d = *in.dataset;
  const Style& st = *in.style;
  const double ratio = in.camera->pixel_ratio();
  const double edge = st.point_edge_px * ratio, ring_w = st.ring_width_px * ratio;
  for (uint32_t row : in.points) {
    const Vec2 s = in.camera->world_to_screen(in.projection->forward(d.lon_deg()[row], d.lat_deg()[row]));
    const double r = st.point_radius_px(d.killed()[row], ratio);
    Mark k;
    k.kind = Mark::Kind::Circle;
    k.group = "incidents";
    k.x = s.x;
    k.y = s.y;
    k.fill = st.colour(d.type()[row]);
    if (const std::string id(d.id(row)); !id.empty()) k.id = "incident-" + id;
    if (d.start_precision(row) != core::DatePrecision::Day || d.date_reported(row)) {
      k.w = r;
      k.ring_px = ring_w;
    } else {
      k.w = r - edge;
      k.stroke = st.point_edge;
      k.stroke_px = edge;
    }
    scene.add(std::move(k));
  }
}

}  // namespace

void add_map_layers(Scene& scene, const MapSceneInputs& in) {
  if (!in.transparent) {
    Mark sea;
    sea.kind = Mark::Kind::Rect;
    sea.group = "sea";
    sea.w = scene.width_px;
    sea.h = scene.height_px;
    sea.fill = in.style->background;
    scene.add(std::move(sea));
  }
  add_areas(scene, in);
  add_incidents(scene, in);
}

}  // namespace driftmap::render
