// The story of the shift on the command line: `driftmap story` lists the chapters, `export
// --chapter K` renders each one with its window, title and the article's figures for its phase,
// and `animate --story` holds every chapter in turn. Run on the bundled geodata.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "../support/synthetic_geodata.hpp"
#include "run_binary.hpp"

namespace fs = std::filesystem;
using driftmap::testing::TempDir;
using driftmap::test::read_all;
using driftmap::test::run_driftmap;

namespace {

// The SVG's texts in document order, joined by spaces: a legend entry wrapped onto several
// lines reads as one.
std::string joined_texts(const std::string& svg) {
  std::string out;
  for (size_t a = svg.find("<text"); a != std::string::npos; a = svg.find("<text", a + 1)) {
    const size_t start = svg.find('>', a) + 1;
    out += svg.substr(start, svg.find("</text>", start) - start) + " ";
  }
  return out;
}

}  // namespace

TEST_CASE("driftmap story lists one numbered line per chapter with its period and title") {
  const auto r = run_driftmap({"story"});
  REQUIRE(r.exit_code == 0);
  std::istringstream in(r.out);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  REQUIRE(lines.size() == 5);
  CHECK(lines[0].rfind("1  2020 \u2013 2021", 0) == 0);
  CHECK(lines[1].find("Sep 2021 \u2013 Dec 2021") != std::string::npos);
  CHECK(lines[2].find("The 2022 spread") != std::string::npos);
  CHECK(lines[4].rfind("5  Jan 2024 \u2013 Mar 2024", 0) == 0);
}

TEST_CASE("export --chapter K renders the chapter's window, title, quote and the article's figures") {
  TempDir dir;
  // What each chapter's SVG must show: its heading and the figure (or caption) for its phase.
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"Chapter 1 \u00b7 2020 \u2013 2021", "Nangarhar and Kabul (ISK's traditional strongholds): stated for 2020"},
      {"Chapter 2 \u00b7 Sep 2021 \u2013 Dec 2021", "Nangarhar 52 % (Sep\u2013Dec 2021)"},
      {"Chapter 3 \u00b7 2022", "Kabul 27 % (2022)"},
      {"Chapter 4 \u00b7 Jan 2023 \u2013 Jul 2023", "55 % (H1 2023)"},
      {"Chapter 5 \u00b7 Jan 2024 \u2013 Mar 2024", "none overlaps this window"},
  };
  for (size_t k = 0; k < expected.size(); ++k) {
    DYNAMIC_SECTION("chapter " << k + 1) {
      const std::string out = dir.file("chapter" + std::to_string(k + 1) + ".svg");
      const auto r = run_driftmap({"export", "--chapter", std::to_string(k + 1), "--out", out, "--size", "1280x720"});
      INFO(r.err);
      REQUIRE(r.exit_code == 0);
      const std::string svg = read_all(out);
      CHECK(svg.find(expected[k].first) != std::string::npos);
      CHECK(joined_texts(svg).find(expected[k].second) != std::string::npos);
    }
  }
  SECTION("the quote is the document's own sentence") {
    const std::string out = dir.file("c5.svg");
    REQUIRE(run_driftmap({"export", "--chapter", "5", "--out", out}).exit_code == 0);
    CHECK(read_all(out).find("attack on a concert hall in Krasnogorsk") != std::string::npos);
  }
  SECTION("a chapter that does not exist is a usage error and writes nothing") {
    const std::string out = dir.file("none.svg");
    const auto r = run_driftmap({"export", "--chapter", "9", "--out", out});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--chapter: \"9\" is not a chapter number 1..5") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
  }
}

TEST_CASE("animate --story holds each chapter for --hold seconds") {
  TempDir dir;
  const std::string frames = dir.file("story") + "/";
  const auto r = run_driftmap({"animate", "--story", "--out", frames, "--fps", "2", "--hold", "1", "--size", "320x180"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  size_t n = 0;
  for (const auto& e : fs::directory_iterator(frames)) n += e.path().extension() == ".png";
  CHECK(n == 5 * 2);  // five chapters, two frames each
  const std::string first = read_all(frames + "frame_00001.png"), second = read_all(frames + "frame_00002.png"),
                    third = read_all(frames + "frame_00003.png");
  CHECK(first == second);  // held
  CHECK(first != third);   // the next chapter

  const auto bad = run_driftmap({"animate", "--story", "--out", dir.file("x") + "/", "--hold", "0x10"});
  CHECK(bad.exit_code == 2);
}
