// FreeType glyph rendering onto RgbaImage, fontconfig font lookup.
#include "render/text_raster.hpp"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cmath>

namespace driftmap::render {

void RgbaImage::blend(int x, int y, Rgba c, float coverage) {
  if (x < 0 || y < 0 || x >= width || y >= height) return;
  const float a = std::clamp(c.a * coverage, 0.f, 1.f);
  if (a <= 0) return;
  uint8_t* p = pixels.data() + (size_t(y) * size_t(width) + size_t(x)) * 4;
  const float src[3] = {c.r * 255.f, c.g * 255.f, c.b * 255.f};
  for (int k = 0; k < 3; ++k) p[k] = uint8_t(std::lround(p[k] * (1 - a) + src[k] * a));
  p[3] = 255;
}

void RgbaImage::fill_rect(int x, int y, int w, int h, Rgba c) {
  for (int yy = std::max(0, y); yy < std::min(height, y + h); ++yy)
    for (int xx = std::max(0, x); xx < std::min(width, x + w); ++xx) blend(xx, yy, c);
}

void RgbaImage::fill_circle(float cx, float cy, float radius, Rgba c, float ring_px) {
  const int x0 = int(std::floor(cx - radius - 1)), x1 = int(std::ceil(cx + radius + 1));
  const int y0 = int(std::floor(cy - radius - 1)), y1 = int(std::ceil(cy + radius + 1));
  for (int y = y0; y <= y1; ++y)
    for (int x = x0; x <= x1; ++x) {
      const float d = std::hypot(x + 0.5f - cx, y + 0.5f - cy);
      float cov = std::clamp(radius - d + 0.5f, 0.f, 1.f);
      if (ring_px > 0) cov *= std::clamp(d - (radius - ring_px) + 0.5f, 0.f, 1.f);
      if (cov > 0) blend(x, y, c, cov);
    }
}

std::vector<char32_t> decode_utf8(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    const auto c = uint8_t(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + size_t(len) > s.size()) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    bool ok = true;
    for (int k = 1; k < len; ++k) {
      const auto cc = uint8_t(s[i + size_t(k)]);
      if ((cc >> 6) != 2) ok = false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    out.push_back(ok ? cp : 0xFFFD);
    i += ok ? size_t(len) : 1;
  }
  return out;
}

struct TextRasterizer::Impl {
  FT_Library lib = nullptr;
  FT_Face face = nullptr;
  ~Impl() {
    if (face) FT_Done_Face(face);
    if (lib) FT_Done_FreeType(lib);
  }
};

TextRasterizer::~TextRasterizer() = default;

namespace {
// Through fontconfig's default configuration, loaded once per process (FcInit): loading a fresh
// one per lookup cost 2.5 ms, and an export looks up two faces.
std::string find_font(const std::string& pattern) {
  std::string path;
  if (!FcInit()) return path;
  FcConfig* config = nullptr;  // the default
  FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>(pattern.c_str()));
  if (pat) {
    FcConfigSubstitute(config, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result;
    FcPattern* match = FcFontMatch(config, pat, &result);
    if (match) {
      FcChar8* file = nullptr;
      if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch && file) path = reinterpret_cast<char*>(file);
      FcPatternDestroy(match);
    }
    FcPatternDestroy(pat);
  }
  return path;
}
}  // namespace

std::unique_ptr<TextRasterizer> TextRasterizer::open(const std::string& pattern, std::string* error) {
  std::unique_ptr<TextRasterizer> t(new TextRasterizer());
  t->impl_ = std::make_unique<Impl>();
  t->path_ = find_font(pattern);
  if (t->path_.empty()) {
    if (error) *error = "no font matches '" + pattern + "' (install fonts-dejavu-core)";
    return nullptr;
  }
  if (FT_Init_FreeType(&t->impl_->lib) != 0 || FT_New_Face(t->impl_->lib, t->path_.c_str(), 0, &t->impl_->face) != 0) {
    if (error) *error = t->path_ + ": FreeType cannot load this font";
    return nullptr;
  }
  t->set_pixel_size(16);
  return t;
}

void TextRasterizer::set_pixel_size(int px) {
  pixel_size_ = std::max(4, px);
  FT_Set_Pixel_Sizes(impl_->face, 0, FT_UInt(pixel_size_));
}

int TextRasterizer::ascender_px() const { return int(impl_->face->size->metrics.ascender >> 6); }
int TextRasterizer::descender_px() const { return int(-(impl_->face->size->metrics.descender >> 6)); }
int TextRasterizer::line_height_px() const { return int(impl_->face->size->metrics.height >> 6); }

int TextRasterizer::measure(std::string_view utf8) {
  FT_Face f = impl_->face;
  long pen = 0;
  FT_UInt prev = 0;
  for (char32_t cp : decode_utf8(utf8)) {
    const FT_UInt g = FT_Get_Char_Index(f, cp);
    if (prev && g && FT_HAS_KERNING(f)) {
      FT_Vector k;
      FT_Get_Kerning(f, prev, g, FT_KERNING_DEFAULT, &k);
      pen += k.x;
    }
    if (FT_Load_Glyph(f, g, FT_LOAD_DEFAULT) == 0) pen += f->glyph->advance.x;
    prev = g;
  }
  return int((pen + 63) >> 6);
}

void TextRasterizer::draw(RgbaImage& img, int x, int y_baseline, std::string_view utf8, Rgba colour) {
  FT_Face f = impl_->face;
  long pen = long(x) << 6;
  FT_UInt prev = 0;
  for (char32_t cp : decode_utf8(utf8)) {
    const FT_UInt g = FT_Get_Char_Index(f, cp);
    if (prev && g && FT_HAS_KERNING(f)) {
      FT_Vector k;
      FT_Get_Kerning(f, prev, g, FT_KERNING_DEFAULT, &k);
      pen += k.x;
    }
    prev = g;
    if (FT_Load_Glyph(f, g, FT_LOAD_RENDER) != 0) continue;
    const FT_GlyphSlot s = f->glyph;
    const FT_Bitmap& bm = s->bitmap;
    const int gx = int(pen >> 6) + s->bitmap_left;
    const int gy = y_baseline - s->bitmap_top;
    for (unsigned row = 0; row < bm.rows; ++row)
      for (unsigned col = 0; col < bm.width; ++col) {
        const uint8_t v = bm.buffer[long(row) * bm.pitch + long(col)];
        if (v) img.blend(gx + int(col), gy + int(row), colour, float(v) / 255.f);
      }
    pen += s->advance.x;
  }
}

}  // namespace driftmap::render
