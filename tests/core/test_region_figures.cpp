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
