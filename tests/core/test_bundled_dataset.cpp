// The bundled dataset (geodata/) meets every rule of the dataset checks, checked on each CI run.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/bundle.hpp"
#include "core/dataset_checks.hpp"
#include "core/geodata.hpp"
#include "core/incident_loader.hpp"

using namespace driftmap::core;

namespace {
struct Loaded {
  ParsedRows rows;
  Bundle bundle;
  Boundaries boundaries;
};
const Loaded& loaded() {
  static const Loaded l = [] {
    Problems p;
    auto rows = parse_incident_file(geodata_file("incidents.csv"));
    auto bundle = load_bundle(geodata_dir(), &p);
    auto b = Boundaries::load(geodata_file("boundaries.gpkg"), geodata_file("admin1_aliases.csv"), &p);
    for (const auto& x : p.items) UNSCOPED_INFO(x.to_string());
    if (!bundle || !b || !rows.file_ok) FAIL("bundled data did not load");
    return Loaded{std::move(rows), std::move(*bundle), std::move(*b)};
  }();
  return l;
}
void require_clean(const Problems& p) {
  for (const auto& x : p.items)
    if (x.severity == Severity::Error) UNSCOPED_INFO(x.to_string());
  REQUIRE(p.error_count() == 0);
}
}  // namespace

TEST_CASE("the bundled incidents parse without a single problem") {
  require_clean(loaded().rows.problems);
  CHECK(loaded().rows.rows.size() >= 90);
  CHECK(loaded().bundle.incidents.size() == loaded().rows.rows.size());
}

TEST_CASE("every bundled place resolves and every point lies in its province and country") {
  Problems p;
  check_incident_places(geodata_file("incidents.csv"), loaded().rows.rows, loaded().boundaries, p);
  require_clean(p);
}

TEST_CASE("every bundled quote is verbatim in its document and every toll is the lowest stated") {
  Problems p;
  const std::string seeds = seeds_dir();
  check_bundle_citations(geodata_file("incidents.csv"), loaded().rows.rows, loaded().bundle,
                         geodata_file("citations.csv"), seeds, p);
  if (seeds.empty()) WARN("SKIPPED: ../shared/seeds not found; verbatim quote checks did not run");
  require_clean(p);
  CHECK(loaded().bundle.citations.size() >= loaded().rows.rows.size());
}

TEST_CASE("the design-card places are in the bundled dataset") {
  std::set<std::string> admin1s, places;
  for (const auto& inc : loaded().rows.rows) {
    admin1s.insert(inc.admin1);
    places.insert(inc.place);
  }
  for (const char* a : {"Nangarhar", "Kunar", "Khyber Pakhtunkhwa", "Kerman"}) CHECK(admin1s.count(a));
  bool krasnogorsk = false;
  for (const auto& p : places) krasnogorsk |= p.find("Krasnogorsk") != std::string::npos;
  CHECK(krasnogorsk);
}

TEST_CASE("documented disagreements are kept per document") {
  const Bundle& b = loaded().bundle;
  auto find = [&](const char* needle) -> const Incident* {
    for (const auto& inc : loaded().rows.rows)
      if (inc.place.find(needle) != std::string::npos && inc.type == EventType::Attack) return &inc;
    return nullptr;
  };
  const Incident* kerman = find("Kerman");
  REQUIRE(kerman);
  CHECK(kerman->casualties_disputed);
  CHECK(kerman->killed == 84);
  std::set<std::string> stated;
  for (const Citation* c : b.citations_for(kerman->id)) stated.insert(c->killed_as_stated);
  CHECK(stated.size() >= 2);
  const Incident* crocus = find("Crocus");
  REQUIRE(crocus);
  std::set<std::string> dates;
  for (const Citation* c : b.citations_for(crocus->id)) dates.insert(c->date_as_stated);
  CHECK(dates.size() >= 2);
}

TEST_CASE("every aggregate names a region of regions.csv and every region member resolves") {
  const Bundle& b = loaded().bundle;
  REQUIRE(b.aggregates.size() >= 10);
  for (const auto& a : b.aggregates) {
    INFO(a.region);
    CHECK(b.region(a.region));
    CHECK(a.period_end.interval().end_day >= a.period_start.interval().end_day);
  }
  for (const auto& r : b.regions)
    for (const auto& m : r.members) {
      INFO(r.region << ": " << m);
      const bool resolves = loaded().boundaries.find_admin1(m, "AFG").has_value() ||
                            loaded().boundaries.find_admin1(m, "PAK").has_value();
      CHECK(resolves);
    }
}

TEST_CASE("every bundled place is named by a quote or resolved in a note, and no date or figure goes beyond them") {
  Problems p;
  check_bundle_provenance(geodata_file("incidents.csv"), loaded().rows.rows, loaded().bundle, loaded().boundaries, p);
  require_clean(p);
}

TEST_CASE("incidents whose place no document states are kept without coordinates") {
  std::set<std::string> unplaced;
  for (const auto& inc : loaded().rows.rows)
    if (!has_stated_place(inc.location_precision)) {
      unplaced.insert(inc.id);
      CHECK(inc.country.empty());
    }
  CHECK(unplaced == std::set<std::string>{"2015-01-26-iskp-founding-announced", "2022-08-rahimullah-haqqani-killed",
                                          "2022-10-taliban-kill-nine-fighters", "2022-taliban-gdi-raids"});
  const Dataset& d = loaded().bundle.incidents;
  for (size_t i = 0; i < d.size(); ++i)
    if (unplaced.count(std::string(d.id(i)))) CHECK(std::isnan(d.lat_deg()[i]));
}

TEST_CASE("an incident known only from reference-list headlines carries the report's date") {
  for (const auto& inc : loaded().rows.rows) {
    bool all_not_stated = true;
    for (const Citation* c : loaded().bundle.citations_for(inc.id))
      all_not_stated &= c->date_as_stated.rfind("not stated", 0) == 0;
    INFO(inc.id);
    if (all_not_stated) CHECK(inc.date_basis == DateBasis::Reported);
  }
}

TEST_CASE("the article's statements without a share are kept apart from its counts and shares") {
  const Bundle& b = loaded().bundle;
  REQUIRE(b.statements.size() == 4);
  std::set<std::string> quotes;
  for (const auto& s : b.statements) {
    CHECK(b.region(s.region));
    quotes.insert(s.quote);
  }
  bool fifteen = false;
  for (const auto& q : quotes) fifteen |= q.find("spread to 15 provinces") != std::string::npos;
  CHECK(fifteen);
  // "Virtually all of ISK's 83 attacks in 2020" names Nangarhar and Kabul without a percentage.
  CHECK(std::any_of(b.statements.begin(), b.statements.end(), [](const ArticleStatement& s) {
    return s.region == "nangarhar_kabul" && s.period_start.year == 2020 && s.quote.find("Virtually all") == 0;
  }));
  CHECK(b.aggregates.size() == 19);
}
