// Filled-polygon triangulation with GEOS constrained Delaunay (holes and multipolygons correct).
#pragma once
#include <cstdint>
#include <vector>

#include "core/geometry.hpp"

namespace driftmap::core {

struct Triangles {
  std::vector<Vec2> vertices;
  std::vector<uint32_t> indices;  // 3 per triangle, counter-clockwise
  double area() const;
};

// Triangulates m (projected coordinates). Invalid input is repaired with GEOS MakeValid first.
Triangles triangulate(const MultiPolygon& m);

}  // namespace driftmap::core
