#include "core/drift.hpp"

#include <cmath>
#include <cstdio>

namespace driftmap::core {

namespace {

constexpr double kEarthKm = 6371.0088;
constexpr double kDeg = M_PI / 180.0;

struct Unit {
  double x = 0, y = 0, z = 0;
};

Unit unit(double lat, double lon) {
  return {std::cos(lat * kDeg) * std::cos(lon * kDeg), std::cos(lat * kDeg) * std::sin(lon * kDeg), std::sin(lat * kDeg)};
}

double weight(LocationPrecision p) {
  switch (p) {
    case LocationPrecision::Site:
    case LocationPrecision::City:
    case LocationPrecision::District: return 1.0;
    case LocationPrecision::Province: return kProvinceWeight;
    default: return 0.0;
  }
}

// The periods from the year of `first` to the year of `last` (days since the epoch).
std::vector<DriftStep> periods(int32_t first, int32_t last, DriftPeriod by) {
  int32_t y0, y1;
  unsigned m, d;
  civil_from_days(first, y0, m, d);
  civil_from_days(last, y1, m, d);
  const unsigned months = by == DriftPeriod::Year ? 12 : by == DriftPeriod::Half ? 6 : 3;
  std::vector<DriftStep> out;
  for (int32_t y = y0; y <= y1; ++y)
    for (unsigned start = 1; start <= 12; start += months) {
      DriftStep s;
      s.days = {days_from_civil(y, start, 1),
                start + months > 12 ? days_from_civil(y + 1, 1, 1) : days_from_civil(y, start + months, 1)};
      if (s.days.end_day <= first || s.days.start_day > last) continue;
      char name[16];
      if (by == DriftPeriod::Year) std::snprintf(name, sizeof name, "%d", int(y));
      else std::snprintf(name, sizeof name, by == DriftPeriod::Half ? "%d-H%u" : "%d-Q%u", int(y), (start - 1) / months + 1);
      s.period = name;
      out.push_back(s);
    }
  return out;
}

void centre_of(const Dataset& d, DriftStep& s) {
  Unit sum;
  double w_sum = 0;
  std::vector<std::pair<size_t, double>> counted;
  d.for_each_in_window(s.days, [&](size_t i) {
    const double w = weight(d.location_precision()[i]);
    const bool inside = d.start_day()[i] >= s.days.start_day && d.end_day()[i] <= s.days.end_day;
    if (w <= 0 || !inside) {
      ++s.n_left_out;
      return;
    }
    const Unit u = unit(d.lat_deg()[i], d.lon_deg()[i]);
    sum.x += w * u.x, sum.y += w * u.y, sum.z += w * u.z, w_sum += w;
    counted.push_back({i, w});
    ++s.n;
    if (d.location_precision()[i] == LocationPrecision::Province) ++s.n_province;
  });
  if (s.n == 0) return;
  s.lat = std::atan2(sum.z, std::hypot(sum.x, sum.y)) / kDeg;
  s.lon = std::atan2(sum.y, sum.x) / kDeg;
  double sq = 0;
  for (const auto& [i, w] : counted) {
    const double km = great_circle_km(s.lat, s.lon, d.lat_deg()[i], d.lon_deg()[i]);
    sq += w * km * km;
  }
  s.spread_km = std::sqrt(sq / w_sum);
}

}  // namespace

double great_circle_km(double lat1, double lon1, double lat2, double lon2) {
  const double dlat = (lat2 - lat1) * kDeg, dlon = (lon2 - lon1) * kDeg;
  const double a = std::pow(std::sin(dlat / 2), 2) + std::cos(lat1 * kDeg) * std::cos(lat2 * kDeg) * std::pow(std::sin(dlon / 2), 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(a)));
}

double initial_bearing_deg(double lat1, double lon1, double lat2, double lon2) {
  const double p1 = lat1 * kDeg, p2 = lat2 * kDeg, dl = (lon2 - lon1) * kDeg;
  const double b = std::atan2(std::sin(dl) * std::cos(p2), std::cos(p1) * std::sin(p2) - std::sin(p1) * std::cos(p2) * std::cos(dl));
  return std::fmod(b / kDeg + 360.0, 360.0);
}

std::vector<DriftStep> drift(const Dataset& d, DriftPeriod by) {
  const DayInterval e = d.extent();
  if (d.size() == 0 || e.end_day <= e.start_day) return {};
  std::vector<DriftStep> steps = periods(e.start_day, e.end_day - 1, by);
  const DriftStep* prev = nullptr;
  for (DriftStep& s : steps) {
    centre_of(d, s);
    if (s.n == 0) continue;
    if (prev) {
      s.km = great_circle_km(prev->lat, prev->lon, s.lat, s.lon);
      s.bearing_deg = initial_bearing_deg(prev->lat, prev->lon, s.lat, s.lon);
    }
    prev = &s;
  }
  return steps;
}

}  // namespace driftmap::core
