// Area index: province/country-precision incidents find their polygon; window counts.
#include <catch2/catch.hpp>

#include "../support/synthetic_geodata.hpp"
#include "core/area_index.hpp"

using namespace driftmap;
using core::EventType;
using core::LocationPrecision;
using testing::incident;

namespace {
size_t admin1_index(const core::Boundaries& b, const char* name) { return *b.find_admin1(name); }
size_t admin0_index(const core::Boundaries& b, const char* code) { return *b.find_admin0(code); }
core::DayInterval year(int y) { return core::parse_partial_date(std::to_string(y))->interval(); }
}  // namespace

TEST_CASE("a province-precision incident is assigned its province by name") {
  const auto& b = testing::synthetic_boundaries();
  core::DatasetBuilder db;
  // Coordinates deliberately in another province: the name decides.
  db.add(incident("p", "2022-03", EventType::Attack, 67, 31, 2, LocationPrecision::Province, "Upper West", "WST"));
  const core::Dataset d = std::move(db).build();
  const auto ix = core::AreaIndex::build(d, b);
  REQUIRE(ix.area(0).valid());
  CHECK(ix.area(0).level == 1);
  CHECK(ix.area(0).index == admin1_index(b, "Upper West"));
  CHECK(ix.unmatched() == 0);
}

TEST_CASE("a province name is found through the alias table") {
  const auto& b = testing::synthetic_boundaries();
  core::DatasetBuilder db;
  db.add(incident("p", "2022", EventType::Attack, 62, 34, 0, LocationPrecision::Province, "Uppr West", "WST"));
  const core::Dataset d = std::move(db).build();
  CHECK(core::AreaIndex::build(d, b).area(0).index == admin1_index(b, "Upper West"));
}

TEST_CASE("an unknown province name falls back to the province containing the coordinates") {
  const auto& b = testing::synthetic_boundaries();
  core::DatasetBuilder db;
  db.add(incident("p", "2022", EventType::Attack, 68, 31, 0, LocationPrecision::Province, "Nowhere", "EST"));
  const core::Dataset d = std::move(db).build();
  const auto ix = core::AreaIndex::build(d, b);
  CHECK(ix.area(0).level == 1);
  CHECK(ix.area(0).index == admin1_index(b, "Lower East"));
}

TEST_CASE("a country-precision incident is assigned its country") {
  const auto& b = testing::synthetic_boundaries();
  core::DatasetBuilder db;
  db.add(incident("c", "2022", EventType::Other, 62, 31, 0, LocationPrecision::Country, "", "EST"));
  db.add(incident("c2", "2022", EventType::Other, 62, 31, 0, LocationPrecision::Country, "", ""));
  const core::Dataset d = std::move(db).build();
  const auto ix = core::AreaIndex::build(d, b);
  CHECK(ix.area(0).level == 0);
  CHECK(ix.area(0).index == admin0_index(b, "EST"));
  // Without a country code the coordinates decide.
  CHECK(ix.area(1).index == admin0_index(b, "WST"));
}

TEST_CASE("point-precision incidents have no area and unmatched areas are counted") {
  const auto& b = testing::synthetic_boundaries();
  core::DatasetBuilder db;
  db.add(incident("city", "2022", EventType::Attack, 62, 31, 1));
  db.add(incident("lost", "2022", EventType::Attack, 10, 10, 1, LocationPrecision::Country, "", "XXX"));
  const core::Dataset d = std::move(db).build();
  const auto ix = core::AreaIndex::build(d, b);
  CHECK_FALSE(ix.area(0).valid());
  CHECK_FALSE(ix.area(1).valid());
  CHECK(ix.unmatched() == 1);
}

TEST_CASE("window counts include only active area incidents that pass the filter") {
  const auto& b = testing::synthetic_boundaries();
  core::DatasetBuilder db;
  db.add(incident("a", "2022-02", EventType::Attack, 0, 0, 3, LocationPrecision::Province, "Upper West", "WST"));
  db.add(incident("b", "2022-05-01", EventType::Territorial, 0, 0, 0, LocationPrecision::Province, "Upper West", "WST"));
  db.add(incident("c", "2021-06", EventType::Attack, 0, 0, 9, LocationPrecision::Province, "Lower East", "EST"));
  db.add(incident("d", "2022", EventType::Attack, 0, 0, 1, LocationPrecision::Country, "", "EST"));
  db.add(incident("e", "2022-03-01", EventType::Attack, 62, 34, 5));  // a point: never counted
  // A long span from 2019 into 2022 is active in 2022.
  db.add(incident("f", "2019", EventType::Attack, 0, 0, 2, LocationPrecision::Province, "Lower West", "WST", "2022-01"));
  const core::Dataset d = std::move(db).build();
  const auto ix = core::AreaIndex::build(d, b);
  const size_t uw = admin1_index(b, "Upper West"), le = admin1_index(b, "Lower East"), lw = admin1_index(b, "Lower West");
  const size_t est = admin0_index(b, "EST");

  SECTION("the whole year") {
    const auto c = ix.counts_in_window(d, year(2022));
    CHECK(c.admin1[uw] == 2);
    CHECK(c.admin1[le] == 0);
    CHECK(c.admin1[lw] == 1);
    CHECK(c.admin0[est] == 1);
    CHECK(c.total == 4);
  }
  SECTION("the event types of each area") {
    const auto c = ix.counts_in_window(d, year(2022));
    CHECK(c.admin1_types[uw] == ((1u << unsigned(EventType::Attack)) | (1u << unsigned(EventType::Territorial))));
    CHECK(c.admin1_types[le] == 0);
    CHECK(c.admin0_types[est] == 1u << unsigned(EventType::Attack));
  }
  SECTION("the rows of one area, ascending") {
    const auto rows = ix.rows_in_window(d, year(2022), {}, {1, uint32_t(uw)});
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] < rows[1]);
    for (uint32_t r : rows) CHECK(ix.area(r).index == uw);
    const auto country = ix.rows_in_window(d, year(2022), {}, {0, uint32_t(est)});
    REQUIRE(country.size() == 1);
    CHECK(d.id(country[0]) == "d");
    CHECK(ix.rows_in_window(d, year(2021), {}, {1, uint32_t(uw)}).empty());
  }
  SECTION("a type mask") {
    core::IncidentFilter f;
    f.type_mask = 1u << unsigned(EventType::Territorial);
    const auto c = ix.counts_in_window(d, year(2022), f);
    CHECK(c.admin1[uw] == 1);
    CHECK(c.total == 1);
  }
  SECTION("a minimum toll") {
    core::IncidentFilter f;
    f.killed_min = 2;
    const auto c = ix.counts_in_window(d, year(2022), f);
    CHECK(c.admin1[uw] == 1);
    CHECK(c.admin0[est] == 0);
    CHECK(c.admin1[lw] == 1);
  }
  SECTION("visibility bytes") {
    std::vector<uint8_t> visible(d.size(), 0);
    for (size_t i = 0; i < d.size(); ++i) visible[i] = d.id(i) == "d";
    core::IncidentFilter f;
    f.visible = visible;
    const auto c = ix.counts_in_window(d, year(2022), f);
    CHECK(c.total == 1);
    CHECK(c.admin0[est] == 1);
  }
  SECTION("an earlier window") {
    const auto c = ix.counts_in_window(d, year(2021));
    CHECK(c.admin1[le] == 1);
    CHECK(c.admin1[lw] == 1);
    CHECK(c.admin1[uw] == 0);
  }
}
