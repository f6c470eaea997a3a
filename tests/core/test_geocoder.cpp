#include <catch2/catch.hpp>

#include "core/geocoder.hpp"
#include "core/geodata.hpp"
#include "core/incident_loader.hpp"

using namespace driftmap::core;

namespace {
const std::string kImport = std::string(DRIFTMAP_TEST_DATA) + "/import/";

// The bundled reference data, loaded once for every test in this file.
struct Bundled {
  std::optional<Boundaries> boundaries;
  std::optional<Gazetteer> gazetteer;
  Bundled() {
    Problems p;
    boundaries = Boundaries::load(geodata_file("boundaries.gpkg"), geodata_file("admin1_aliases.csv"), &p);
    gazetteer = Gazetteer::load(std::vector<std::string>{geodata_file("places.csv"), geodata_file("gazetteer.csv")}, &p);
  }
};
const Bundled& bundled() {
  static const Bundled b;
  return b;
}
Geocoder geocoder() { return Geocoder(&*bundled().gazetteer, &*bundled().boundaries); }
}  // namespace

TEST_CASE("a place name is found through the gazetteer ignoring case, diacritics and aliases") {
  REQUIRE(bundled().boundaries);
  REQUIRE(bundled().gazetteer);
  const Geocoder g = geocoder();
  for (const char* name : {"Jalalabad", "Jalālābād", "JALALABAD"}) {
    INFO(name);
    const GeocodeResult r = g.locate(name, "", "AFG");
    REQUIRE(r.found);
    CHECK(r.precision == LocationPrecision::City);
    CHECK(r.by == LocatedBy::Gazetteer);
    CHECK(r.admin1 == "Nangarhar");
    CHECK(r.lat_deg == Approx(34.426).margin(0.01));
  }
  for (const char* name : {"Termez", "Termiz", "Tirmiz"}) {
    INFO(name);
    const GeocodeResult r = g.locate(name, "", "");
    REQUIRE(r.found);
    CHECK(r.iso_a3 == "UZB");
  }
}

TEST_CASE("an ambiguous place name is narrowed by country or admin1, else refused naming the candidates") {
  const Geocoder g = geocoder();
  CHECK(g.locate("Jalalabad", "", "Afghanistan").iso_a3 == "AFG");
  CHECK(g.locate("Jalalabad", "Nangarhar", "").iso_a3 == "AFG");
  CHECK(g.locate("Jalalabad", "Isfahan", "").iso_a3 == "IRN");
  const GeocodeResult r = g.locate("Jalalabad", "", "");
  CHECK_FALSE(r.found);
  CHECK(r.field == "place");
  CHECK(r.error.find("is ambiguous: Jalalabad (Nangarhar, AFG)") != std::string::npos);
  CHECK(r.error.find("Isfahan, IRN") != std::string::npos);
  // Two towns of that name in the same Indian state stay ambiguous.
  CHECK_FALSE(g.locate("Jalalabad", "Uttar Pradesh", "IND").found);
}

TEST_CASE("without a known place the province label point, else the country label point is used") {
  const Geocoder g = geocoder();
  for (const char* a : {"Khyber Pakhtunkhwa", "K.P.", "N.W.F.P.", "khyber-pakhtunkhwa"}) {
    INFO(a);
    const GeocodeResult r = g.locate("", a, "");
    REQUIRE(r.found);
    CHECK(r.by == LocatedBy::Admin1);
    CHECK(r.precision == LocationPrecision::Province);
    CHECK(r.admin1 == "Khyber Pakhtunkhwa");
    CHECK(r.iso_a3 == "PAK");
  }
  CHECK(g.locate("", "Moskovskaya", "RUS").admin1 == "Moscow Oblast");
  const GeocodeResult unknown_town = g.locate("Nowhereabad", "Nangarhar", "AFG");
  REQUIRE(unknown_town.found);
  CHECK(unknown_town.by == LocatedBy::Admin1);
  CHECK(unknown_town.fallback.find("Nowhereabad") != std::string::npos);
  const GeocodeResult country = g.locate("", "", "Afghanistan");
  REQUIRE(country.found);
  CHECK(country.precision == LocationPrecision::Country);
  CHECK(country.iso_a3 == "AFG");
  const GeocodeResult nothing = g.locate("", "", "");
  CHECK_FALSE(nothing.found);
  CHECK(nothing.field == "lat");
  CHECK_FALSE(g.locate("", "", "Narnia").found);
}

TEST_CASE("a names-only file is placed row by row, with a note per row and the ambiguous row refused") {
  LoadOptions o;
  o.gazetteer = &*bundled().gazetteer;
  o.boundaries = &*bundled().boundaries;
  const std::string f = kImport + "names_only.csv";
  ParsedRows p = parse_incident_file(f, o);
  REQUIRE(p.file_ok);
  REQUIRE(p.rows.size() == 7);  // the valid rows; the ambiguous last one is counted apart
  CHECK(p.invalid_rows == 1);
  CHECK(p.rows[0].location_precision == LocationPrecision::City);
  CHECK(p.rows[0].admin1 == "Nangarhar");  // filled in from the match
  CHECK(p.rows[2].location_precision == LocationPrecision::Province);
  CHECK(p.rows[5].location_precision == LocationPrecision::Country);
  CHECK(p.located_by[1] == LocatedBy::Gazetteer);
  CHECK(p.located_by[4] == LocatedBy::Admin1);
  CHECK(p.located_by[5] == LocatedBy::Country);
  CHECK(p.problems.error_count() == 1);
  CHECK(p.problems.warning_count() == 1);  // the town not in the gazetteer
  CHECK(p.problems.note_count() == 6);
  bool ambiguous = false;
  for (const auto& q : p.problems.items)
    if (q.severity == Severity::Error) ambiguous = q.to_string().rfind(f + ":9: place: \"Jalalabad\" is ambiguous", 0) == 0;
  CHECK(ambiguous);
  // Without a geocoder a file with no coordinate columns is refused as before.
  CHECK_FALSE(parse_incident_file(f).problems.items.empty());
  CHECK(parse_incident_file(f).problems.has_errors());
}

TEST_CASE("the gazetteer is asked for only when a row needs a place-name lookup, and only once") {
  REQUIRE(bundled().gazetteer);
  int asked = 0;
  LoadOptions o;
  o.boundaries = &*bundled().boundaries;
  o.gazetteer_source = [&] {
    ++asked;
    return &*bundled().gazetteer;
  };
  auto with_coordinates = load_incidents(std::string(DRIFTMAP_TEST_DATA) + "/core/good.csv", o);
  REQUIRE(with_coordinates.ok());
  CHECK(asked == 0);
  auto names_only = parse_incident_file(std::string(DRIFTMAP_TEST_DATA) + "/import/names_only.csv", o);
  REQUIRE(names_only.file_ok);
  CHECK(asked == 1);
  size_t by_gazetteer = 0;
  for (const auto& by : names_only.located_by) by_gazetteer += by == LocatedBy::Gazetteer;
  CHECK(by_gazetteer > 0);
}
