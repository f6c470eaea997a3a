// Time controls: play/pause, playback by elapsed time (passed in, not measured), Home/End.
#include <catch2/catch.hpp>

#include "core/partial_date.hpp"
#include "ui/time_control.hpp"

using namespace driftmap;
using namespace driftmap::ui;

namespace {
const core::MonthRange kExtent{core::month_index(2015, 1), core::month_index(2025, 1)};
}

TEST_CASE("playback takes one step per period of elapsed time") {
  TimeState t;
  t.window_months = 3;
  t.window = {kExtent.start_month, kExtent.start_month + 3};
  t.steps_per_second = 2;
  t.playing = true;
  CHECK(advance_playback(t, kExtent, 0.4) == 0);
  CHECK(advance_playback(t, kExtent, 0.2) == 1);
  CHECK(t.window.start_month == kExtent.start_month + 1);
  CHECK(advance_playback(t, kExtent, 1.0) == 2);
  CHECK(t.window.start_month == kExtent.start_month + 3);
}

TEST_CASE("playback without loop stops at the end of the data") {
  TimeState t;
  t.loop = false;
  t.step = core::StepSize::Year;
  t.window = {kExtent.end_month - 14, kExtent.end_month - 2};
  t.playing = true;
  t.steps_per_second = 1;
  advance_playback(t, kExtent, 5.0);
  CHECK_FALSE(t.playing);
  CHECK(t.window.end_month == kExtent.end_month);
}

TEST_CASE("pressing play at the end without loop starts again from the beginning") {
  TimeState t;
  t.loop = false;
  t.window = {kExtent.end_month - 12, kExtent.end_month};
  toggle_play(t, kExtent);
  CHECK(t.playing);
  CHECK(t.window.start_month == kExtent.start_month);
  CHECK(t.window.length_months() == 12);
}

TEST_CASE("Home and End keep a custom sliding window's length") {
  TimeState t;
  t.window = {kExtent.start_month + 30, kExtent.start_month + 37};
  go_last(t, kExtent);
  CHECK(t.window == core::MonthRange{kExtent.end_month - 7, kExtent.end_month});
  go_first(t, kExtent);
  CHECK(t.window == core::MonthRange{kExtent.start_month, kExtent.start_month + 7});
}

TEST_CASE("switching to cumulative pins the start to the first month") {
  TimeState t;
  t.window = {kExtent.start_month + 30, kExtent.start_month + 42};
  set_mode(t, kExtent, core::WindowMode::Cumulative);
  CHECK(t.window == core::MonthRange{kExtent.start_month, kExtent.start_month + 42});
  set_mode(t, kExtent, core::WindowMode::Sliding);
  CHECK(t.window == core::MonthRange{kExtent.start_month + 30, kExtent.start_month + 42});
}

TEST_CASE("choosing a window length keeps the window's end") {
  TimeState t;
  t.window = {kExtent.start_month + 30, kExtent.start_month + 42};
  set_window_months(t, kExtent, 3);
  CHECK(t.window == core::MonthRange{kExtent.start_month + 39, kExtent.start_month + 42});
}

TEST_CASE("a search match outside the window moves the window to it, keeping its length") {
  TimeState t;
  t.window_months = 24;
  t.window = {core::month_index(2020, 1), core::month_index(2022, 1)};
  const core::DayInterval kerman = core::parse_partial_date("2024-01-03")->interval();
  window_to_include(t, kExtent, kerman);
  CHECK(t.window.length_months() == 24);
  CHECK(t.window.start_month <= core::month_index(2024, 1));
  CHECK(t.window.end_month > core::month_index(2024, 1));
  CHECK(t.window.end_month <= kExtent.end_month);

  SECTION("a match already in the window leaves it") {
    const core::MonthRange before = t.window;
    window_to_include(t, kExtent, kerman);
    CHECK(t.window.start_month == before.start_month);
    CHECK(t.window.end_month == before.end_month);
  }
  SECTION("a cumulative window grows to hold it") {
    t.mode = core::WindowMode::Cumulative;
    t.window = {kExtent.start_month, core::month_index(2016, 1)};
    window_to_include(t, kExtent, kerman);
    CHECK(t.window.start_month == kExtent.start_month);
    CHECK(t.window.end_month == core::month_index(2024, 2));
  }
}
