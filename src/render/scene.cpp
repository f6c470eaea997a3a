// The scene's layer table, its assembly, and the rasterisation of marks onto an RGBA image.
#include "render/scene.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "render/map_layout.hpp"

namespace driftmap::render {

using core::Vec2;

const std::vector<SceneLayerSpec>& scene_layer_table() {
  // The GL renderer draws the Gpu layers in one pass under everything else; they stay at the
  // bottom. A new layer is one row here plus marks with its id.
  static const std::vector<SceneLayerSpec> kLayers = {
      {"sea", "Sea", false, RasterBy::Gpu},
      {"countries", "Countries", true, RasterBy::Gpu},
      {"provinces", "Provinces", true, RasterBy::Gpu},
      {"province-outlines", "Province outlines", true, RasterBy::Gpu},
      {"country-outlines", "Country outlines", true, RasterBy::Gpu},
      {"incidents", "Incidents", true, RasterBy::Gpu},
      {"paper", "Paper", false, RasterBy::Marks},
      {"frame", "Map frame", false, RasterBy::Marks},
      {"badges", "Area counts", true, RasterBy::Marks},
      {"drift", "Drift of the centre", true, RasterBy::Marks},
      {"labels", "Labels", true, RasterBy::Marks},
      {"extents", "Locator boxes", true, RasterBy::Marks},
      {"outside", "Outside the map", false, RasterBy::Marks},
      {"header", "Title", false, RasterBy::Marks},
      {"legend", "Legend", false, RasterBy::Marks},
      {"footer", "Attribution", false, RasterBy::Marks},
      {"scalebar", "Scale bar", false, RasterBy::Marks},
      {"north-arrow", "North arrow", false, RasterBy::Marks},
  };
  return kLayers;
}

Scene::Scene() {
  for (const auto& spec : scene_layer_table()) layers.push_back({&spec, {}});
}

void Scene::add(Mark mark) {
  for (auto& l : layers)
    if (mark.group == l.spec->id) {
      l.marks.push_back(std::move(mark));
      return;
    }
}

void Scene::add(std::vector<Mark> marks) {
  for (Mark& m : marks) add(std::move(m));
}

const SceneLayer* Scene::layer(std::string_view id) const {
  for (const auto& l : layers)
    if (id == l.spec->id) return &l;
  return nullptr;
}

void draw_scene_marks(RgbaImage& img, const Scene& scene, Fonts& fonts) {
  for (const auto& l : scene.layers)
    if (l.spec->raster == RasterBy::Marks) draw_marks(img, l.marks, fonts);
}

namespace {

// Straight-alpha "over" onto an image that may itself be transparent.
inline void blend_px(RgbaImage& img, int x, int y, Rgba c, float coverage) {
  if (x < 0 || y < 0 || x >= img.width || y >= img.height) return;
  const float a = std::clamp(c.a * coverage, 0.f, 1.f);
  if (a <= 0) return;
  uint8_t* p = img.pixels.data() + (size_t(y) * size_t(img.width) + size_t(x)) * 4;
  const float da = p[3] / 255.f;
  const float oa = a + da * (1 - a);
  const float src[3] = {c.r * 255.f, c.g * 255.f, c.b * 255.f};
  for (int k = 0; k < 3; ++k) p[k] = uint8_t(std::lround((src[k] * a + p[k] * da * (1 - a)) / oa));
  p[3] = uint8_t(std::lround(oa * 255.f));
}

void fill_rect_px(RgbaImage& img, double x, double y, double w, double h, Rgba c) {
  if (c.a <= 0 || w <= 0 || h <= 0) return;
  const int x0 = std::max(0, int(std::lround(x))), x1 = std::min(img.width, int(std::lround(x + w)));
  const int y0 = std::max(0, int(std::lround(y))), y1 = std::min(img.height, int(std::lround(y + h)));
  if (c.a >= 1) {  // opaque: one row of the colour copied down (the paper bands cover much of a large image)
    if (x1 <= x0 || y1 <= y0) return;
    const auto b = c.to_bytes();
    std::vector<uint8_t> row(size_t(x1 - x0) * 4);
    for (size_t i = 0; i < row.size(); i += 4) std::copy(b.begin(), b.end(), row.begin() + std::ptrdiff_t(i));
    for (int yy = y0; yy < y1; ++yy)
      std::memcpy(img.pixels.data() + (size_t(yy) * size_t(img.width) + size_t(x0)) * 4, row.data(), row.size());
    return;
  }
  for (int yy = y0; yy < y1; ++yy)
    for (int xx = x0; xx < x1; ++xx) blend_px(img, xx, yy, c, 1.f);
}

void fill_polygon(RgbaImage& img, const std::vector<Vec2>& pts, Rgba c) {
  if (pts.size() < 3) return;
  double minx = 1e300, miny = 1e300, maxx = -1e300, maxy = -1e300;
  for (auto p : pts) minx = std::min(minx, p.x), miny = std::min(miny, p.y), maxx = std::max(maxx, p.x), maxy = std::max(maxy, p.y);
  auto inside = [&](double x, double y) {
    bool in = false;
    for (size_t i = 0, j = pts.size() - 1; i < pts.size(); j = i++)
      if ((pts[i].y > y) != (pts[j].y > y) &&
          x < (pts[j].x - pts[i].x) * (y - pts[i].y) / (pts[j].y - pts[i].y) + pts[i].x)
        in = !in;
    return in;
  };
  constexpr int kSub = 4;  // 4x4 samples per pixel for anti-aliasing
  for (int y = int(std::floor(miny)); y <= int(std::ceil(maxy)); ++y)
    for (int x = int(std::floor(minx)); x <= int(std::ceil(maxx)); ++x) {
      int hits = 0;
      for (int sy = 0; sy < kSub; ++sy)
        for (int sx = 0; sx < kSub; ++sx) hits += inside(x + (sx + 0.5) / kSub, y + (sy + 0.5) / kSub);
      if (hits) blend_px(img, x, y, c, float(hits) / (kSub * kSub));
    }
}

// RgbaImage::fill_circle assumes an opaque image; this one keeps alpha right.
void fill_circle_px(RgbaImage& img, double cx, double cy, double radius, Rgba c, double ring_px) {
  const int x0 = int(std::floor(cx - radius - 1)), x1 = int(std::ceil(cx + radius + 1));
  const int y0 = int(std::floor(cy - radius - 1)), y1 = int(std::ceil(cy + radius + 1));
  for (int y = y0; y <= y1; ++y)
    for (int x = x0; x <= x1; ++x) {
      const double d = std::hypot(x + 0.5 - cx, y + 0.5 - cy);
      double cov = std::clamp(radius - d + 0.5, 0.0, 1.0);
      if (ring_px > 0) cov *= std::clamp(d - (radius - ring_px) + 0.5, 0.0, 1.0);
      if (cov > 0) blend_px(img, x, y, c, float(cov));
    }
}


// Even-odd fill of closed rings, 4x4 samples per pixel.
void fill_rings(RgbaImage& img, const std::vector<std::vector<Vec2>>& rings, Rgba c) {
  double minx = 1e300, miny = 1e300, maxx = -1e300, maxy = -1e300;
  for (const auto& r : rings)
    for (auto p : r) minx = std::min(minx, p.x), miny = std::min(miny, p.y), maxx = std::max(maxx, p.x), maxy = std::max(maxy, p.y);
  if (!(minx <= maxx)) return;
  minx = std::max(minx, 0.0), miny = std::max(miny, 0.0);
  maxx = std::min(maxx, double(img.width)), maxy = std::min(maxy, double(img.height));
  auto inside = [&](double x, double y) {
    bool in = false;
    for (const auto& pts : rings)
      for (size_t i = 0, j = pts.size() - 1; i < pts.size(); j = i++)
        if ((pts[i].y > y) != (pts[j].y > y) &&
            x < (pts[j].x - pts[i].x) * (y - pts[i].y) / (pts[j].y - pts[i].y) + pts[i].x)
          in = !in;
    return in;
  };
  constexpr int kSub = 4;
  for (int y = int(std::floor(miny)); y < int(std::ceil(maxy)); ++y)
    for (int x = int(std::floor(minx)); x < int(std::ceil(maxx)); ++x) {
      int hits = 0;
      for (int sy = 0; sy < kSub; ++sy)
        for (int sx = 0; sx < kSub; ++sx) hits += inside(x + (sx + 0.5) / kSub, y + (sy + 0.5) / kSub);
      if (hits) blend_px(img, x, y, c, float(hits) / (kSub * kSub));
    }
}

// An anti-aliased line of width w_px (round caps): coverage from the distance to the segment.
void stroke_segment(RgbaImage& img, Vec2 a, Vec2 b, double w_px, Rgba c) {
  const double r = 0.5 * w_px;
  const int x0 = int(std::floor(std::min(a.x, b.x) - r - 1)), x1 = int(std::ceil(std::max(a.x, b.x) + r + 1));
  const int y0 = int(std::floor(std::min(a.y, b.y) - r - 1)), y1 = int(std::ceil(std::max(a.y, b.y) + r + 1));
  const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
  for (int y = std::max(0, y0); y <= std::min(img.height - 1, y1); ++y)
    for (int x = std::max(0, x0); x <= std::min(img.width - 1, x1); ++x) {
      const double px = x + 0.5 - a.x, py = y + 0.5 - a.y;
      const double t = len2 > 0 ? std::clamp((px * dx + py * dy) / len2, 0.0, 1.0) : 0.0;
      const double d = std::hypot(px - t * dx, py - t * dy);
      const double cov = std::clamp(r - d + 0.5, 0.0, 1.0);
      if (cov > 0) blend_px(img, x, y, c, float(cov));
    }
}

// A label's halo: the glyph coverage dilated by radius_px (the max over a square, two
// passes), blended under the text so that it reads over outlines and fills.
void draw_halo(RgbaImage& img, const RgbaImage& glyphs, int ox, int oy, int radius_px, Rgba colour) {
  const int w = glyphs.width, h = glyphs.height;
  auto cov = [&](int x, int y) { return glyphs.pixels[(size_t(y) * size_t(w) + size_t(x)) * 4]; };
  std::vector<uint8_t> rows(size_t(w) * size_t(h), 0);  // horizontal pass
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      uint8_t v = 0;
      for (int dx = -radius_px; dx <= radius_px; ++dx)
        if (x + dx >= 0 && x + dx < w) v = std::max(v, cov(x + dx, y));
      rows[size_t(y) * size_t(w) + size_t(x)] = v;
    }
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      uint8_t v = 0;
      for (int dy = -radius_px; dy <= radius_px; ++dy)
        if (y + dy >= 0 && y + dy < h) v = std::max(v, rows[size_t(y + dy) * size_t(w) + size_t(x)]);
      if (v) blend_px(img, ox + x, oy + y, colour, v / 255.f);
    }
}

