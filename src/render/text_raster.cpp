// FreeType glyph rendering onto RgbaImage, fontconfig font lookup.
#include "render/text_raster.hpp"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <raqm.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

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

// One glyph of a laid-out line: its face, its index there, and where its origin sits relative to
// the pen's start (26.6 fixed point; y up, as FreeType and HarfBuzz have it).
struct PlacedGlyph {
  FT_Face face;
  FT_UInt index;
  long x, y;
};

struct TextRasterizer::Impl {
  FT_Library lib = nullptr;
  FT_Face face = nullptr;
  std::vector<FT_Face> fallbacks;                      // loaded on demand, for characters face lacks
  std::vector<std::string> fallback_files;             // their font files
  std::unordered_map<char32_t, FT_Face> face_for_cp;   // cache of fallback_face (null: none has it)
  int pixel_size = 16;
  // Rendered glyphs by (face, pixel size, glyph): a map's labels repeat the same few dozen
  // glyphs hundreds of times, and rendering one (hinting included) costs far more than a copy.
  struct Glyph {
    long advance = 0;  // 26.6
    int left = 0, top = 0;
    unsigned width = 0, rows = 0;
    std::vector<uint8_t> coverage;  // rows x width
    bool ok = false;
  };
  std::unordered_map<uint64_t, Glyph> glyphs;
  const Glyph& glyph(FT_Face f, FT_UInt index);
  ~Impl() {
    for (FT_Face f : fallbacks) FT_Done_Face(f);
    if (face) FT_Done_Face(face);
    if (lib) FT_Done_FreeType(lib);
  }
  FT_Face fallback_face(char32_t cp);
  FT_Face face_of(char32_t cp) { return FT_Get_Char_Index(face, cp) ? face : fallback_face(cp); }
  bool shaped(const std::vector<char32_t>& cps);
  long layout(std::string_view utf8, std::vector<PlacedGlyph>* out);
  long layout_simple(const std::vector<char32_t>& cps, std::vector<PlacedGlyph>* out);
  long layout_shaped(const std::vector<char32_t>& cps, std::vector<PlacedGlyph>* out);
};

TextRasterizer::~TextRasterizer() = default;

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

namespace {
// The file of a font fontconfig prefers for sans-serif text that has the character (Noto Sans
// Arabic for Persian, say), or "" when no installed font has it.
std::string find_font_with(char32_t cp) {
  std::string path;
  if (!FcInit()) return path;
  FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>("sans-serif"));
  FcCharSet* set = FcCharSetCreate();
  if (pat && set && FcCharSetAddChar(set, FcChar32(cp))) {
    FcPatternAddCharSet(pat, FC_CHARSET, set);
    FcConfigSubstitute(nullptr, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result;
    if (FcPattern* match = FcFontMatch(nullptr, pat, &result)) {
      FcChar8* file = nullptr;
      FcCharSet* has = nullptr;
      if (FcPatternGetCharSet(match, FC_CHARSET, 0, &has) == FcResultMatch && has && FcCharSetHasChar(has, FcChar32(cp)) &&
          FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch && file)
        path = reinterpret_cast<char*>(file);
      FcPatternDestroy(match);
    }
  }
  if (set) FcCharSetDestroy(set);
  if (pat) FcPatternDestroy(pat);
  return path;
}

// Text that needs a shaper: combining marks, right-to-left and complex scripts (Arabic,
// Indic, ...). Latin, Greek and Cyrillic text is laid out by advances and kerning alone.
bool complex_script(char32_t cp) { return (cp >= 0x0300 && cp < 0x0370) || cp >= 0x0590; }

}  // namespace

FT_Face TextRasterizer::Impl::fallback_face(char32_t cp) {
  if (auto it = face_for_cp.find(cp); it != face_for_cp.end()) return it->second;
  FT_Face found = nullptr;
  for (FT_Face f : fallbacks)
    if (!found && FT_Get_Char_Index(f, cp)) found = f;
  if (!found) {
    const std::string path = find_font_with(cp);
    FT_Face f = nullptr;
    if (!path.empty() && FT_New_Face(lib, path.c_str(), 0, &f) == 0) {
      FT_Set_Pixel_Sizes(f, 0, FT_UInt(pixel_size));
      fallbacks.push_back(f);
      fallback_files.push_back(path);
      found = f;
    }
  }
  face_for_cp[cp] = found;
  return found;
}

const TextRasterizer::Impl::Glyph& TextRasterizer::Impl::glyph(FT_Face f, FT_UInt index) {
  size_t font = 0;
  for (size_t k = 0; k < fallbacks.size(); ++k)
    if (fallbacks[k] == f) font = k + 1;
  const uint64_t key = (uint64_t(font) << 48) | (uint64_t(pixel_size) << 32) | index;
  auto [it, fresh] = glyphs.try_emplace(key);
  Glyph& g = it->second;
  if (!fresh || FT_Load_Glyph(f, index, FT_LOAD_RENDER) != 0) return g;
  const FT_GlyphSlot slot = f->glyph;
  const FT_Bitmap& bm = slot->bitmap;
  g.advance = slot->advance.x;
  g.left = slot->bitmap_left, g.top = slot->bitmap_top;
  g.width = bm.width, g.rows = bm.rows;
  g.coverage.resize(size_t(bm.width) * bm.rows);
  for (unsigned row = 0; row < bm.rows; ++row)
    for (unsigned col = 0; col < bm.width; ++col) g.coverage[size_t(row) * bm.width + col] = bm.buffer[long(row) * bm.pitch + long(col)];
  g.ok = true;
  return g;
}

