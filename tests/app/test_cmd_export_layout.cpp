// The slide layout read from what a presenter gets: the map frame keeps its size with the
// article's figures on or off, the legend lists only what the map shows, no text is under 8 pt,
// and an animation's period is large and boxed.
#include <catch2/catch.hpp>
#include <png.h>

#include <cstdio>
#include <memory>
#include <regex>

#include "../support/synthetic_geodata.hpp"
#include "run_binary.hpp"

using driftmap::testing::TempDir;
using driftmap::test::read_all;
using driftmap::test::run_driftmap;

namespace {

std::string export_svg(const TempDir& dir, const std::string& name, std::vector<std::string> args) {
  const std::string out = dir.file(name);
  args.insert(args.begin(), {"export", "--out", out});
  const auto r = run_driftmap(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return read_all(out);
}

std::string frame_rect(const std::string& svg) {
  std::smatch m;
  REQUIRE(std::regex_search(svg, m, std::regex("<clipPath id=\"map-frame-clip\">(<rect[^>]*>)")));
  return m[1];
}

std::string layer(const std::string& svg, const std::string& id) {
  const size_t a = svg.find("<g id=\"" + id + "\"");
  REQUIRE(a != std::string::npos);
  return svg.substr(a, svg.find("</g>", a) - a);
}

}  // namespace

TEST_CASE("the map frame has the same size with the article's figures on or off") {
  TempDir dir;
  // 2022: the article's shares apply and are listed; 2016: none applies, none is listed.
  for (const auto& [period, figures] : {std::pair{"2022", true}, std::pair{"2016", false}}) {
    INFO(period);
    const std::string on = export_svg(dir, "on.svg", {"--from", period, "--to", period, "--ctc", "on"});
    const std::string off = export_svg(dir, "off.svg", {"--from", period, "--to", period, "--ctc", "off"});
    CHECK(frame_rect(on) == frame_rect(off));
    CHECK((layer(on, "legend").find("CTC Sentinel") != std::string::npos) == figures);
    CHECK(layer(off, "legend").find("CTC Sentinel") == std::string::npos);
  }
}

TEST_CASE("the legend lists only the event types the window holds") {
  TempDir dir;
  // The bundled 2024 incidents: attacks and external plots, nothing else.
  const std::string svg = export_svg(dir, "y.svg", {"--from", "2024", "--to", "2024"});
  const std::string legend = layer(svg, "legend");
  CHECK(legend.find(">Attack<") != std::string::npos);
  for (const char* absent : {"Territorial presence", "Leader killed or captured", "Cross-border attack"}) {
    INFO(absent);
    CHECK(legend.find(absent) == std::string::npos);
  }
  // Without the article's figures there is no shares heading either.
  CHECK(legend.find("CTC Sentinel") == std::string::npos);
}

TEST_CASE("no text of an export is under 8 pt at its resolution") {
  TempDir dir;
  struct Case {
    std::vector<std::string> args;
    double px_per_pt;
  };
  for (const Case& c : {Case{{"--size", "1920x1080"}, 96.0 / 72}, Case{{"--size", "A4", "--dpi", "300"}, 300.0 / 72},
                        Case{{"--size", "1920x1080", "--ctc", "on", "--panels", "2020,2022"}, 96.0 / 72}}) {
    const std::string svg = export_svg(dir, "t.svg", c.args);
    int texts = 0;
    const std::regex size("<text[^>]* font-size=\"(\\d+)\"");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), size); it != std::sregex_iterator(); ++it, ++texts) {
      INFO(it->str());
      CHECK(std::stoi((*it)[1]) >= std::lround(8 * c.px_per_pt));
    }
    CHECK(texts > 20);
  }
}

TEST_CASE("an animation frame shows its period large enough to read on a slide") {
  TempDir dir;
  const std::string out = dir.file("frames/");
  const auto r = run_driftmap({"animate", "--out", out, "--from", "2022-01", "--to", "2022-03", "--step", "1m",
                               "--window", "3m", "--size", "1920x1080"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string frame = dir.file("frames/frame_00001.png");
  png_image img{};
  img.version = PNG_IMAGE_VERSION;
  REQUIRE(png_image_begin_read_from_file(&img, frame.c_str()));
  img.format = PNG_FORMAT_GRAY;
  std::vector<uint8_t> grey(PNG_IMAGE_SIZE(img));
  REQUIRE(png_image_finish_read(&img, nullptr, grey.data(), 0, nullptr));
  // The period's box: the first dark outline from the top along a column left of the text.
  const unsigned x = 9, H = img.height;
  int top = -1, bottom = -1;
  for (unsigned y = 0; y < H / 5; ++y)
    if (grey[y * img.width + x] < 100) (top < 0 ? top : bottom) = int(y);
  REQUIRE(top >= 0);
  // The ink of its text: the rows between the box's lines holding dark pixels.
  int ink_top = -1, ink_bottom = -1;
  for (int y = top + 3; y < bottom - 2; ++y)
    for (unsigned xx = 20; xx < 400; ++xx)
      if (grey[size_t(y) * img.width + xx] < 100) {
        if (ink_top < 0) ink_top = y;
        ink_bottom = y;
        break;
      }
  INFO("box rows " << top << ".." << bottom << ", ink rows " << ink_top << ".." << ink_bottom);
  CHECK(bottom - top >= int(0.04 * H));
  // Capitals and digits of a 4.5 %-of-height font are about 3.3 % of the height.
  CHECK(ink_bottom - ink_top >= int(0.03 * H));
  std::unique_ptr<FILE, int (*)(FILE*)> ocr(popen(("tesseract '" + frame + "' - 2>/dev/null").c_str(), "r"), pclose);
  REQUIRE(ocr);
  std::string text;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, ocr.get())) text.append(buf, n);
  CHECK(text.find("Jan 2022") != std::string::npos);
}
