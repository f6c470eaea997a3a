// The presentation layout (render/map_layout) and the parallel PNG encoder: panels never cover
// the map frame, the fitted camera keeps the data inside it, the scale bar measures ground
// distance, and strip-parallel PNGs decode to the input on any thread count.
#include <catch2/catch.hpp>
#include <png.h>

#include <cmath>

#include "render/map_layout.hpp"
#include "render/png_parallel.hpp"
#include "render/scene.hpp"

using namespace driftmap;
using render::PxRect;

namespace {

bool intersects(const PxRect& a, const PxRect& b) {
  if (a.empty() || b.empty()) return false;
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

render::LayoutOptions full_options(double dpi) {
  render::LayoutOptions o;
  o.title = "ISKP incidents";
  o.subtitle = "Reported incidents by type";
  o.date_text = "Jan 2022 – Jun 2023 · 35 incidents";
  o.attribution = "Boundaries: Natural Earth. Places: GeoNames (CC BY 4.0).";
  o.north_arrow = true;
  o.legend_types = {core::EventType::Attack, core::EventType::Territorial};
  o.dpi = dpi;
  return o;
}

std::vector<uint8_t> decode(const std::string& png, int* w, int* h) {
  png_image img{};
  img.version = PNG_IMAGE_VERSION;
  REQUIRE(png_image_begin_read_from_memory(&img, png.data(), png.size()));
  img.format = PNG_FORMAT_RGBA;
  std::vector<uint8_t> out(PNG_IMAGE_SIZE(img));
  REQUIRE(png_image_finish_read(&img, nullptr, out.data(), 0, nullptr));
  *w = int(img.width);
  *h = int(img.height);
  return out;
}

}  // namespace

TEST_CASE("nice_floor rounds down to 1, 2 or 5 times a power of ten") {
  CHECK(render::nice_floor(1.0) == Approx(1));
  CHECK(render::nice_floor(4.9) == Approx(2));
  CHECK(render::nice_floor(7.3) == Approx(5));
  CHECK(render::nice_floor(199) == Approx(100));
  CHECK(render::nice_floor(0.034) == Approx(0.02));
}

TEST_CASE("the map frame is left free by the header, legend and footer at any size and dpi") {
  std::string why;
  auto fonts = render::Fonts::open(&why);
  REQUIRE(fonts);
  for (auto [w, h, dpi] : {std::tuple{1920, 1080, 96.0}, std::tuple{3840, 2160, 192.0}, std::tuple{2480, 3508, 300.0},
                           std::tuple{640, 480, 48.0}}) {
    INFO(w << "x" << h << " at " << dpi << " dpi");
    const auto L = render::MapLayout::compute(w, h, full_options(dpi), *fonts);
    CHECK_FALSE(L.map_frame.empty());
    CHECK(L.map_frame.x >= 0);
    CHECK(L.map_frame.y >= 0);
    CHECK(L.map_frame.x + L.map_frame.w <= w);
    CHECK(L.map_frame.y + L.map_frame.h <= h);
    CHECK_FALSE(intersects(L.map_frame, L.header));
    CHECK_FALSE(intersects(L.map_frame, L.legend));
    CHECK_FALSE(intersects(L.map_frame, L.footer));
    CHECK(L.pt(72) == int(std::lround(dpi)));  // 72 pt = one inch
  }
}

TEST_CASE("text grows with dpi: the header is three times taller at 288 dpi than at 96") {
  std::string why;
  auto fonts = render::Fonts::open(&why);
  REQUIRE(fonts);
  const auto a = render::MapLayout::compute(1920, 1080, full_options(96), *fonts);
  const auto b = render::MapLayout::compute(5760, 3240, full_options(288), *fonts);
  CHECK(double(b.header.h) / a.header.h == Approx(3).epsilon(0.1));
}

TEST_CASE("a fitted camera shows the whole box inside the map frame") {
  std::string why;
  auto fonts = render::Fonts::open(&why);
  REQUIRE(fonts);
  const auto L = render::MapLayout::compute(1200, 800, full_options(96), *fonts);
  const core::Vec2 lo{-500e3, -300e3}, hi{400e3, 350e3};
  const core::Camera cam = render::fit_camera(L, lo, hi, 1.0);
  for (core::Vec2 p : {lo, hi, core::Vec2{lo.x, hi.y}, core::Vec2{hi.x, lo.y}}) {
    const core::Vec2 s = cam.world_to_screen(p);
    CHECK(s.x >= L.map_frame.x - 0.5);
    CHECK(s.x <= L.map_frame.x + L.map_frame.w + 0.5);
    CHECK(s.y >= L.map_frame.y - 0.5);
    CHECK(s.y <= L.map_frame.y + L.map_frame.h + 0.5);
  }
}

TEST_CASE("the scale bar measures ground distance at the frame's centre") {
  const core::Projection proj = core::Projection::laea(65, 32.5);
  render::MapLayout L;
  L.width_px = 1000, L.height_px = 600;
  L.map_frame = {0, 0, 1000, 600};
  // LAEA is true to scale at its centre: 1000 m per pixel there.
  const core::Camera cam = render::centred_camera(L, {0, 0}, 1000, 1.0);
  const auto bar = render::choose_scale_bar(cam, proj, L.map_frame, 260);
  CHECK(bar.length_km == Approx(200));
  CHECK(bar.length_px == Approx(200).epsilon(0.01));
  CHECK(bar.label == "200 km");
}

TEST_CASE("the title is drawn in the header: dark pixels there on the light style") {
  std::string why;
  auto fonts = render::Fonts::open(&why);
  REQUIRE(fonts);
  const auto opts = full_options(96);
  const auto L = render::MapLayout::compute(800, 500, opts, *fonts);
  const core::Projection proj = core::Projection::laea(65, 32.5);
  const core::Camera cam = render::fit_camera(L, {-1e5, -1e5}, {1e5, 1e5}, 1.0);
  render::RgbaImage img{800, 500, std::vector<uint8_t>(800 * 500 * 4, 128)};
  const auto style = render::Style::light();
  const auto marks = render::layout_marks(L, opts, style, cam, proj, *fonts, {}, false);
  render::draw_marks(img, marks, *fonts);
  int dark = 0;
  for (int y = L.header.y; y < L.header.y + L.header.h; ++y)
    for (int x = 0; x < 300; ++x) dark += img.pixels[(size_t(y) * 800 + size_t(x)) * 4] < 80;
  CHECK(dark > 100);
  // The paper around the frame is the style's panel colour, opaque.
  const auto paper = render::paper_colour(style).to_bytes();
  const uint8_t* corner = img.pixels.data() + (size_t(499) * 800 + 799) * 4;
  CHECK(corner[3] == 255);
  CHECK(std::abs(int(corner[0]) - int(paper[0])) <= 1);
}

TEST_CASE("strip-parallel PNG decodes to the input and does not depend on the thread count") {
  const int w = 301, h = 257;  // several strips, odd sizes
  std::vector<uint8_t> rgba(size_t(w) * h * 4);
  uint32_t s = 12345;
  for (size_t i = 0; i < rgba.size(); ++i) {
    s = s * 1664525u + 1013904223u;
    rgba[i] = uint8_t(((i / 4) % 97 < 40) ? (i % 4 == 3 ? 255 : (i / 4) % 251) : (s >> 24));
  }
  for (bool alpha : {true, false}) {
    if (!alpha)
      for (size_t i = 3; i < rgba.size(); i += 4) rgba[i] = 255;
    render::PngEncodeOptions one{.level = 3, .alpha = alpha, .strip_rows = 16, .threads = 1};
    render::PngEncodeOptions four = one;
    four.threads = 4;
    const std::string a = render::encode_png_parallel(rgba, w, h, one);
    const std::string b = render::encode_png_parallel(rgba, w, h, four);
    CHECK(a == b);
    int dw = 0, dh = 0;
    const auto back = decode(a, &dw, &dh);
    CHECK(dw == w);
    CHECK(dh == h);
    CHECK(back == rgba);
  }
}
