// CPU side of the boundary layers: admin polygons clipped to an area of interest, projected,
// triangulated for filling, and cut into segments for outlines. Built once per renderer.
#pragma once
#include <cstdint>
#include <vector>

#include "core/boundaries.hpp"
#include "core/projection.hpp"

namespace driftmap::render {

struct FillVertex {
  float x_m, y_m;    // projected metres
  uint32_t area_id;  // admin0: index; admin1: admin0 count + index
  uint32_t parent_id;  // admin1: its country's id, else 0xFFFFFFFF
};

struct Segment {
  float x0_m, y0_m, x1_m, y1_m;
};

struct BoundaryMeshOptions {
  // Only geometry inside this lon/lat box is kept (polygons are clipped to it); invalid = all.
  core::GeoBox area_of_interest;
  // Douglas–Peucker tolerance in projected metres (0 = keep every vertex). About half the finest
  // metres-per-pixel that will be shown keeps the drawing identical to the eye.
  double simplify_m = 0;
  // false: countries alone (a locator map, where provinces are noise and cost triangles).
  bool provinces = true;
};

struct BoundaryMesh {
  std::vector<FillVertex> admin0_vertices, admin1_vertices;
  std::vector<uint32_t> admin0_indices, admin1_indices;
  std::vector<Segment> country_segments, admin1_segments;
  uint32_t admin0_count = 0, admin1_count = 0;  // id space: [0, admin0_count + admin1_count)
};

BoundaryMesh build_boundary_mesh(const core::Boundaries& b, const core::Projection& proj,
                                 const BoundaryMeshOptions& opt = {});

// Sutherland–Hodgman clip of a ring to an axis-aligned box (the box is convex, so each ring can
// be clipped on its own; edges along the box are harmless for filling).
core::Ring clip_ring(const core::Ring& r, const core::GeoBox& box);

// A lon/lat ring projected and simplified exactly as the mesh's rings are (Douglas–Peucker with
// tolerance simplify_m; closed rings keep their shape, a ring simplified below a triangle is
// dropped). Used by the SVG export to write the same geometry as vector paths.
core::Ring project_simplified(const core::Ring& r, const core::Projection& proj, double simplify_m, bool closed = true);

}  // namespace driftmap::render
