// The drift of the incidents' centre over time: for each period, the weighted spherical mean of
// the incidents located there, their spread (standard distance) and the move from the previous
// period (great-circle km and initial bearing). Works on any dataset, bundled or a user's.
//
// Rules (stated wherever drift is shown):
// - An incident counts in a period when its dates lie wholly inside it (a year-precision row
//   counts in its year, not in a quarter of it).
// - City-, site- and district-level incidents weigh 1; province-level ones weigh 0.5, at the
//   point the dataset gives for the province; country-level incidents and incidents without a
//   stated place are left out (a country's centre says nothing about where in it).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.hpp"

namespace driftmap::core {

enum class DriftPeriod { Year, Half, Quarter };

struct DriftStep {
  std::string period;  // "2022", "2022-H1", "2022-Q3"
  DayInterval days;
  size_t n = 0;                 // incidents counted (points + provinces)
  size_t n_province = 0;        // of which at province level (weight 0.5)
  size_t n_left_out = 0;        // country-level, no place, or dates reaching outside the period
  double lat = 0, lon = 0;      // the weighted centre (degrees)
  double spread_km = 0;         // standard distance from the centre
  std::optional<double> km, bearing_deg;  // from the previous period with incidents
};

inline constexpr double kProvinceWeight = 0.5;

// One step per period from the first to the last period holding a dated incident; periods
// without a counted incident have n = 0 and no centre (they are kept, so gaps show).
std::vector<DriftStep> drift(const Dataset& d, DriftPeriod by);

// Great-circle distance (km, mean Earth radius) and initial bearing (degrees from north).
double great_circle_km(double lat1, double lon1, double lat2, double lon2);
double initial_bearing_deg(double lat1, double lon1, double lat2, double lon2);

}  // namespace driftmap::core
