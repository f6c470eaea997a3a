// Base map cache: a frame composed from the cached fills and outlines looks like a frame that
// rasterises them directly, and the cache follows the camera and the area colours.
#include <catch2/catch.hpp>

#include <set>

#include "render/base_map_cache.hpp"
#include "render_fixture.hpp"

using namespace driftmap;
using core::EventType;
using core::LocationPrecision;
using testing::days;
using testing::incident;

namespace {
struct CacheScene : testing::MapScene {
  core::Dataset dataset;
  core::AreaIndex areas;
  CacheScene() : MapScene(240, 140) {
    core::DatasetBuilder b;
    for (const auto& i : {incident("p", "2022-03-04", EventType::Attack, 62.5, 33.75, 10),
                          incident("q", "2022-05", EventType::CounterOperation, 67.5, 31.25, 4),
                          incident("r", "2022-06-01", EventType::Territorial, 64.9, 32.6, 40),
                          incident("a", "2022-03", EventType::Attack, 0, 0, 3, LocationPrecision::Province,
                                   "Upper West", "WST")})
      b.add(i);
    dataset = std::move(b).build();
    areas = core::AreaIndex::build(dataset, testing::synthetic_boundaries());
    map->set_dataset(&dataset, &areas);
  }
};

struct Difference {
  int max_channel = 0;   // largest difference of one channel
  size_t pixels = 0;     // pixels differing by more than 2 in some channel
};
Difference compare(const testing::Image& a, const testing::Image& b) {
  Difference d;
  REQUIRE(a.rgba.size() == b.rgba.size());
  for (size_t px = 0; px < a.rgba.size(); px += 4) {
    int worst = 0;
    for (size_t c = 0; c < 4; ++c) worst = std::max(worst, std::abs(int(a.rgba[px + c]) - int(b.rgba[px + c])));
    d.max_channel = std::max(d.max_channel, worst);
    if (worst > 2) ++d.pixels;
  }
  return d;
}

// Draws twice with the cache allowed (the second draw composes from it) into one target.
testing::Image render_cached(CacheScene& s, render::DrawParams p, int samples) {
  p.cache_base = true;
  render::OffscreenTarget target(s.camera.viewport_w_px(), s.camera.viewport_h_px(), samples);
  target.bind();
  s.map->draw(s.camera, p);
  s.map->draw(s.camera, p);
  REQUIRE(s.map->last_draw().base_from_cache);
  return {target.width(), target.height(), target.read_rgba()};
}
testing::Image render_direct(CacheScene& s, render::DrawParams p, int samples) {
  p.cache_base = false;
  auto img = s.render(p, samples);
  REQUIRE_FALSE(s.map->last_draw().base_from_cache);
  return img;
}
}  // namespace

TEST_CASE("a frame composed from the cached base map matches one drawn directly") {
  CacheScene s;
  const auto& b = testing::synthetic_boundaries();
  std::vector<render::Rgba> admin1(b.admin1().size(), render::Rgba{0, 0, 0, 0});
  admin1[*b.find_admin1("Lower East")] = render::Rgba::hex(0x2060A0, 0.6f);
  s.map->set_area_colours({}, admin1);
  // 2022 has a highlighted province (fills, highlight, outlines); 2023 has none (one combined copy).
  for (const char* year : {"2022", "2023"})
  for (int samples : {1, 4}) {
    INFO("samples " << samples << ", " << year);
    const render::DrawParams p{.window = days(year, year)};
    const auto direct = render_direct(s, p, samples);
    const auto cached = render_cached(s, p, samples);
    const Difference d = compare(direct, cached);
    // Identical but for rounding where anti-aliased edges overlap (premultiplied 8-bit layers).
    CHECK(d.max_channel <= 3);
    CHECK(d.pixels <= direct.rgba.size() / 4 / 200);
  }
}

TEST_CASE("hatched province highlights look the same from the cache") {
  CacheScene s;
  render::Style style = s.style;
  style.area_highlight_hatch_px = 7;
  style.area_highlight_country = render::Rgba::hex(0x80C0F0, 0.3f);
  s.map->set_style(style);
  const render::DrawParams p{.window = days("2022", "2022")};
  for (int samples : {1, 4}) {
    INFO("samples " << samples);
    const auto direct = render_direct(s, p, samples);
    const Difference d = compare(direct, render_cached(s, p, samples));
    CHECK(d.max_channel <= 3);
    CHECK(d.pixels == 0);
    // Stripes: inside the highlighted province both the plain fill and the highlight colour show.
    const auto [x, y] = s.pixel_of(61.5, 34.2);
    std::set<testing::Pixel> seen;
    for (int dx = 0; dx < 7; ++dx) seen.insert(direct.at(x + dx, y));
    CHECK(seen.count(testing::bytes(style.land_region)) == 1);
    CHECK(seen.size() >= 3);
  }
}

