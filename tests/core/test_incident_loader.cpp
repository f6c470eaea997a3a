#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>

#include "core/incident_loader.hpp"

using namespace driftmap::core;

namespace {
const std::string kDir = std::string(DRIFTMAP_TEST_DATA) + "/core/";

std::vector<std::string> messages(const Problems& p) {
  std::vector<std::string> out;
  for (const auto& i : p.items) out.push_back(i.to_string());
  return out;
}
bool has(const Problems& p, const std::string& text) {
  const auto m = messages(p);
  return std::any_of(m.begin(), m.end(), [&](const std::string& s) { return s == text; });
}
}  // namespace

TEST_CASE("a CSV in the driftmap schema loads every field") {
  auto r = load_incidents(kDir + "good.csv");
  INFO(messages(r.problems).size());
  REQUIRE(r.ok());
  CHECK(r.problems.items.empty());
  const Dataset& d = *r.dataset;
  REQUIRE(d.size() == 4);
  CHECK(d.id(0) == "span");  // sorted by start
  const Incident kabul = d.incident(2);
  CHECK(kabul.id == "kabul-a");
  CHECK(kabul.killed == 170);
  CHECK(kabul.wounded == 200);
  CHECK(kabul.casualties_disputed);
  CHECK(kabul.summary == "Bombing at the airport, Kabul");
  CHECK(kabul.location_precision == LocationPrecision::City);
  CHECK(kabul.source_line == 2);
  CHECK(d.incident(1).date.start.precision == DatePrecision::Month);
  CHECK(d.incident(3).location_precision == LocationPrecision::Province);
}

TEST_CASE("date/latitude/longitude column names are accepted") {
  auto r = load_incidents(kDir + "simple_names.csv");
  REQUIRE(r.ok());
  REQUIRE(r.dataset->size() == 2);
  CHECK(r.dataset->incident(0).date.to_iso() == "2022-01-15");
  CHECK(r.dataset->lat_deg()[0] == Approx(36.7f));
}

TEST_CASE("every bad row is reported with file, line and field, and the file is refused") {
  const std::string f = kDir + "bad_rows.csv";
  auto r = load_incidents(f);
  CHECK_FALSE(r.ok());
  CHECK(has(r.problems, f + ":2: date_start: \"2022-13-45\" has month 13, out of range 1-12"));
  CHECK(has(r.problems, f + ":3: date_start: \"Spring 2022\" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"));
  CHECK(has(r.problems, f + ":4: date_end: end \"2022-01\" is before start \"2022-05\""));
  CHECK(has(r.problems, f + ":5: lat: \"95\" is out of range -90..90"));
  CHECK(has(r.problems, f + ":6: lon: \"north\" is not a number"));
  CHECK(has(r.problems, f + ":7: killed: \"-3\" is negative"));
  CHECK(has(r.problems, f + ":8: killed: \"2.5\" is not a whole number"));
  CHECK(has(r.problems, f + ":10: id: duplicate id \"a\" (first on line 2)"));
  CHECK(has(r.problems, f + ":5: warning: lat: looks swapped with lon (lat 95, lon 69.2)"));
  CHECK(r.problems.error_count() == 9);
}

TEST_CASE("skipping invalid rows loads the rest and counts what was skipped") {
  LoadOptions o;
  o.skip_invalid = true;
  auto r = load_incidents(kDir + "bad_rows.csv", o);
  REQUIRE(r.ok());
  // Only "ok" and the second "a" pass every check except the duplicate id: rows with errors are skipped.
  CHECK(r.dataset->size() == 1);
  CHECK(r.dataset->id(0) == "ok");
  CHECK(r.rows_skipped == 9);
}

TEST_CASE("line numbers count the lines of multi-line quoted fields") {
  const std::string f = kDir + "multiline.csv";
  auto r = load_incidents(f);
  CHECK_FALSE(r.ok());
  CHECK(has(r.problems, f + ":4: date_start: \"2022-13-01\" has month 13, out of range 1-12"));
}

TEST_CASE("files that are not incident tables are refused with one clear message") {
  SECTION("empty file") {
    auto r = load_incidents(kDir + "empty.csv");
    CHECK(has(r.problems, kDir + "empty.csv: file is empty"));
  }
  SECTION("header only") {
    auto r = load_incidents(kDir + "header_only.csv");
    CHECK_FALSE(r.ok());
    CHECK(has(r.problems, kDir + "header_only.csv: contains no incidents (only a header)"));
  }
  SECTION("no location columns") {
    auto r = load_incidents(kDir + "no_location.csv");
    CHECK_FALSE(r.ok());
    CHECK(has(r.problems, kDir + "no_location.csv:1: lat: no location columns (expected lat/lon or latitude/longitude, or point geometries)"));
  }
  SECTION("duplicate column names") {
    auto r = load_incidents(kDir + "duplicate_columns.csv");
    CHECK_FALSE(r.ok());
    CHECK(has(r.problems, kDir + "duplicate_columns.csv:1: lat: duplicate column name"));
  }
  SECTION("UTF-16 is transcoded: this one simply has no incident columns") {
    auto r = load_incidents(kDir + "utf16.csv");
    CHECK_FALSE(r.ok());
    CHECK(has(r.problems, kDir + "utf16.csv:1: date_start: no date column (expected date_start or date)"));
  }
  SECTION("cp1252 text is transcoded") {
    auto r = load_incidents(kDir + "cp1252.csv");
    CHECK(r.ok());
  }
  SECTION("missing path and directory") {
    CHECK(has(load_incidents(kDir + "nope.csv").problems, kDir + "nope.csv: no such file"));
    CHECK(has(load_incidents(kDir).problems, kDir + ": is a directory, not a file"));
  }
  SECTION("network paths are refused without opening them") {
    auto r = load_incidents("/vsicurl/http://example.com/x.csv");
    CHECK_FALSE(r.ok());
    CHECK(r.problems.items.at(0).message.find("offline") != std::string::npos);
    CHECK(is_network_path("https://example.com/a.geojson"));
    CHECK_FALSE(is_network_path("/tmp/a.csv"));
  }
}