// Text with an optional halo (stroke colour and width). TextRasterizer blends assuming an
// opaque image; on transparent pixels draw through a scratch image and composite, so glyph
// edges keep their alpha.
void draw_text_mark(RgbaImage& img, const Mark& k, Fonts& f) {
  TextRasterizer& font = k.bold ? *f.bold : *f.regular;
  font.set_pixel_size(k.size_px);
  const int asc = font.ascender_px(), desc = font.descender_px();
  const int halo = k.stroke_px > 0 && k.stroke.a > 0 ? int(std::ceil(k.stroke_px)) : 0;
  const int m = 2 + halo;
  const int w = font.measure(k.text) + 2 * m, h = asc + desc + 2 * m;
  const int ox = int(k.x) - m, oy = int(k.y) - asc - m;
  RgbaImage scratch{w, h, std::vector<uint8_t>(size_t(w) * size_t(h) * 4, 0)};
  // Coverage only: draw white on black, then use red as coverage.
  for (size_t i = 3; i < scratch.pixels.size(); i += 4) scratch.pixels[i] = 255;
  font.draw(scratch, m, asc + m, k.text, Rgba{1, 1, 1, 1});
  if (halo) draw_halo(img, scratch, ox, oy, halo, k.stroke);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const uint8_t cov = scratch.pixels[(size_t(y) * size_t(w) + size_t(x)) * 4];
      if (cov) blend_px(img, ox + x, oy + y, k.fill, cov / 255.f);
    }
}

}  // namespace

