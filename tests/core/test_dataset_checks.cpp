#include <catch2/catch.hpp>

#include <algorithm>

#include "core/dataset_checks.hpp"
#include "core/geodata.hpp"
#include "core/incident_loader.hpp"

using namespace driftmap::core;

namespace {
const Boundaries& boundaries() {
  static const Boundaries b = [] {
    Problems p;
    auto loaded = Boundaries::load(geodata_file("boundaries.gpkg"), geodata_file("admin1_aliases.csv"), &p);
    if (!loaded) FAIL("boundaries did not load");
    return std::move(*loaded);
  }();
  return b;
}
bool has(const Problems& p, const std::string& text) {
  return std::any_of(p.items.begin(), p.items.end(), [&](const Problem& x) { return x.to_string() == text; });
}
}  // namespace

TEST_CASE("points must lie in their province and country, and names must resolve") {
  const std::string f = std::string(DRIFTMAP_TEST_DATA) + "/checks/misplaced.csv";
  ParsedRows parsed = parse_incident_file(f);
  REQUIRE(parsed.file_ok);
  REQUIRE_FALSE(parsed.problems.has_errors());
  Problems p;
  check_incident_places(f, parsed.rows, boundaries(), p);
  for (const auto& x : p.items) INFO(x.to_string());
  CHECK_FALSE(std::any_of(p.items.begin(), p.items.end(), [](const Problem& x) { return x.line == 2; }));
  CHECK(has(p, f + ":3: lat/lon: point is outside Nangarhar (far from its border)"));
  CHECK(has(p, f + ":4: admin1: \"Atlantis\" does not resolve to a province of Afghanistan (see geodata/admin1_aliases.csv)"));
  CHECK(has(p, f + ":5: lat/lon: point is outside Pakistan (far from its border)"));
  CHECK(has(p, f + ":6: lat/lon: point is outside Russia (far from its border); lat and lon look swapped"));
  CHECK(has(p, f + ":7: country: \"XYZ\" is not a known country code or name"));
  CHECK(has(p, f + ":8: admin1: is empty but location_precision is province"));
  CHECK_FALSE(std::any_of(p.items.begin(), p.items.end(), [](const Problem& x) { return x.line == 9; }));
  CHECK(has(p, f + ":10: country: is given but location_precision is none (place not stated); use the precision "
                   "of the named place"));
}

TEST_CASE("a point just outside a generalised border is accepted within 5 km") {
  // Torkham border crossing: on the Afghanistan–Pakistan line.
  Incident inc;
  inc.id = "torkham";
  inc.admin1 = "Nangarhar";
  inc.country = "AFG";
  inc.lat_deg = 34.1035;
  inc.lon_deg = 71.0935;
  Problems p;
  check_incident_places("t.csv", {inc}, boundaries(), p);
  CHECK_FALSE(p.has_errors());
  inc.lon_deg = 71.30;  // ~20 km into Pakistan
  check_incident_places("t.csv", {inc}, boundaries(), p);
  CHECK(p.has_errors());
}

TEST_CASE("stated figures are the sums of the numbers in each statement") {
  CHECK(stated_figures("") == std::vector<long>{});
  CHECK(stated_figures("over 60") == std::vector<long>{60});
  CHECK(stated_figures("170 Afghan civilians + 13 U.S. service members") == std::vector<long>{183});
  CHECK(stated_figures("94; 96; at least 84") == std::vector<long>{94, 96, 84});
  CHECK(stated_figures("1,200") == std::vector<long>{1200});
  CHECK(stated_figures("dozens; 5") == std::vector<long>{5});
}

TEST_CASE("whitespace normalisation collapses runs and line breaks") {
  CHECK(normalise_whitespace("  a \n\t b  ") == "a b");
  CHECK(normalise_whitespace("a\xC2\xA0" "b") == "a b");
}

TEST_CASE("citation rules catch a wrong toll, a missing citation and an invented quote") {
  Bundle b;
  b.sources.push_back({"s1", "doc.txt", "Doc", "", "", ""});
  Incident a, c;
  a.id = "a";
  a.sources = "s1";
  a.killed = 90;  // lowest stated is 84
  a.casualties_disputed = true;
  c.id = "c";  // no citation
  b.citations.push_back({"a", "s1", "This quote is long enough to pass the length rule of forty.", "", "94; 84", "", 2});
  b.citations.push_back({"a", "s2", "short", "", "", "", 3});
  Problems p;
  check_bundle_citations("inc.csv", {a, c}, b, "cit.csv", "", p);
  CHECK(has(p, "cit.csv:3: source_id: \"s2\" is not in sources.csv"));
  CHECK(has(p, "cit.csv:3: quote: is 5 characters (40-300 required)"));
  CHECK(has(p, "inc.csv: killed: 90 is not the lowest stated figure (84)"));
  CHECK(has(p, "inc.csv: id: incident \"c\" has no citation"));
  CHECK(has(p, "inc.csv: sources: does not equal the set of citing documents"));
  CHECK(has(p, "cit.csv: warning: quote: source documents (../shared/seeds) not found: verbatim quote checks skipped"));
}
