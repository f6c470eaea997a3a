// `driftmap export` in each format: PNG layout probes and paper sizes, GeoTIFF
// georeferencing checked through GDAL, SVG parsed and its incident circles counted, the format
// chosen by the extension, and byte-identical output for the same inputs.
#include <catch2/catch.hpp>
#include <cpl_minixml.h>
#include <gdal.h>
#include <ogr_srs_api.h>
#include <png.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "../support/synthetic_geodata.hpp"
#include "cli_geodata.hpp"
#include "run_binary.hpp"

namespace fs = std::filesystem;
using driftmap::testing::TempDir;
using driftmap::test::Env;
using Run = driftmap::test::RunResult;

namespace {

Run run(std::vector<std::string> args, const std::string& geodata, const std::string& ffmpeg = {}) {
  Env env{{"DRIFTMAP_GEODATA", geodata}};
  if (!ffmpeg.empty()) env.emplace_back("DRIFTMAP_FFMPEG", ffmpeg);
  return driftmap::test::run_driftmap(args, env);
}

// a: a day-precise attack (solid disc); b: province-level (an area, no circle);
// c: a counter-operation in 2023.
struct Fixture : driftmap::test::CliGeodata {
  Fixture()
      : CliGeodata("a,2022-03-04,attack,Alpha,Upper West,WST,city,33.75,62.5,10\n"
                   "b,2022-07,territorial,,Lower East,EST,province,31.25,67.5,\n"
                   "c,2023-01-02,counter_operation,Gamma,Upper East,EST,city,33.75,67.5,2\n") {}
  std::vector<std::string> args(const std::string& out, std::vector<std::string> extra = {}) const {
    std::vector<std::string> a{"export", "--out", out, "--data", data, "--bbox", "60,30,70,35"};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  }
};

struct Png {
  unsigned width = 0, height = 0;
  std::vector<uint8_t> rgba;
  const uint8_t* at(unsigned x, unsigned y) const { return rgba.data() + (size_t(y) * width + x) * 4; }
};
Png read_png(const std::string& path) {
  png_image img{};
  img.version = PNG_IMAGE_VERSION;
  REQUIRE(png_image_begin_read_from_file(&img, path.c_str()));
  img.format = PNG_FORMAT_RGBA;
  Png out{img.width, img.height, std::vector<uint8_t>(PNG_IMAGE_SIZE(img))};
  REQUIRE(png_image_finish_read(&img, nullptr, out.rgba.data(), 0, nullptr));
  return out;
}

// Circles inside the element with id="incidents".
int count_circles(CPLXMLNode* node, bool inside) {
  int n = 0;
  for (CPLXMLNode* c = node; c; c = c->psNext) {
    if (c->eType != CXT_Element) continue;
    const bool here = inside || std::string(CPLGetXMLValue(c, "id", "")) == "incidents";
    if (here && std::string(c->pszValue) == "circle") ++n;
    n += count_circles(c->psChild, here);
  }
  return n;
}

}  // namespace

TEST_CASE("export chooses PNG, GeoTIFF or SVG by the extension and refuses others with exit 2") {
  Fixture f;
  for (const char* name : {"m.png", "m.tif", "m.tiff", "m.svg", "M.PNG"}) {
    const Run r = run(f.args(f.dir.file(name), {"--size", "320x200"}), f.geodata);
    INFO(name << ": " << r.err);
    CHECK(r.exit_code == 0);
    CHECK(fs::file_size(f.dir.file(name)) > 100);
  }
  CHECK(driftmap::test::read_all(f.dir.file("m.png")).substr(1, 3) == "PNG");
  CHECK(driftmap::test::read_all(f.dir.file("m.tif")).substr(0, 2) == "II");
  CHECK(driftmap::test::read_all(f.dir.file("m.svg")).find("<svg") != std::string::npos);
  const Run bad = run(f.args(f.dir.file("m.jpg")), f.geodata);
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("\".jpg\"") != std::string::npos);
  CHECK_FALSE(fs::exists(f.dir.file("m.jpg")));
}

