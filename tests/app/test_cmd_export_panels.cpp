// `driftmap export --panels` read as a presenter gets it: one group per panel in the SVG with its
// period and count as text (the counts `driftmap stats` gives), the periods as PDF text, a PNG
// whose every panel holds a map, and the usage errors that write nothing.
#include <catch2/catch.hpp>
#include <png.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <regex>
#include <set>
#include <sstream>

#include "../support/synthetic_geodata.hpp"
#include "run_binary.hpp"

using driftmap::testing::TempDir;
using driftmap::test::run_driftmap;

namespace {

std::string command_output(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> p(popen(command.c_str(), "r"), pclose);
  REQUIRE(p);
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p.get())) out.append(buf, n);
  return out;
}

// The "(total)" incidents of a year in `driftmap stats` (counted by start date).
int stats_total(const std::string& stats, const std::string& year) {
  std::smatch m;
  const std::regex row("\\n" + year + "\\s+\\(total\\)\\s+(\\d+)");
  REQUIRE(std::regex_search(stats, m, row));
  return std::stoi(m[1]);
}

// The bundled incidents whose dates (start, and end when stated) reach into the year: those the
// year's map shows, read from the CSV itself (id, date_start, date_end lead each row).
int incidents_reaching(int year) {
  std::istringstream csv(driftmap::test::read_all(std::string(DRIFTMAP_GEODATA_DIR) + "/incidents.csv"));
  std::string line;
  std::getline(csv, line);
  int n = 0;
  while (std::getline(csv, line)) {
    const size_t a = line.find(','), b = line.find(',', a + 1), c = line.find(',', b + 1);
    if (c == std::string::npos || b == a + 1) continue;
    const int start = std::stoi(line.substr(a + 1, 4));
    const int end = c > b + 1 ? std::stoi(line.substr(b + 1, 4)) : start;
    n += start <= year && year <= end;
  }
  return n;
}

struct SvgPanel {
  std::string id, title;
  int x = 0, y = 0;
  int frame_x = 0, frame_y = 0, frame_w = 0, frame_h = 0;
};

// Each panel group: its place, its map frame (its clip rectangle) and the title text it holds.
std::vector<SvgPanel> svg_panels(const std::string& svg) {
  std::vector<SvgPanel> out;
  const std::regex group("<g id=\"(panel-\\d+)\" class=\"panel\"[^>]*translate\\((\\d+) (\\d+)\\)\">");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), group); it != std::sregex_iterator(); ++it) {
    SvgPanel p{(*it)[1], "", std::stoi((*it)[2]), std::stoi((*it)[3])};
    std::smatch m;
    const std::regex clip("<clipPath id=\"" + p.id + "-map-frame-clip\"><rect x=\"(\\d+)\" y=\"(\\d+)\" width=\"(\\d+)\" height=\"(\\d+)\"");
    if (std::regex_search(svg, m, clip))
      p.frame_x = std::stoi(m[1]), p.frame_y = std::stoi(m[2]), p.frame_w = std::stoi(m[3]), p.frame_h = std::stoi(m[4]);
    const size_t start = size_t(it->position()), end = svg.find("class=\"panel\"", start + size_t(it->length()));
    const std::string body = svg.substr(start, end == std::string::npos ? std::string::npos : end - start);
    const std::regex title("<g id=\"" + p.id + "-header\"[^>]*>\\n<text[^>]*>([^<]*)</text>");
    if (std::regex_search(body, m, title)) p.title = m[1];
    out.push_back(p);
  }
  return out;
}

}  // namespace

TEST_CASE("a sheet of panels in SVG has one group per period, titled with the period and the count of incidents it shows") {
  TempDir dir;
  const std::string out = dir.file("p.svg");
  const auto r = run_driftmap({"export", "--panels", "2020,2022,2024", "--out", out});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string svg = driftmap::test::read_all(out);
  const auto panels = svg_panels(svg);
  REQUIRE(panels.size() == 3);
  const auto stats = run_driftmap({"stats"});
  REQUIRE(stats.exit_code == 0);
  const char* years[] = {"2020", "2022", "2024"};
  for (size_t i = 0; i < 3; ++i) {
    INFO(panels[i].title);
    // The title counts what the panel shows: every incident reaching into the year, that is the
    // ones stats counts for the year (by start date) plus those begun earlier that last into it.
    const int n = incidents_reaching(std::stoi(years[i]));
    CHECK(panels[i].title == std::string(years[i]) + " · " + std::to_string(n) + (n == 1 ? " incident" : " incidents"));
    CHECK(n >= stats_total(stats.out, years[i]));
    // The same frame and scale: every panel's map frame is the same rectangle in its group.
    CHECK(panels[i].frame_w > 200);
    CHECK(panels[i].frame_w == panels[0].frame_w);
    CHECK(panels[i].frame_h == panels[0].frame_h);
    CHECK(panels[i].frame_x == panels[0].frame_x);
  }
  // One shared legend (outside the panels), none inside them.
  CHECK(svg.find("<g id=\"legend\"") != std::string::npos);
  CHECK(svg.find("-legend\"") == std::string::npos);
}

