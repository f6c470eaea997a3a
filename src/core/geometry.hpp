// Plain polygon geometry in lon/lat degrees or projected metres (no GEOS types leak out).
#pragma once
#include <vector>

#include "core/projection.hpp"

namespace driftmap::core {

using Ring = std::vector<Vec2>;  // closed implicitly; first != last
struct Polygon {
  Ring outer;
  std::vector<Ring> holes;
};
using MultiPolygon = std::vector<Polygon>;

double ring_area_signed(const Ring& r);      // shoelace, + for counter-clockwise
double polygon_area(const Polygon& p);       // |outer| - Σ|holes|
double multipolygon_area(const MultiPolygon& m);
bool point_in_polygon(const Polygon& p, Vec2 pt);
bool point_in_multipolygon(const MultiPolygon& m, Vec2 pt);
// Distance from pt to the nearest edge of m (same units as the coordinates).
double distance_to_boundary(const MultiPolygon& m, Vec2 pt);

MultiPolygon project(const MultiPolygon& lonlat, const Projection& proj);

// Douglas–Peucker on the run pts[first..last] (first and last kept): sets keep[i] = 1 for every
// point further than sqrt(tol2) from the simplified line. Boundaries and line layers both use it.
void douglas_peucker(const std::vector<Vec2>& pts, size_t first, size_t last, double tol2, std::vector<char>& keep);

}  // namespace driftmap::core
