#include <catch2/catch.hpp>

#include <fstream>

#include "../support/synthetic_geodata.hpp"
#include "run_binary.hpp"

using driftmap::test::run_driftmap;

TEST_CASE("stats prints dataset counts beside the article's reported figures by region") {
  auto r = run_driftmap({"stats"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("reported by CTC Sentinel (2023)") != std::string::npos);
  // KP: 47 attacks reported for 2022, and the 2022 total of 217.
  CHECK(r.out.find("47 attacks") != std::string::npos);
  CHECK(r.out.find("217 attacks") != std::string::npos);
  CHECK(r.out.find("northern_afghanistan") != std::string::npos);
}

TEST_CASE("stats groups by country and by province on request") {
  auto by_country = run_driftmap({"stats", "--by", "country"});
  REQUIRE(by_country.exit_code == 0);
  CHECK(by_country.out.find(" IRN ") != std::string::npos);
  CHECK(by_country.out.find(" RUS ") != std::string::npos);
  auto by_admin1 = run_driftmap({"stats", "--by", "admin1"});
  REQUIRE(by_admin1.exit_code == 0);
  CHECK(by_admin1.out.find("Nangarhar") != std::string::npos);
}

TEST_CASE("stats counts incidents without a stated place and quotes the article's statements") {
  auto r = run_driftmap({"stats"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("(place not stated)") != std::string::npos);
  CHECK(r.out.find("4 incidents have no stated place") != std::string::npos);
  CHECK(r.out.find("spread to 15 provinces") != std::string::npos);
  CHECK(r.out.find("37 attacks in eight Afghan provinces") != std::string::npos);
  auto by_country = run_driftmap({"stats", "--by", "country"});
  CHECK(by_country.out.find("(place not stated)") != std::string::npos);
}

TEST_CASE("stats refuses unknown groupings and periods with a usage error") {
  auto r = run_driftmap({"stats", "--by", "planet"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--by: \"planet\" is not region, admin1 or country") != std::string::npos);
  CHECK(run_driftmap({"stats", "--period", "decade"}).exit_code == 2);
}

namespace {
// The JSON object of one period from `stats --drift --json` ("" when absent).
std::string period_object(const std::string& json, const std::string& period) {
  const auto at = json.find("{\"period\": \"" + period + "\"");
  return at == std::string::npos ? std::string() : json.substr(at, json.find('}', at) - at + 1);
}
double field(const std::string& object, const std::string& name) {
  const auto at = object.find("\"" + name + "\": ");
  REQUIRE(at != std::string::npos);
  return std::stod(object.substr(at + name.size() + 4));
}
}  // namespace

TEST_CASE("stats --drift --json: the bundled centre moves north-west by over a thousand km into 2024") {
  auto r = run_driftmap({"stats", "--drift", "--json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(r.out.front() == '[');
  const std::string y2024 = period_object(r.out, "2024");
  INFO(y2024);
  REQUIRE_FALSE(y2024.empty());
  CHECK(field(y2024, "n") >= 2);            // Kerman and Krasnogorsk
  CHECK(field(y2024, "km") > 1000);
  CHECK(field(y2024, "bearing") > 270);     // north-west
  CHECK(field(y2024, "bearing") < 360);
  const std::string y2020 = period_object(r.out, "2020");
  CHECK(field(y2020, "lat") == Approx(34.5).margin(1.0));  // the Nangarhar/Kabul core
  CHECK(field(y2020, "lon") == Approx(69.8).margin(1.5));
}

TEST_CASE("stats --drift works on a user's file, by quarter, and says how it weighs incidents") {
  driftmap::testing::TempDir dir;
  const std::string csv = (dir.path / "mine.csv").string();
  std::ofstream(csv) << "id,date_start,lat,lon,location_precision\n"
                        "a,2022-01-10,0,10,city\nb,2022-02-10,0,10,city\nc,2022-08-10,0,20,city\n";
  auto table = run_driftmap({"stats", "--drift", "--by", "quarter", "--data", csv});
  INFO(table.err);
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.find("2022-Q1") != std::string::npos);
  CHECK(table.out.find("2022-Q3") != std::string::npos);
  CHECK(table.out.find("province-level 0.5") != std::string::npos);
  auto json = run_driftmap({"stats", "--drift", "--by", "quarter", "--json", "--data", csv});
  const std::string q3 = period_object(json.out, "2022-Q3");
  CHECK(field(q3, "km") == Approx(1112).margin(2));  // ten degrees of longitude on the equator
  CHECK(field(q3, "bearing") == Approx(90).margin(0.1));
}

TEST_CASE("stats --drift refuses a period it does not know; --json needs --drift") {
  CHECK(run_driftmap({"stats", "--drift", "--by", "month"}).exit_code == 2);
  CHECK(run_driftmap({"stats", "--json"}).exit_code == 2);
}
