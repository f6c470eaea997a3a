// Camera math: world↔screen round trips, fitting, cursor-anchored zoom, panning, clip matrix.
#include <catch2/catch.hpp>

#include "core/camera.hpp"

using driftmap::core::Camera;
using driftmap::core::Vec2;

namespace {
Vec2 clip_of(const Camera& c, Vec2 w) {
  const auto m = c.world_to_clip();
  return {m[0] * w.x + m[3] * w.y + m[6], m[1] * w.x + m[4] * w.y + m[7]};
}
}  // namespace

TEST_CASE("the camera centre maps to the middle of the viewport and to clip origin") {
  Camera c({1000, -2000}, 10, 800, 600);
  const Vec2 s = c.world_to_screen({1000, -2000});
  CHECK(s.x == Approx(400));
  CHECK(s.y == Approx(300));
  const Vec2 clip = clip_of(c, {1000, -2000});
  CHECK(clip.x == Approx(0).margin(1e-6));
  CHECK(clip.y == Approx(0).margin(1e-6));
}

TEST_CASE("screen y grows downwards while world y grows upwards") {
  Camera c({0, 0}, 2, 100, 100);
  const Vec2 top = c.screen_to_world({50, 0});
  CHECK(top.y == Approx(100));
  const Vec2 clip = clip_of(c, {0, 100});
  CHECK(clip.y == Approx(1));
}

TEST_CASE("screen to world and back is the identity") {
  Camera c({123456.5, 654321.25}, 37.5, 1920, 1080, 2.0);
  for (Vec2 p : {Vec2{0, 0}, Vec2{1919.5, 1079.5}, Vec2{17.25, 900}}) {
    const Vec2 q = c.world_to_screen(c.screen_to_world(p));
    CHECK(q.x == Approx(p.x).margin(1e-6));
    CHECK(q.y == Approx(p.y).margin(1e-6));
  }
}

TEST_CASE("the viewport corners are at clip -1 and +1") {
  Camera c({500, 500}, 4, 200, 100);
  const Vec2 lo = clip_of(c, c.visible_min_m());
  const Vec2 hi = clip_of(c, c.visible_max_m());
  CHECK(lo.x == Approx(-1));
  CHECK(lo.y == Approx(-1));
  CHECK(hi.x == Approx(1));
  CHECK(hi.y == Approx(1));
}

TEST_CASE("fit_to shows the whole box with the margin and centres it") {
  Camera c({0, 0}, 1, 1000, 500);
  SECTION("a wide box is limited by the width") {
    c.fit_to({0, 0}, {9000, 1000}, 50);
    CHECK(c.metres_per_px() == Approx(10));
    CHECK(c.centre_m().x == Approx(4500));
    CHECK(c.centre_m().y == Approx(500));
    CHECK(c.world_to_screen({0, 0}).x == Approx(50));
  }
  SECTION("a tall box is limited by the height") {
    c.fit_to({0, 0}, {100, 4000}, 0);
    CHECK(c.metres_per_px() == Approx(8));
    CHECK(c.world_to_screen({0, 4000}).y == Approx(0));
    CHECK(c.world_to_screen({0, 0}).y == Approx(500));
  }
  SECTION("reversed corners are accepted") {
    c.fit_to({9000, 1000}, {0, 0}, 50);
    CHECK(c.metres_per_px() == Approx(10));
  }
}

TEST_CASE("zoom_at keeps the world point under the cursor fixed") {
  Camera c({0, 0}, 100, 800, 600);
  const Vec2 cursor{620, 95};
  const Vec2 before = c.screen_to_world(cursor);
  c.zoom_at(cursor, 2.0);
  CHECK(c.metres_per_px() == Approx(50));
  const Vec2 after = c.screen_to_world(cursor);
  CHECK(after.x == Approx(before.x));
  CHECK(after.y == Approx(before.y));
  c.zoom_at(cursor, 0.25);
  CHECK(c.metres_per_px() == Approx(200));
  CHECK(c.screen_to_world(cursor).x == Approx(before.x));
}

TEST_CASE("zooming ignores non-positive factors and clamps the scale") {
  Camera c({0, 0}, 100, 800, 600);
  c.zoom_at({0, 0}, 0);
  c.zoom_at({0, 0}, -3);
  CHECK(c.metres_per_px() == Approx(100));
  c.zoom_at({400, 300}, 1e30);
  CHECK(c.metres_per_px() >= 1e-3);
}

TEST_CASE("pan_px moves the map with the pointer") {
  Camera c({0, 0}, 10, 800, 600);
  const Vec2 p{100, 100};
  const Vec2 w = c.screen_to_world(p);
  c.pan_px(30, -20);
  const Vec2 q = c.world_to_screen(w);
  CHECK(q.x == Approx(130));
  CHECK(q.y == Approx(80));
}

TEST_CASE("resizing the viewport keeps the centre and the scale") {
  Camera c({5, 6}, 3, 800, 600);
  c.set_viewport(1600, 1200, 2.0);
  CHECK(c.centre_m().x == 5);
  CHECK(c.metres_per_px() == 3);
  CHECK(c.pixel_ratio() == 2.0);
  CHECK(c.world_to_screen({5, 6}).x == Approx(800));
}
