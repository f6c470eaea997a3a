#include <catch2/catch.hpp>

#include "core/gazetteer.hpp"
#include "core/geodata.hpp"

using namespace driftmap::core;

namespace {
const Gazetteer& gazetteer() {
  static const Gazetteer g = [] {
    Problems p;
    auto loaded = Gazetteer::load(geodata_file("gazetteer.csv"), &p);
    if (!loaded) FAIL("gazetteer did not load");
    return std::move(*loaded);
  }();
  return g;
}
}  // namespace

TEST_CASE("city lookup is case- and diacritic-insensitive") {
  auto a = gazetteer().lookup("Jalalabad", "AFG");
  REQUIRE(a.size() == 1);
  CHECK(a[0]->admin1 == "Nangarhar");
  CHECK(a[0]->lat_deg == Approx(34.43).margin(0.05));
  CHECK(gazetteer().lookup("JALĀLĀBĀD", "AFG").size() == 1);
  auto k = gazetteer().lookup("krasnogorsk", "RUS", "Moscow Oblast");
  REQUIRE(k.size() == 1);
  CHECK(k[0]->lon_deg == Approx(37.33).margin(0.05));
}

TEST_CASE("ambiguous names are narrowed by country") {
  auto all = gazetteer().lookup("Jalalabad");
  CHECK(all.size() >= 2);  // Afghanistan and Kyrgyzstan (Jalal-Abad) at least
  auto afg = gazetteer().lookup("Jalalabad", "AFG");
  REQUIRE(afg.size() == 1);
  CHECK(afg[0]->iso_a3 == "AFG");
}

TEST_CASE("unknown places return nothing") { CHECK(gazetteer().lookup("Atlantis").empty()); }
