// The interface font covers every character of the names and quotes the bundled data holds (the
// viewer would show "?" for any other), and DejaVu Sans, the font it loads, has each glyph.
#include <catch2/catch.hpp>

#include <ft2build.h>
#include FT_FREETYPE_H

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "core/boundaries.hpp"
#include "core/geodata.hpp"
#include "render/text_raster.hpp"
#include "ui/font_ranges.hpp"

using namespace driftmap;

namespace {

// The code points of UTF-8 text (the bundled files are valid UTF-8; a test elsewhere checks it).
void add_code_points(const std::string& s, std::set<unsigned>* out) {
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    unsigned c = n == 1 ? b : b & (0x7F >> n);
    for (int k = 1; k < n && i + k < s.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (c >= 0x20) out->insert(c);
    i += size_t(n);
  }
}

std::set<unsigned> bundled_code_points() {
  std::set<unsigned> cps;
  for (const char* f : {"incidents.csv", "citations.csv", "sources.csv", "places.csv", "gazetteer.csv",
                        "admin1_aliases.csv", "regions.csv", "aggregates.csv", "story.csv", "provenance.csv",
                        "views.csv"}) {
    std::ifstream in(core::geodata_file(f));
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    add_code_points(text.str(), &cps);
  }
  core::Problems problems;
  const auto b = core::Boundaries::load_bundled(&problems);
  REQUIRE(b);
  for (const auto* level : {&b->admin0(), &b->admin1()})
    for (const core::AdminArea& a : *level) add_code_points(a.name, &cps);
  return cps;
}

}  // namespace

TEST_CASE("the interface font's ranges cover every character of the bundled names and quotes") {
  const std::set<unsigned> cps = bundled_code_points();
  CHECK(cps.count(0x1E29));  // ḩ, in gazetteer names: the set is really read
  std::string missing;
  for (unsigned c : cps)
    if (!ui::in_interface_ranges(c)) missing += std::to_string(c) + " ";
  CHECK(missing == "");

  // ... and the font the viewer loads has a glyph for each.
  const std::string font = render::find_font("DejaVu Sans");
  REQUIRE_FALSE(font.empty());
  FT_Library lib;
  REQUIRE(FT_Init_FreeType(&lib) == 0);
  FT_Face face;
  REQUIRE(FT_New_Face(lib, font.c_str(), 0, &face) == 0);
  std::string no_glyph;
  for (unsigned c : cps)
    if (FT_Get_Char_Index(face, c) == 0) no_glyph += std::to_string(c) + " ";
  CHECK(no_glyph == "");
  for (unsigned c : {0x041A, 0x0259, 0x1E28, 0x2013})  // К ə Ḩ –: scripts users' files bring
    CHECK(ui::in_interface_ranges(c));
  FT_Done_Face(face);
  FT_Done_FreeType(lib);
}
