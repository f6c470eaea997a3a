// Headless GL: a context and target made on a worker thread (as `driftmap export` does while its
// data loads) draw on the thread that takes them, and an exporter renders into such a target.
#include <catch2/catch.hpp>

#include "../support/synthetic_geodata.hpp"
#include "render/headless_context.hpp"
#include "render/map_export.hpp"
#include "render_fixture.hpp"

using namespace driftmap;

TEST_CASE("a canvas made on a worker thread is current nowhere and draws on the thread that takes it") {
  auto pending = render::create_headless_canvas_async(64, 32);
  render::HeadlessCanvas canvas = pending.get();
  REQUIRE(canvas.target);
  CHECK(canvas.target->width() == 64);
  CHECK(canvas.target->height() == 32);
  CHECK(canvas.target->samples() == 1);
  canvas.context.make_current();
  canvas.target->bind();
  glClearColor(1, 0, 0, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  const std::vector<uint8_t> px = canvas.target->read_rgba();
  REQUIRE(px.size() == 64u * 32u * 4u);
  CHECK(px[0] == 255);
  CHECK(px[1] == 0);
  CHECK(px[64 * 32 * 4 - 2] == 0);
  SECTION("without a size there is only the context") {
    render::HeadlessCanvas bare = render::create_headless_canvas_async(0, 0).get();
    CHECK_FALSE(bare.target);
  }
}

TEST_CASE("an exporter renders into a target made beforehand, and drops one of another size") {
  const core::Boundaries& b = driftmap::testing::synthetic_boundaries();
  core::DatasetBuilder builder;
  builder.add(driftmap::testing::incident("a", "2022-03-04", core::EventType::Attack, 62.5, 33.75, 10));
  const core::Dataset d = std::move(builder).build();
  render::ExportSettings s;
  s.width_px = 200;
  s.height_px = 120;
  s.bbox = core::GeoBox{60, 30, 70, 35};
  driftmap::testing::gl_context();
  auto render_with = [&](std::unique_ptr<render::OffscreenTarget> target) {
    render::MapExporter ex({&b, &d}, s);
    ex.use_target(std::move(target));
    return ex.render(d.extent());
  };
  const render::RgbaImage own = render_with(nullptr);
  const render::RgbaImage adopted = render_with(std::make_unique<render::OffscreenTarget>(200, 120, 1));
  const render::RgbaImage dropped = render_with(std::make_unique<render::OffscreenTarget>(64, 64, 1));
  CHECK(adopted.width == 200);
  CHECK(adopted.pixels == own.pixels);
  CHECK(dropped.width == 200);
  CHECK(dropped.height == 120);
  CHECK(dropped.pixels == own.pixels);
}
