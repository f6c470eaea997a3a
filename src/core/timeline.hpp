// The viewer's time axis, in whole months: the window (sliding or cumulative), stepping and
// playback that never jump over an incident, the per-month histogram, and the range text.
// Pure logic (no UI): the timeline panel and the tests both call it.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/incident.hpp"
#include "core/partial_date.hpp"

namespace driftmap::core {

// Months since year 0: year * 12 + (month - 1). Month 24264 is Jan 2022.
using MonthIndex = int32_t;
MonthIndex month_index(int32_t year, unsigned month);
MonthIndex month_of_day(int32_t day);          // month containing the day
int32_t first_day_of_month(MonthIndex m);      // days since 1970-01-01
std::string month_label(MonthIndex m);         // "Jan 2022"
int32_t year_of_month(MonthIndex m);

// Half-open range of months [start_month, end_month).
struct MonthRange {
  MonthIndex start_month = 0;
  MonthIndex end_month = 0;
  int32_t length_months() const { return end_month - start_month; }
  DayInterval days() const { return {first_day_of_month(start_month), first_day_of_month(end_month)}; }
  bool operator==(const MonthRange&) const = default;
};

// "Jan 2022 – Jun 2023" (end month inclusive), or "Mar 2022" for a single month.
std::string range_text(MonthRange r);

// The months an incident interval touches: [month of start, month after the last day].
MonthRange months_covering(DayInterval d);
// Smallest month range containing every incident of the dataset; {0,0} when empty.
MonthRange dataset_months(const Dataset& d);

enum class WindowMode : uint8_t { Sliding, Cumulative };
enum class StepSize : uint8_t { Month, Quarter, Year };
int32_t step_months(StepSize s);  // 1, 3, 12

// Window behaviour over a fixed extent (the data's months).
struct TimelineSpec {
  MonthRange extent;           // all the months there are
  WindowMode mode = WindowMode::Sliding;
  int32_t window_months = 12;  // sliding-window length
};

// The window clamped into the extent; in cumulative mode the start is pinned to extent.start.
MonthRange clamp_window(const TimelineSpec& spec, MonthRange w);
// The window after a sliding window's length was set to spec.window_months, keeping its end.
MonthRange window_with_length(const TimelineSpec& spec, MonthRange w);

// Effective stride in months: the requested step, never longer than the window, so that every
// month (hence every incident) is covered by some window position on the way.
int32_t effective_step(const TimelineSpec& spec, MonthRange w, StepSize step);

struct StepResult {
  MonthRange window;
  bool wrapped = false;  // loop restarted from the beginning
  bool at_end = false;   // the window now ends at the extent's end (playback stops unless looping)
};
// One step forward (direction +1) or back (-1). At the end, with loop, restarts at the first
// position; without loop stays put. The last position is always the window ending exactly at
// the extent's end, so the final months are never skipped.
StepResult step_window(const TimelineSpec& spec, MonthRange w, StepSize step, int direction, bool loop);

// First and last positions (Home/End).
MonthRange first_window(const TimelineSpec& spec);
MonthRange last_window(const TimelineSpec& spec);

// Incidents per month, stacked by event type. An incident whose date covers several months
// (month- or year-precision, or a span) is spread evenly over them so that the totals stay the
// incident count and year-precision statements don't pile up in January.
struct MonthHistogram {
  MonthRange months;
  std::vector<std::array<float, kEventTypeCount>> bins;  // one per month
  float max_total() const;                                // tallest stacked bar
  float total(size_t bin) const;
};
// rows: which dataset rows to count (all when null).
MonthHistogram month_histogram(const Dataset& d, MonthRange months, const std::vector<uint32_t>* rows = nullptr);

}  // namespace driftmap::core
