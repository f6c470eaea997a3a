// Time controls as state changes (no UI): the spec of the current timeline, playback advanced
// by an explicit elapsed time, and the keyboard/button actions the timeline panel triggers.
#pragma once
#include "core/timeline.hpp"
#include "ui/state.hpp"

namespace driftmap::ui {

core::TimelineSpec timeline_spec(const TimeState& t, core::MonthRange extent);
// Clamps the window into the extent (after loading data or a session).
void normalise_window(TimeState& t, core::MonthRange extent);
void step_time(TimeState& t, core::MonthRange extent, int direction);
void go_first(TimeState& t, core::MonthRange extent);
void go_last(TimeState& t, core::MonthRange extent);
void set_mode(TimeState& t, core::MonthRange extent, core::WindowMode mode);
void set_window_months(TimeState& t, core::MonthRange extent, int32_t months);
// Moves the window, keeping its length, so that it holds the incident that spans `days` (a
// search match outside it): centred on the incident's first month where the extent allows.
void window_to_include(TimeState& t, core::MonthRange extent, core::DayInterval days);
void toggle_play(TimeState& t, core::MonthRange extent);
// Advances playback by elapsed_s seconds: as many steps as are due; stops at the end unless
// looping. Returns the number of steps taken.
int advance_playback(TimeState& t, core::MonthRange extent, double elapsed_s);

}  // namespace driftmap::ui
