// Timeline logic: month arithmetic, window modes, stepping that never skips an incident,
// per-month histogram, range text.
#include <catch2/catch.hpp>

#include <random>

#include "core/dataset.hpp"
#include "core/timeline.hpp"

using namespace driftmap::core;

namespace {

DayInterval days(int y0, unsigned m0, unsigned d0, int y1, unsigned m1, unsigned d1) {
  return {days_from_civil(y0, m0, d0), days_from_civil(y1, m1, d1)};
}

Incident make_incident(const std::string& id, DateSpan date, EventType type) {
  Incident inc;
  inc.id = id;
  inc.date = date;
  inc.type = type;
  inc.place = "Jalalabad";
  inc.country = "AFG";
  inc.lat_deg = 34.43;
  inc.lon_deg = 70.45;
  return inc;
}

PartialDate day_date(int y, unsigned m, unsigned d) { return {y, uint8_t(m), uint8_t(d), DatePrecision::Day}; }
PartialDate month_date(int y, unsigned m) { return {y, uint8_t(m), 0, DatePrecision::Month}; }
PartialDate year_date(int y) { return {y, 0, 0, DatePrecision::Year}; }

}  // namespace

TEST_CASE("month indices convert to and from days and labels") {
  const MonthIndex jan2022 = month_index(2022, 1);
  CHECK(month_of_day(days_from_civil(2022, 1, 31)) == jan2022);
  CHECK(month_of_day(days_from_civil(2021, 12, 31)) == jan2022 - 1);
  CHECK(first_day_of_month(jan2022) == days_from_civil(2022, 1, 1));
  CHECK(first_day_of_month(jan2022 + 13) == days_from_civil(2023, 2, 1));
  CHECK(month_label(jan2022 + 5) == "Jun 2022");
  CHECK(year_of_month(jan2022 + 11) == 2022);
  CHECK(year_of_month(jan2022 + 12) == 2023);
}

TEST_CASE("the range text names the first and last month of the window") {
  const MonthIndex jan2022 = month_index(2022, 1);
  CHECK(range_text({jan2022, jan2022 + 18}) == "Jan 2022 \u2013 Jun 2023");
  CHECK(range_text({jan2022 + 2, jan2022 + 3}) == "Mar 2022");
  CHECK(range_text({jan2022, jan2022}) == "(empty)");
}

TEST_CASE("a month range covers exactly the days of its months") {
  const MonthIndex feb2024 = month_index(2024, 2);
  const MonthRange r{feb2024, feb2024 + 1};
  CHECK(r.days() == days(2024, 2, 1, 2024, 3, 1));
  CHECK(r.days().length_days() == 29);
  CHECK(months_covering(days(2024, 2, 10, 2024, 2, 11)) == r);
  CHECK(months_covering(days(2024, 1, 31, 2024, 3, 1)) == MonthRange{feb2024 - 1, feb2024 + 1});
}

TEST_CASE("a cumulative window always starts at the first month of the data") {
  TimelineSpec spec{{100, 200}, WindowMode::Cumulative, 12};
  CHECK(clamp_window(spec, {150, 160}) == MonthRange{100, 160});
  CHECK(first_window(spec) == MonthRange{100, 101});
  CHECK(last_window(spec) == MonthRange{100, 200});
  auto r = step_window(spec, {100, 150}, StepSize::Year, +1, false);
  CHECK(r.window == MonthRange{100, 162});
  r = step_window(spec, {100, 195}, StepSize::Year, +1, false);
  CHECK(r.window == MonthRange{100, 200});
  CHECK(r.at_end);
}

TEST_CASE("a sliding window keeps its length and stays inside the data") {
  TimelineSpec spec{{100, 200}, WindowMode::Sliding, 12};
  CHECK(clamp_window(spec, {90, 102}) == MonthRange{100, 112});
  CHECK(clamp_window(spec, {195, 207}) == MonthRange{188, 200});
  CHECK(clamp_window(spec, {0, 500}) == MonthRange{100, 200});
  CHECK(first_window(spec) == MonthRange{100, 112});
  CHECK(last_window(spec) == MonthRange{188, 200});
  CHECK(window_with_length(TimelineSpec{{100, 200}, WindowMode::Sliding, 3}, {130, 142}) == MonthRange{139, 142});
}

TEST_CASE("a step is never longer than the sliding window") {
  TimelineSpec spec{{100, 200}, WindowMode::Sliding, 1};
  CHECK(effective_step(spec, {150, 151}, StepSize::Year) == 1);
  CHECK(effective_step(spec, {150, 153}, StepSize::Year) == 3);
  CHECK(effective_step(spec, {150, 153}, StepSize::Month) == 1);
  CHECK(effective_step(spec, {150, 162}, StepSize::Quarter) == 3);
}

TEST_CASE("stepping at the end stops, or restarts from the beginning when looping") {
  TimelineSpec spec{{100, 200}, WindowMode::Sliding, 12};
  auto stop = step_window(spec, {188, 200}, StepSize::Month, +1, false);
  CHECK(stop.window == MonthRange{188, 200});
  CHECK(stop.at_end);
  CHECK_FALSE(stop.wrapped);
  auto wrap = step_window(spec, {188, 200}, StepSize::Month, +1, true);
  CHECK(wrap.window == MonthRange{100, 112});
  CHECK(wrap.wrapped);
  auto back = step_window(spec, {100, 112}, StepSize::Month, -1, true);
  CHECK(back.window == MonthRange{188, 200});
  auto back_stop = step_window(spec, {104, 116}, StepSize::Year, -1, false);
  CHECK(back_stop.window == MonthRange{100, 112});
}

