// Every kind of bad input file is refused (or loaded) with one exact, clear first
// message. The files are in tests/data/bad/; the very large ones are generated at test time.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/incident_loader.hpp"
#include "core/text.hpp"
#include "../support/synthetic_geodata.hpp"

using namespace driftmap::core;
namespace fs = std::filesystem;
using driftmap::testing::TempDir;

namespace {

const std::string kBad = std::string(DRIFTMAP_TEST_DATA) + "/bad/";

std::string first_message(const LoadResult& r) {
  return r.problems.items.empty() ? std::string() : r.problems.items.front().to_string();
}

struct Case {
  const char* file;
  const char* first;  // expected first message after "<dir>/<file>"; "" = no problem at all
  bool loads;         // accepted without --skip-invalid
};

// clang-format off
const Case kCases[] = {
  // Whole-file problems.
  {"empty.csv", ": file is empty", false},
  {"header_only.csv", ": contains no incidents (only a header)", false},
  {"a_directory.csv", ": is a directory, not a file", false},
  {"does_not_exist.csv", ": no such file", false},
  {"nul_bytes.csv", ":2: contains NUL bytes: not a text file driftmap can read", false},
  {"nul_bytes_late.csv", ":4002: contains NUL bytes: not a text file driftmap can read", false},
  {"unterminated_quote.csv", ":3: summary: quote is never closed (the value runs to the end of the file)", false},
  {"quote_in_header_row.csv", ":2: id: quote is never closed (the value runs to the end of the file)", false},
  // Columns.
  {"no_date_column.csv", ":1: date_start: no date column (expected date_start or date)", false},
  {"no_location_columns.csv", ":1: lat: no location columns (expected lat/lon or latitude/longitude, or point geometries)", false},
  {"only_latitude.csv", ":1: lon: column is missing (the other coordinate is present)", false},
  {"misspelt_latitude.csv", ":1: lat: column is missing (the other coordinate is present)", false},
  {"duplicate_columns.csv", ":1: lat: duplicate column name", false},
  {"duplicate_columns_case.csv", ":1: date: duplicate column name", false},
  {"unknown_columns.csv", ":1: warning: 2 columns are not used by driftmap (ignored): colour, notes", true},
  {"empty_column_name.csv", ":1: warning: column 3 has no name; its values are ignored", true},
  // Layout: BOM, CRLF, other delimiters, blank lines, ragged rows.
  {"bom.csv", "", true},
  {"crlf.csv", "", true},
  {"crlf_bad_row.csv", ":3: lat: \"-95\" is out of range -90..90", false},
  {"semicolon.csv", "", true},
  {"semicolon_decimal_comma.csv", ":2: lat: \"34,5\" is not a number (decimal comma? write 34.5)", false},
  {"tab_separated.tsv", "", true},
  {"blank_lines.csv", ":5: lon: \"691\" is out of range -180..180", false},
  {"too_many_fields.csv", ":2: row has 6 fields, the header 4 (the extra values would be lost)", false},
  {"too_few_fields.csv", ":2: lon: is empty", false},
  // Dates.
  {"date_month_13.csv", ":2: date_start: \"2022-13-45\" has month 13, out of range 1-12", false},
  {"date_spring.csv", ":2: date_start: \"Spring 2022\" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)", false},
  {"date_five_digit_year.csv", ":2: date_start: \"20222\" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)", false},
  {"date_feb_29_non_leap.csv", ":2: date_start: \"2023-02-29\" has day 29, out of range for that month (1-28)", false},
  {"date_empty.csv", ":2: date_start: date is empty (expected YYYY, YYYY-MM or YYYY-MM-DD)", false},
  {"date_year_999.csv", ":2: date_start: \"0999\" has a year before 1000", false},
  {"date_us_format.csv", ":2: date_start: \"05/01/2022\" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)", false},
  {"date_end_before_start.csv", ":2: date_end: end \"2022-01\" is before start \"2022-05\"", false},
  {"date_end_not_a_date.csv", ":2: date_end: \"Summer\" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)", false},
  // Coordinates.
  {"lat_95.csv", ":2: lat: \"95\" is out of range -90..90", false},
  {"lon_200.csv", ":2: lon: \"200\" is out of range -180..180", false},
  {"lat_nan.csv", ":2: lat: \"NaN\" is not a finite number", false},
  {"lon_inf.csv", ":2: lon: \"inf\" is not a finite number", false},
  {"lat_text.csv", ":2: lat: \"north\" is not a number", false},
  {"lat_empty.csv", ":2: lat: is empty", false},
  {"swapped_lat_lon.csv", ":4: lat: \"134.5\" is out of range -90..90", false},
  {"plus_sign_coordinates.csv", "", true},
  // Other fields.
  {"killed_negative.csv", ":2: killed: \"-3\" is negative", false},
  {"killed_fraction.csv", ":2: killed: \"2.5\" is not a whole number", false},
  {"killed_text.csv", ":2: killed: \"dozens\" is not a number", false},
  {"killed_huge.csv", ":2: killed: \"99999999999\" is too large", false},
  {"duplicate_ids.csv", ":4: id: duplicate id \"a\" (first on line 2)", false},
  {"bad_event_type.csv", ":2: event_type: \"bombing\" is not one of attack, cross_border_attack, external_plot, counter_operation, leader_killed_or_captured, territorial, other", false},
  {"bad_location_precision.csv", ":2: location_precision: \"street\" is not one of site, city, district, province, country, none", false},
  {"bad_casualties_disputed.csv", ":2: casualties_disputed: \"maybe\" is not true or false", false},
  // GeoJSON.
  {"ok.geojson", "", true},
  {"truncated.geojson", ":1: the JSON ends before it is complete (truncated?) (column 92, byte 92)", false},
  {"deeply_nested.geojson", ":1: invalid JSON: nesting too deep (column 134, byte 134)", false},
  {"single_feature.geojson", ": is a GeoJSON \"Feature\", not a FeatureCollection (incidents are the point features of a FeatureCollection)", false},
  {"bare_geometry.geojson", ": is a GeoJSON \"Polygon\", not a FeatureCollection (incidents are the point features of a FeatureCollection)", false},
  {"json_array.geojson", ": is a JSON array, not a GeoJSON FeatureCollection", false},
  {"no_features.geojson", ": contains no incidents (no features)", false},
  {"polygon.geojson", ": feature 2: geometry: is a Polygon; only point geometries are incidents (give area incidents as points with location_precision province or country)", false},
  {"linestring.geojson", ": feature 1: geometry: is a Line String; only point geometries are incidents (give area incidents as points with location_precision province or country)", false},
  {"multipoint.geojson", ": feature 1: geometry: is a Multi Point; only point geometries are incidents (give area incidents as points with location_precision province or country)", false},
  {"null_geometry.geojson", ": feature 1: geometry: feature has no geometry and no lat/lon", false},
  {"point_out_of_range.geojson", ": feature 1: geometry: point (200, 95) is outside lon -180..180 / lat -90..90", false},
  {"geojson_bad_date.geojson", ": feature 2: date_start: \"May 2022\" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)", false},
  // GeoPackage and formats outside the allow-list.
  {"bad_date.gpkg", ": feature 2: date_start: \"May 2022\" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)", false},
  {"corrupt.gpkg", ": cannot be read as an incident file (CSV, GeoJSON, GeoPackage, Shapefile, FlatGeobuf or KML): file is not a database", false},
  {"text_as.gpkg", ": cannot be read as an incident file (CSV, GeoJSON, GeoPackage, Shapefile, FlatGeobuf or KML)", false},
  {"local_source.vrt", ": cannot be read as an incident file (CSV, GeoJSON, GeoPackage, Shapefile, FlatGeobuf or KML)", false},
  {"network_source.vrt", ": cannot be read as an incident file (CSV, GeoJSON, GeoPackage, Shapefile, FlatGeobuf or KML)", false},
  {"network_link.kml", ": contains no incidents (no features)", false},
};
// clang-format on

}  // namespace