void draw_marks(RgbaImage& img, const std::vector<Mark>& marks, Fonts& f) {
  for (const Mark& k : marks) {
    switch (k.kind) {
      case Mark::Kind::Rect:
        fill_rect_px(img, k.x, k.y, k.w, k.h, k.fill);
        if (k.stroke_px > 0 && k.stroke.a > 0) {
          const double s = k.stroke_px;
          fill_rect_px(img, k.x, k.y, k.w, s, k.stroke);
          fill_rect_px(img, k.x, k.y + k.h - s, k.w, s, k.stroke);
          fill_rect_px(img, k.x, k.y + s, s, k.h - 2 * s, k.stroke);
          fill_rect_px(img, k.x + k.w - s, k.y + s, s, k.h - 2 * s, k.stroke);
        }
        break;
      case Mark::Kind::Circle:
        if (k.ring_px > 0) {
          fill_circle_px(img, k.x, k.y, k.w, k.fill, k.ring_px);
        } else {
          if (k.stroke_px > 0 && k.stroke.a > 0) fill_circle_px(img, k.x, k.y, k.w + k.stroke_px, k.stroke, 0);
          fill_circle_px(img, k.x, k.y, k.w, k.fill, 0);
        }
        break;
      case Mark::Kind::Polygon: fill_polygon(img, k.points, k.fill); break;
      case Mark::Kind::Path:
        if (k.fill.a > 0) fill_rings(img, k.rings, k.fill);
        if (k.stroke_px > 0 && k.stroke.a > 0)
          for (const auto& r : k.rings)
            for (size_t i = 0; i < r.size(); ++i) stroke_segment(img, r[i], r[(i + 1) % r.size()], k.stroke_px, k.stroke);
        break;
      case Mark::Kind::Text: draw_text_mark(img, k, f); break;
    }
  }
}


}  // namespace driftmap::render
