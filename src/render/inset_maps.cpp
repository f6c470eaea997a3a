// Inset and locator maps: their places, projections and cameras, and their scenes.
#include "render/inset_maps.hpp"

#include <algorithm>
#include <cmath>

#include "core/inset_placement.hpp"
#include "render/gl_objects.hpp"
#include "render/map_renderer.hpp"
#include "render/map_scene.hpp"

namespace driftmap::render {

using core::GeoBox;
using core::Vec2;

namespace {

// Map widths as shares of the frame's geometric mean side (so that a portrait page gets insets
// as legible as a landscape slide), at most kMaxWidthShare of the frame's width: big enough to
// read a province, small enough that two insets and the locator leave the middle to the cluster.
constexpr double kInsetSideShare = 0.29, kLocatorSideShare = 0.25, kMaxWidthShare = 0.42;
constexpr double kMapAspect = 4.0 / 3.0;  // width / height of an inset's map
// The locator shows this many times the main frame's size around it, at least kLocatorMinKm
// wide and at most kLocatorMaxKm (or kLocatorMaxZoomOut times a wider frame): a continent, not a
// hemisphere, so that its countries stay recognisable at the size of a corner.
constexpr double kLocatorZoomOut = 3.0, kLocatorMinKm = 3000, kLocatorMaxKm = 9000, kLocatorMaxZoomOut = 1.5;
// An inset shows at least this much ground across: a city alone is unrecognisable, its
// neighbouring provinces, coasts and borders say where it is.
constexpr double kInsetMinKm = 1400;

std::string km_text(double km) {
  const long r = km >= 100 ? std::lround(km / 10) * 10 : std::lround(km);
  std::string s = std::to_string(r);
  for (int i = int(s.size()) - 3; i > 0; i -= 3) s.insert(size_t(i), ",");
  return s + " km";
}

// Eight-point compass direction of the initial great-circle bearing from a to b.
const char* compass(double lon1, double lat1, double lon2, double lat2) {
  constexpr double kRad = 3.14159265358979323846 / 180;
  const double dl = (lon2 - lon1) * kRad, p1 = lat1 * kRad, p2 = lat2 * kRad;
  const double bearing = std::atan2(std::sin(dl) * std::cos(p2), std::cos(p1) * std::sin(p2) - std::sin(p1) * std::cos(p2) * std::cos(dl));
  static const char* kNames[] = {"N", "NE", "E", "SE", "S", "SW", "W", "NW"};
  const int i = int(std::lround(std::fmod(bearing / kRad + 360.0, 360.0) / 45.0)) % 8;
  return kNames[i];
}

// The outline of an image rectangle through a camera and projection, as lon/lat (edges sampled).
std::vector<Vec2> outline_lonlat(const PxRect& r, const core::Camera& cam, const core::Projection& proj) {
  std::vector<Vec2> out;
  constexpr int kSteps = 16;
  const Vec2 corners[] = {{double(r.x), double(r.y)}, {double(r.x + r.w), double(r.y)},
                          {double(r.x + r.w), double(r.y + r.h)}, {double(r.x), double(r.y + r.h)}};
  for (int c = 0; c < 4; ++c)
    for (int i = 0; i < kSteps; ++i) {
      const Vec2 a = corners[c], b = corners[(c + 1) % 4];
      const double t = double(i) / kSteps;
      const Vec2 w = cam.screen_to_world({a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t});
      const Vec2 ll = proj.inverse(w.x, w.y);
      if (std::isfinite(ll.x) && std::isfinite(ll.y)) out.push_back(ll);
    }
  return out;
}

struct Pending {
  InsetMap map;
  std::pair<Vec2, Vec2> bounds_m;  // what its map shows, in its projection
  int caption_h = 0;
};

double map_width(const PxRect& F, double share) {
  return std::round(std::min(kMaxWidthShare * F.w, share * std::sqrt(double(F.w) * double(F.h))));
}

// Cameras, area of interest and simplification for a placed inset showing bounds_m.
void fit_inset(Pending& p, const MapLayout& main, int caption_h, double ratio) {
  InsetMap& m = p.map;
  m.map_rect = {m.rect.x, m.rect.y + caption_h, m.rect.w, m.rect.h - caption_h};
  MapLayout on_image = main;
  on_image.map_frame = m.map_rect;
  m.image_camera = fit_camera(on_image, p.bounds_m.first, p.bounds_m.second, ratio);
  MapLayout own;
  own.width_px = m.rect.w, own.height_px = m.rect.h, own.px_per_pt = main.px_per_pt;
  own.map_frame = {0, caption_h, m.map_rect.w, m.map_rect.h};
  m.local_camera = fit_camera(own, p.bounds_m.first, p.bounds_m.second, ratio);
  m.simplify_m = simplify_tolerance_m(m.image_camera);
  const Vec2 lo = m.image_camera.screen_to_world({double(m.map_rect.x), double(m.map_rect.y + m.map_rect.h)});
  const Vec2 hi = m.image_camera.screen_to_world({double(m.map_rect.x + m.map_rect.w), double(m.map_rect.y)});
  GeoBox aoi = core::lonlat_bounds(m.projection, lo, hi);
  const double pad = 0.05 * std::max(aoi.max_lon - aoi.min_lon, aoi.max_lat - aoi.min_lat) + 0.1;
  m.area_of_interest = {std::max(-180.0, aoi.min_lon - pad), std::max(-90.0, aoi.min_lat - pad),
                        std::min(180.0, aoi.max_lon + pad), std::min(90.0, aoi.max_lat + pad)};
}

// The inset for one outlier, sized for its caption (not yet placed).
Pending outlier_inset(const InsetPlanInputs& in, size_t i, size_t k, core::InsetRequest* request) {
  const core::FrameOutlier& o = in.framing->outliers[i];
  const GeoBox& f = in.framing->frame;
  std::string name = o.name;
  if (const auto c = in.boundaries->admin0_at(o.lon_deg, o.lat_deg)) {
    const std::string& country = in.boundaries->admin0()[*c].name;
    if (name.find(country) == std::string::npos) name += ", " + country;
  }
  Pending p{InsetMap(core::Projection::laea(o.lon_deg, o.lat_deg)), {}};
  p.map.id = "inset-" + std::to_string(k + 1);
  p.map.name = "Inset: " + o.name;
  const std::string where = km_text(core::distance_km(f.centre_lon(), f.centre_lat(), o.lon_deg, o.lat_deg)) + " " +
                            compass(f.centre_lon(), f.centre_lat(), o.lon_deg, o.lat_deg);
  p.map.outlier = int(i);
  p.bounds_m = core::projected_bounds(p.map.projection, o.box);
  auto& [lo, hi] = p.bounds_m;
  const Vec2 mid{0.5 * (lo.x + hi.x), 0.5 * (lo.y + hi.y)};
  const double half = std::max(500.0 * kInsetMinKm, 0.5 * std::max(hi.x - lo.x, hi.y - lo.y));
  lo = {mid.x - half, mid.y - half / kMapAspect};
  hi = {mid.x + half, mid.y + half / kMapAspect};
  // The caption on one line when it fits the widest inset allowed, else the distance below.
  const MapLayout& L = *in.layout;
  TextRasterizer& bold = *in.fonts->bold;
  bold.set_pixel_size(L.pt(9));
  const double map_w = map_width(L.map_frame, kInsetSideShare), max_w = kMaxWidthShare * L.map_frame.w;
  const int pad = L.pt(3);
  p.map.caption = {name + " · " + where};
  if (bold.measure(p.map.caption[0]) + 2 * pad > max_w) p.map.caption = {name, where};
  double text_w = 0;
  for (const std::string& line : p.map.caption) text_w = std::max(text_w, double(bold.measure(line)));
  p.caption_h = int(p.map.caption.size()) * (bold.ascender_px() + bold.descender_px()) + 2 * pad;
  request->w_px = std::round(std::min(max_w, std::max(map_w, text_w + 2 * pad)));
  request->h_px = std::round(map_w / kMapAspect) + p.caption_h;
  const Vec2 s = in.camera->world_to_screen(in.projection->forward(o.lon_deg, o.lat_deg));
  if (std::isfinite(s.x) && std::isfinite(s.y)) request->towards = s;
  return p;
}

// The locator's projection and extent: the main frame zoomed out around its centre, widened to
// take in every inset's area.
void frame_locator(Pending& p, const InsetPlanInputs& in, const std::vector<Pending>& insets) {
  const PxRect& F = in.layout->map_frame;
  p.map.boxes_lonlat.push_back(outline_lonlat(F, *in.camera, *in.projection));
  for (const Pending& q : insets) p.map.boxes_lonlat.push_back(outline_lonlat(q.map.map_rect, q.map.image_camera, q.map.projection));
  const Vec2 cw = in.camera->screen_to_world({F.x + 0.5 * F.w, F.y + 0.5 * F.h});
  const Vec2 c = in.projection->inverse(cw.x, cw.y);
  p.map.projection = core::Projection::laea(std::round(c.x), std::round(c.y));
  Vec2 lo{1e300, 1e300}, hi{-1e300, -1e300};
  auto extend = [&](Vec2 q) { lo = {std::min(lo.x, q.x), std::min(lo.y, q.y)}, hi = {std::max(hi.x, q.x), std::max(hi.y, q.y)}; };
  for (Vec2 ll : p.map.boxes_lonlat[0]) extend(p.map.projection.forward(ll.x, ll.y));
  const Vec2 mid{0.5 * (lo.x + hi.x), 0.5 * (lo.y + hi.y)};
  const double frame_half = 0.5 * std::max(hi.x - lo.x, hi.y - lo.y);
  const double half = std::clamp(kLocatorZoomOut * frame_half, 500.0 * kLocatorMinKm,
                                 std::max(500.0 * kLocatorMaxKm, kLocatorMaxZoomOut * frame_half));
  extend({mid.x - half, mid.y - half / kMapAspect});
  extend({mid.x + half, mid.y + half / kMapAspect});
  for (size_t i = 1; i < p.map.boxes_lonlat.size(); ++i)
    for (Vec2 ll : p.map.boxes_lonlat[i]) extend(p.map.projection.forward(ll.x, ll.y));
  const double air = 0.06 * std::max(hi.x - lo.x, hi.y - lo.y);
  p.bounds_m = {{lo.x - air, lo.y - air}, {hi.x + air, hi.y + air}};
}

}  // namespace

FrameMarks frame_marks(const FrameMarksInputs& in, const std::vector<core::DayInterval>& periods,
                       const core::Framing* framing) {
  FrameMarks marks;
  std::vector<core::PxBox>& out = marks.obstacles;
  if (framing) marks.outlier_weight.assign(framing->outliers.size(), 0.0);
  const core::Dataset& d = *in.dataset;
  const double ratio = in.camera->pixel_ratio();
  auto add = [&](double lon, double lat, double r) {
    const Vec2 s = in.camera->world_to_screen(in.projection->forward(lon, lat));
    if (std::isfinite(s.x) && std::isfinite(s.y) && in.frame.contains(s.x, s.y)) out.push_back({s.x - r, s.y - r, s.x + r, s.y + r});
  };
  for (const core::DayInterval w : periods) {
    if (w.end_day <= w.start_day) continue;
    d.for_each_in_window(w, [&](size_t row) {
      if (!core::is_point_precision(d.location_precision()[row]) || !in.filter.passes(d, row)) return;
      const double lon = d.lon_deg()[row], lat = d.lat_deg()[row];
      add(lon, lat, in.style->point_radius_px(d.killed()[row], ratio));
      for (size_t i = 0; i < marks.outlier_weight.size(); ++i)
        if (framing->outliers[i].box.contains(lon, lat)) marks.outlier_weight[i] += 1.0 + std::max(0, d.killed()[row]);
    });
    if (!in.areas) continue;
    const core::AreaCounts c = in.areas->counts_in_window(d, w, in.filter);
    auto badges = [&](const std::vector<uint32_t>& n, const std::vector<core::AdminArea>& list) {
      for (size_t i = 0; i < std::min(n.size(), list.size()); ++i)
        if (n[i]) add(list[i].label_lonlat.x, list[i].label_lonlat.y, in.badge_radius_px);
    };
    badges(c.admin0, in.boundaries->admin0());
    badges(c.admin1, in.boundaries->admin1());
  }
  return marks;
}

std::vector<const InsetMap*> shown_insets(const std::vector<InsetMap>& insets, const core::Framing& framing,
                                          const core::Framing& reached) {
  std::vector<const InsetMap*> out;
  for (const InsetMap& i : insets)
    if (i.outlier < 0 || std::any_of(reached.outliers.begin(), reached.outliers.end(), [&](const core::FrameOutlier& o) {
          return o.name == framing.outliers[size_t(i.outlier)].name;
        }))
      out.push_back(&i);
  return out;
}

core::Framing without_insets(const core::Framing& reached, const core::Framing& framing,
                             const std::vector<const InsetMap*>& shown) {
  core::Framing f = reached;
  for (const InsetMap* i : shown)
    if (i->outlier >= 0)
      std::erase_if(f.outliers, [&](const core::FrameOutlier& o) { return o.name == framing.outliers[size_t(i->outlier)].name; });
  return f;
}

bool wants_locator(const core::Projection& projection, const core::Camera& camera, const PxRect& F) {
  if (projection.kind() == core::ProjectionKind::EqualEarth) return false;
  const double y = F.y + 0.5 * F.h;
  const Vec2 aw = camera.screen_to_world({double(F.x), y}), bw = camera.screen_to_world({double(F.x + F.w), y});
  const Vec2 a = projection.inverse(aw.x, aw.y), b = projection.inverse(bw.x, bw.y);
  if (!std::isfinite(a.x) || !std::isfinite(b.x)) return false;
  return core::distance_km(a.x, a.y, b.x, b.y) < core::FramingRules::kWorldSpanKm;
}

std::vector<InsetMap> plan_insets(const InsetPlanInputs& in) {
  const MapLayout& L = *in.layout;
  const PxRect& F = L.map_frame;
  std::vector<Pending> pending;
  std::vector<core::InsetRequest> requests;
  if (in.insets && in.framing) {
    std::vector<size_t> order(in.framing->outliers.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (in.outlier_weight.size() == order.size())  // the outliers come nearest first: ties stay so
      std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return in.outlier_weight[a] > in.outlier_weight[b]; });
    for (size_t k = 0; k < std::min(kMaxInsets, order.size()); ++k) {
      requests.emplace_back();
      pending.push_back(outlier_inset(in, order[k], k, &requests.back()));
    }
  }
  if (in.locator) {
    const double w = map_width(F, kLocatorSideShare);
    core::InsetRequest r;
    r.w_px = w, r.h_px = std::round(w / kMapAspect);
    requests.push_back(r);
  }
  const core::PxBox frame{double(F.x), double(F.y), double(F.x + F.w), double(F.y + F.h)};
  const auto spots = core::place_insets(requests, in.obstacles, frame, L.pt(8));
  std::vector<Pending> placed;
  for (size_t i = 0; i < pending.size(); ++i) {
    if (!spots[i]) continue;
    const core::PxBox& b = *spots[i];
    pending[i].map.rect = {int(b.x0), int(b.y0), int(b.x1 - b.x0), int(b.y1 - b.y0)};
    fit_inset(pending[i], L, pending[i].caption_h, in.pixel_ratio);
    placed.push_back(std::move(pending[i]));
  }
  std::vector<InsetMap> out;
  if (in.locator && spots.back()) {
    const core::PxBox& b = *spots.back();
    Pending loc{InsetMap(core::Projection::laea(0, 0)), {}};
    loc.map.id = "locator";
    loc.map.name = "Locator map";
    loc.map.rect = {int(b.x0), int(b.y0), int(b.x1 - b.x0), int(b.y1 - b.y0)};
    frame_locator(loc, in, placed);
    fit_inset(loc, L, 0, in.pixel_ratio);
    out.push_back(std::move(loc.map));
  }
  for (Pending& p : placed) out.push_back(std::move(p.map));
  return out;
}

