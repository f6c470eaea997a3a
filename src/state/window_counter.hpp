// The filter panel's live counts ("showing 37 of 112") and Tab's next incident without walking
// the rows of the time window (with ten million incidents a window holds millions).
// Per event type, prefix counts over the dataset's days: incidents starting before day k and
// incidents ending by day k. An incident overlaps [a, b) when it starts before b and does not end
// by a, so a window's count is S(b) - E(a): a few lookups, whatever N. Filters that need each
// row (country, text search, minimum killed) walk the window instead.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/dataset.hpp"
#include "state/filters.hpp"

namespace driftmap::state {

class WindowCounter {
 public:
  // Datasets spanning more days than this (centuries) are not indexed: counts walk the window.
  static constexpr int64_t kMaxIndexedDays = 200000;

  WindowCounter() = default;
  static WindowCounter build(const core::Dataset& d);
  bool indexed() const { return days_ > 0; }

  // visible: one byte per row (non-zero = passes the country and text filters, as the renderer's
  // visibility); empty = those filters are evaluated row by row. It is only read when f has a
  // country or text filter.
  WindowCounts count(const Filters& f, const core::Dataset& d, core::DayInterval w,
                     std::span<const uint8_t> visible = {}) const;

 private:
  int32_t first_day_ = 0;
  int64_t days_ = 0;  // prefix arrays hold days_ + 1 entries: day first_day_ .. first_day_ + days_
  // Per type: started[k] = rows with start_day < first_day_ + k; ended[k] = rows with end_day <=
  // first_day_ + k. Types with no rows keep empty arrays.
  std::array<std::vector<uint32_t>, core::kEventTypeCount> started_, ended_;
  size_t type_count(size_t t, core::DayInterval w) const;
};

// Tab / Shift+Tab: the next (or previous) row, in row order, that overlaps w and passes the
// filters, after `from` (before it when backwards), wrapping around; the first (last) such row
// when from is empty. nullopt when the window shows nothing. Costs O(log n) plus the rows it
// skips, not a list of the window's rows.
std::optional<uint32_t> step_in_window(const Filters& f, const core::Dataset& d, core::DayInterval w,
                                       std::span<const uint8_t> visible, std::optional<uint32_t> from,
                                       bool backwards);
// True when row overlaps w and passes the filters (O(1)).
bool shown_in_window(const Filters& f, const core::Dataset& d, core::DayInterval w, std::span<const uint8_t> visible,
                     uint32_t row);

}  // namespace driftmap::state
