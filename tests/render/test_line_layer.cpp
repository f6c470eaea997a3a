// Line layer: outlines keep their pixel width at any zoom and scale with the pixel ratio.
#include <catch2/catch.hpp>

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
