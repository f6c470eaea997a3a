#include "ui/time_control.hpp"

#include <algorithm>

namespace driftmap::ui {

core::TimelineSpec timeline_spec(const TimeState& t, core::MonthRange extent) {
  return {extent, t.mode, std::max(1, t.window_months)};
}

void normalise_window(TimeState& t, core::MonthRange extent) {
  const auto spec = timeline_spec(t, extent);
  if (t.window.length_months() <= 0) t.window = core::last_window(spec);
  t.window = core::clamp_window(spec, t.window);
}

void step_time(TimeState& t, core::MonthRange extent, int direction) {
  t.window = core::step_window(timeline_spec(t, extent), t.window, t.step, direction, t.loop).window;
}

void go_first(TimeState& t, core::MonthRange extent) {
  const auto spec = timeline_spec(t, extent);
  // Keep the current length of a sliding window (it may be custom, from dragging an end).
  if (t.mode == core::WindowMode::Sliding)
    t.window = core::clamp_window(spec, {extent.start_month, extent.start_month + t.window.length_months()});
  else
    t.window = core::first_window(spec);
}

void go_last(TimeState& t, core::MonthRange extent) {
  const auto spec = timeline_spec(t, extent);
  if (t.mode == core::WindowMode::Sliding)
    t.window = core::clamp_window(spec, {extent.end_month - t.window.length_months(), extent.end_month});
  else
    t.window = core::last_window(spec);
}

void set_mode(TimeState& t, core::MonthRange extent, core::WindowMode mode) {
  t.mode = mode;
  if (mode == core::WindowMode::Sliding) {
    t.window = core::window_with_length(timeline_spec(t, extent), t.window);
  } else {
    t.window = core::clamp_window(timeline_spec(t, extent), t.window);
  }
}

void set_window_months(TimeState& t, core::MonthRange extent, int32_t months) {
  t.window_months = std::clamp(months, 1, 1200);
  if (t.mode == core::WindowMode::Sliding) t.window = core::window_with_length(timeline_spec(t, extent), t.window);
}

void window_to_include(TimeState& t, core::MonthRange extent, core::DayInterval days) {
  t.playing = false;
  const core::MonthIndex first = core::month_of_day(days.start_day);
  const auto spec = timeline_spec(t, extent);
  if (first >= t.window.start_month && first < t.window.end_month) return;
  if (t.mode == core::WindowMode::Sliding) {
    const int32_t len = std::max(1, t.window.length_months());
    t.window = core::clamp_window(spec, {first - (len - 1) / 2, first - (len - 1) / 2 + len});
  } else {
    t.window = core::clamp_window(spec, {t.window.start_month, std::max(t.window.start_month, first) + 1});
  }
}

void toggle_play(TimeState& t, core::MonthRange extent) {
  t.playing = !t.playing;
  t.play_accum_s = 0;
  // Play from the start when at the end and not looping, so Play always does something.
  if (t.playing && !t.loop && t.window.end_month >= extent.end_month) go_first(t, extent);
}

int advance_playback(TimeState& t, core::MonthRange extent, double elapsed_s) {
  if (!t.playing || t.steps_per_second <= 0) return 0;
  t.play_accum_s += elapsed_s;
  const double period = 1.0 / t.steps_per_second;
  int steps = 0;
  while (t.play_accum_s >= period && steps < 1000) {
    t.play_accum_s -= period;
    const auto r = core::step_window(timeline_spec(t, extent), t.window, t.step, +1, t.loop);
    t.window = r.window;
    ++steps;
    if (r.at_end && !t.loop) {
      t.playing = false;
      t.play_accum_s = 0;
      break;
    }
  }
  return steps;
}

}  // namespace driftmap::ui
