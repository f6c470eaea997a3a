// Export labels and the outside-the-frame markers, as Marks in image pixels.
#include "render/map_labels.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

namespace driftmap::render {

using core::LabelKind;
using core::LabelPriority;
using core::PxBox;
using core::Vec2;

namespace {

struct TextStyle {
  int size_px = 0;
  bool bold = false;
  Rgba colour;
};

// Label sizes in points: places read first, countries next, provinces quietest (never under
// the 8 pt a slide needs).
struct LabelStyles {
  TextStyle place, country, province;
  Rgba halo;
  double halo_px = 0;
};

LabelStyles label_styles(const MapLayout& L, const Style& s) {
  LabelStyles ls;
  ls.place = {L.pt(9.5), true, s.text};
  ls.country = {L.pt(10), false, Rgba{s.text.r, s.text.g, s.text.b, 0.72f}};
  ls.province = {L.pt(8), false, Rgba{s.text.r, s.text.g, s.text.b, 0.55f}};
  ls.halo = Rgba{s.land.r, s.land.g, s.land.b, 0.85f};
  ls.halo_px = std::max(1.0, 1.2 * L.px_per_pt);
  return ls;
}

struct Candidate {
  std::string text;
  TextStyle style;
};

double text_height(Fonts& f, const TextStyle& t) {
  TextRasterizer& r = t.bold ? *f.bold : *f.regular;
  r.set_pixel_size(t.size_px);
  return r.ascender_px() + r.descender_px();
}
double text_width(Fonts& f, const TextStyle& t, const std::string& s) {
  TextRasterizer& r = t.bold ? *f.bold : *f.regular;
  r.set_pixel_size(t.size_px);
  return r.measure(s);
}
int ascender(Fonts& f, const TextStyle& t) {
  TextRasterizer& r = t.bold ? *f.bold : *f.regular;
  r.set_pixel_size(t.size_px);
  return r.ascender_px();
}

Mark text_mark(const char* group, double x, double baseline, const std::string& s, const TextStyle& t, Rgba halo,
               double halo_px) {
  Mark k;
  k.kind = Mark::Kind::Text, k.group = group, k.x = x, k.y = baseline, k.text = s, k.size_px = t.size_px;
  k.bold = t.bold, k.fill = t.colour, k.stroke = halo, k.stroke_px = halo_px;
  return k;
}

// The on-screen width of an area's box (corners and edge midpoints projected).
double screen_width(const MapLabelScene& sc, const core::GeoBox& b) {
  double lo = 1e300, hi = -1e300;
  for (double lon : {b.min_lon, b.centre_lon(), b.max_lon})
    for (double lat : {b.min_lat, b.centre_lat(), b.max_lat}) {
      const Vec2 s = sc.camera->world_to_screen(sc.projection->forward(lon, lat));
      if (!std::isfinite(s.x)) continue;
      lo = std::min(lo, s.x), hi = std::max(hi, s.x);
    }
  return hi - lo;
}

PxBox inset(const PxRect& r, double by) { return {r.x + by, r.y + by, r.x + r.w - by, r.y + r.h - by}; }

// Where an area's name goes on screen: its label point, each projected once.
std::vector<Vec2> label_points(const MapLabelScene& sc, const std::vector<core::AdminArea>& areas) {
  std::vector<Vec2> out(areas.size());
  for (size_t i = 0; i < areas.size(); ++i)
    out[i] = sc.camera->world_to_screen(sc.projection->forward(areas[i].label_lonlat.x, areas[i].label_lonlat.y));
  return out;
}

// A country whose label point lies outside the frame (Russia on a map of Moscow) is named at its
// largest province inside the frame, so that every country the map shows is named.
std::vector<Vec2> country_anchors(const MapLabelScene& sc, const std::vector<Vec2>& at0, const std::vector<Vec2>& at1) {
  const auto& a0 = sc.boundaries->admin0();
  const auto& a1 = sc.boundaries->admin1();
  const PxRect& F = sc.layout->map_frame;
  std::vector<Vec2> out = at0;
  std::vector<double> best(a0.size(), -1);
  for (size_t i = 0; i < a1.size(); ++i) {
    if (!F.contains(at1[i].x, at1[i].y)) continue;
    const auto c = sc.boundaries->find_admin0(a1[i].iso_a3);
    if (!c || F.contains(at0[*c].x, at0[*c].y)) continue;
    const double size = screen_width(sc, a1[i].bbox);
    if (size > best[*c]) best[*c] = size, out[*c] = at1[i];
  }
  return out;
}

// Provinces with province-level incidents first, then countries and provinces large enough on
// screen to hold their name (measured only when their label point is in the frame).
template <class Add>
void add_area_labels(const MapLabelScene& sc, Fonts& fonts, const LabelStyles& ls, Add&& add) {
  const auto& a0 = sc.boundaries->admin0();
  const auto& a1 = sc.boundaries->admin1();
  const PxRect& F = sc.layout->map_frame;
  const std::vector<Vec2> at1 = label_points(sc, a1);
  const std::vector<Vec2> at0 = country_anchors(sc, label_points(sc, a0), at1);
  for (size_t i : sc.incident_admin1)
    if (i < a1.size()) add(at1[i], a1[i].name, ls.place, LabelKind::Area, LabelPriority::IncidentPlace, 0);
  for (size_t i = 0; i < a0.size(); ++i)
    if (F.contains(at0[i].x, at0[i].y) && screen_width(sc, a0[i].bbox) >= 1.2 * text_width(fonts, ls.country, a0[i].name))
      add(at0[i], a0[i].name, ls.country, LabelKind::Area, LabelPriority::Country, 0);
  for (size_t i = 0; i < a1.size(); ++i) {
    if (!F.contains(at1[i].x, at1[i].y)) continue;
    if (std::find(sc.incident_admin1.begin(), sc.incident_admin1.end(), i) != sc.incident_admin1.end()) continue;
    if (screen_width(sc, a1[i].bbox) >= 1.1 * text_width(fonts, ls.province, a1[i].name))
      add(at1[i], a1[i].name, ls.province, LabelKind::Area, LabelPriority::Province, 0);
  }
}

}  // namespace

std::vector<Mark> label_marks(const MapLabelScene& sc, Fonts& fonts) {
  const MapLayout& L = *sc.layout;
  const LabelStyles ls = label_styles(L, *sc.style);
  std::vector<core::LabelRequest> req;
  std::vector<Candidate> what;
  auto add = [&](Vec2 s, const std::string& text, const TextStyle& t, LabelKind kind, LabelPriority p, double gap) {
    if (text.empty() || !std::isfinite(s.x) || !std::isfinite(s.y) || !L.map_frame.contains(s.x, s.y)) return;
    req.push_back({s.x, s.y, text_width(fonts, t, text), text_height(fonts, t), gap, kind, p});
    what.push_back({text, t});
  };
  auto screen = [&](double lon, double lat) { return sc.camera->world_to_screen(sc.projection->forward(lon, lat)); };

  // Incident places: one label per place name, next to its largest mark.
  std::vector<core::PxBox> obstacles = sc.obstacles;
  std::map<std::string, std::pair<Vec2, double>> places;
  const core::Dataset& d = *sc.dataset;
  for (size_t i = 0; i < sc.point_rows.size(); ++i) {
    const uint32_t row = sc.point_rows[i];
    const double r = i < sc.point_radius_px.size() ? sc.point_radius_px[i] : 3 * sc.pixel_ratio;
    const Vec2 s = screen(d.lon_deg()[row], d.lat_deg()[row]);
    obstacles.push_back({s.x - r, s.y - r, s.x + r, s.y + r});
    const std::string name = core::short_place_name(d.place(row));
    auto [it, fresh] = places.try_emplace(name, s, r);
    if (!fresh && r > it->second.second) it->second = {s, r};
  }
  for (const auto& [name, at] : places)
    add(at.first, name, ls.place, LabelKind::Point, LabelPriority::IncidentPlace, at.second + L.pt(2));
  add_area_labels(sc, fonts, ls, add);
  const auto placed = core::place_labels(req, obstacles, inset(L.map_frame, L.pt(3)), L.pt(2));
  std::vector<Mark> out;
  out.reserve(placed.size());
  for (const auto& p : placed) {
    const Candidate& c = what[p.request];
    out.push_back(text_mark("labels", p.box.x0, p.box.y0 + ascender(fonts, c.style), c.text, c.style, ls.halo,
                            ls.halo_px));
  }
  return out;
}

namespace {

std::string km_text(double km) {
  const long r = km >= 100 ? std::lround(km / 10) * 10 : std::lround(km);
  std::string s = std::to_string(r);
  for (int i = int(s.size()) - 3; i > 0; i -= 3) s.insert(size_t(i), ",");
  return s + " km";
}

// The point where the ray from the frame's centre towards `target` leaves the box.
Vec2 edge_point(const PxBox& b, Vec2 target) {
  const Vec2 c{0.5 * (b.x0 + b.x1), 0.5 * (b.y0 + b.y1)};
  const double dx = target.x - c.x, dy = target.y - c.y;
  double t = 1e300;
  if (dx > 0) t = std::min(t, (b.x1 - c.x) / dx);
  if (dx < 0) t = std::min(t, (b.x0 - c.x) / dx);
  if (dy > 0) t = std::min(t, (b.y1 - c.y) / dy);
  if (dy < 0) t = std::min(t, (b.y0 - c.y) / dy);
  return t < 1e299 ? Vec2{c.x + dx * t, c.y + dy * t} : c;
}

// How far a marker's box must move along the frame's edge (vertically on a left or right edge)
// to clear the small maps: the nearest clear place, or none.
Vec2 clear_of(const std::vector<PxBox>& maps, const PxBox& b, const PxBox& frame, bool vertical) {
  auto clear = [&](const PxBox& c) {
    return c.inside(frame) && std::none_of(maps.begin(), maps.end(), [&](const PxBox& m) { return m.overlaps(c); });
  };
  if (clear(b)) return {0, 0};
  std::vector<double> moves;
  for (const PxBox& m : maps) {
    if (vertical) moves.push_back(m.y1 + 1 - b.y0), moves.push_back(m.y0 - 1 - b.y1);
    else moves.push_back(m.x1 + 1 - b.x0), moves.push_back(m.x0 - 1 - b.x1);
  }
  std::sort(moves.begin(), moves.end(), [](double a, double c) { return std::abs(a) < std::abs(c); });
  for (double d : moves) {
    const Vec2 v = vertical ? Vec2{0, d} : Vec2{d, 0};
    if (clear({b.x0 + v.x, b.y0 + v.y, b.x1 + v.x, b.y1 + v.y})) return v;
  }
  return {0, 0};
}

}  // namespace

std::vector<Mark> outside_marks(const core::Framing& f, const MapLabelScene& sc, Fonts& fonts) {
  const MapLayout& L = *sc.layout;
  const Style& st = *sc.style;
  std::vector<Mark> out;
  const TextStyle t{L.pt(9), true, st.text};
  const double pad = L.pt(3), h = text_height(fonts, t);
  auto panel = [&](double x, double y, double w, double hh) {
    Mark k;
    k.kind = Mark::Kind::Rect, k.group = "outside", k.x = x, k.y = y, k.w = w, k.h = hh, k.fill = st.text_panel;
    out.push_back(k);
  };
  const PxBox frame = inset(L.map_frame, L.pt(10));
  const double clon = f.frame.centre_lon(), clat = f.frame.centre_lat();
  constexpr size_t kMaxMarkers = 6;
  for (size_t i = 0; i < std::min(kMaxMarkers, f.outliers.size()); ++i) {
    const core::FrameOutlier& o = f.outliers[i];
    const Vec2 s = sc.camera->world_to_screen(sc.projection->forward(o.lon_deg, o.lat_deg));
    if (!std::isfinite(s.x) || !std::isfinite(s.y) || L.map_frame.contains(s.x, s.y)) continue;
    const Vec2 e = edge_point(frame, s);
    const double len = std::hypot(s.x - e.x, s.y - e.y);
    const Vec2 u = len > 0 ? Vec2{(s.x - e.x) / len, (s.y - e.y) / len} : Vec2{1, 0};
    const double a = L.pt(7);  // arrowhead length
    Mark tri;
    tri.kind = Mark::Kind::Polygon, tri.group = "outside", tri.fill = st.text;
    tri.points = {{e.x + u.x * a, e.y + u.y * a}, {e.x - u.y * a * 0.6, e.y + u.x * a * 0.6},
                  {e.x + u.y * a * 0.6, e.y - u.x * a * 0.6}};
    const std::string text = o.name + " · " + km_text(core::distance_km(clon, clat, o.lon_deg, o.lat_deg));
    const double w = text_width(fonts, t, text);
    // The label sits inward of the arrow, kept inside the frame.
    double x = e.x - u.x * (a + w / 2 + pad) - w / 2, y = e.y - u.y * (a + h / 2 + pad) - h / 2;
    x = std::clamp(x, frame.x0, frame.x1 - w);
    y = std::clamp(y, frame.y0, frame.y1 - h);
    const Vec2 shift = clear_of(sc.small_maps, {x - pad, y - pad, x + w + pad, y + h + pad}, frame, std::abs(u.x) > std::abs(u.y));
    x += shift.x, y += shift.y;
    for (Vec2& q : tri.points) q = {q.x + shift.x, q.y + shift.y};
    panel(x - pad, y - pad, w + 2 * pad, h + 2 * pad);
    out.push_back(tri);
    out.push_back(text_mark("outside", x, y + ascender(fonts, t), text, t, Rgba{0, 0, 0, 0}, 0));
  }
  if (!f.listed.empty()) {
    std::string text = "Country-level, outside the map:";
    for (size_t i = 0; i < f.listed.size(); ++i)
      text += (i ? ", " : " ") + f.listed[i].name + " (" + std::to_string(f.listed[i].count) + ")";
    const TextStyle lt{L.pt(8.5), false, st.text};
    const double w = text_width(fonts, lt, text), lh = text_height(fonts, lt);
    const double x = frame.x0, y = frame.y1 - lh;
    panel(x - pad, y - pad, w + 2 * pad, lh + 2 * pad);
    out.push_back(text_mark("outside", x, y + ascender(fonts, lt), text, lt, Rgba{0, 0, 0, 0}, 0));
  }
  return out;
}

}  // namespace driftmap::render