ScenePanel inset_panel(const InsetMap& m, const InsetSceneInputs& in) {
  const Style& st = *in.style;
  const int caption_h = m.map_rect.y - m.rect.y;
  Scene s;
  s.width_px = m.rect.w;
  s.height_px = m.rect.h;
  s.dpi = in.dpi;
  s.title = m.name;
  s.map_frame = {0, caption_h, m.map_rect.w, m.map_rect.h};
  auto pt = [&](double points) { return std::max(1.0, std::round(points * in.px_per_pt)); };
  if (in.map_layers) {
    std::vector<uint32_t> rows;
    const core::Dataset& d = *in.dataset;
    if (m.outlier >= 0 && in.window.end_day > in.window.start_day)
      d.for_each_in_window(in.window, [&](size_t row) {
        if (!core::is_point_precision(d.location_precision()[row]) || !in.filter.passes(d, row)) return;
        const Vec2 p = m.local_camera.world_to_screen(m.projection.forward(d.lon_deg()[row], d.lat_deg()[row]));
        if (s.map_frame.contains(p.x, p.y)) rows.push_back(uint32_t(row));
      });
    std::sort(rows.begin(), rows.end());
    const Style style = small_map_style(m, st);
    core::AreaCounts counts;
    if (m.outlier >= 0 && in.areas && in.window.end_day > in.window.start_day)
      counts = in.areas->counts_in_window(d, in.window, in.filter);
    add_map_layers(s, {.boundaries = in.boundaries, .dataset = in.dataset, .camera = &m.local_camera,
                       .projection = &m.projection, .style = &style, .area_of_interest = m.area_of_interest,
                       .simplify_m = m.simplify_m, .transparent = in.transparent, .counts = &counts,
                       .admin1_fill = {}, .points = rows});
    if (m.outlier < 0)
      for (auto& layer : s.layers)
        if (layer.spec->id == std::string_view("provinces") || layer.spec->id == std::string_view("province-outlines"))
          layer.marks.clear();
  }
  if (caption_h > 0) {
    Mark band;
    band.kind = Mark::Kind::Rect, band.group = "paper", band.w = m.rect.w, band.h = caption_h;
    band.fill = paper_colour(st);
    s.add(std::move(band));
    TextRasterizer& bold = *in.fonts->bold;
    const int size = int(pt(9));
    bold.set_pixel_size(size);
    for (size_t i = 0; i < m.caption.size(); ++i) {
      Mark t;
      t.kind = Mark::Kind::Text, t.group = "header", t.x = pt(3);
      t.y = pt(3) + bold.ascender_px() + double(i) * (bold.ascender_px() + bold.descender_px());
      t.text = m.caption[i], t.size_px = size, t.bold = true, t.fill = st.text;
      s.add(std::move(t));
    }
  }
  for (size_t i = 0; i < m.boxes_lonlat.size(); ++i) {
    std::vector<Vec2> ring;
    for (Vec2 ll : m.boxes_lonlat[i]) ring.push_back(m.local_camera.world_to_screen(m.projection.forward(ll.x, ll.y)));
    Mark box;
    box.kind = Mark::Kind::Path, box.group = "extents", box.rings = {std::move(ring)};
    box.stroke = st.extent_box, box.stroke_px = pt(i == 0 ? 1.5 : 0.9);
    box.name = i == 0 ? "Main map" : "Inset";
    s.add(std::move(box));
  }
  Mark frame;
  frame.kind = Mark::Kind::Rect, frame.group = "frame", frame.w = m.rect.w, frame.h = m.rect.h;
  frame.stroke = Rgba{st.text.r, st.text.g, st.text.b, 0.85f}, frame.stroke_px = pt(0.9);
  s.add(std::move(frame));
  return {m.id, m.name, m.rect.x, m.rect.y, std::move(s)};
}

