// Which admin area each province- or country-precision incident belongs to, so that such
// incidents highlight their polygon instead of pretending to be a point. Built once per
// (dataset, boundaries) pair; per-window counts are then a walk over the window's rows.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "core/boundaries.hpp"
#include "core/dataset.hpp"
#include "core/incident_filter.hpp"

namespace driftmap::core {

struct AreaRef {
  static constexpr uint32_t kNone = UINT32_MAX;
  uint8_t level = 0;         // 0 = admin0 (country), 1 = admin1 (province)
  uint32_t index = kNone;    // into Boundaries::admin0() or admin1()
  bool valid() const { return index != kNone; }
};

// Counts of active area-precision incidents per area, indexed like Boundaries::admin0()/admin1().
struct AreaCounts {
  std::vector<uint32_t> admin0, admin1;
  // Per area, a bit per EventType of its counted incidents (the map hatches each type in its
  // colour).
  std::vector<uint8_t> admin0_types, admin1_types;
  uint32_t total = 0;
};

class AreaIndex {
 public:
  AreaIndex() = default;
  // For every row with is_area_precision(): province → find_admin1(admin1, country), falling
  // back to the admin1 polygon containing lat/lon, then to the country; country →
  // find_admin0(country), falling back to the country containing lat/lon. Point rows get no area.
  static AreaIndex build(const Dataset& d, const Boundaries& b);

  std::span<const AreaRef> area_of_row() const { return area_; }
  AreaRef area(size_t row) const { return area_[row]; }
  // Area-precision rows that matched no polygon (shown nowhere on the map; the UI can list them).
  size_t unmatched() const { return unmatched_; }
  size_t admin0_count() const { return n0_; }
  size_t admin1_count() const { return n1_; }

  // Active area incidents per area for the window w (same overlap rule as Dataset).
  AreaCounts counts_in_window(const Dataset& d, DayInterval w, const IncidentFilter& filter = {}) const;
  // The rows counted for one area in the window w, ascending (so by start day): what a click on
  // the area lists.
  std::vector<uint32_t> rows_in_window(const Dataset& d, DayInterval w, const IncidentFilter& filter,
                                       AreaRef area) const;

 private:
  // Calls f(row) for each row with an area that overlaps w and passes the filter.
  template <class F>
  void for_each_in_window(const Dataset& d, DayInterval w, const IncidentFilter& filter, F&& f) const;

  std::vector<AreaRef> area_;
  // Rows with an area, ascending (hence by start day), split like Dataset's short/long rows, so
  // that a window's counts cost O(log n + area rows in the window), not a walk over every point
  // row of the window (ten million rows at slider speed).
  std::vector<uint32_t> short_rows_, long_rows_;
  size_t unmatched_ = 0, n0_ = 0, n1_ = 0;
};

}  // namespace driftmap::core
