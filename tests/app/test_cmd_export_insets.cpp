// Inset and locator maps in `driftmap export`, read as a presenter gets them: the SVG's groups
// and text, the PDF's text, the PNG's pixels where the SVG puts the inset, and the GeoTIFF that
// stays the main map alone.
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

// A window whose main cluster is in Afghanistan and Pakistan, with the Crocus City Hall attack
// in Krasnogorsk and an attack in Istanbul far outside it.
const std::vector<std::string> kWindow = {"--from", "2023", "--to", "2024"};

std::string export_file(const TempDir& dir, const std::string& name, std::vector<std::string> more) {
  const std::string out = dir.file(name);
  std::vector<std::string> args = {"export", "--out", out};
  args.insert(args.end(), kWindow.begin(), kWindow.end());
  args.insert(args.end(), more.begin(), more.end());
  const auto r = run_driftmap(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return out;
}

std::string command_output(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> p(popen(command.c_str(), "r"), pclose);
  REQUIRE(p);
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p.get())) out.append(buf, n);
  return out;
}

// An SVG panel group's text (up to the next panel or the document's end).
std::string group(const std::string& svg, const std::string& id) {
  const size_t a = svg.find("<g id=\"" + id + "\" class=\"panel\"");
  if (a == std::string::npos) return {};
  const size_t b = svg.find("class=\"panel\"", a + 20);
  return svg.substr(a, (b == std::string::npos ? svg.size() : b) - a);
}

struct Box {
  int x = 0, y = 0, w = 0, h = 0;
};

// Where the group sits (its translate) and its size (its frame layer's rectangle).
Box group_box(const std::string& g, const std::string& id) {
  std::smatch t, r;
  REQUIRE(std::regex_search(g, t, std::regex(R"(translate\((\d+) (\d+)\))")));
  const std::string frame = g.substr(g.find("<g id=\"" + id + "-frame\""));
  REQUIRE(std::regex_search(frame, r, std::regex(R"re(<rect x="0" y="0" width="(\d+)" height="(\d+)")re")));
  return {std::stoi(t[1]), std::stoi(t[2]), std::stoi(r[1]), std::stoi(r[2])};
}

}  // namespace

TEST_CASE("an incident far outside the frame gets an inset named with its place, country and distance") {
  TempDir dir;
  const std::string svg = read_all(export_file(dir, "i.svg", {}));
  const std::string inset = group(svg, "inset-1");
  REQUIRE(!inset.empty());
  CHECK(inset.find("inkscape:label=\"Inset: Krasnogorsk\"") != std::string::npos);
  CHECK(std::regex_search(inset, std::regex(">Krasnogorsk, Russia · [0-9,]+ km NW<")));
  // The inset is a map of its own: Russia's outline and the attack's mark.
  CHECK(inset.find("inkscape:label=\"Russia\"") != std::string::npos);
  CHECK(inset.find("id=\"inset-1-incident-2024-03-22-crocus-city-hall\"") != std::string::npos);
  // No edge marker for what the inset shows.
  CHECK(svg.find(">Krasnogorsk · ") == std::string::npos);

  const std::string locator = group(svg, "locator");
  REQUIRE(!locator.empty());
  CHECK(locator.find("inkscape:label=\"Locator map\"") != std::string::npos);
  CHECK(locator.find("inkscape:label=\"Main map\"") != std::string::npos);
  CHECK(locator.find("inkscape:label=\"Afghanistan\"") != std::string::npos);
}

TEST_CASE("with insets off the edge marker comes back; with the locator off it is gone") {
  TempDir dir;
  const std::string svg = read_all(export_file(dir, "o.svg", {"--insets", "off", "--locator", "off"}));
  CHECK(group(svg, "inset-1").empty());
  CHECK(group(svg, "locator").empty());
  CHECK(svg.find(">Krasnogorsk · ") != std::string::npos);

  const auto r = run_driftmap({"export", "--locator", "maybe", "--out", dir.file("x.svg")});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--locator") != std::string::npos);
}

TEST_CASE("an A4 PDF holds the inset's caption and the locator as text and groups") {
  TempDir dir;
  const std::string pdf = export_file(dir, "i.pdf", {"--size", "A4"});
  const std::string text = command_output("pdftotext '" + pdf + "' -");
  CHECK(text.find("Krasnogorsk, Russia") != std::string::npos);
}

TEST_CASE("the PNG shows the inset's frame and caption band where the SVG puts them") {
  TempDir dir;
  const std::string svg = read_all(export_file(dir, "i.svg", {}));
  const Box b = group_box(group(svg, "inset-1"), "inset-1");
  const std::string png = export_file(dir, "i.png", {});
  png_image img{};
  img.version = PNG_IMAGE_VERSION;
  REQUIRE(png_image_begin_read_from_file(&img, png.c_str()));
  img.format = PNG_FORMAT_GRAY;
  std::vector<uint8_t> grey(PNG_IMAGE_SIZE(img));
  REQUIRE(png_image_finish_read(&img, nullptr, grey.data(), 0, nullptr));
  auto at = [&](int x, int y) { return int(grey[size_t(y) * img.width + size_t(x)]); };
  // The frame's line is dark on all four sides; just inside the top, the caption band is paper.
  for (int x = b.x + 20; x < b.x + b.w - 20; x += 37) {
    INFO("x " << x);
    CHECK(at(x, b.y) < 90);
    CHECK(at(x, b.y + b.h - 1) < 90);
  }
  for (int y = b.y + 5; y < b.y + b.h - 5; y += 23) {
    INFO("y " << y);
    CHECK(at(b.x, y) < 90);
    CHECK(at(b.x + b.w - 1, y) < 90);
  }
  CHECK(at(b.x + b.w - 6, b.y + 4) > 200);
}

TEST_CASE("the GeoTIFF is the main map alone: the same raster with insets and locator on or off") {
  TempDir dir;
  const std::string with = export_file(dir, "with.tif", {});
  const std::string without = export_file(dir, "without.tif", {"--insets", "off", "--locator", "off"});
  CHECK(read_all(with) == read_all(without));
  const std::string info = command_output("gdalinfo -json '" + with + "'");
  CHECK(info.find("\"wgs84Extent\"") != std::string::npos);
}
