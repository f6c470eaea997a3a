// `driftmap export --drift year`: the trajectory of the incidents' centre as a layer of its own,
// read from the SVG a presenter would open in an editor.
#include <catch2/catch.hpp>

#include "../support/synthetic_geodata.hpp"
#include "run_binary.hpp"

using driftmap::testing::TempDir;

namespace {
// The body of the SVG layer with this label ("" when absent).
std::string layer(const std::string& svg, const std::string& label) {
  const auto at = svg.find("inkscape:label=\"" + label + "\"");
  return at == std::string::npos ? std::string() : svg.substr(at, svg.find("</g>", at) - at);
}
}  // namespace

TEST_CASE("export --drift year draws the centre's trajectory with each year named, as its own layer") {
  TempDir dir;
  const std::string out = (dir.path / "d.svg").string();
  const auto r = driftmap::test::run_driftmap({"export", "--from", "2019", "--to", "2023", "--drift", "year", "--out", out});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string drift = layer(driftmap::test::read_all(out), "Drift of the centre");
  REQUIRE_FALSE(drift.empty());
  for (const char* year : {">2020<", ">2021<", ">2022<", ">2023<"}) {
    INFO(year);
    CHECK(drift.find(year) != std::string::npos);
  }
  CHECK(drift.find(">2024<") == std::string::npos);  // outside the window
  CHECK(drift.find("<polygon") != std::string::npos);  // the moves and their arrows
}

TEST_CASE("without --drift there is no trajectory; a bad period is a usage error") {
  TempDir dir;
  const std::string out = (dir.path / "n.svg").string();
  REQUIRE(driftmap::test::run_driftmap({"export", "--out", out}).exit_code == 0);
  CHECK(layer(driftmap::test::read_all(out), "Drift of the centre").find("<text") == std::string::npos);
  const auto bad = driftmap::test::run_driftmap({"export", "--drift", "weekly", "--out", (dir.path / "b.svg").string()});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--drift") != std::string::npos);
}
