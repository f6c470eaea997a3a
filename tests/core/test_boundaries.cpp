#include <catch2/catch.hpp>

#include "core/boundaries.hpp"
#include "core/geodata.hpp"

using namespace driftmap::core;

namespace {
const Boundaries& boundaries() {
  static const Boundaries b = [] {
    Problems p;
    auto loaded = Boundaries::load(geodata_file("boundaries.gpkg"), geodata_file("admin1_aliases.csv"), &p);
    if (!loaded) FAIL("boundaries did not load: " << (p.items.empty() ? "" : p.items[0].to_string()));
    return std::move(*loaded);
  }();
  return b;
}
std::string admin1_name(std::string_view query, std::string_view iso = {}) {
  auto i = boundaries().find_admin1(query, iso);
  return i ? boundaries().admin1()[*i].name : std::string("<none>");
}
}  // namespace

TEST_CASE("the bundled boundaries hold every country and the region's provinces") {
  CHECK(boundaries().admin0().size() >= 240);
  CHECK(boundaries().admin1().size() >= 400);
  for (const char* name : {"Nangarhar", "Kunar", "Kabul", "Khyber Pakhtunkhwa", "Kerman", "Moscow Oblast", "Balkh",
                           "Kunduz", "Takhar", "Badakhshan", "Panjshir", "Daykundi"})
    CHECK(admin1_name(name) == name);
}

TEST_CASE("admin-1 lookup goes through aliases, case and diacritics") {
  CHECK(admin1_name("K.P.") == "Khyber Pakhtunkhwa");
  CHECK(admin1_name("N.W.F.P.") == "Khyber Pakhtunkhwa");
  CHECK(admin1_name("khyber-pakhtunkhwa") == "Khyber Pakhtunkhwa");
  CHECK(admin1_name("Hirat") == "Herat");
  CHECK(admin1_name("Hilmand") == "Helmand");
  CHECK(admin1_name("Moskovskaya") == "Moscow Oblast");
  CHECK(admin1_name("KERMAN") == "Kerman");
  CHECK(admin1_name("Nowhereland") == "<none>");
}

TEST_CASE("the former tribal areas are part of Khyber Pakhtunkhwa by default and separate on request") {
  CHECK(admin1_name("Federally Administered Tribal Areas") == "Khyber Pakhtunkhwa");
  CHECK(admin1_name("F.A.T.A.") == "Khyber Pakhtunkhwa");
  Problems p;
  auto split = Boundaries::load(geodata_file("boundaries.gpkg"), geodata_file("admin1_aliases.csv"), &p, true);
  REQUIRE(split);
  auto fata = split->find_admin1("Federally Administered Tribal Areas");
  REQUIRE(fata);
  CHECK(split->admin1()[*fata].name == "Federally Administered Tribal Areas");
  CHECK(split->admin1().size() == boundaries().admin1().size() + 1);
}

TEST_CASE("Panjshir and Daykundi are their own polygons, not Parwan and Uruzgan") {
  const auto& b = boundaries();
  // Bazarak is Panjshir's capital; Nili is Daykundi's.
  auto at_bazarak = b.admin1_at(69.52, 35.31);
  REQUIRE(at_bazarak);
  CHECK(b.admin1()[*at_bazarak].name == "Panjshir");
  auto at_nili = b.admin1_at(66.13, 33.72);
  REQUIRE(at_nili);
  CHECK(b.admin1()[*at_nili].name == "Daykundi");
}

TEST_CASE("point lookup finds the province and country of known cities") {
  const auto& b = boundaries();
  auto jalalabad = b.admin1_at(70.45, 34.43);
  REQUIRE(jalalabad);
  CHECK(b.admin1()[*jalalabad].name == "Nangarhar");
  auto krasnogorsk = b.admin1_at(37.33, 55.82);
  REQUIRE(krasnogorsk);
  CHECK(b.admin1()[*krasnogorsk].name == "Moscow Oblast");
  auto kerman = b.admin0_at(57.08, 30.28);
  REQUIRE(kerman);
  CHECK(b.admin0()[*kerman].iso_a3 == "IRN");
  CHECK(b.find_admin0("AFG"));
  CHECK(b.find_admin0("afghanistan"));
}

TEST_CASE("every label point lies inside its own area") {
  for (const auto& a : boundaries().admin1()) {
    INFO(a.name);
    CHECK(point_in_multipolygon(a.shape, a.label_lonlat));
  }
}

TEST_CASE("a missing boundaries file is an error naming the file") {
  Problems p;
  CHECK_FALSE(Boundaries::load("/nonexistent/b.gpkg", "", &p));
  REQUIRE(p.items.size() == 1);
  CHECK(p.items[0].to_string() == "/nonexistent/b.gpkg: boundaries file not found");
}
