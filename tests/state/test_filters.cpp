// Filters and the live counts ("37 in window · 112 in all").
#include <catch2/catch.hpp>

#include "core/dataset.hpp"
#include "state/filters.hpp"

using namespace driftmap;
using namespace driftmap::state;

namespace {
core::Incident inc(const std::string& id, int y, unsigned m, unsigned d, core::EventType t, const std::string& country,
                   int killed, const std::string& place, const std::string& summary = {}) {
  core::Incident i;
  i.id = id;
  i.date.start = {y, uint8_t(m), uint8_t(d), core::DatePrecision::Day};
  i.type = t;
  i.country = country;
  i.killed = killed;
  i.place = place;
  i.summary = summary;
  i.lat_deg = 34;
  i.lon_deg = 70;
  return i;
}

core::Dataset sample() {
  core::DatasetBuilder b;
  b.add(inc("a", 2022, 1, 10, core::EventType::Attack, "AFG", 5, "Kabul", "a mosque"));
  b.add(inc("b", 2022, 2, 10, core::EventType::Attack, "PAK", 40, "Peshawar"));
  b.add(inc("c", 2022, 3, 10, core::EventType::CrossBorderAttack, "PAK", -1, "Bajaur", "rockets across the border"));
  b.add(inc("d", 2023, 5, 10, core::EventType::Attack, "AFG", 12, "Jalalabad"));
  return std::move(b).build();
}

core::DayInterval year_2022() { return {core::days_from_civil(2022, 1, 1), core::days_from_civil(2023, 1, 1)}; }
}  // namespace

TEST_CASE("with no filters every incident in the window is shown") {
  const auto d = sample();
  const auto c = count_in_window(Filters{}, d, year_2022());
  CHECK(c.shown == 3);
  CHECK(c.in_window == 3);
  CHECK(c.total == 4);
  CHECK(c.shown_all == 4);
  CHECK(counts_text(c) == "3 in window \u00b7 4 in all");
}

TEST_CASE("unchecking an event type hides incidents of that type") {
  const auto d = sample();
  Filters f;
  f.types[size_t(core::EventType::CrossBorderAttack)] = false;
  CHECK(count_in_window(f, d, year_2022()).shown == 2);
}

TEST_CASE("the country filter keeps only that country's incidents") {
  const auto d = sample();
  Filters f;
  f.country = "PAK";
  CHECK(count_in_window(f, d, year_2022()).shown == 2);
  CHECK(rows_in_window(f, d, year_2022()).size() == 2);
}

TEST_CASE("a minimum killed hides smaller and unknown tolls") {
  const auto d = sample();
  Filters f;
  f.killed_min = 5;
  CHECK(count_in_window(f, d, year_2022()).shown == 2);
  f.killed_min = 41;
  CHECK(count_in_window(f, d, year_2022()).shown == 0);
}

TEST_CASE("the search matches place or summary regardless of case") {
  const auto d = sample();
  Filters f;
  f.search = "  PESHAWAR ";
  CHECK(count_in_window(f, d, year_2022()).shown == 1);
  f.search = "border";
  CHECK(count_in_window(f, d, year_2022()).shown == 1);
  f.search = "nowhere";
  CHECK(count_in_window(f, d, year_2022()).shown == 0);
}

TEST_CASE("the filter mask has one byte per row") {
  const auto d = sample();
  Filters f;
  f.country = "AFG";
  const auto mask = filter_mask(f, d);
  REQUIRE(mask.size() == d.size());
  CHECK(std::count(mask.begin(), mask.end(), 1) == 2);
}

TEST_CASE("the country list is sorted and distinct") {
  CHECK(countries(sample()) == std::vector<std::string>{"AFG", "PAK"});
}

TEST_CASE("the filter panel's settings become the one incident filter rule") {
  Filters f;
  f.types.fill(false);
  f.types[size_t(core::EventType::Attack)] = true;
  f.killed_min = 10;
  f.country = "PAK";
  f.search = "  PeshAwar ";
  const core::IncidentFilter rule = incident_filter(f);
  CHECK(rule.type_mask == 1u << unsigned(core::EventType::Attack));
  CHECK(rule.killed_min == 10);
  CHECK(rule.country == "PAK");
  CHECK(rule.text == "peshawar");
  const auto d = sample();
  for (size_t i = 0; i < d.size(); ++i) CHECK(rule.passes(d, i) == (d.id(i) == "b"));
  SECTION("visibility bytes are kept only when the filters need a row lookup") {
    const std::vector<uint8_t> bytes(d.size(), 1);
    CHECK(incident_filter(f, bytes).visible.size() == d.size());
    CHECK(incident_filter(Filters{}, bytes).visible.empty());
  }
}

TEST_CASE("a search counts its matches outside the window too") {
  const auto d = sample();
  Filters f;
  f.search = "jalalabad";  // 2023 only
  const auto c = count_in_window(f, d, year_2022());
  CHECK(c.shown == 0);
  CHECK(c.shown_all == 1);
  CHECK(counts_text(c) == "0 in window \u00b7 1 in all (of 4 loaded)");
  const auto rows = matching_rows(incident_filter(f), d);
  REQUIRE(rows.size() == 1);
  CHECK(d.id(rows[0]) == "d");
}
