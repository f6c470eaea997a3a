#include "render/drift_layer.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "render/text_raster.hpp"

namespace driftmap::render {

using core::Vec2;

namespace {

// The trajectory's colour: dark and neutral, apart from the event-type and region colours.
Rgba drift_colour(const Style& s) { return Rgba{s.text.r, s.text.g, s.text.b, 0.9f}; }

Mark polygon(std::vector<Vec2> pts, Rgba fill) {
  Mark k;
  k.kind = Mark::Kind::Polygon, k.group = "drift", k.points = std::move(pts), k.fill = fill;
  return k;
}

// A segment of width w as a quad, and an arrowhead at its middle pointing from a to b.
void add_move(std::vector<Mark>& out, Vec2 a, Vec2 b, double w, Rgba c) {
  const double dx = b.x - a.x, dy = b.y - a.y, len = std::hypot(dx, dy);
  if (len < 1) return;
  const Vec2 u{dx / len, dy / len}, n{-u.y * w / 2, u.x * w / 2};
  out.push_back(polygon({{a.x + n.x, a.y + n.y}, {b.x + n.x, b.y + n.y}, {b.x - n.x, b.y - n.y}, {a.x - n.x, a.y - n.y}}, c));
  const double head = std::min(len * 0.4, 5 * w);
  const Vec2 tip{a.x + dx * 0.5 + u.x * head / 2, a.y + dy * 0.5 + u.y * head / 2};
  const Vec2 base{tip.x - u.x * head, tip.y - u.y * head};
  out.push_back(polygon({tip, {base.x - u.y * head * 0.6, base.y + u.x * head * 0.6},
                         {base.x + u.y * head * 0.6, base.y - u.x * head * 0.6}},
                        c));
}

// Clips the segment a-b to the frame (Liang–Barsky); false when it misses the frame.
bool clip(const PxRect& f, Vec2& a, Vec2& b) {
  double t0 = 0, t1 = 1;
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double p[4] = {-dx, dx, -dy, dy};
  const double q[4] = {a.x - f.x, f.x + f.w - a.x, a.y - f.y, f.y + f.h - a.y};
  for (int i = 0; i < 4; ++i) {
    if (p[i] == 0) {
      if (q[i] < 0) return false;
      continue;
    }
    const double t = q[i] / p[i];
    if (p[i] < 0) t0 = std::max(t0, t);
    else t1 = std::min(t1, t);
  }
  if (t0 > t1) return false;
  const Vec2 a0 = a;
  a = {a0.x + t0 * dx, a0.y + t0 * dy};
  b = {a0.x + t1 * dx, a0.y + t1 * dy};
  return true;
}

Mark period_label(Vec2 baseline_left, const std::string& text, double w, int size, Rgba c, const Style& style) {
  Mark label;
  label.kind = Mark::Kind::Text, label.group = "drift", label.x = baseline_left.x, label.y = baseline_left.y;
  label.text = text, label.size_px = size, label.bold = true, label.fill = c;
  label.stroke = Rgba{style.land.r, style.land.g, style.land.b, 0.85f}, label.stroke_px = std::max(1.0, w * 0.8);
  return label;
}

// A thin line from the dot's edge to the nearest point of its name's box.
void add_leader(std::vector<Mark>& out, Vec2 dot, const core::PxBox& b, double dot_r, double w, Rgba c) {
  const Vec2 to{std::clamp(dot.x, b.x0, b.x1), std::clamp(dot.y, b.y0, b.y1)};
  const double dx = to.x - dot.x, dy = to.y - dot.y, len = std::hypot(dx, dy);
  if (len <= dot_r + 1) return;
  const Vec2 from{dot.x + dx / len * dot_r, dot.y + dy / len * dot_r};
  const double h = std::max(0.5, w / 4);
  const Vec2 n{-dy / len * h, dx / len * h};
  out.push_back(polygon({{from.x + n.x, from.y + n.y}, {to.x + n.x, to.y + n.y}, {to.x - n.x, to.y - n.y},
                         {from.x - n.x, from.y - n.y}},
                        Rgba{c.r, c.g, c.b, 0.7f}));
}

core::PxBox box_around(Vec2 p, double r) { return {p.x - r, p.y - r, p.x + r, p.y + r}; }

}  // namespace

DriftLayer drift_layer(const std::vector<core::DriftStep>& steps, core::DayInterval window, const core::Camera& camera,
                       const core::Projection& projection, const MapLayout& layout, const Style& style, Fonts& fonts) {
  DriftLayer out;
  const Rgba c = drift_colour(style);
  const double w = std::max(1.5, double(layout.pt(1.6)));
  std::vector<std::pair<Vec2, const core::DriftStep*>> at;
  for (const auto& s : steps) {
    if (s.n == 0 || s.days.start_day < window.start_day || s.days.end_day > window.end_day) continue;
    const Vec2 p = camera.world_to_screen(projection.forward(s.lon, s.lat));
    if (std::isfinite(p.x) && std::isfinite(p.y)) at.push_back({p, &s});
  }
  TextRasterizer& text = *fonts.bold;
  text.set_pixel_size(layout.pt(9));
  const double ascent = text.ascender_px(), text_h = ascent + text.descender_px();
  // A move whose end lies outside the frame is drawn to the frame's edge, where its period is
  // named with "off the map"; centres outside the frame get no dot.
  const PxRect& F = layout.map_frame;
  for (size_t i = 1; i < at.size(); ++i) {
    Vec2 a = at[i - 1].first, b = at[i].first;
    if (!clip(F, a, b)) continue;
    add_move(out.marks, a, b, w, c);
    if (!F.contains(at[i].first.x, at[i].first.y)) {
      const std::string name = at[i].second->period + " (off the map)";
      const Vec2 left{b.x - 11 * w, b.y + 6 * w + ascent};
      out.marks.push_back(period_label(left, name, w, layout.pt(9), c, style));
      out.boxes.push_back({left.x, left.y - ascent, left.x + text.measure(name), left.y - ascent + text_h});
    }
  }
  // The centres of neighbouring periods often lie close together (the years around Kabul): their
  // names are placed clear of every dot and of each other, like the map's labels; a name that
  // finds no free place keeps its usual one, as a period must never go unnamed.
  std::vector<core::LabelRequest> names;
  std::vector<std::pair<Vec2, const core::DriftStep*>> shown;
  const double dot_r = 2.2 * w;
  for (const auto& [p, s] : at) {
    if (!F.contains(p.x, p.y)) continue;
    Mark dot;
    dot.kind = Mark::Kind::Circle, dot.group = "drift", dot.x = p.x, dot.y = p.y, dot.w = dot_r, dot.fill = c;
    dot.stroke = style.land, dot.stroke_px = std::max(1.0, w / 2);
    out.marks.push_back(dot);
    out.boxes.push_back(box_around(p, dot_r));
    // The gap clears the dot by more than the placement's padding (w), so a name fits beside it.
    names.push_back({p.x, p.y, double(text.measure(s->period)), text_h, dot_r + 1.5 * w, core::LabelKind::Point,
                     core::LabelPriority::IncidentPlace});
    shown.push_back({p, s});
  }
  std::vector<core::PxBox> placed_at(names.size());
  std::vector<bool> placed(names.size(), false);
  const core::PxBox bounds{double(F.x), double(F.y), double(F.x + F.w), double(F.y + F.h)};
  for (const auto& p : core::place_labels_reaching(names, out.boxes, bounds, w)) {
    placed_at[p.request] = p.box, placed[p.request] = true;
    if (p.reach > 1) add_leader(out.marks, shown[p.request].first, p.box, dot_r, w, c);
  }
  for (size_t i = 0; i < shown.size(); ++i) {
    const Vec2 p = shown[i].first;
    if (!placed[i]) placed_at[i] = {p.x + 3 * w, p.y - 2 * w - ascent, p.x + 3 * w + names[i].w, p.y - 2 * w - ascent + text_h};
    out.marks.push_back(period_label({placed_at[i].x0, placed_at[i].y0 + ascent}, shown[i].second->period, w,
                                     layout.pt(9), c, style));
    out.boxes.push_back(placed_at[i]);
  }
  return out;
}

}  // namespace driftmap::render
