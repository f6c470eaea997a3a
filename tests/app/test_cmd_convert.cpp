// `driftmap convert` (and validate/export on the same files) run as a subprocess on the
// hand-made import files: ACLED, GTD, names only, a GeoPackage with other column names.
#include <catch2/catch.hpp>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <unistd.h>

#include <filesystem>

#include "run_binary.hpp"

using driftmap::test::last_line;
using driftmap::test::read_all;
using driftmap::test::run_driftmap;
namespace fs = std::filesystem;

namespace {
const std::string kImport = std::string(DRIFTMAP_TEST_DATA) + "/import/";

struct ConvertDir {
  fs::path dir;
  ConvertDir() {
    dir = fs::temp_directory_path() / ("driftmap-convert-test-" + std::to_string(::getpid()));
    fs::create_directories(dir);
  }
  ~ConvertDir() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  std::string file(const std::string& name) const { return (dir / name).string(); }
};

// A GeoPackage whose columns are not driftmap's: event_day, what, deaths; point geometry.
void write_gpkg(const std::string& path) {
  GDALAllRegister();
  GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GPKG"), path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  REQUIRE(ds);
  OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
  OSRImportFromEPSG(srs, 4326);
  OGRLayerH layer = GDALDatasetCreateLayer(ds, "events", srs, wkbPoint, nullptr);
  OSRDestroySpatialReference(srs);
  for (const char* name : {"event_day", "what", "deaths", "town"}) {
    OGRFieldDefnH f = OGR_Fld_Create(name, OFTString);
    OGR_L_CreateField(layer, f, TRUE);
    OGR_Fld_Destroy(f);
  }
  struct Row { const char* day; const char* what; const char* deaths; const char* town; double lon, lat; };
  for (const Row& r : {Row{"2022-04-21", "attack", "31", "Mazar-e Sharif", 67.11, 36.71},
                       Row{"2022-05", "attack", "", "Kunduz", 68.86, 36.73}}) {
    OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
    OGR_F_SetFieldString(f, 0, r.day);
    OGR_F_SetFieldString(f, 1, r.what);
    if (*r.deaths) OGR_F_SetFieldString(f, 2, r.deaths);
    OGR_F_SetFieldString(f, 3, r.town);
    OGRGeometryH g = OGR_G_CreateGeometry(wkbPoint);
    OGR_G_SetPoint_2D(g, 0, r.lon, r.lat);
    OGR_F_SetGeometryDirectly(f, g);
    REQUIRE(OGR_L_CreateFeature(layer, f) == OGRERR_NONE);
    OGR_F_Destroy(f);
  }
  GDALClose(ds);
}
}  // namespace

TEST_CASE("convert writes an ACLED and a GTD file as one CSV in driftmap's schema with the originals kept") {
  ConvertDir d;
  const std::string out = d.file("all.csv");
  auto r = run_driftmap({"convert", kImport + "acled_new.csv", kImport + "gtd_cp1252.csv", "--out", out});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == out + ": 10 incidents written (2 placed by name), 0 invalid rows skipped\n");
  const std::string csv = read_all(out);
  CHECK(csv.rfind("id,date_start,date_end,date_basis,event_type,place,admin1,country,location_precision,located_by,lat,lon,", 0) == 0);
  CHECK(csv.find("source_event_type") != std::string::npos);  // ACLED's own event_type, kept
  CHECK(csv.find("sub_event_type") != std::string::npos);
  CHECK(csv.find("AFG70002,2023-07-30,2023-08-05,,attack,Chawkay,Kunar,AFG,district,source,") != std::string::npos);
  CHECK(csv.find("201903000001,2019-03,,,attack,Kabul,Kabul,AFG,city,source,") != std::string::npos);
  CHECK(csv.find(",attack,,Nangarhar,AFG,province,admin1,") != std::string::npos);  // GTD "Unknown" city
  CHECK(csv.find("caf\xC3\xA9") != std::string::npos);  // cp1252 transcoded

  // The output is itself a driftmap file.
  auto v = run_driftmap({"validate", out});
  INFO(v.out);
  CHECK(v.exit_code == 0);
}

TEST_CASE("convert places a names-only file and refuses it while a name is ambiguous") {
  ConvertDir d;
  const std::string out = d.file("names.geojson");
  auto refused = run_driftmap({"convert", kImport + "names_only.csv", "--out", out});
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("names_only.csv:9: place: \"Jalalabad\" is ambiguous") != std::string::npos);
  CHECK_FALSE(fs::exists(out));  // nothing at OUT on failure
  CHECK(fs::is_empty(d.dir));    // and no temporary file left

  auto r = run_driftmap({"convert", kImport + "names_only.csv", "--skip-invalid", "--out", out});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == out + ": 7 incidents written (7 placed by name), 1 invalid rows skipped\n");
  const std::string json = read_all(out);
  CHECK(json.find("\"location_precision\": \"province\", \"located_by\": \"admin1\"") != std::string::npos);
  CHECK(json.find("\"place\": \"Termiz\", \"admin1\": \"Surkhandarya\", \"country\": \"UZB\", \"location_precision\": \"city\"") !=
        std::string::npos);
}

