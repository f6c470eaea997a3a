#include <catch2/catch.hpp>

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
