// Text and simple shapes drawn onto a CPU RGBA image (after GL read-back) with FreeType; the
// font file is found with fontconfig. Used for the export's title, date line, attribution,
// legend and count badges.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "render/style.hpp"

namespace driftmap::render {

// Top-down RGBA8 image (row 0 = top), opaque.
struct RgbaImage {
  int width = 0, height = 0;
  std::vector<uint8_t> pixels;

  // Alpha-blends colour over the pixel; coverage in 0..1 scales the colour's alpha.
  void blend(int x, int y, Rgba colour, float coverage = 1.f);
  void fill_rect(int x, int y, int w, int h, Rgba colour);
  // Anti-aliased disc; ring_px > 0 draws only a ring of that width.
  void fill_circle(float cx, float cy, float radius, Rgba colour, float ring_px = 0);
};

// The font file fontconfig picks for a pattern ("DejaVu Sans", "DejaVu Sans:bold"), or "" when
// none: the one font lookup of the exports and the viewer's interface.
std::string find_font(const std::string& pattern);

class TextRasterizer {
 public:
  // Opens the font fontconfig picks for the pattern (e.g. "DejaVu Sans", "DejaVu Sans:bold").
  // Returns null and sets *error when no font can be loaded.
  static std::unique_ptr<TextRasterizer> open(const std::string& pattern, std::string* error);
  ~TextRasterizer();

  void set_pixel_size(int px);
  int pixel_size() const { return pixel_size_; }
  int ascender_px() const;
  int descender_px() const;  // positive distance below the baseline
  int line_height_px() const;
  // Advance width of UTF-8 text in pixels.
  int measure(std::string_view utf8);
  // Draws with the baseline at y_baseline and the pen starting at x.
  void draw(RgbaImage& img, int x, int y_baseline, std::string_view utf8, Rgba colour);
  const std::string& font_path() const { return path_; }

  // Vector outputs draw text needing a shaper (right-to-left or complex script, combining
  // marks, characters this font lacks) from the shaped glyphs; other text they draw as text.
  bool needs_shaping(std::string_view utf8);
  struct ShapedGlyph {
    int font;          // 0: this font; k > 0: the k-th fallback (font_file(k))
    unsigned index;    // glyph index in that font
    double x_px, y_px; // origin from the pen's start, y up
  };
  std::vector<ShapedGlyph> shape(std::string_view utf8);
  const std::string& font_file(int font) const;

 private:
  TextRasterizer() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string path_;
  int pixel_size_ = 16;
};

// UTF-8 → code points (invalid bytes become U+FFFD).
std::vector<char32_t> decode_utf8(std::string_view s);

}  // namespace driftmap::render
