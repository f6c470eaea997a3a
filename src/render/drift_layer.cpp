#include "render/drift_layer.hpp"

#include <algorithm>
#include <cmath>
#include <string>

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

Mark period_label(Vec2 p, const std::string& text, double w, int size, Rgba c, const Style& style) {
  Mark label;
  label.kind = Mark::Kind::Text, label.group = "drift", label.x = p.x + 3 * w, label.y = p.y - 2 * w;
  label.text = text, label.size_px = size, label.bold = true, label.fill = c;
  label.stroke = Rgba{style.land.r, style.land.g, style.land.b, 0.85f}, label.stroke_px = std::max(1.0, w * 0.8);
  return label;
}

}  // namespace

std::vector<Mark> drift_marks(const std::vector<core::DriftStep>& steps, core::DayInterval window,
                              const core::Camera& camera, const core::Projection& projection, const MapLayout& layout,
                              const Style& style) {
  std::vector<Mark> out;
  const Rgba c = drift_colour(style);
  const double w = std::max(1.5, double(layout.pt(1.6)));
  std::vector<std::pair<Vec2, const core::DriftStep*>> at;
  for (const auto& s : steps) {
    if (s.n == 0 || s.days.start_day < window.start_day || s.days.end_day > window.end_day) continue;
    const Vec2 p = camera.world_to_screen(projection.forward(s.lon, s.lat));
    if (std::isfinite(p.x) && std::isfinite(p.y)) at.push_back({p, &s});
  }
  // A move whose end lies outside the frame is drawn to the frame's edge, where its period is
  // named with "off the map"; centres outside the frame get no dot.
  const PxRect& F = layout.map_frame;
  const int size = layout.pt(9);
  for (size_t i = 1; i < at.size(); ++i) {
    Vec2 a = at[i - 1].first, b = at[i].first;
    if (!clip(F, a, b)) continue;
    add_move(out, a, b, w, c);
    if (!F.contains(at[i].first.x, at[i].first.y))
      out.push_back(period_label({b.x - 14 * w, b.y + 6 * w}, at[i].second->period + " (off the map)", w, size, c, style));
  }
  for (const auto& [p, s] : at) {
    if (!F.contains(p.x, p.y)) continue;
    Mark dot;
    dot.kind = Mark::Kind::Circle, dot.group = "drift", dot.x = p.x, dot.y = p.y, dot.w = 2.2 * w, dot.fill = c;
    dot.stroke = style.land, dot.stroke_px = std::max(1.0, w / 2);
    out.push_back(dot);
    out.push_back(period_label(p, s->period, w, size, c, style));
  }
  return out;
}

}  // namespace driftmap::render