TEST_CASE("each bad input file gives its exact first message") {
  for (const Case& c : kCases) {
    const std::string path = kBad + c.file;
    const LoadResult r = load_incidents(path);
    INFO(c.file);
    CHECK(first_message(r) == (*c.first ? path + c.first : std::string()));
    CHECK(r.ok() == c.loads);
    // A refused file always says why; a file that loads has no errors.
    if (!r.ok()) CHECK(r.problems.has_errors());
    else CHECK_FALSE(r.problems.has_errors());
  }
}

TEST_CASE("the bad input table covers every file in tests/data/bad") {
  std::set<std::string> listed;
  for (const Case& c : kCases) listed.insert(c.file);
  for (const char* f : {"utf16le.csv", "utf16be.csv", "utf16le_no_bom.csv", "cp1252.csv", "invalid_utf8.csv"})
    listed.insert(f);
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(kBad)) {
    ++files;
    INFO(e.path().filename().string());
    CHECK(listed.count(e.path().filename().string()) == 1);
  }
  CHECK(files >= 40);
  for (const auto& e : fs::recursive_directory_iterator(kBad))
    if (e.is_regular_file()) CHECK(e.file_size() < 1024 * 1024);
}

TEST_CASE("with skip_invalid the valid rows load and the skipped ones are listed") {
  LoadOptions o;
  o.skip_invalid = true;
  SECTION("a CSV with one bad row") {
    const LoadResult r = load_incidents(kBad + "crlf_bad_row.csv", o);
    REQUIRE(r.ok());
    CHECK(r.dataset->size() == 1);
    CHECK(r.rows_skipped == 1);
    CHECK(first_message(r) == kBad + "crlf_bad_row.csv:3: lat: \"-95\" is out of range -90..90");
  }
  SECTION("a row with extra fields is skipped, not truncated") {
    const LoadResult r = load_incidents(kBad + "too_many_fields.csv", o);
    CHECK_FALSE(r.ok());  // its only row was invalid
    CHECK(r.rows_skipped == 1);
  }
  SECTION("GeoJSON: the polygon is skipped, the point loads") {
    const LoadResult r = load_incidents(kBad + "polygon.geojson", o);
    REQUIRE(r.ok());
    CHECK(r.dataset->size() == 1);
    CHECK(r.rows_skipped == 1);
  }
  SECTION("file-level problems are never skipped") {
    for (const char* f : {"unterminated_quote.csv", "nul_bytes_late.csv", "no_date_column.csv", "truncated.geojson",
                          "corrupt.gpkg", "single_feature.geojson"}) {
      INFO(f);
      const LoadResult r = load_incidents(kBad + f, o);
      CHECK_FALSE(r.ok());
      CHECK(r.problems.has_errors());
    }
  }
}