TEST_CASE("a cached base map with a highlighted province shows the highlight") {
  CacheScene s;
  const auto img = render_cached(s, {.window = days("2022", "2022")}, 4);
  const auto lit = testing::bytes(render::blend_over(s.style.land_region, s.style.area_highlight));
  CHECK(testing::near(s.probe(img, 61, 34.5), lit));
  // A window without the province incident: the same cached layers, no highlight.
  render::OffscreenTarget target(s.camera.viewport_w_px(), s.camera.viewport_h_px(), 4);
  target.bind();
  s.map->draw(s.camera, {.window = days("2023", "2023")});
  CHECK(s.map->last_draw().base_from_cache);
  const testing::Image later{target.width(), target.height(), target.read_rgba()};
  CHECK(testing::near(s.probe(later, 61, 34.5), testing::bytes(s.style.land_region)));
}

TEST_CASE("the base map is cached only from the second draw with the same camera") {
  CacheScene s;
  const render::DrawParams p{.window = days("2022", "2022")};
  render::OffscreenTarget target(s.camera.viewport_w_px(), s.camera.viewport_h_px(), 1);
  target.bind();
  s.map->draw(s.camera, p);
  CHECK_FALSE(s.map->last_draw().base_from_cache);
  s.map->draw(s.camera, p);
  CHECK(s.map->last_draw().base_from_cache);

  SECTION("a camera move draws directly, then caches again") {
    s.camera.pan_px(7, -3);
    s.map->draw(s.camera, p);
    CHECK_FALSE(s.map->last_draw().base_from_cache);
    s.map->draw(s.camera, p);
    CHECK(s.map->last_draw().base_from_cache);
  }
  SECTION("new area colours invalidate the cache") {
    const std::vector<render::Rgba> red{render::Rgba::hex(0xFF0000)};
    s.map->set_area_colours(red, {});
    s.map->draw(s.camera, p);
    CHECK_FALSE(s.map->last_draw().base_from_cache);
  }
  SECTION("a new style invalidates the cache") {
    s.map->set_style(render::Style::dark());
    s.map->draw(s.camera, p);
    CHECK_FALSE(s.map->last_draw().base_from_cache);
  }
  SECTION("a different target sample count does not reuse the cache") {
    render::OffscreenTarget msaa(s.camera.viewport_w_px(), s.camera.viewport_h_px(), 4);
    msaa.bind();
    s.map->draw(s.camera, p);
    CHECK_FALSE(s.map->last_draw().base_from_cache);
  }
}

TEST_CASE("after a camera move the cached frame matches the direct one at the new camera") {
  CacheScene s;
  const render::DrawParams p{.window = days("2022", "2022")};
  render_cached(s, p, 4);
  s.camera.zoom_at({100, 60}, 1.7);
  const Difference d = compare(render_direct(s, p, 4), render_cached(s, p, 4));
  CHECK(d.max_channel <= 3);
  CHECK(d.pixels <= size_t(240 * 140 / 200));
}

TEST_CASE("without clearing, the cached base map is composed over what the framebuffer holds") {
  CacheScene s;
  s.fit(59, 29, 71, 38);
  const render::DrawParams p{.window = days("2022", "2022"), .clear = false};
  auto draw_over_magenta = [&](bool cache, int draws) {
    render::OffscreenTarget target(s.camera.viewport_w_px(), s.camera.viewport_h_px(), 4);
    render::DrawParams q = p;
    q.cache_base = cache;
    for (int k = 0; k < draws; ++k) {
      target.bind();
      glClearColor(1, 0, 1, 1);
      glClear(GL_COLOR_BUFFER_BIT);
      s.map->draw(s.camera, q);
    }
    CHECK(s.map->last_draw().base_from_cache == cache);
    return testing::Image{target.width(), target.height(), target.read_rgba()};
  };
  const auto direct = draw_over_magenta(false, 1);
  const auto cached = draw_over_magenta(true, 2);
  const Difference d = compare(direct, cached);
  CHECK(d.max_channel <= 3);
  CHECK(d.pixels <= size_t(240 * 140 / 200));
  // The sea is not painted: the magenta shows through.
  CHECK(testing::near(s.probe(cached, 65, 29.3), testing::Pixel{255, 0, 255, 255}));
}
