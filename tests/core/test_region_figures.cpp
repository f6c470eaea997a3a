// The CTC Sentinel figures as a table by period and region, kept apart from our own counts.
#include <catch2/catch.hpp>

#include "core/region_figures.hpp"

using namespace driftmap::core;

namespace {
PartialDate year(int y) { return {y, 0, 0, DatePrecision::Year}; }
PartialDate month(int y, unsigned m) { return {y, uint8_t(m), 0, DatePrecision::Month}; }

Aggregate agg(const std::string& region, PartialDate s, PartialDate e, AggregateMetric m, double v) {
  Aggregate a;
  a.source_id = "ctc2023";
  a.region = region;
  a.period_start = s;
  a.period_end = e;
  a.metric = m;
  a.value = v;
  a.quote = "quote";
  return a;
}

Bundle sample_bundle() {
  Bundle b;
  b.regions = {{"all", "All attacks", {}},
               {"khyber_pakhtunkhwa", "Khyber Pakhtunkhwa", {"Khyber Pakhtunkhwa"}},
               {"northern_afghanistan", "Northern Afghanistan", {"Kunduz", "Balkh"}}};
  b.aggregates = {
      agg("khyber_pakhtunkhwa", year(2022), year(2022), AggregateMetric::SharePercent, 22),
      agg("northern_afghanistan", year(2022), year(2022), AggregateMetric::SharePercent, 15),
      agg("khyber_pakhtunkhwa", month(2023, 1), month(2023, 6), AggregateMetric::SharePercent, 55),
      agg("all", year(2022), year(2022), AggregateMetric::Count, 217),
      agg("nowhere", year(2021), year(2021), AggregateMetric::SharePercent, 50),
  };
  Incident kunduz;
  kunduz.id = "k";
  kunduz.date.start = {2022, 5, 1, DatePrecision::Day};
  kunduz.admin1 = "Kunduz";
  kunduz.country = "AFG";
  Incident peshawar = kunduz;
  peshawar.id = "p";
  peshawar.admin1 = "Khyber-Pakhtunkhwa";
  peshawar.country = "PAK";
  Incident later = peshawar;
  later.id = "l";
  later.date.start = {2023, 5, 1, DatePrecision::Day};
  DatasetBuilder db;
  db.add(kunduz);
  db.add(peshawar);
  db.add(later);
  b.incidents = std::move(db).build();
  return b;
}
}  // namespace

TEST_CASE("reported periods read as the article states them") {
  CHECK(period_label(agg("x", year(2022), year(2022), AggregateMetric::Count, 1)) == "2022");
  CHECK(period_label(agg("x", month(2023, 1), month(2023, 6), AggregateMetric::Count, 1)) == "H1 2023");
  CHECK(period_label(agg("x", month(2021, 9), month(2021, 12), AggregateMetric::Count, 1)) == "Sep\u2013Dec 2021");
}

TEST_CASE("reported shares form a table of periods by region, skipping unknown regions") {
  const Bundle b = sample_bundle();
  const ReportedSeries s = reported_series(b, AggregateMetric::SharePercent);
  REQUIRE(s.periods.size() == 2);
  CHECK(s.period_labels == std::vector<std::string>{"2022", "H1 2023"});
  CHECK(*s.values[1][0] == 22);
  CHECK(*s.values[2][0] == 15);
  CHECK(*s.values[1][1] == 55);
  CHECK_FALSE(s.values[2][1].has_value());
  CHECK_FALSE(s.values[0][0].has_value());  // "all" has counts only
}

TEST_CASE("the period under the slider is the one containing the day") {
  const ReportedSeries s = reported_series(sample_bundle(), AggregateMetric::SharePercent);
  CHECK(s.period_at(days_from_civil(2022, 7, 1)) == 0u);
  CHECK(s.period_at(days_from_civil(2023, 3, 1)) == 1u);
  CHECK_FALSE(s.period_at(days_from_civil(2023, 9, 1)).has_value());
  CHECK_FALSE(s.period_at(days_from_civil(2020, 1, 1)).has_value());
}

TEST_CASE("our own incidents are counted per region by their province, in the window only") {
  const Bundle b = sample_bundle();
  const DayInterval y2022{days_from_civil(2022, 1, 1), days_from_civil(2023, 1, 1)};
  const auto counts = region_incident_counts(b, b.incidents, y2022);
  CHECK(counts == std::vector<size_t>{0, 1, 1});
  const std::vector<uint8_t> none(b.incidents.size(), 0);
  CHECK(region_incident_counts(b, b.incidents, y2022, &none) == std::vector<size_t>{0, 0, 0});
}

namespace {
Incident at(const std::string& admin1, const std::string& country, PartialDate when,
            LocationPrecision p = LocationPrecision::City) {
  Incident i;
  i.id = admin1 + std::to_string(when.year) + std::to_string(when.month) + std::to_string(when.day);
  i.date.start = when;
  i.admin1 = admin1;
  i.country = country;
  i.location_precision = p;
  i.lat_deg = 34.5, i.lon_deg = 69.2;
  return i;
}
const Boundaries& bundled_boundaries() {
  static const Boundaries b = [] {
    Problems p;
    return *Boundaries::load_bundled(&p);
  }();
  return b;
}
}  // namespace

TEST_CASE("computed shares count the data's own incidents per group and period, never the article's figure") {
  const std::vector<Region> regions = sample_bundle().regions;
  DatasetBuilder b;
  const PartialDate d2022{2022, 3, 1, DatePrecision::Day}, d2023{2023, 2, 1, DatePrecision::Day};
  b.add(at("Kunduz", "AFG", d2022));
  b.add(at("balkh", "AFG", d2022));                       // folded and found like the map finds it
  b.add(at("Khyber Pakhtunkhwa", "PAK", d2022));
  b.add(at("Kabul", "AFG", d2022));                       // in no group, but in the total
  b.add(at("", "", d2022, LocationPrecision::None));      // no stated place: not in the total
  b.add(at("Kunduz", "AFG", d2023));                      // another period
  b.add(at("Kunduz", "AFG", {2021, 12, 0, DatePrecision::Month}));  // starts before the period
  const Dataset d = std::move(b).build();
  const RegionMembership membership(regions, bundled_boundaries());
  const DayInterval y2022 = DateSpan{year(2022), std::nullopt}.interval();
  const ComputedShares s = computed_region_shares(membership, d, y2022);
  CHECK(s.total == 4);
  CHECK(s.in_region == std::vector<size_t>{0, 1, 2});
  CHECK(*s.percent(2) == Approx(50));
  CHECK(computed_share_text(s, 2, "2022") == "computed from the loaded data for 2022: 50 % (2 of 4 incidents)");
  // A filter mask hides rows from both the group and the total.
  std::vector<uint8_t> visible(d.size(), 1);
  for (size_t i = 0; i < d.size(); ++i)
    if (d.admin1(i) == "Kabul") visible[i] = 0;
  const ComputedShares filtered = computed_region_shares(membership, d, y2022, &visible);
  CHECK(filtered.total == 3);
  CHECK(computed_share_text(computed_region_shares(membership, d, DateSpan{year(2019), std::nullopt}.interval()), 2,
                            "2019") == "computed from the loaded data for 2019: no incidents with a place");
}