TEST_CASE("a likely lat/lon swap is a warning naming the row") {
  const std::string f = kBad + "swapped_lat_lon.csv";
  const LoadResult r = load_incidents(f);
  REQUIRE(r.problems.items.size() == 2);
  CHECK(r.problems.items[1].to_string() == f + ":4: warning: lat: looks swapped with lon (lat 134.5, lon 34.2)");
  CHECK(r.problems.items[1].severity == Severity::Warning);
  // Row 3 (lat 69.2, lon 134.5) is in range both ways: `validate` catches it by place, not the loader.
}

TEST_CASE("text encodings other than UTF-8 are refused by name or transcoded faithfully") {
  struct Enc {
    const char* file;
    const char* place;    // the value when transcoded
    const char* names;    // what a refusal must mention
  };
  for (const Enc& e : {Enc{"utf16le.csv", "Jalālābād", "UTF-16"}, Enc{"utf16be.csv", "Jalālābād", "UTF-16"},
                       Enc{"utf16le_no_bom.csv", "Jalālābād", "NUL"}, Enc{"cp1252.csv", "Hérat “centre”", "UTF-8"},
                       Enc{"invalid_utf8.csv", nullptr, "UTF-8"}}) {
    INFO(e.file);
    const LoadResult r = load_incidents(kBad + e.file);
    if (r.ok()) {
      REQUIRE(r.dataset->size() == 1);
      const std::string place(r.dataset->place(0));
      CHECK(is_valid_utf8(place));
      if (e.place) CHECK(place == e.place);
    } else {
      REQUIRE_FALSE(r.problems.items.empty());
      CHECK(first_message(r).rfind(kBad + e.file + ":", 0) == 0);
      CHECK(first_message(r).find(e.names) != std::string::npos);
    }
  }
}

TEST_CASE("a single field of tens of megabytes is loaded whole or named in a short message") {
  TempDir dir;
  const size_t kBytes = 24u << 20;
  SECTION("in the summary: loaded whole") {
    const std::string path = dir.file("huge_summary.csv");
    {
      std::ofstream f(path, std::ios::binary);
      f << "id,date_start,lat,lon,summary\na,2022-05-01,34.5,69.2,\"" << std::string(kBytes, 'x') << "\"\n";
    }
    const LoadResult r = load_incidents(path);
    REQUIRE(r.ok());
    CHECK(r.dataset->summary(0).size() == kBytes);
  }
  SECTION("in the date: the message quotes only its start") {
    const std::string path = dir.file("huge_date.csv");
    {
      std::ofstream f(path, std::ios::binary);
      // 2 MB is enough here: OGR grows its line buffer in steps, which is slow under ASan for an
      // unquoted 24 MB line (quadratic copying in GDAL's CPLReadLine, not in driftmap).
      f << "id,date_start,lat,lon\na," << std::string(2u << 20, '7') << ",34.5,69.2\n";
    }
    const LoadResult r = load_incidents(path);
    CHECK_FALSE(r.ok());
    REQUIRE(first_message(r).size() < 300);
    CHECK(first_message(r) == path + ":2: date_start: \"" + std::string(57, '7') +
                                  "...\" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)");
  }
}