TEST_CASE("a sheet of panels in PDF holds the periods as text") {
  TempDir dir;
  const std::string out = dir.file("p.pdf");
  const auto r = run_driftmap({"export", "--panels", "2020,2022,2024", "--size", "A4-landscape", "--out", out});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string text = command_output("pdftotext '" + out + "' -");
  for (const char* title : {"2020 · ", "2022 · ", "2024 · ", "Event type"}) {
    INFO(title);
    CHECK(text.find(title) != std::string::npos);
  }
}

TEST_CASE("a sheet of panels in PNG has the size asked for and a map in every panel") {
  TempDir dir;
  const std::string png_path = dir.file("p.png"), svg_path = dir.file("p.svg");
  for (const std::string& out : {png_path, svg_path}) {
    const auto r = run_driftmap({"export", "--panels", "2020,2022,2024", "--out", out});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  png_image img{};
  img.version = PNG_IMAGE_VERSION;
  REQUIRE(png_image_begin_read_from_file(&img, png_path.c_str()));
  img.format = PNG_FORMAT_RGB;
  std::vector<uint8_t> rgb(PNG_IMAGE_SIZE(img));
  REQUIRE(png_image_finish_read(&img, nullptr, rgb.data(), 0, nullptr));
  CHECK(img.width == 1920);
  CHECK(img.height == 1080);
  // The SVG of the same sheet says where each panel's map frame is; the PNG's pixels there show
  // a map (land, sea, outlines, incidents), not an empty box.
  const auto panels = svg_panels(driftmap::test::read_all(svg_path));
  REQUIRE(panels.size() == 3);
  for (const SvgPanel& p : panels) {
    std::set<uint32_t> colours;
    for (int y = p.y + p.frame_y; y < p.y + p.frame_y + p.frame_h; y += 3)
      for (int x = p.x + p.frame_x; x < p.x + p.frame_x + p.frame_w; x += 3) {
        const uint8_t* c = &rgb[(size_t(y) * img.width + size_t(x)) * 3];
        colours.insert(uint32_t(c[0]) << 16 | uint32_t(c[1]) << 8 | c[2]);
      }
    INFO(p.id);
    CHECK(colours.size() > 20);
  }
}

TEST_CASE("bad --panels are usage errors that name the problem and write nothing") {
  TempDir dir;
  struct Case {
    std::vector<std::string> args;
    std::string file, says;
  };
  const Case cases[] = {
      {{"--panels", "2020,2023-13"}, "a.png", "item 2 \"2023-13\""},
      {{"--panels", "2024/2023"}, "b.svg", "item 1 \"2024/2023\""},
      {{"--panels", "2020,,2022"}, "c.pdf", "item 2 is empty"},
      {{"--panels", "2020,2022", "--from", "2020"}, "d.png", "--from/--to or --chapter"},
      {{"--panels", "2020,2022", "--chapter", "1"}, "e.png", "--from/--to or --chapter"},
      {{"--panels", "2020,2022"}, "f.tif", ".png, .svg or .pdf"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args{"export", "--out", dir.file(c.file)};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const auto r = run_driftmap(args);
    INFO(c.file << ": " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(c.says) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.file(c.file)));
  }
}

TEST_CASE("a sheet's one legend lists the article's figures of every panel, and says none applies only when none does") {
  TempDir dir;
  const std::string out = dir.file("ctc.svg");
  auto r = run_driftmap({"export", "--panels", "2022,2024", "--ctc", "on", "--out", out});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string svg = driftmap::test::read_all(out);
  CHECK(svg.find(">Kabul 27 % (2022)<") != std::string::npos);  // 2022's figure; 2024 has none
  CHECK(svg.find("none overlaps") == std::string::npos);
  r = run_driftmap({"export", "--panels", "2016,2024", "--ctc", "on", "--out", out});
  REQUIRE(r.exit_code == 0);
  svg = driftmap::test::read_all(out);
  CHECK(svg.find("CTC Sentinel (2023), reported") == std::string::npos);
  CHECK(svg.find("none overlaps") != std::string::npos);
}

TEST_CASE("with --labels off every panel goes without place names") {
  TempDir dir;
  for (const char* labels : {"on", "off"}) {
    const std::string out = dir.file(std::string("l") + labels + ".svg");
    const auto r = run_driftmap({"export", "--panels", "2022,2024", "--labels", labels, "--out", out});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string svg = driftmap::test::read_all(out);
    for (const char* id : {"panel-1-labels", "panel-2-labels"}) {
      const size_t a = svg.find(std::string("<g id=\"") + id + "\"");
      REQUIRE(a != std::string::npos);
      const std::string layer = svg.substr(a, svg.find("</g>", a) - a);
      INFO(labels << " " << id);
      CHECK((layer.find("<text") != std::string::npos) == (std::string(labels) == "on"));
    }
  }
}
