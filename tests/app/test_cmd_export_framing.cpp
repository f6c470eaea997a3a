// `driftmap export` of the bundled data with the default frame, read as a presenter gets it: the
// GeoTIFF's extent as gdalinfo reports it, and the SVG's text with and without --labels.
#include <catch2/catch.hpp>
#include <gdal.h>
#include <gdal_utils.h>
#include <cpl_conv.h>

#include <regex>

#include "../support/synthetic_geodata.hpp"
#include "run_binary.hpp"

using driftmap::testing::TempDir;
using Run = driftmap::test::RunResult;

namespace {

// gdalinfo -json's wgs84Extent as {min lon, min lat, max lon, max lat}.
std::array<double, 4> wgs84_extent(const std::string& path) {
  GDALAllRegister();
  GDALDatasetH ds = GDALOpen(path.c_str(), GA_ReadOnly);
  REQUIRE(ds);
  char* argv[] = {const_cast<char*>("-json"), nullptr};
  GDALInfoOptions* opts = GDALInfoOptionsNew(argv, nullptr);
  char* json = GDALInfo(ds, opts);
  const std::string text = json ? json : "";
  CPLFree(json);
  GDALInfoOptionsFree(opts);
  GDALClose(ds);
  const auto at = text.find("\"wgs84Extent\"");
  REQUIRE(at != std::string::npos);
  std::array<double, 4> box{1e9, 1e9, -1e9, -1e9};
  const std::string rest = text.substr(at, text.find('}', at) - at);
  const std::regex pair(R"(\[\s*(-?[0-9.]+),\s*(-?[0-9.]+)\s*\])");
  for (std::sregex_iterator it(rest.begin(), rest.end(), pair), end; it != end; ++it) {
    const double lon = std::stod((*it)[1]), lat = std::stod((*it)[2]);
    box = {std::min(box[0], lon), std::min(box[1], lat), std::max(box[2], lon), std::max(box[3], lat)};
  }
  return box;
}

bool holds(const std::array<double, 4>& b, double lon, double lat) {
  return lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];
}

}  // namespace

TEST_CASE("the 2022 GeoTIFF is framed on Afghanistan and Pakistan, not on every country-level row") {
  TempDir dir;
  const std::string out = (dir.path / "y.tif").string();
  const Run r = driftmap::test::run_driftmap({"export", "--from", "2022", "--to", "2022", "--out", out});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto e = wgs84_extent(out);
  CHECK(holds(e, 69.17, 34.53));  // Kabul
  CHECK(holds(e, 71.58, 34.01));  // Peshawar
  CHECK(holds(e, 73.28, 36.96));  // Badakhshan
  CHECK(!holds(e, -99.7, 37.2));  // the USA's country-level row
  CHECK(!holds(e, 5.3, 52.1));    // the Netherlands'
  CHECK(e[2] - e[0] < 40);        // regional: tens of degrees, not a hemisphere
  CHECK(e[3] - e[1] < 30);
}

TEST_CASE("the 2024 SVG names Kerman, Krasnogorsk and their countries; --labels off removes them") {
  TempDir dir;
  const std::string on = (dir.path / "on.svg").string(), off = (dir.path / "off.svg").string();
  REQUIRE(driftmap::test::run_driftmap({"export", "--from", "2024", "--to", "2024", "--out", on}).exit_code == 0);
  const std::string svg = driftmap::test::read_all(on);
  CHECK(svg.find("inkscape:label=\"Labels\"") != std::string::npos);
  for (const char* name : {">Kerman<", ">Krasnogorsk<", ">Iran<", ">Russia<"}) {
    INFO(name);
    CHECK(svg.find(name) != std::string::npos);
  }
  // The USA's country-level arrest is listed, not framed.
  CHECK(svg.find("Country-level, outside the map: United States") != std::string::npos);

  REQUIRE(driftmap::test::run_driftmap({"export", "--from", "2024", "--to", "2024", "--labels", "off", "--out", off})
              .exit_code == 0);
  const std::string plain = driftmap::test::read_all(off);
  CHECK(plain.find("inkscape:label=\"Labels\"") == std::string::npos);
  for (const char* name : {">Kerman<", ">Krasnogorsk<", ">Iran<", ">Russia<"}) {
    INFO(name);
    CHECK(plain.find(name) == std::string::npos);
  }
}

TEST_CASE("the labels option takes on or off only") {
  TempDir dir;
  const Run r = driftmap::test::run_driftmap({"export", "--labels", "maybe", "--out", (dir.path / "x.svg").string()});
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("--labels") != std::string::npos);
}

TEST_CASE("the sources line names each of the five documents once, each distinct from the others") {
  TempDir dir;
  const std::string out = (dir.path / "s.svg").string();
  REQUIRE(driftmap::test::run_driftmap({"export", "--out", out}).exit_code == 0);
  const std::string svg = driftmap::test::read_all(out);
  const auto at = svg.find("Sources: ");
  REQUIRE(at != std::string::npos);
  const std::string line = svg.substr(at, svg.find('<', at) - at);
  std::vector<std::string> names;
  for (size_t b = std::string("Sources: ").size(), e; b < line.size(); b = e + 2) {
    e = line.find("; ", b);
    if (e == std::string::npos) e = line.size() - 1;  // the closing full stop
    names.push_back(line.substr(b, e - b));
  }
  INFO(line);
  CHECK(names.size() == 5);
  for (size_t i = 0; i < names.size(); ++i)
    for (size_t j = i + 1; j < names.size(); ++j) CHECK(names[i] != names[j]);
  CHECK(line.find("CTC Sentinel: The Enduring Duel") != std::string::npos);
}