TEST_CASE("a file with 100,000 columns loads its driftmap columns and names the rest once") {
  TempDir dir;
  const std::string path = dir.file("wide.csv");
  {
    std::ofstream f(path, std::ios::binary);
    f << "id,date_start,lat,lon";
    for (int i = 5; i <= 100000; ++i) f << ",c" << i;
    f << "\na,2022-05-01,34.5,69.2";
    for (int i = 5; i <= 100000; ++i) f << "," << i;
    f << "\n";
  }
  const LoadResult r = load_incidents(path);
  INFO(first_message(r).substr(0, 400));
  REQUIRE(r.ok());
  CHECK(r.dataset->size() == 1);
  REQUIRE(r.problems.items.size() == 1);
  CHECK(first_message(r) == path + ":1: warning: 99996 columns are not used by driftmap (ignored): c5, c6, c7, c8, c9, "
                                   "c10, c11, c12, c13, c14, ... (99986 more)");
}

TEST_CASE("network paths and URLs are refused before anything is opened") {
  for (const std::string p : {"/vsicurl/http://127.0.0.1:9/a.csv", "/VSICURL/https://example.com/a.geojson",
                              "https://example.com/a.geojson", "http://127.0.0.1:9/a.csv", "ftp://example.com/a.csv",
                              "/vsis3/bucket/a.gpkg", "/vsizip//vsicurl/http://example.com/a.zip/a.csv",
                              "CSV:/vsicurl/http://127.0.0.1:9/a.csv"}) {
    INFO(p);
    CHECK(is_network_path(p));
    const LoadResult r = load_incidents(p);
    CHECK_FALSE(r.ok());
    CHECK(first_message(r) == p + ": network paths and URLs are not opened (driftmap works offline)");
  }
  const LoadResult vsi = load_incidents("/vsimem/a.csv");
  CHECK(first_message(vsi) == "/vsimem/a.csv: GDAL virtual paths are not accepted; give a file path");
  CHECK_FALSE(is_network_path("/tmp/http_logs.csv"));
}

TEST_CASE("files that point at the network never make a connection") {
  // A listener on a free local port; files refer to it; no connection may arrive.
  const int server = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  REQUIRE(server >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(server, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  REQUIRE(::listen(server, 8) == 0);
  socklen_t len = sizeof addr;
  REQUIRE(::getsockname(server, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
  const std::string url = "http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) + "/incidents";

  TempDir dir;
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir.file(name), std::ios::binary) << text;
    return dir.file(name);
  };
  const std::vector<std::string> files = {
      write("remote.vrt", "<OGRVRTDataSource><OGRVRTLayer name=\"a\"><SrcDataSource>/vsicurl/" + url +
                              ".csv</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>\n"),
      write("remote.kml", "<?xml version=\"1.0\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><NetworkLink>"
                          "<Link><href>" + url + ".kml</href></Link></NetworkLink></Document></kml>\n"),
      write("remote.geojson", "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"link\",\"properties\":{\"href\":\"" +
                                  url + "\"}},\"features\":[{\"type\":\"Feature\",\"properties\":{\"date_start\":"
                                  "\"2022-05-01\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[69.2,34.5]}}]}\n"),
      write("remote.csv", "id,date_start,lat,lon,sources\na,2022-05-01,34.5,69.2," + url + "\n"),
      write("remote_path.csv", "/vsicurl/" + url + ".csv\n"),
  };
  for (const auto& f : files) {
    INFO(f);
    (void)load_incidents(f);
    const int client = ::accept(server, nullptr, nullptr);
    CHECK(client < 0);  // nothing connected
    if (client >= 0) ::close(client);
  }
  CHECK(load_incidents(dir.file("remote.csv")).ok());  // a URL as a value is just text
  ::close(server);
}