TEST_CASE("validate reports format, encoding and delimiter, and a note per row placed by name") {
  auto acled = run_driftmap({"validate", kImport + "acled_old_semicolon.csv"});
  CHECK(acled.exit_code == 0);
  CHECK(acled.out.rfind(kImport + "acled_old_semicolon.csv: format ACLED, encoding UTF-8, delimiter ';'\n", 0) == 0);
  auto gtd = run_driftmap({"validate", kImport + "gtd_cp1252.csv"});
  CHECK(gtd.exit_code == 0);
  CHECK(gtd.out.rfind(kImport + "gtd_cp1252.csv: format GTD, encoding cp1252, delimiter ','\n", 0) == 0);
  CHECK(gtd.out.find(kImport + "gtd_cp1252.csv:6: note: location: placed at city precision from the gazetteer: "
                               "Mazar-e Sharif (Balkh, AFG)\n") != std::string::npos);
  auto utf16 = run_driftmap({"validate", kImport + "acled_utf16le.csv"});
  CHECK(utf16.exit_code == 0);
  CHECK(utf16.out.find("encoding UTF-16LE") != std::string::npos);
  auto names = run_driftmap({"validate", kImport + "names_only.csv"});
  CHECK(names.exit_code == 1);
  CHECK(last_line(names.out) == kImport + "names_only.csv: 8 incidents, 1 errors, 1 warnings");
}

TEST_CASE("a GeoPackage with other column names is read with --map by validate and convert") {
  ConvertDir d;
  const std::string gpkg = d.file("events.gpkg");
  write_gpkg(gpkg);
  auto unmapped = run_driftmap({"validate", gpkg});
  CHECK(unmapped.exit_code == 1);  // no date column

  auto v = run_driftmap({"validate", gpkg, "--map", "date=event_day,type=what", "--map", "killed=deaths,place=town"});
  INFO(v.out << v.err);
  CHECK(v.exit_code == 0);
  CHECK(v.out.rfind(gpkg + ": format driftmap, driver GPKG\n", 0) == 0);

  const std::string out = d.file("events.csv");
  auto c = run_driftmap({"convert", gpkg, "--map", "date=event_day,type=what,killed=deaths,place=town", "--out", out});
  INFO(c.err);
  REQUIRE(c.exit_code == 0);
  const std::string csv = read_all(out);
  CHECK(csv.find("2022-04-21,,,attack,Mazar-e Sharif,,,city,source,36.71,67.11,31,") != std::string::npos);
  CHECK(csv.find("2022-05,,,attack,Kunduz,") != std::string::npos);

  auto bad = run_driftmap({"convert", gpkg, "--map", "when=event_day", "--out", out});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--map: \"when\" is not a driftmap field") != std::string::npos);
}

TEST_CASE("convert's usage errors exit 2 and name the problem") {
  CHECK(run_driftmap({"convert", kImport + "acled_new.csv"}).exit_code == 2);
  auto r = run_driftmap({"convert", kImport + "acled_new.csv", "--out", "/tmp/x.shp"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("must end in .csv, .geojson or .gpkg") != std::string::npos);
}

TEST_CASE("export renders imported files (ACLED, GTD, names only)") {
  ConvertDir d;
  for (const char* f : {"acled_new.csv", "gtd_cp1252.csv", "acled_utf16le.csv"}) {
    INFO(f);
    const std::string png = d.file(std::string(f) + ".png");
    auto r = run_driftmap({"export", "--data", kImport + f, "--out", png});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(fs::exists(png));
  }
}

TEST_CASE("convert keeps a report's date basis and writes no coordinates for a place not stated") {
  ConvertDir tmp;
  const std::string out = tmp.file("no-place.csv");
  auto r = run_driftmap({"convert", std::string(DRIFTMAP_TEST_DATA) + "/core/place_not_stated.csv", "--out", out});
  REQUIRE(r.exit_code == 0);
  const std::string csv = read_all(out);
  CHECK(csv.find("nowhere,2022-08-11,,reported,attack,,,,none,source,,,") != std::string::npos);
}

TEST_CASE("what convert writes, driftmap reads back: every import file through CSV, GeoJSON and GeoPackage") {
  ConvertDir tmp;
  for (const char* f : {"acled_new.csv", "acled_old_semicolon.csv", "gtd_cp1252.csv", "acled_utf16le.csv",
                        "russian_koi8r.csv", "persian_cp1256.csv"}) {
    for (const char* ext : {".csv", ".geojson", ".gpkg"}) {
      INFO(f << " → " << ext);
      const std::string out = tmp.file(std::string("round-trip-") + f + ext);
      auto w = run_driftmap({"convert", kImport + f, "--out", out});
      INFO(w.err);
      REQUIRE(w.exit_code == 0);
      const std::string written = w.out.substr(w.out.find(": ") + 2, w.out.find(" incidents") - w.out.find(": ") - 2);
      auto r = run_driftmap({"validate", out});
      INFO(r.out);
      CHECK(r.exit_code == 0);
      CHECK(last_line(r.out).find(": " + written + " incidents, 0 errors") != std::string::npos);
    }
  }
}