TEST_CASE("the last step lands exactly on the end of the data") {
  TimelineSpec spec{{100, 205}, WindowMode::Sliding, 12};
  MonthRange w = first_window(spec);
  StepResult r;
  do {
    r = step_window(spec, w, StepSize::Year, +1, false);
    w = r.window;
  } while (!r.at_end);
  CHECK(w == MonthRange{193, 205});
}

TEST_CASE("stepping through the timeline never skips an incident that some window position covers") {
  std::mt19937 rng(12345);
  const MonthIndex first = month_index(2015, 1);
  const MonthIndex end = month_index(2024, 12);
  // Incidents: single days, single months and whole years spread over the extent.
  std::vector<DayInterval> incidents;
  for (int i = 0; i < 400; ++i) {
    const MonthIndex m = first + static_cast<int>(rng() % static_cast<unsigned>(end - first));
    const int32_t d0 = first_day_of_month(m);
    switch (i % 3) {
      case 0: {
        const int32_t d = d0 + static_cast<int32_t>(rng() % 28);
        incidents.push_back({d, d + 1});
        break;
      }
      case 1: incidents.push_back({d0, first_day_of_month(m + 1)}); break;
      default: {
        const int32_t y = year_of_month(m);
        incidents.push_back({days_from_civil(y, 1, 1), days_from_civil(y + 1, 1, 1)});
      }
    }
  }
  for (WindowMode mode : {WindowMode::Sliding, WindowMode::Cumulative}) {
    for (int32_t len : {1, 2, 3, 6, 12, 13}) {
      for (StepSize step : {StepSize::Month, StepSize::Quarter, StepSize::Year}) {
        for (int direction : {+1, -1}) {
          const TimelineSpec spec{{first, end}, mode, len};
          MonthRange w = direction > 0 ? first_window(spec) : last_window(spec);
          std::vector<bool> seen(incidents.size(), false);
          for (int guard = 0; guard < 1000; ++guard) {
            for (size_t i = 0; i < incidents.size(); ++i)
              if (incidents[i].overlaps(w.days())) seen[i] = true;
            const StepResult r = step_window(spec, w, step, direction, false);
            if (r.window == w) break;  // reached the end
            w = r.window;
          }
          INFO("mode " << int(mode) << " window " << len << " step " << step_months(step) << " direction "
                       << direction);
          CHECK(std::count(seen.begin(), seen.end(), false) == 0);
        }
      }
    }
  }
}

TEST_CASE("the histogram counts each incident once, spread over the months its date covers") {
  DatasetBuilder b;
  b.add(make_incident("a", {day_date(2022, 3, 5), std::nullopt}, EventType::Attack));
  b.add(make_incident("b", {day_date(2022, 3, 20), std::nullopt}, EventType::CrossBorderAttack));
  b.add(make_incident("c", {month_date(2022, 4), std::nullopt}, EventType::Attack));
  b.add(make_incident("d", {year_date(2022), std::nullopt}, EventType::Other));
  const Dataset d = std::move(b).build();
  const MonthRange months = dataset_months(d);
  CHECK(months == MonthRange{month_index(2022, 1), month_index(2023, 1)});
  const MonthHistogram h = month_histogram(d, months);
  REQUIRE(h.bins.size() == 12);
  const size_t attack = size_t(EventType::Attack), cross = size_t(EventType::CrossBorderAttack),
               other = size_t(EventType::Other);
  CHECK(h.bins[2][attack] == Approx(1.0));
  CHECK(h.bins[2][cross] == Approx(1.0));
  CHECK(h.bins[3][attack] == Approx(1.0));
  CHECK(h.bins[0][other] == Approx(1.0 / 12));
  CHECK(h.bins[11][other] == Approx(1.0 / 12));
  float total = 0;
  for (size_t i = 0; i < h.bins.size(); ++i) total += h.total(i);
  CHECK(total == Approx(4.0));
  CHECK(h.max_total() == Approx(2.0 + 1.0 / 12));
}

TEST_CASE("the histogram can count only the given rows") {
  DatasetBuilder b;
  b.add(make_incident("a", {day_date(2022, 3, 5), std::nullopt}, EventType::Attack));
  b.add(make_incident("b", {day_date(2022, 5, 20), std::nullopt}, EventType::Attack));
  const Dataset d = std::move(b).build();
  const std::vector<uint32_t> rows{1};
  const MonthHistogram h = month_histogram(d, {month_index(2022, 1), month_index(2023, 1)}, &rows);
  CHECK(h.total(2) == Approx(0.0));
  CHECK(h.total(4) == Approx(1.0));
}

TEST_CASE("an empty dataset gives an empty timeline that stepping leaves alone") {
  const Dataset d;
  CHECK(dataset_months(d) == MonthRange{});
  const TimelineSpec spec{{}, WindowMode::Sliding, 12};
  const auto r = step_window(spec, {}, StepSize::Month, +1, true);
  CHECK(r.window.length_months() == 0);
  CHECK(month_histogram(d, {}).bins.empty());
}
