// Shared by the render tests: one headless GL context per process, the synthetic boundaries,
// a renderer + offscreen target pair, and pixel probes.
#pragma once
#include <array>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <vector>

#include "../support/synthetic_geodata.hpp"
#include "core/area_index.hpp"
#include "core/camera.hpp"
#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"

namespace driftmap::testing {

inline render::HeadlessContext& gl_context() {
  static render::HeadlessContext ctx;
  ctx.make_current();
  return ctx;
}

using Pixel = std::array<uint8_t, 4>;

struct Image {
  int width = 0, height = 0;
  std::vector<uint8_t> rgba;  // top-down
  Pixel at(int x, int y) const {
    const uint8_t* p = rgba.data() + (size_t(y) * size_t(width) + size_t(x)) * 4;
    return {p[0], p[1], p[2], p[3]};
  }
};

// Each channel within tol.
inline bool near(Pixel a, Pixel b, int tol = 3) {
  for (int i = 0; i < 4; ++i)
    if (std::abs(int(a[i]) - int(b[i])) > tol) return false;
  return true;
}
inline Pixel bytes(render::Rgba c) { return c.to_bytes(); }

// The synthetic world (lon 60..70, lat 30..35) rendered with LAEA centred on it.
struct MapScene {
  core::Projection projection = core::Projection::for_extent(core::GeoBox{60, 30, 70, 35});
  render::Style style = render::Style::light();
  std::unique_ptr<render::MapRenderer> map;
  core::Camera camera;

  explicit MapScene(int w = 200, int h = 120, double pixel_ratio = 1.0) {
    gl_context();
    map = std::make_unique<render::MapRenderer>(synthetic_boundaries(), projection, style);
    camera.set_viewport(w, h, pixel_ratio);
    fit(60, 30, 70, 35);
  }
  void fit(double min_lon, double min_lat, double max_lon, double max_lat, double margin_px = 4) {
    core::Vec2 lo{1e300, 1e300}, hi{-1e300, -1e300};
    for (double lon : {min_lon, max_lon})
      for (double lat : {min_lat, max_lat}) {
        const core::Vec2 p = projection.forward(lon, lat);
        lo = {std::min(lo.x, p.x), std::min(lo.y, p.y)};
        hi = {std::max(hi.x, p.x), std::max(hi.y, p.y)};
      }
    camera.fit_to(lo, hi, margin_px);
  }
  // Screen pixel (integer, containing the point) of a lon/lat position.
  std::array<int, 2> pixel_of(double lon, double lat) const {
    const core::Vec2 s = camera.world_to_screen(projection.forward(lon, lat));
    return {int(s.x), int(s.y)};
  }
  Image render(const render::DrawParams& params, int samples = 4) {
    render::OffscreenTarget target(camera.viewport_w_px(), camera.viewport_h_px(), samples);
    target.bind();
    map->draw(camera, params);
    return {target.width(), target.height(), target.read_rgba()};
  }
  Pixel probe(const Image& img, double lon, double lat) const {
    const auto p = pixel_of(lon, lat);
    return img.at(p[0], p[1]);
  }
};

inline core::DayInterval days(const char* from, const char* to) {
  return {core::parse_partial_date(from)->interval().start_day, core::parse_partial_date(to)->interval().end_day};
}

}  // namespace driftmap::testing
