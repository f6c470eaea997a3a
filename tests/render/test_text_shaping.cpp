// Text in any script: Persian is joined and laid out right to left, as HarfBuzz shapes it when
// called directly, in the font fontconfig picks for Arabic script.
#include <catch2/catch.hpp>

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ft.h>
#include <hb.h>

#include "render/text_raster.hpp"

using namespace driftmap::render;

namespace {

constexpr const char* kKerman = "\u06A9\u0631\u0645\u0627\u0646";  // کرمان

RgbaImage white(int w, int h) { return {w, h, std::vector<uint8_t>(size_t(w) * size_t(h) * 4, 255)}; }

std::string font_with(char32_t cp) {
  FcInit();
  FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>("sans-serif"));
  FcCharSet* set = FcCharSetCreate();
  FcCharSetAddChar(set, cp);
  FcPatternAddCharSet(pat, FC_CHARSET, set);
  FcConfigSubstitute(nullptr, pat, FcMatchPattern);
  FcDefaultSubstitute(pat);
  FcResult r;
  FcPattern* m = FcFontMatch(nullptr, pat, &r);
  FcChar8* file = nullptr;
  std::string path;
  if (m && FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch) path = reinterpret_cast<char*>(file);
  if (m) FcPatternDestroy(m);
  FcCharSetDestroy(set);
  FcPatternDestroy(pat);
  return path;
}

// The reference: HarfBuzz shapes the word in the font, FreeType draws each glyph where
// HarfBuzz puts it. Returns the advance in pixels.
int reference_draw(const std::string& font_path, int px, RgbaImage* img, int x, int baseline, size_t* glyphs,
                   std::vector<unsigned>* ids) {
  FT_Library lib;
  FT_Init_FreeType(&lib);
  FT_Face face;
  REQUIRE(FT_New_Face(lib, font_path.c_str(), 0, &face) == 0);
  FT_Set_Pixel_Sizes(face, 0, FT_UInt(px));
  hb_font_t* font = hb_ft_font_create_referenced(face);
  hb_buffer_t* buf = hb_buffer_create();
  hb_buffer_add_utf8(buf, kKerman, -1, 0, -1);
  hb_buffer_guess_segment_properties(buf);
  hb_shape(font, buf, nullptr, 0);
  unsigned n = 0;
  hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
  long pen = 0;
  for (unsigned i = 0; i < n; ++i) {
    ids->push_back(info[i].codepoint);
    if (FT_Load_Glyph(face, info[i].codepoint, FT_LOAD_RENDER) == 0) {
      const FT_Bitmap& bm = face->glyph->bitmap;
      const int gx = x + int((pen + pos[i].x_offset) >> 6) + face->glyph->bitmap_left;
      const int gy = baseline - int(pos[i].y_offset >> 6) - face->glyph->bitmap_top;
      for (unsigned r = 0; r < bm.rows; ++r)
        for (unsigned c = 0; c < bm.width; ++c)
          if (uint8_t v = bm.buffer[long(r) * bm.pitch + long(c)]) img->blend(gx + int(c), gy + int(r), Rgba{0, 0, 0, 1}, v / 255.f);
    }
    pen += pos[i].x_advance;
  }
  *glyphs = n;
  hb_buffer_destroy(buf);
  hb_font_destroy(font);
  FT_Done_FreeType(lib);
  return int((pen + 63) >> 6);
}

}  // namespace

TEST_CASE("Persian text is shaped as HarfBuzz shapes it, in a font that has Arabic script") {
  const std::string arabic_font = font_with(0x06A9);
  REQUIRE_FALSE(arabic_font.empty());  // fonts-noto-core
  std::string error;
  auto text = TextRasterizer::open("DejaVu Sans", &error);
  REQUIRE(text);
  text->set_pixel_size(40);

  RgbaImage ours = white(300, 80), reference = white(300, 80);
  text->draw(ours, 20, 55, kKerman, Rgba{0, 0, 0, 1});
  size_t glyphs = 0;
  std::vector<unsigned> ids;
  const int ref_width = reference_draw(arabic_font, 40, &reference, 20, 55, &glyphs, &ids);

  CHECK(text->measure(kKerman) == ref_width);
  size_t differ = 0, inked = 0;
  for (size_t i = 0; i < ours.pixels.size(); i += 4) {
    differ += std::abs(int(ours.pixels[i]) - int(reference.pixels[i])) > 8;
    inked += reference.pixels[i] < 128;
  }
  CHECK(inked > 200);
  CHECK(differ == 0);

  // Joined: the shaper picks contextual forms, not the letters' isolated glyphs.
  FT_Library lib;
  FT_Init_FreeType(&lib);
  FT_Face face;
  REQUIRE(FT_New_Face(lib, arabic_font.c_str(), 0, &face) == 0);
  const unsigned isolated_kaf = FT_Get_Char_Index(face, 0x06A9);
  FT_Done_FreeType(lib);
  REQUIRE(ids.size() == glyphs);
  CHECK(std::find(ids.begin(), ids.end(), isolated_kaf) == ids.end());
}

TEST_CASE("Latin and Cyrillic text keeps its width whatever the script around it") {
  std::string error;
  auto text = TextRasterizer::open("DejaVu Sans", &error);
  REQUIRE(text);
  text->set_pixel_size(20);
  CHECK(text->measure("Kerman") > 0);
  CHECK(text->measure("Kerman Красногорск") == text->measure("Kerman ") + text->measure("Красногорск"));
}
