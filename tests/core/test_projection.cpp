#include <catch2/catch.hpp>
#include <proj.h>

#include <thread>

#include <cmath>

#include "core/projection.hpp"

using namespace driftmap::core;

TEST_CASE("LAEA round-trips lon/lat across the region to micro-degrees") {
  Projection p = Projection::laea(65.0, 34.0);
  for (double lon = 25; lon <= 95; lon += 7.5)
    for (double lat = 20; lat <= 60; lat += 5) {
      const Vec2 xy = p.forward(lon, lat);
      const Vec2 ll = p.inverse(xy.x, xy.y);
      REQUIRE(ll.x == Approx(lon).margin(1e-7));
      REQUIRE(ll.y == Approx(lat).margin(1e-7));
    }
}

TEST_CASE("the projection centre maps to the origin and distances are in metres") {
  Projection p = Projection::laea(69.17, 34.53);
  const Vec2 c = p.forward(69.17, 34.53);
  CHECK(std::abs(c.x) < 1e-6);
  CHECK(std::abs(c.y) < 1e-6);
  // One degree of latitude is about 111 km.
  const Vec2 n = p.forward(69.17, 35.53);
  CHECK(n.y == Approx(110950).epsilon(0.01));
}

TEST_CASE("Web Mercator matches the EPSG:3857 formulas and clamps the poles") {
  Projection p = Projection::web_mercator();
  const Vec2 a = p.forward(180, 0);
  CHECK(a.x == Approx(20037508.34).epsilon(1e-9));
  const Vec2 b = p.forward(0, 45);
  CHECK(b.y == Approx(6378137.0 * std::log(std::tan(M_PI / 4 + M_PI / 8))).epsilon(1e-9));
  CHECK(std::isfinite(p.forward(10, 90).y));
  const Vec2 back = p.inverse(b.x, b.y);
  CHECK(back.y == Approx(45).margin(1e-9));
}

TEST_CASE("the default projection is LAEA centred on the data and deterministic") {
  GeoBox box;
  box.extend(60.5, 29.4);
  box.extend(74.9, 38.5);
  Projection p = Projection::for_extent(box);
  CHECK(p.is_equal_area());
  CHECK(p.lon0() == Approx(67.7));
  CHECK(p.lat0() == Approx(33.95));
  CHECK(p.proj_string() == Projection::for_extent(box).proj_string());
  CHECK(p.wkt().find("Lambert_Azimuthal_Equal_Area") != std::string::npos);
}

TEST_CASE("batch projection equals point-by-point projection") {
  Projection p = Projection::laea(65, 34);
  double xy[6] = {69.2, 34.5, 57.1, 30.3, 37.3, 55.8};
  p.forward_inplace(xy, 3);
  for (int i = 0; i < 3; ++i) {
    static const double ll[3][2] = {{69.2, 34.5}, {57.1, 30.3}, {37.3, 55.8}};
    const Vec2 one = p.forward(ll[i][0], ll[i][1]);
    CHECK(xy[2 * i] == Approx(one.x));
    CHECK(xy[2 * i + 1] == Approx(one.y));
  }
}

TEST_CASE("a clone projects exactly as the original, from another thread") {
  const Projection p = Projection::laea(67.5, 30.5);
  const Projection c = p.clone();
  CHECK(c.proj_string() == p.proj_string());
  Vec2 from_thread;
  std::thread([&] { from_thread = c.forward(69.2, 34.5); }).join();
  const Vec2 direct = p.forward(69.2, 34.5);
  CHECK(from_thread.x == direct.x);
  CHECK(from_thread.y == direct.y);
  const Vec2 back = c.inverse(direct.x, direct.y);
  CHECK(back.x == Approx(69.2).margin(1e-9));
  CHECK(back.y == Approx(34.5).margin(1e-9));
}

TEST_CASE("the projection pipeline gives PROJ's own EPSG:4326 transformation to the last bit") {
  // Projection writes the pipeline out instead of asking PROJ's database for it (7-15 ms each).
  auto reference = [](const std::string& target, double lon, double lat) {
    PJ_CONTEXT* ctx = proj_context_create();
    PJ* raw = proj_create_crs_to_crs(ctx, "EPSG:4326", target.c_str(), nullptr);
    PJ* pj = proj_normalize_for_visualization(ctx, raw);
    const PJ_COORD c = proj_trans(pj, PJ_FWD, proj_coord(lon, lat, 0, 0));
    proj_destroy(pj);
    proj_destroy(raw);
    proj_context_destroy(ctx);
    return Vec2{c.xy.x, c.xy.y};
  };
  const double points[][2] = {{69.2, 34.5}, {57.1, 30.3}, {37.3, 55.8}, {-77.0, 38.9}, {179.5, -45.0}, {67.5, 30.5}};
  const Projection laea = Projection::laea(67.5, 30.5), merc = Projection::web_mercator();
  for (const auto& ll : points) {
    const Vec2 a = laea.forward(ll[0], ll[1]), ra = reference(laea.proj_string() + " +type=crs", ll[0], ll[1]);
    CHECK(a.x == ra.x);
    CHECK(a.y == ra.y);
    const Vec2 m = merc.forward(ll[0], ll[1]), rm = reference(merc.proj_string() + " +type=crs", ll[0], ll[1]);
    CHECK(m.x == rm.x);
    CHECK(m.y == rm.y);
  }
}
