// The one incident filter rule: window, type, toll, country and text.
#include <catch2/catch.hpp>

#include "core/dataset.hpp"
#include "core/incident_filter.hpp"

using namespace driftmap;
using core::EventType;

namespace {
core::Incident inc(const std::string& id, int month, EventType t, const std::string& country, int killed,
                   const std::string& place, const std::string& summary = {}) {
  core::Incident i;
  i.id = id;
  i.date.start = {2022, uint8_t(month), 10, core::DatePrecision::Day};
  i.type = t;
  i.country = country;
  i.killed = killed;
  i.place = place;
  i.summary = summary;
  i.lat_deg = 34;
  i.lon_deg = 70;
  return i;
}

// Rows are sorted by start day, so row k is the incident of month k + 1.
core::Dataset sample() {
  core::DatasetBuilder b;
  b.add(inc("jan", 1, EventType::Attack, "AFG", 5, "Kabul", "a mosque"));
  b.add(inc("feb", 2, EventType::Attack, "PAK", 40, "Peshawar"));
  b.add(inc("mar", 3, EventType::CrossBorderAttack, "PAK", -1, "Bajaur", "Rockets across the border"));
  return std::move(b).build();
}

std::vector<std::string> passing(const core::IncidentFilter& f, const core::Dataset& d) {
  std::vector<std::string> ids;
  for (size_t i = 0; i < d.size(); ++i)
    if (f.passes(d, i)) ids.emplace_back(d.id(i));
  return ids;
}
using Ids = std::vector<std::string>;
}  // namespace

TEST_CASE("a default filter lets every incident through") {
  const auto d = sample();
  CHECK(passing({}, d) == Ids{"jan", "feb", "mar"});
  CHECK_FALSE(core::IncidentFilter{}.needs_row_lookup());
}

TEST_CASE("the type mask hides the types whose bit is clear") {
  const auto d = sample();
  CHECK(passing({.type_mask = 1u << unsigned(EventType::CrossBorderAttack)}, d) == Ids{"mar"});
  CHECK(passing({.type_mask = 0}, d).empty());
}

TEST_CASE("a minimum toll hides smaller and unknown tolls") {
  const auto d = sample();
  SECTION("above zero") { CHECK(passing({.killed_min = 5}, d) == Ids{"jan", "feb"}); }
  SECTION("zero keeps unknown tolls") { CHECK(passing({.killed_min = 0}, d) == Ids{"jan", "feb", "mar"}); }
}

TEST_CASE("the country and text tests read the row's strings") {
  const auto d = sample();
  SECTION("country") { CHECK(passing({.country = "PAK"}, d) == Ids{"feb", "mar"}); }
  SECTION("text in the place") { CHECK(passing({.text = "kabul"}, d) == Ids{"jan"}); }
  SECTION("text in the summary, any case as typed") {
    CHECK(passing({.text = core::search_text("  ROCKETS ")}, d) == Ids{"mar"});
  }
  SECTION("country and text together") { CHECK(passing({.country = "AFG", .text = "bajaur"}, d).empty()); }
}

TEST_CASE("visibility bytes stand for the country and text tests") {
  const auto d = sample();
  core::IncidentFilter lookup{.country = "PAK"};
  REQUIRE(lookup.needs_row_lookup());
  const std::vector<uint8_t> mask = core::row_lookup_mask(lookup, d);
  CHECK(mask == std::vector<uint8_t>{0, 1, 1});
  SECTION("the bytes are read instead of the strings") {
    const std::vector<uint8_t> only_jan{1, 0, 0};
    CHECK(passing({.country = "PAK", .visible = only_jan}, d) == Ids{"jan"});
  }
  SECTION("type and toll still apply") {
    CHECK(passing({.killed_min = 1, .visible = mask}, d) == Ids{"feb"});
  }
}

TEST_CASE("shown() adds the time window: the incident must overlap it") {
  const auto d = sample();
  const core::DayInterval feb{core::days_from_civil(2022, 2, 1), core::days_from_civil(2022, 3, 1)};
  const core::IncidentFilter all;
  CHECK_FALSE(all.shown(d, feb, 0));
  CHECK(all.shown(d, feb, 1));
  CHECK_FALSE(all.shown(d, feb, 2));
  CHECK_FALSE(core::IncidentFilter{.type_mask = 0}.shown(d, feb, 1));
}
