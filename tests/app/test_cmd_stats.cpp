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

namespace {
std::string write_temp(const std::string& name, const std::string& text) {
  const std::string path = "/tmp/driftmap-test-stats-" + name;
  std::ofstream(path) << text;
  return path;
}
// The line of `stats` output for a period and group.
std::string stats_line(const std::string& out, const std::string& period, const std::string& group) {
  const auto at = out.find("\n" + period + std::string(10 - period.size(), ' ') + group + " ");
  return at == std::string::npos ? std::string() : out.substr(at + 1, out.find('\n', at + 1) - at - 1);
}
}  // namespace

TEST_CASE("stats computes a user's own shares per region group and period from the data, labelled as computed") {
  // 2022: three in Kabul, one in Balkh (northern Afghanistan), one in Peshawar's province, one with
  // no stated place (not in the total). 2023: one in Kunduz.
  const std::string data = write_temp("own.csv",
      "date,lat,lon,admin1,country,location_precision\n"
      "2022-01-05,34.53,69.17,Kabul,AFG,city\n2022-02-05,34.53,69.17,Kabul,AFG,city\n"
      "2022-03-05,34.53,69.17,Kabul,AFG,city\n2022-04-05,36.7,67.1,Balkh,AFG,city\n"
      "2022-05-05,34.01,71.58,Khyber Pakhtunkhwa,PAK,city\n2022-06-05,,,,,none\n"
      "2023-02-01,36.73,68.86,Kunduz,AFG,city\n");
  auto r = run_driftmap({"stats", "--data", data});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("computed") != std::string::npos);
  CHECK(stats_line(r.out, "2022", "kabul").find(" 60 %") != std::string::npos);                 // 3 of 5
  CHECK(stats_line(r.out, "2022", "northern_afghanistan").find(" 20 %") != std::string::npos);  // 1 of 5
  CHECK(stats_line(r.out, "2022", "khyber_pakhtunkhwa").find(" 20 %") != std::string::npos);
  CHECK(stats_line(r.out, "2023", "northern_afghanistan").find(" 100 %") != std::string::npos);
  // The article's own figure stands beside the computed one, never in its place.
  CHECK(stats_line(r.out, "2022", "kabul").find("27%") != std::string::npos);

  SECTION("a region file the user names replaces the article's groups") {
    const std::string regions = write_temp("regions.csv",
        "region,label,members\ncapital,The capital,Kabul\nnorth,The north,Kunduz;Balkh;Takhar;Badakhshan\n");
    auto own = run_driftmap({"stats", "--data", data, "--regions", regions});
    INFO(own.out << own.err);
    REQUIRE(own.exit_code == 0);
    CHECK(stats_line(own.out, "2022", "capital").find(" 60 %") != std::string::npos);
    CHECK(stats_line(own.out, "2022", "north").find(" 20 %") != std::string::npos);
    CHECK(stats_line(own.out, "2022", "nangarhar_kabul").empty());  // the article's groups are not counted
    std::remove(regions.c_str());
  }
  SECTION("a region file without the required columns is refused, naming the file") {
    const std::string bad = write_temp("bad-regions.csv", "name,provinces\ncapital,Kabul\n");
    auto refused = run_driftmap({"stats", "--data", data, "--regions", bad});
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("bad-regions.csv") != std::string::npos);
    CHECK(refused.out.empty());
    std::remove(bad.c_str());
  }
  std::remove(data.c_str());
}