TEST_CASE("the PNG has the title in the header, a scale bar in the footer and the data in the frame") {
  Fixture f;
  const std::string out = f.dir.file("m.png");
  const Run r = run(f.args(out, {"--size", "960x600", "--title", "MMMMMMMMMMMM", "--style", "light"}), f.geodata);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const Png png = read_png(out);
  REQUIRE(png.width == 960);
  REQUIRE(png.height == 600);
  auto dark_in = [&](unsigned x0, unsigned y0, unsigned x1, unsigned y1) {
    int n = 0;
    for (unsigned y = y0; y < y1; ++y)
      for (unsigned x = x0; x < x1; ++x) n += png.at(x, y)[0] < 90 && png.at(x, y)[1] < 90;
    return n;
  };
  CHECK(dark_in(0, 0, 300, 30) > 50);                  // title
  CHECK(dark_in(700, 560, 960, 600) > 20);             // scale bar (bottom right)
  CHECK(dark_in(300, 200, 600, 400) < 3000);           // the map itself is mostly light
  // The corner is paper (opaque, the light style's panel white).
  CHECK(png.at(959, 599)[3] == 255);
  CHECK(png.at(959, 599)[0] > 240);
}

TEST_CASE("paper sizes follow the dpi and --transparent keeps an alpha channel") {
  Fixture f;
  const Run a4 = run(f.args(f.dir.file("a4.png"), {"--size", "A4", "--dpi", "50"}), f.geodata);
  INFO(a4.err);
  REQUIRE(a4.exit_code == 0);
  const Png p = read_png(f.dir.file("a4.png"));
  CHECK(p.width == 413);  // 210 mm at 50 dpi
  CHECK(p.height == 585);
  const Run land = run(f.args(f.dir.file("l.png"), {"--size", "A3-landscape", "--dpi", "30"}), f.geodata);
  REQUIRE(land.exit_code == 0);
  CHECK(read_png(f.dir.file("l.png")).width == 496);
  const Run t = run(f.args(f.dir.file("t.png"), {"--size", "400x300", "--transparent"}), f.geodata);
  REQUIRE(t.exit_code == 0);
  const Png tp = read_png(f.dir.file("t.png"));
  CHECK(tp.at(399, 299)[3] == 0);  // outside the frame: transparent
  // The map stops at its frame: the land east of a narrow box (Iran, Afghanistan: the bundled
  // boundaries) does not show in the margin under the legend.
  const Run narrow = driftmap::test::run_driftmap({"export", "--out", f.dir.file("n.png"), "--data", f.data, "--bbox",
                                                   "60,30,62,38", "--size", "400x300", "--transparent"});
  REQUIRE(narrow.exit_code == 0);
  const Png np = read_png(f.dir.file("n.png"));
  int opaque_in_margin = 0;
  for (unsigned y = 180; y < 250; ++y) opaque_in_margin += np.at(398, y)[3] != 0;
  CHECK(opaque_in_margin == 0);
}

TEST_CASE("the GeoTIFF is georeferenced in the map's LAEA projection: an incident lands on its pixel") {
  Fixture f;
  const std::string out = f.dir.file("m.tif");
  const Run r = run(f.args(out, {"--size", "640x480", "--legend", "off", "--from", "2022-03", "--to", "2022-03"}), f.geodata);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  GDALAllRegister();
  GDALDatasetH ds = GDALOpen(out.c_str(), GA_ReadOnly);
  REQUIRE(ds);
  // The GeoTIFF holds the map frame alone (no title, legend or margins), inside the 640x480 page.
  CHECK(GDALGetRasterXSize(ds) > 320);
  CHECK(GDALGetRasterXSize(ds) <= 640);
  CHECK(GDALGetRasterYSize(ds) <= 480);
  CHECK(GDALGetRasterCount(ds) >= 3);
  double gt[6];
  REQUIRE(GDALGetGeoTransform(ds, gt) == CE_None);
  CHECK(gt[1] > 0);
  CHECK(gt[1] == Approx(-gt[5]));
  OGRSpatialReferenceH srs = OSRNewSpatialReference(GDALGetProjectionRef(ds));
  REQUIRE(srs);
  const char* method = OSRGetAttrValue(srs, "PROJECTION", 0);
  REQUIRE(method);
  CHECK(std::string(method) == "Lambert_Azimuthal_Equal_Area");
  // Incident a (62.5 E, 33.75 N), through the file's own CRS.
  OGRSpatialReferenceH wgs = OSRNewSpatialReference(nullptr);
  OSRSetWellKnownGeogCS(wgs, "WGS84");
  OSRSetAxisMappingStrategy(wgs, OAMS_TRADITIONAL_GIS_ORDER);
  OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
  OGRCoordinateTransformationH ct = OCTNewCoordinateTransformation(wgs, srs);
  REQUIRE(ct);
  double x = 62.5, y = 33.75;
  REQUIRE(OCTTransform(ct, 1, &x, &y, nullptr));
  const int px = int((x - gt[0]) / gt[1]), py = int((y - gt[3]) / gt[5]);
  REQUIRE(px > 0);
  REQUIRE(py > 0);
  uint8_t rgb[3];
  for (int b = 0; b < 3; ++b)
    REQUIRE(GDALRasterIO(GDALGetRasterBand(ds, b + 1), GF_Read, px, py, 1, 1, &rgb[b], 1, 1, GDT_Byte, 0, 0) == CE_None);
  // The attack colour (Okabe–Ito vermillion #D55E00).
  CHECK(std::abs(int(rgb[0]) - 0xD5) < 40);
  CHECK(std::abs(int(rgb[1]) - 0x5E) < 40);
  CHECK(int(rgb[2]) < 60);
  OCTDestroyCoordinateTransformation(ct);
  OSRDestroySpatialReference(wgs);
  OSRDestroySpatialReference(srs);
  GDALClose(ds);
}

