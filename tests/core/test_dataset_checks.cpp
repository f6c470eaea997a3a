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

TEST_CASE("a stated figure is a body figure, a headline's, a part of a total or a bound from above") {
  const auto f = parse_stated_figures("more than 32; headline: 20 Killed; including six (6) children; nearly 80; "
                                      "headline: nearly 100");
  REQUIRE(f.size() == 5);
  CHECK(f[0].value == 32);
  CHECK(f[0].kind == StatedFigure::Body);
  CHECK(f[1].value == 20);
  CHECK(f[1].kind == StatedFigure::Headline);
  CHECK(f[2].kind == StatedFigure::Part);
  CHECK(f[3].kind == StatedFigure::UpperBound);
  CHECK(f[4].kind == StatedFigure::UpperBound);
  CHECK(stated_figures("more than 32; headline: 20 Killed; including 6; nearly 80") == std::vector<long>{32, 20});
}

TEST_CASE("the carried toll is the lowest body figure, else the lowest headline figure") {
  CHECK(carried_figure({"145; headline: killed 115", "144"}) == 144);
  CHECK(carried_figure({"headline: 15 killed; headline: kills 15"}) == 15);
  CHECK(carried_figure({"97", "nearly 80"}) == 97);  // "nearly 80" is no count of its own
  CHECK(carried_figure({"including 2 employees"}) == kUnknownCount);
  CHECK(carried_figure({"", "dozens"}) == kUnknownCount);
}

namespace {
// One incident with one citation, for the provenance rules.
struct ProvenanceCase {
  Bundle bundle;
  Incident inc;
  ProvenanceCase(std::string quote, std::string date_as_stated, std::string killed_as_stated = "") {
    inc.id = "x";
    inc.place = "Kabul";
    inc.admin1 = "Kabul";
    inc.country = "AFG";
    inc.location_precision = LocationPrecision::City;
    inc.date = *parse_date_span("2021-08-26", "");
    inc.source_line = 2;
    bundle.citations.push_back({"x", "s1", std::move(quote), std::move(date_as_stated), std::move(killed_as_stated), "", 3});
    bundle.places.push_back({"Kabul", {"Kabul City"}, "Kabul", "AFG"});
  }
  Problems check() const {
    Problems p;
    check_bundle_provenance("inc.csv", {inc}, bundle, boundaries(), p);
    return p;
  }
};
}  // namespace

TEST_CASE("a located incident's place must be named in a quote or resolved in a provenance note") {
  ProvenanceCase ok("On 26 August 2021 a bomber attacked the airport in Kabul.", "26 August 2021");
  CHECK_FALSE(ok.check().has_errors());
  SECTION("a city the quote does not name") {
    ProvenanceCase c("On 26 August 2021 a bomber attacked the airport.", "26 August 2021");
    CHECK(has(c.check(), "inc.csv:2: place: no quote of \"x\" names its city and provenance.csv does not say how the "
                         "place was resolved"));
    c.bundle.notes.push_back({"x", "place", "the airport is Kabul's", 2});
    CHECK_FALSE(c.check().has_errors());
  }
  SECTION("a province is found through its aliases, a country by name, a possessive counts") {
    ProvenanceCase p("On 26 August 2021 fighting in Ningarhar killed no one we know of.", "26 August 2021");
    p.inc.place = "Achin";
    p.inc.admin1 = "Nangarhar";
    p.inc.location_precision = LocationPrecision::Province;
    CHECK_FALSE(p.check().has_errors());
    p.inc.admin1 = "Kunar";
    CHECK(p.check().has_errors());
    ProvenanceCase k("On 26 August 2021 a raid on Afghanistan's border.", "26 August 2021");
    k.inc.location_precision = LocationPrecision::Country;
    k.inc.admin1.clear();
    CHECK_FALSE(k.check().has_errors());
  }
  SECTION("a row whose place is not stated needs no place") {
    ProvenanceCase n("On 26 August 2021 something happened somewhere.", "26 August 2021");
    n.inc.location_precision = LocationPrecision::None;
    n.inc.place = n.inc.admin1 = n.inc.country = "";
    CHECK_FALSE(n.check().has_errors());
  }
}

TEST_CASE("a date may be no finer than a citation states, and a headline's date is a report's date") {
  SECTION("a day the citations do not state") {
    ProvenanceCase c("In August 2021 a bomber attacked the airport in Kabul.", "August 2021");
    CHECK(has(c.check(), "inc.csv:2: date_start: 2021-08-26 of \"x\" is finer than any citation states (day) and "
                         "provenance.csv has no date note"));
    c.inc.date = *parse_date_span("2021-08", "");
    CHECK_FALSE(c.check().has_errors());
  }
  SECTION("a reference-list headline dates a report, not the event") {
    ProvenanceCase c("\"Kabul airport attack kills 60 Afghans, 13 US troops\". AP News.",
                     "not stated (reference published 27 August 2021)", "headline: 60 + 13");
    c.inc.date = *parse_date_span("2021-08-27", "");
    CHECK(has(c.check(), "inc.csv:2: date_basis: no document states the date of \"x\": it is a report's date "
                         "(reported)"));
    c.inc.date_basis = DateBasis::Reported;
    CHECK_FALSE(c.check().has_errors());
  }
  SECTION("a provenance note on the date says what it rests on") {
    ProvenanceCase c("A group is now stationed in Kabul.", "now (time of writing)");
    c.inc.date = *parse_date_span("2021", "2022");
    CHECK(c.check().error_count() == 2);  // start and end
    c.bundle.notes.push_back({"x", "date", "now = time of writing", 2});
    CHECK_FALSE(c.check().has_errors());
  }
}

TEST_CASE("every number a quote gives beside a casualty word is recorded in the citation's figures") {
  ProvenanceCase c("On 26 August 2021 a bomber in Kabul killed 170 people and injured 150 [57].", "26 August 2021",
                   "170");
  CHECK(has(c.check(), "citations.csv:3: killed_as_stated: the quote gives \"150\" beside a casualty word but s1's "
                       "stated figures for \"x\" do not record it"));
  CHECK(c.check().error_count() == 1);  // not the year, the day or the reference number
  c.bundle.citations[0].wounded_as_stated = "150";
  CHECK_FALSE(c.check().has_errors());
  ProvenanceCase words("On 26 August 2021 in Kabul, killing four people.", "26 August 2021");
  CHECK(words.check().has_errors());
  words.bundle.notes.push_back({"x", "killed", "four is another attack's toll", 2});
  CHECK_FALSE(words.check().has_errors());
}

TEST_CASE("a provenance note must name an incident and a known field") {
  ProvenanceCase c("On 26 August 2021 a bomber attacked the airport in Kabul.", "26 August 2021");
  c.bundle.notes.push_back({"y", "place", "no such incident", 4});
  c.bundle.notes.push_back({"x", "colour", "no such field", 5});
  CHECK(has(c.check(), "provenance.csv:4: incident_id: \"y\" is not an incident id"));
  CHECK(has(c.check(), "provenance.csv:5: field: \"colour\" is not place, date, killed or wounded"));
}