TEST_CASE("GeoJSON point features load, with problems reported by feature index") {
  auto r = load_incidents(kDir + "points.geojson");
  REQUIRE(r.ok());
  REQUIRE(r.dataset->size() == 2);
  CHECK(r.dataset->incident(0).killed == 84);
  CHECK(r.dataset->lon_deg()[0] == Approx(57.07f));
  CHECK(r.dataset->lat_deg()[1] == Approx(55.82f));

  auto poly = load_incidents(kDir + "polygon.geojson");
  CHECK_FALSE(poly.ok());
  REQUIRE_FALSE(poly.problems.items.empty());
  CHECK(poly.problems.items[0].to_string().rfind(kDir + "polygon.geojson: feature 1: geometry: is a Polygon", 0) == 0);

  auto truncated = load_incidents(kDir + "truncated.geojson");
  CHECK_FALSE(truncated.ok());
  CHECK(truncated.problems.items.at(0).message.find("truncated") != std::string::npos);
}

TEST_CASE("a column mapping reads files whose columns have other names") {
  LoadOptions o;
  o.column_map = {{"date_start", "id"}};
  auto r = load_incidents(kDir + "good.csv", o);
  CHECK_FALSE(r.ok());  // ids are not dates: proves the mapping was applied
  CHECK(r.problems.items.at(0).field == "date_start");
}

TEST_CASE("a row whose place no document states loads without coordinates") {
  auto r = load_incidents(kDir + "place_not_stated.csv");
  INFO(messages(r.problems).size());
  REQUIRE(r.ok());
  const Dataset& d = *r.dataset;
  REQUIRE(d.size() == 2);
  const Incident none = d.incident(1);
  CHECK(none.id == "nowhere");
  CHECK(none.location_precision == LocationPrecision::None);
  CHECK_FALSE(has_stated_place(none.location_precision));
  CHECK_FALSE(is_point_precision(none.location_precision));
  CHECK_FALSE(is_area_precision(none.location_precision));
  CHECK(std::isnan(d.lat_deg()[1]));
  CHECK(std::isnan(d.lon_deg()[1]));
  SECTION("a date_basis of reported is kept: the event is on or before that date") {
    CHECK(d.date_reported(1));
    CHECK(none.date_basis == DateBasis::Reported);
    CHECK(none.date.to_iso() == "2022-08-11");
    CHECK_FALSE(d.date_reported(0));
    CHECK(d.incident(0).date_basis == DateBasis::Event);
  }
}

TEST_CASE("a row without a stated place may not carry coordinates, and date_basis is event or reported") {
  const std::string f = kDir + "place_not_stated_bad.csv";
  auto r = load_incidents(f);
  CHECK_FALSE(r.ok());
  CHECK(has(r.problems, f + ":2: lat: is given but location_precision is none (place not stated); leave lat and "
                            "lon empty or give the precision of the place"));
  CHECK(has(r.problems, f + ":3: date_basis: \"published\" is not event or reported"));
}

TEST_CASE("a load stopped through LoadOptions::cancel gives no dataset and says it was cancelled, on every reader") {
  const std::string path = "/tmp/driftmap-test-cancel.csv";
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    REQUIRE(f);
    std::fputs("date,lat,lon\n", f);
    for (int i = 0; i < 5000; ++i) std::fputs("2022-01-01,34.5,69.2\n", f);
    std::fclose(f);
  }
  std::atomic<bool> cancel{true};
  for (const bool force_ogr : {false, true}) {
    INFO("force_ogr " << force_ogr);
    LoadOptions options;
    options.force_ogr = force_ogr;
    options.cancel = &cancel;
    const LoadResult r = load_incidents(path, options);
    CHECK_FALSE(r.ok());
    REQUIRE(r.problems.items.size() == 1);
    CHECK(r.problems.items[0].message == "loading was cancelled");
    CHECK(r.problems.items[0].file == path);
  }
  cancel = false;
  LoadOptions options;
  options.cancel = &cancel;
  CHECK(load_incidents(path, options).dataset->size() == 5000);  // the flag unset: read as usual
  std::remove(path.c_str());
}
