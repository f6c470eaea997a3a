// Text rendering onto the CPU image: a font is found, text covers pixels, widths add up.
#include <catch2/catch.hpp>

#include "render/text_raster.hpp"

using namespace driftmap::render;

namespace {
RgbaImage white(int w, int h) {
  RgbaImage img{w, h, std::vector<uint8_t>(size_t(w) * size_t(h) * 4, 255)};
  return img;
}
size_t dark_pixels(const RgbaImage& img) {
  size_t n = 0;
  for (size_t i = 0; i < img.pixels.size(); i += 4) n += img.pixels[i] < 128;
  return n;
}
}  // namespace

TEST_CASE("fontconfig finds DejaVu Sans and FreeType loads it") {
  std::string error;
  auto font = TextRasterizer::open("DejaVu Sans", &error);
  REQUIRE(font);
  CHECK(font->font_path().find("DejaVu") != std::string::npos);
}

TEST_CASE("drawn text darkens pixels and longer text is wider") {
  std::string error;
  auto font = TextRasterizer::open("DejaVu Sans", &error);
  REQUIRE(font);
  font->set_pixel_size(20);
  CHECK(font->measure("Peshawar") > font->measure("Pesh"));
  CHECK(font->measure("") == 0);
  auto img = white(200, 40);
  font->draw(img, 4, 30, "Peshawar – 2022", Rgba::hex(0x000000));
  CHECK(dark_pixels(img) > 50);
  // Nothing above the ascender.
  for (int x = 0; x < 200; ++x) CHECK(img.pixels[size_t(x) * 4] == 255);
}

TEST_CASE("UTF-8 text decodes to code points and bad bytes to replacement characters") {
  CHECK(decode_utf8("Herāt – ok") == std::vector<char32_t>{'H', 'e', 'r', 0x101, 't', ' ', 0x2013, ' ', 'o', 'k'});
  CHECK(decode_utf8("a\xff") == std::vector<char32_t>{'a', 0xFFFD});
}