Style small_map_style(const InsetMap& m, const Style& style) {
  if (m.outlier >= 0) return style;
  // The locator (drawn without provinces): thinner outlines, so that the box around the main
  // frame reads first.
  Style s = style;
  s.country_outline_px *= 0.6f;
  return s;
}

InsetRenderers::InsetRenderers() = default;
InsetRenderers::~InsetRenderers() = default;

void InsetRenderers::draw(const std::vector<InsetMap>& all, const std::vector<const InsetMap*>& active,
                          const InsetDrawInputs& in) {
  renderers_.resize(all.size());
  for (const InsetMap* m : active) {
    auto& r = renderers_[size_t(m - all.data())];
    if (!r) {
      r = std::make_unique<MapRenderer>(*in.boundaries, m->projection, small_map_style(*m, *in.style),
                                        MapRendererOptions{.area_of_interest = m->area_of_interest,
                                                           .simplify_m = m->simplify_m,
                                                           .outline_levels_of_detail = false,
                                                           .provinces = m->outlier >= 0});
      if (m->outlier >= 0) r->set_dataset(in.dataset, in.areas);
      if (m->outlier >= 0 && !in.visible.empty()) r->set_visibility(in.visible);
    }
    const PxRect& R = m->map_rect;
    glEnable(GL_SCISSOR_TEST);
    glScissor(R.x, in.image_height_px - (R.y + R.h), R.w, R.h);
    if (in.transparent) {
      glClearColor(0, 0, 0, 0);
      glClear(GL_COLOR_BUFFER_BIT);
    }
    r->draw(m->image_camera, {.window = in.window, .type_mask = in.type_mask, .killed_min = in.killed_min,
                              .clear = !in.transparent, .points = m->outlier >= 0,
                              .area_highlights = m->outlier >= 0 && in.areas,
                              .cache_base = false});
  }
}

void draw_panel_marks(RgbaImage& img, const ScenePanel& p, Fonts& fonts) {
  const double dx = p.x_px, dy = p.y_px;
  for (const auto& layer : p.scene.layers) {
    if (layer.spec->raster != RasterBy::Marks || layer.marks.empty()) continue;
    std::vector<Mark> moved = layer.marks;
    for (Mark& k : moved) {
      k.x += dx, k.y += dy;
      for (Vec2& q : k.points) q = {q.x + dx, q.y + dy};
      for (auto& r : k.rings)
        for (Vec2& q : r) q = {q.x + dx, q.y + dy};
    }
    draw_marks(img, moved, fonts);
  }
}

}  // namespace driftmap::render