bool TextRasterizer::Impl::shaped(const std::vector<char32_t>& cps) {
  for (char32_t cp : cps)
    if (complex_script(cp) || !FT_Get_Char_Index(face, cp)) return true;
  return false;
}

long TextRasterizer::Impl::layout(std::string_view utf8, std::vector<PlacedGlyph>* out) {
  const std::vector<char32_t> cps = decode_utf8(utf8);
  return shaped(cps) ? layout_shaped(cps, out) : layout_simple(cps, out);
}

long TextRasterizer::Impl::layout_simple(const std::vector<char32_t>& cps, std::vector<PlacedGlyph>* out) {
  long pen = 0;
  FT_UInt prev = 0;
  for (char32_t cp : cps) {
    const FT_UInt g = FT_Get_Char_Index(face, cp);
    if (prev && g && FT_HAS_KERNING(face)) {
      FT_Vector k;
      FT_Get_Kerning(face, prev, g, FT_KERNING_DEFAULT, &k);
      pen += k.x;
    }
    prev = g;
    if (out) out->push_back({face, g, pen, 0});
    pen += glyph(face, g).advance;
  }
  return pen;
}

// Bidi, joining and mark placement by libraqm (FriBidi + HarfBuzz), each run in the face that
// has its characters.
long TextRasterizer::Impl::layout_shaped(const std::vector<char32_t>& cps, std::vector<PlacedGlyph>* out) {
  raqm_t* rq = raqm_create();
  if (!rq) return layout_simple(cps, out);
  std::vector<uint32_t> text(cps.begin(), cps.end());
  bool ok = raqm_set_text(rq, text.data(), text.size());
  for (size_t i = 0; ok && i < cps.size();) {
    FT_Face f = face_of(cps[i]);
    if (!f) f = face;  // no font has it: the primary face's missing-glyph box
    size_t j = i + 1;
    while (j < cps.size() && (face_of(cps[j]) ? face_of(cps[j]) : face) == f) ++j;
    ok = raqm_set_freetype_face_range(rq, f, i, j - i);
    i = j;
  }
  ok = ok && raqm_set_par_direction(rq, RAQM_DIRECTION_DEFAULT) && raqm_layout(rq);
  size_t n = 0;
  raqm_glyph_t* glyphs = ok ? raqm_get_glyphs(rq, &n) : nullptr;
  if (!glyphs) {
    raqm_destroy(rq);
    return layout_simple(cps, out);
  }
  long pen = 0;
  for (size_t i = 0; i < n; ++i) {
    if (out) out->push_back({glyphs[i].ftface, glyphs[i].index, pen + glyphs[i].x_offset, glyphs[i].y_offset});
    pen += glyphs[i].x_advance;
  }
  raqm_destroy(rq);
  return pen;
}

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
  impl_->pixel_size = pixel_size_;
  FT_Set_Pixel_Sizes(impl_->face, 0, FT_UInt(pixel_size_));
  for (FT_Face f : impl_->fallbacks) FT_Set_Pixel_Sizes(f, 0, FT_UInt(pixel_size_));
}

int TextRasterizer::ascender_px() const { return int(impl_->face->size->metrics.ascender >> 6); }
int TextRasterizer::descender_px() const { return int(-(impl_->face->size->metrics.descender >> 6)); }
int TextRasterizer::line_height_px() const { return int(impl_->face->size->metrics.height >> 6); }

int TextRasterizer::measure(std::string_view utf8) { return int((impl_->layout(utf8, nullptr) + 63) >> 6); }

bool TextRasterizer::needs_shaping(std::string_view utf8) { return impl_->shaped(decode_utf8(utf8)); }

std::vector<TextRasterizer::ShapedGlyph> TextRasterizer::shape(std::string_view utf8) {
  std::vector<PlacedGlyph> placed;
  impl_->layout(utf8, &placed);
  std::vector<ShapedGlyph> out;
  out.reserve(placed.size());
  for (const PlacedGlyph& g : placed) {
    int font = 0;
    for (size_t k = 0; k < impl_->fallbacks.size(); ++k)
      if (impl_->fallbacks[k] == g.face) font = int(k) + 1;
    out.push_back({font, g.index, g.x / 64.0, g.y / 64.0});
  }
  return out;
}

const std::string& TextRasterizer::font_file(int font) const {
  return font <= 0 || size_t(font) > impl_->fallback_files.size() ? path_ : impl_->fallback_files[size_t(font) - 1];
}

void TextRasterizer::draw(RgbaImage& img, int x, int y_baseline, std::string_view utf8, Rgba colour) {
  std::vector<PlacedGlyph> glyphs;
  impl_->layout(utf8, &glyphs);
  for (const PlacedGlyph& g : glyphs) {
    const Impl::Glyph& bm = impl_->glyph(g.face, g.index);
    if (!bm.ok) continue;
    const int gx = x + int(g.x >> 6) + bm.left;
    const int gy = y_baseline - int(g.y >> 6) - bm.top;
    for (unsigned row = 0; row < bm.rows; ++row)
      for (unsigned col = 0; col < bm.width; ++col) {
        const uint8_t v = bm.coverage[size_t(row) * bm.width + col];
        if (v) img.blend(gx + int(col), gy + int(row), colour, float(v) / 255.f);
      }
  }
}

}  // namespace driftmap::render
