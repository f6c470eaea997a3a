// Boundary mesh: clipping to the area of interest, triangles and outline segments.
#include <catch2/catch.hpp>

#include "../support/synthetic_geodata.hpp"
#include "core/geometry.hpp"
#include "render/boundary_mesh.hpp"

using namespace driftmap;

TEST_CASE("clipping a ring to a box keeps only the part inside") {
  const core::Ring square{{0, 0}, {10, 0}, {10, 10}, {0, 10}};
  const core::Ring clipped = render::clip_ring(square, core::GeoBox{5, -5, 20, 5});
  CHECK(core::ring_area_signed(clipped) == Approx(25));
  CHECK(render::clip_ring(square, core::GeoBox{20, 20, 30, 30}).empty());
  CHECK(core::ring_area_signed(render::clip_ring(square, core::GeoBox{-1, -1, 11, 11})) == Approx(100));
}

TEST_CASE("the mesh fills every area once and outlines every edge") {
  const auto& b = testing::synthetic_boundaries();
  const auto proj = core::Projection::for_extent(core::GeoBox{60, 30, 70, 35});
  const auto mesh = render::build_boundary_mesh(b, proj);
  CHECK(mesh.admin0_count == 3);
  CHECK(mesh.admin1_count == 4);
  // Westland and Eastland are covered by their provinces: only Northland is filled as a country.
  CHECK(mesh.admin0_indices.size() == 2 * 3);
  for (const auto& v : mesh.admin0_vertices) CHECK(v.area_id == *b.find_admin0("NTH"));
  CHECK(mesh.admin1_indices.size() >= 4 * 2 * 3);
  CHECK(mesh.country_segments.size() == 12);
  CHECK(mesh.admin1_segments.size() == 16);
  for (const auto& v : mesh.admin1_vertices) {
    CHECK(v.area_id >= mesh.admin0_count);
    CHECK(v.parent_id < mesh.admin0_count);
  }
}

TEST_CASE("an area of interest drops areas outside it and clips the others") {
  const auto& b = testing::synthetic_boundaries();
  const auto proj = core::Projection::for_extent(core::GeoBox{60, 30, 70, 35});
  render::BoundaryMeshOptions opt;
  opt.area_of_interest = core::GeoBox{61, 31, 64, 34};  // inside Westland only
  const auto mesh = render::build_boundary_mesh(b, proj, opt);
  CHECK(mesh.admin0_vertices.empty());
  for (const auto& v : mesh.admin1_vertices) CHECK(v.parent_id == *b.find_admin0("WST"));
  // Clipped fill stays within the box (projected); outlines of Westland's far edges are gone.
  const core::Vec2 hi = proj.forward(64, 34);
  REQUIRE_FALSE(mesh.admin1_vertices.empty());
  for (const auto& v : mesh.admin1_vertices) CHECK(v.x_m <= hi.x + 1);
  CHECK(mesh.country_segments.empty());
  CHECK(mesh.admin1_segments.size() == 2);  // the Upper/Lower West border (once per province) crosses it
}
