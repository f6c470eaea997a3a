#include <catch2/catch.hpp>
#include <gdal.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "../support/synthetic_geodata.hpp"
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

TEST_CASE("parsed boundaries are cached by the GeoPackage's path, size and time, and a changed file is read again") {
  driftmap::testing::TempDir geodata, cache;
  driftmap::testing::write_synthetic_geodata(geodata.path.string());
  const std::string gpkg = geodata.file("boundaries.gpkg"), aliases = geodata.file("admin1_aliases.csv");
  setenv("DRIFTMAP_CACHE_DIR", cache.path.c_str(), 1);
  auto cache_files = [&] {
    size_t n = 0;
    for (const auto& e : std::filesystem::directory_iterator(cache.path)) n += e.path().extension() == ".boundaries";
    return n;
  };
  Problems p;
  const auto read = Boundaries::load(gpkg, aliases, &p);  // through OGR; writes the cache
  REQUIRE(read);
  REQUIRE(cache_files() == 1);
  const auto cached = Boundaries::load(gpkg, aliases, &p);
  REQUIRE(cached);
  CHECK(cached->geometry_key() == read->geometry_key());
  for (auto [a, b] : {std::pair{&read->admin0(), &cached->admin0()}, std::pair{&read->admin1(), &cached->admin1()}}) {
    REQUIRE(a->size() == b->size());
    for (size_t i = 0; i < a->size(); ++i) {
      const AdminArea &x = (*a)[i], &y = (*b)[i];
      CHECK(x.name == y.name);
      CHECK(x.iso_a3 == y.iso_a3);
      CHECK(x.country == y.country);
      CHECK(x.level == y.level);
      CHECK(x.label_lonlat.x == y.label_lonlat.x);
      CHECK(x.label_lonlat.y == y.label_lonlat.y);
      CHECK(x.bbox.min_lon == y.bbox.min_lon);
      CHECK(x.bbox.max_lat == y.bbox.max_lat);
      REQUIRE(x.shape.size() == y.shape.size());
      for (size_t k = 0; k < x.shape.size(); ++k) {
        CHECK(x.shape[k].outer.size() == y.shape[k].outer.size());
        CHECK(x.shape[k].holes.size() == y.shape[k].holes.size());
        CHECK(std::memcmp(x.shape[k].outer.data(), y.shape[k].outer.data(), x.shape[k].outer.size() * sizeof(Vec2)) == 0);
      }
    }
  }
  CHECK(cached->find_admin1("upper west", "WST") == read->find_admin1("Upper West", "WST"));

  SECTION("the cache answers while the file's size and time are unchanged") {
    // Proof that it is used: bytes changed in place, size and time restored, and OGR never sees them.
    const auto mtime = std::filesystem::last_write_time(gpkg);
    {
      std::fstream f(gpkg, std::ios::in | std::ios::out | std::ios::binary);
      f.seekp(0);
      f.write("garbage!", 8);
    }
    std::filesystem::last_write_time(gpkg, mtime);
    const auto again = Boundaries::load(gpkg, aliases, &p);
    REQUIRE(again);
    CHECK(again->admin1().size() == read->admin1().size());
  }
  SECTION("an edited GeoPackage is read again") {
    GDALDatasetH ds = GDALOpenEx(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr);
    REQUIRE(ds);
    GDALDatasetExecuteSQL(ds, "DELETE FROM admin1 WHERE name = 'Upper West'", nullptr, nullptr);
    GDALClose(ds);
    std::filesystem::last_write_time(gpkg, std::filesystem::last_write_time(gpkg) + std::chrono::seconds(1));
    const auto edited = Boundaries::load(gpkg, aliases, &p);
    REQUIRE(edited);
    CHECK(edited->admin1().size() == read->admin1().size() - 1);
    CHECK_FALSE(edited->find_admin1("Upper West", "WST"));
    CHECK(edited->geometry_key() != read->geometry_key());
  }
  SECTION("a corrupt cache file is ignored and rewritten") {
    for (const auto& e : std::filesystem::directory_iterator(cache.path)) {
      std::fstream f(e.path(), std::ios::in | std::ios::out | std::ios::binary);
      f.seekp(64);
      f.put('\x7f');
    }
    const auto again = Boundaries::load(gpkg, aliases, &p);
    REQUIRE(again);
    CHECK(again->geometry_key() == read->geometry_key());
    CHECK(again->admin1().size() == read->admin1().size());
  }
  unsetenv("DRIFTMAP_CACHE_DIR");
}
