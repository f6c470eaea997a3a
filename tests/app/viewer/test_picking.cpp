// What is under the cursor: the nearest drawn incident, else the province and its regions.
#include <catch2/catch.hpp>

#include "app/viewer/picking.hpp"
#include "render/style.hpp"
#include "viewer_fixture.hpp"

using namespace driftmap;

namespace {
struct Picking {
  app::Workspace ws;
  core::Camera camera;
  render::Style style = render::Style::light();
  // The test incidents' day: no bundled incident is drawn beside them.
  core::DayInterval window{core::days_from_civil(2022, 6, 15), core::days_from_civil(2022, 6, 16)};
  Picking() {
    testing::load_test_workspace(ws);
    camera.set_viewport(1000, 800);
    camera.set_metres_per_px(500);  // the two test incidents ~ 800 px apart
    camera.set_centre(ws.projection().forward(66.0, 33.0));
  }
  core::Vec2 screen_of(double lon, double lat) const { return camera.world_to_screen(ws.projection().forward(lon, lat)); }
};
}  // namespace

TEST_CASE("a click on an incident's circle picks it, and beyond its radius nothing is picked") {
  Picking p;
  const core::Vec2 at = p.screen_of(66.0, 33.0);
  const uint32_t central = testing::row_of(p.ws.active(), "central-test");
  CHECK(app::pick_point(p.ws, p.camera, p.style, p.window, {}, at) == central);
  const double r = p.style.point_radius_px(40, 1.0);
  CHECK(app::pick_point(p.ws, p.camera, p.style, p.window, {}, {at.x + r, at.y}) == central);
  CHECK_FALSE(app::pick_point(p.ws, p.camera, p.style, p.window, {}, {at.x + r + 10, at.y}));
}

TEST_CASE("picking skips what the filters or the window hide") {
  Picking p;
  const core::Vec2 at = p.screen_of(66.0, 33.0);
  REQUIRE(app::pick_point(p.ws, p.camera, p.style, p.window, {}, at));
  SECTION("type") {
    const core::IncidentFilter no_attacks{.type_mask = core::kAllEventTypes & ~(1u << unsigned(core::EventType::Attack))};
    const auto hit = app::pick_point(p.ws, p.camera, p.style, p.window, no_attacks, at);
    CHECK((!hit || p.ws.active().id(*hit) != "central-test"));
  }
  SECTION("window") {
    const core::DayInterval y2019{core::days_from_civil(2019, 1, 1), core::days_from_civil(2019, 1, 2)};
    const auto hit = app::pick_point(p.ws, p.camera, p.style, y2019, {}, at);
    CHECK((!hit || p.ws.active().id(*hit) != "central-test"));
  }
}

TEST_CASE("away from any incident, the province under the cursor names its article regions") {
  Picking p;
  const app::AreaHit kabul = app::regions_at(p.ws, p.camera, p.screen_of(69.17, 34.53));
  CHECK(kabul.name == "Kabul");
  CHECK_FALSE(kabul.regions.empty());
  const app::AreaHit sea = app::regions_at(p.ws, p.camera, p.screen_of(62.0, 20.0));  // Arabian Sea
  CHECK(sea.name.empty());
  CHECK(sea.regions.empty());
}
