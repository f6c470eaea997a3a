// The one rule for which incidents the filters let through: time window, event type, minimum
// killed, country and text. The viewer's map and picking, the filter panel's counts, the area
// counts, the framing, the exporter and the density layer all ask it; the point shader applies
// the same type and toll test as uniforms.
//
// Type and toll are a mask and a number (cheap, per row). Country and text need a look at the
// row's strings, so callers that test many rows evaluate them once into `visible` (one byte per
// row, see row_lookup_mask) and the per-row test reads that byte.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/dataset.hpp"

namespace driftmap::core {

inline constexpr uint32_t kAllEventTypes = (1u << kEventTypeCount) - 1;

struct IncidentFilter {
  uint32_t type_mask = kAllEventTypes;  // bit per EventType
  int32_t killed_min = 0;  // rows with killed < killed_min are hidden; unknown tolls (-1) too when > 0
  std::string country{};   // ISO alpha-3; empty = every country
  std::string text{};      // case-insensitive substring of the place, summary or province; empty = any
  // When non-empty: the country and text tests already evaluated, one byte per row (non-zero =
  // passes); they are then not evaluated again.
  std::span<const uint8_t> visible{};

  bool needs_row_lookup() const { return !country.empty() || !text.empty(); }

  bool passes_type_and_toll(EventType type, int32_t killed) const {
    if (!(type_mask >> unsigned(type) & 1u)) return false;
    return killed_min <= 0 || killed >= killed_min;
  }
  // Type, toll, country and text (not the time window).
  bool passes(const Dataset& d, size_t row) const {
    if (!passes_type_and_toll(d.type()[row], d.killed()[row])) return false;
    if (!visible.empty()) return row < visible.size() && visible[row] != 0;
    return !needs_row_lookup() || passes_country_and_text(d, row);
  }
  // passes() and overlapping the window w.
  bool shown(const Dataset& d, DayInterval w, size_t row) const {
    return d.start_day()[row] < w.end_day && d.end_day()[row] > w.start_day && passes(d, row);
  }
  // The country and text tests alone, read from the row's strings.
  bool passes_country_and_text(const Dataset& d, size_t row) const;
};

// Lower-cased and trimmed: the form IncidentFilter::text is compared in.
std::string search_text(std::string_view typed);

// One byte per row: the country and text tests of f (what IncidentFilter::visible holds).
std::vector<uint8_t> row_lookup_mask(const IncidentFilter& f, const Dataset& d);

}  // namespace driftmap::core
