#include <catch2/catch.hpp>

#include "core/boundaries.hpp"
#include "core/geodata.hpp"
#include "core/triangulation.hpp"

using namespace driftmap::core;

TEST_CASE("a square with a hole triangulates to the square minus the hole") {
  Polygon p;
  p.outer = {{0, 0}, {10, 0}, {10, 10}, {0, 10}};
  p.holes.push_back({{4, 4}, {6, 4}, {6, 6}, {4, 6}});
  const Triangles t = triangulate({p});
  CHECK(t.area() == Approx(96.0));
  CHECK(t.indices.size() % 3 == 0);
  // No triangle covers the hole's centre.
  for (size_t i = 0; i < t.indices.size(); i += 3) {
    Polygon tri;
    tri.outer = {t.vertices[t.indices[i]], t.vertices[t.indices[i + 1]], t.vertices[t.indices[i + 2]]};
    CHECK_FALSE(point_in_polygon(tri, {5, 5}));
  }
}

TEST_CASE("triangles are counter-clockwise and a multipolygon keeps all its parts") {
  Polygon a, b;
  a.outer = {{0, 0}, {0, 2}, {2, 2}, {2, 0}};  // clockwise input
  b.outer = {{5, 5}, {8, 5}, {8, 9}};
  const Triangles t = triangulate({a, b});
  CHECK(t.area() == Approx(4.0 + 6.0));
  for (size_t i = 0; i < t.indices.size(); i += 3) {
    const Vec2 &p = t.vertices[t.indices[i]], &q = t.vertices[t.indices[i + 1]], &r = t.vertices[t.indices[i + 2]];
    CHECK((q.x - p.x) * (r.y - p.y) - (r.x - p.x) * (q.y - p.y) > 0);
  }
}

TEST_CASE("triangulated areas equal polygon areas within 0.1% for the region's provinces") {
  Problems problems;
  auto b = Boundaries::load(geodata_file("boundaries.gpkg"), geodata_file("admin1_aliases.csv"), &problems);
  REQUIRE(b);
  const Projection proj = Projection::laea(65, 34);
  size_t checked = 0;
  for (const auto& a : b->admin1()) {
    if (a.iso_a3 != "AFG" && a.iso_a3 != "PAK" && a.iso_a3 != "IRN" && a.iso_a3 != "TKM" && a.iso_a3 != "UZB" &&
        a.iso_a3 != "TJK")
      continue;
    const MultiPolygon m = project(a.shape, proj);
    const double expected = multipolygon_area(m);
    const Triangles t = triangulate(m);
    INFO(a.name << " (" << a.iso_a3 << ")");
    CHECK(t.area() == Approx(expected).epsilon(0.001));
    ++checked;
  }
  CHECK(checked >= 90);
}
