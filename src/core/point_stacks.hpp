// Incidents drawn at one coordinate (ten Kabul incidents placed at the city's point): the map
// draws one circle for them, so it shows their count beside it and a click lists them all.
// Built once per dataset; the count in a window is then a walk over the stacked rows only.
#pragma once
#include <cstdint>
#include <vector>

#include "core/dataset.hpp"
#include "core/incident_filter.hpp"

namespace driftmap::core {

struct PointStack {
  float lon_deg = 0, lat_deg = 0;
  std::vector<uint32_t> rows;  // two or more point-precision rows, ascending (by start day)
};

// Every coordinate that two or more point-precision rows share, in no particular order. Empty
// when the dataset has more than max_rows rows: such data is drawn as a density grid, not marks.
std::vector<PointStack> point_stacks(const Dataset& d, size_t max_rows = 1'000'000);

// How many rows of the stack overlap the window w and pass the filter.
uint32_t count_in_window(const PointStack& s, const Dataset& d, DayInterval w, const IncidentFilter& filter);

}  // namespace driftmap::core