TEST_CASE("the SVG parses, has a layer per part, and one circle per visible point incident") {
  Fixture f;
  auto circles = [&](const std::string& name, std::vector<std::string> extra) {
    const std::string out = f.dir.file(name);
    const Run r = run(f.args(out, extra), f.geodata);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string text = driftmap::test::read_all(out);
    CPLXMLNode* root = CPLParseXMLString(text.c_str());
    REQUIRE(root);
    for (const char* id : {"id=\"countries\"", "id=\"provinces\"", "id=\"incidents\"", "id=\"legend\"",
                           "id=\"scalebar\"", "inkscape:label=\"Legend\""})
      CHECK(text.find(id) != std::string::npos);
    const int n = count_circles(root, false);
    CPLDestroyXMLNode(root);
    return n;
  };
  CHECK(circles("all.svg", {}) == 2);  // a and c; b is province-level: an area, not a circle
  CHECK(circles("2023.svg", {"--from", "2023"}) == 1);
  CHECK(circles("none.svg", {"--from", "2021-01", "--to", "2021-02"}) == 0);
}

TEST_CASE("the same export twice gives byte-identical PNG and SVG files") {
  Fixture f;
  for (const char* ext : {".png", ".svg"}) {
    const std::vector<std::string> extra = {"--size", "500x300", "--title", "Same", "--north-arrow", "--style", "dark"};
    const std::string a = f.dir.file(std::string("a") + ext), b = f.dir.file(std::string("b") + ext);
    REQUIRE(run(f.args(a, extra), f.geodata).exit_code == 0);
    REQUIRE(run(f.args(b, extra), f.geodata).exit_code == 0);
    CHECK(driftmap::test::read_all(a) == driftmap::test::read_all(b));
  }
}

TEST_CASE("export --ctc on with --data draws the article's shares and credits only their source") {
  // The shares are the CTC Sentinel article's own figures: they do not depend on the incidents
  // drawn, so a user's file gets them too, from the bundled tables.
  TempDir dir;
  const std::string data = dir.file("mine.csv");
  std::ofstream(data) << "id,date_start,event_type,country,location_precision,lat,lon\n"
                         "m1,2022-05-01,attack,AFG,city,34.43,70.45\n";
  auto svg = [&](const std::string& name, std::vector<std::string> extra) {
    std::vector<std::string> a{"export", "--out", dir.file(name), "--data", data, "--from", "2022", "--to", "2022-12"};
    a.insert(a.end(), extra.begin(), extra.end());
    const Run r = driftmap::test::run_driftmap(a);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return driftmap::test::read_all(dir.file(name));
  };
  const std::string with = svg("ctc.svg", {"--ctc", "on"});
  // Each figure is captioned with its own period.
  CHECK(with.find("CTC Sentinel (2023), reported:") != std::string::npos);
  CHECK(with.find("Kabul 27 % (2022)") != std::string::npos);
  CHECK(with.find("Shares of attacks: CTC Sentinel: The Enduring Duel") != std::string::npos);
  // The bundled documents are not the source of this file's incidents.
  CHECK(with.find("Sources:") == std::string::npos);
  const std::string without = svg("plain.svg", {});
  CHECK(without.find("CTC Sentinel") == std::string::npos);
  CHECK(without.find("The Enduring Duel") == std::string::npos);

  // Without the bundled tables the option cannot be honoured: a clear error, no file.
  Fixture f;
  const Run r = run(f.args(f.dir.file("ctc.png"), {"--ctc", "on"}), f.geodata);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("--ctc on: the CTC Sentinel figures in " + f.geodata + " cannot be loaded") != std::string::npos);
  CHECK_FALSE(fs::exists(f.dir.file("ctc.png")));
}
