// Line layer: outlines keep their pixel width at any zoom and scale with the pixel ratio.
#include <catch2/catch.hpp>

#include <cmath>

#include "render/line_layer.hpp"
#include "render_fixture.hpp"

using namespace driftmap;
using testing::days;

namespace {
// Pixels along the row through lat that differ clearly from the fill on both sides of the
// border at lon 65 (the meridian through the projection centre: a vertical line).
int border_width_px(testing::MapScene& s, double lat) {
  const auto img = s.render({.window = days("2022", "2022")});
  const auto c = s.pixel_of(65, lat);
  const auto fill = testing::bytes(s.style.land_region);
  int n = 0;
  for (int dx = -12; dx <= 12; ++dx) n += !testing::near(img.at(c[0] + dx, c[1]), fill, 24);
  return n;
}
}  // namespace

TEST_CASE("the country border has the same pixel width when zoomed in") {
  testing::MapScene s(240, 160);
  const int wide_view = border_width_px(s, 31.0);
  s.camera.zoom_at({120, 80}, 4.0);
  s.camera.set_centre(s.projection.forward(65, 31));
  const int zoomed_4x = border_width_px(s, 31.0);
  s.camera.zoom_at({120, 80}, 8.0);
  const int zoomed_32x = border_width_px(s, 31.0);
  CHECK(wide_view >= 1);
  CHECK(wide_view <= 4);
  CHECK(zoomed_4x == wide_view);
  CHECK(zoomed_32x == wide_view);
}

TEST_CASE("outline width scales with the pixel ratio") {
  testing::MapScene s1(240, 160, 1.0);
  testing::MapScene s3(240, 160, 3.0);
  const int w1 = border_width_px(s1, 31.0);
  const int w3 = border_width_px(s3, 31.0);
  CHECK(w3 >= 2 * w1);
}

TEST_CASE("the country border is drawn in the country outline colour") {
  testing::MapScene s(240, 160, 3.0);  // 4.8 px wide: the centre pixel is fully covered
  const auto img = s.render({.window = days("2022", "2022")});
  const auto c = s.pixel_of(65, 31);
  bool found = false;
  for (int dx = -1; dx <= 1; ++dx) found |= testing::near(img.at(c[0] + dx, c[1]), testing::bytes(s.style.country_outline), 6);
  CHECK(found);
}

TEST_CASE("a zoomed-out view draws a simplified outline, a zoomed-in one every segment") {
  testing::gl_context();
  // A wiggly ring of 4000 segments, 100 km across, wiggling by 30 m.
  std::vector<render::Segment> ring;
  constexpr int kN = 4000;
  auto at = [](int i) {
    const double a = 2 * 3.14159265358979 * i / kN, r = 50'000 + (i % 2 ? 30 : -30);
    return std::pair{float(r * std::cos(a)), float(r * std::sin(a))};
  };
  for (int i = 0; i < kN; ++i) {
    const auto [x0, y0] = at(i);
    const auto [x1, y1] = at((i + 1) % kN);
    ring.push_back({x0, y0, x1, y1});
  }
  render::LineLayer lines(ring);
  CHECK(lines.segment_count() == kN);
  const core::Camera close({0, 0}, 20, 400, 300);       // 20 m per pixel: the wiggles show
  const core::Camera far({0, 0}, 500, 400, 300);        // 500 m per pixel: 100 km is 200 px
  const core::Camera very_far({0, 0}, 20'000, 400, 300);
  CHECK(lines.segments_drawn(close) == kN);
  CHECK(lines.segments_drawn(far) < kN / 10);
  CHECK(lines.segments_drawn(far) > 16);  // still a ring, not a line
  CHECK(lines.segments_drawn(very_far) <= lines.segments_drawn(far));

  // Drawn at 500 m/px, the ring still passes through its own pixels.
  render::OffscreenTarget target(400, 300, 1);
  target.bind();
  glClearColor(1, 1, 1, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  lines.draw(far, render::Rgba::hex(0x000000), 1.5f);
  const testing::Image img{400, 300, target.read_rgba()};
  for (int i = 0; i < kN; i += 250) {
    const auto [x, y] = at(i);
    const core::Vec2 px = far.world_to_screen({x, y});
    CHECK(img.at(int(px.x), int(px.y))[0] < 128);
  }
}
