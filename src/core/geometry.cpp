#include "core/geometry.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace driftmap::core {

double ring_area_signed(const Ring& r) {
  double a = 0;
  const size_t n = r.size();
  for (size_t i = 0, j = n - 1; i < n; j = i++) a += (r[j].x - r[i].x) * (r[j].y + r[i].y);
  return 0.5 * a;
}

double polygon_area(const Polygon& p) {
  double a = std::abs(ring_area_signed(p.outer));
  for (const auto& h : p.holes) a -= std::abs(ring_area_signed(h));
  return a;
}

double multipolygon_area(const MultiPolygon& m) {
  double a = 0;
  for (const auto& p : m) a += polygon_area(p);
  return a;
}

namespace {
bool point_in_ring(const Ring& r, Vec2 pt) {
  bool inside = false;
  const size_t n = r.size();
  for (size_t i = 0, j = n - 1; i < n; j = i++) {
    if ((r[i].y > pt.y) != (r[j].y > pt.y) &&
        pt.x < (r[j].x - r[i].x) * (pt.y - r[i].y) / (r[j].y - r[i].y) + r[i].x)
      inside = !inside;
  }
  return inside;
}

double segment_distance(Vec2 p, Vec2 a, Vec2 b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
  t = std::clamp(t, 0.0, 1.0);
  const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
  return std::sqrt(ex * ex + ey * ey);
}

double ring_distance(const Ring& r, Vec2 pt) {
  double best = std::numeric_limits<double>::infinity();
  const size_t n = r.size();
  for (size_t i = 0, j = n - 1; i < n; j = i++) best = std::min(best, segment_distance(pt, r[j], r[i]));
  return best;
}
}  // namespace

bool point_in_polygon(const Polygon& p, Vec2 pt) {
  if (!point_in_ring(p.outer, pt)) return false;
  for (const auto& h : p.holes)
    if (point_in_ring(h, pt)) return false;
  return true;
}

bool point_in_multipolygon(const MultiPolygon& m, Vec2 pt) {
  for (const auto& p : m)
    if (point_in_polygon(p, pt)) return true;
  return false;
}

double distance_to_boundary(const MultiPolygon& m, Vec2 pt) {
  double best = std::numeric_limits<double>::infinity();
  for (const auto& p : m) {
    best = std::min(best, ring_distance(p.outer, pt));
    for (const auto& h : p.holes) best = std::min(best, ring_distance(h, pt));
  }
  return best;
}

MultiPolygon project(const MultiPolygon& lonlat, const Projection& proj) {
  MultiPolygon out = lonlat;
  auto apply = [&](Ring& r) { proj.forward_inplace(&r[0].x, r.size()); };
  for (auto& p : out) {
    if (!p.outer.empty()) apply(p.outer);
    for (auto& h : p.holes)
      if (!h.empty()) apply(h);
  }
  return out;
}

void douglas_peucker(const std::vector<Vec2>& pts, size_t first, size_t last, double tol2, std::vector<char>& keep) {
  std::vector<std::pair<size_t, size_t>> stack{{first, last}};
  while (!stack.empty()) {
    const auto [a, b] = stack.back();
    stack.pop_back();
    if (b <= a + 1) continue;
    const Vec2 p = pts[a], q = pts[b];
    const double dx = q.x - p.x, dy = q.y - p.y, len2 = dx * dx + dy * dy;
    double best = -1;
    size_t best_i = a;
    for (size_t i = a + 1; i < b; ++i) {
      const double ux = pts[i].x - p.x, uy = pts[i].y - p.y;
      double d2;
      if (len2 == 0) {
        d2 = ux * ux + uy * uy;
      } else {
        const double cross = ux * dy - uy * dx;
        d2 = cross * cross / len2;
      }
      if (d2 > best) best = d2, best_i = i;
    }
    if (best > tol2) {
      keep[best_i] = 1;
      stack.push_back({a, best_i});
      stack.push_back({best_i, b});
    }
  }
}

}  // namespace driftmap::core
