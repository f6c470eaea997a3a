// The filter panel's counts from prefix sums, and Tab's walk, equal a brute-force pass over rows.
#include <catch2/catch.hpp>

#include <random>

#include "core/dataset.hpp"
#include "state/window_counter.hpp"

using namespace driftmap;
using namespace driftmap::state;

namespace {
// Day-, month- and year-precision incidents, some spanning years, over 2014–2024.
core::Dataset random_dataset(unsigned seed, size_t n) {
  std::mt19937 rng(seed);
  core::DatasetBuilder b;
  for (size_t i = 0; i < n; ++i) {
    core::Incident inc;
    inc.id = "r" + std::to_string(i);
    const int y = 2014 + int(rng() % 11);
    const unsigned m = 1 + rng() % 12, d = 1 + rng() % 28;
    switch (rng() % 4) {
      case 0: inc.date.start = {y, 0, 0, core::DatePrecision::Year}; break;
      case 1: inc.date.start = {y, uint8_t(m), 0, core::DatePrecision::Month}; break;
      default: inc.date.start = {y, uint8_t(m), uint8_t(d), core::DatePrecision::Day}; break;
    }
    if (rng() % 10 == 0) inc.date.end = core::PartialDate{y + 1 + int(rng() % 3), 0, 0, core::DatePrecision::Year};
    inc.type = core::EventType(rng() % core::kEventTypeCount);
    inc.killed = int(rng() % 30) - 1;
    inc.country = rng() % 2 ? "AFG" : "PAK";
    inc.lat_deg = 34;
    inc.lon_deg = 69;
    b.add(inc);
  }
  return std::move(b).build();
}

WindowCounts brute_force(const Filters& f, const core::Dataset& d, core::DayInterval w) {
  WindowCounts c;
  c.total = d.size();
  for (size_t i = 0; i < d.size(); ++i) {
    if (!(d.start_day()[i] < w.end_day && d.end_day()[i] > w.start_day)) continue;
    ++c.in_window;
    if (passes_filters(f, d, i)) ++c.shown;
  }
  return c;
}

std::vector<core::DayInterval> windows(unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<core::DayInterval> out;
  const int32_t lo = core::days_from_civil(2012, 1, 1), hi = core::days_from_civil(2028, 1, 1);
  for (int k = 0; k < 200; ++k) {
    const int32_t a = lo + int32_t(rng() % uint32_t(hi - lo));
    out.push_back({a, a + 1 + int32_t(rng() % 800)});
  }
  out.push_back({lo - 5000, hi + 5000});  // everything
  out.push_back({lo - 5000, lo - 4000});  // before the data
  out.push_back({hi + 10, hi + 20});      // after it
  return out;
}
}  // namespace

TEST_CASE("prefix-sum counts equal brute-force counts for every window and filter") {
  const core::Dataset d = random_dataset(7, 3000);
  const WindowCounter counter = WindowCounter::build(d);
  REQUIRE(counter.indexed());
  std::vector<Filters> filters(5);
  filters[1].types[size_t(core::EventType::Attack)] = false;
  filters[2].types.fill(false);
  filters[2].types[size_t(core::EventType::Territorial)] = true;
  filters[3].killed_min = 10;
  filters[4].country = "PAK";
  for (size_t k = 0; k < filters.size(); ++k) {
    const Filters& f = filters[k];
    std::vector<uint8_t> mask;
    if (needs_row_mask(f)) {
      Filters lookup;
      lookup.country = f.country;
      mask = filter_mask(lookup, d);
    }
    for (const core::DayInterval& w : windows(k)) {
      const WindowCounts fast = counter.count(f, d, w, mask);
      const WindowCounts slow = brute_force(f, d, w);
      INFO("filter " << k << ", window " << w.start_day << ".." << w.end_day);
      CHECK(fast.in_window == slow.in_window);
      CHECK(fast.shown == slow.shown);
      CHECK(fast.total == slow.total);
      CHECK(fast.in_window == d.count_in_window(w));
    }
  }
}

TEST_CASE("an empty dataset counts nothing and Tab finds nothing") {
  const core::Dataset d;
  const WindowCounter counter = WindowCounter::build(d);
  const core::DayInterval w{0, 1000};
  CHECK(counter.count(Filters{}, d, w).in_window == 0);
  CHECK_FALSE(step_in_window(Filters{}, d, w, {}, std::nullopt, false));
}

TEST_CASE("Tab visits the window's shown rows in row order and wraps around") {
  const core::Dataset d = random_dataset(11, 800);
  Filters f;
  f.types[size_t(core::EventType::Other)] = false;
  for (const core::DayInterval& w : windows(3)) {
    std::vector<uint32_t> expected;
    for (uint32_t i = 0; i < d.size(); ++i)
      if (shown_in_window(f, d, w, {}, i)) expected.push_back(i);
    INFO("window " << w.start_day << ".." << w.end_day);
    if (expected.empty()) {
      CHECK_FALSE(step_in_window(f, d, w, {}, std::nullopt, false));
      continue;
    }
    std::vector<uint32_t> forward, backward;
    std::optional<uint32_t> at;
    for (size_t k = 0; k < expected.size(); ++k) forward.push_back(*(at = step_in_window(f, d, w, {}, at, false)));
    CHECK(forward == expected);
    CHECK(step_in_window(f, d, w, {}, at, false) == expected.front());  // wraps
    at.reset();
    for (size_t k = 0; k < expected.size(); ++k) backward.push_back(*(at = step_in_window(f, d, w, {}, at, true)));
    std::reverse(backward.begin(), backward.end());
    CHECK(backward == expected);
    CHECK(step_in_window(f, d, w, {}, at, true) == expected.back());  // wraps
  }
}
