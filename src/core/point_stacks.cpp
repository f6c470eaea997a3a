// Rows sharing a coordinate; see point_stacks.hpp.
#include "core/point_stacks.hpp"

#include <algorithm>
#include <numeric>

namespace driftmap::core {

std::vector<PointStack> point_stacks(const Dataset& d, size_t max_rows) {
  std::vector<PointStack> stacks;
  if (d.size() > max_rows) return stacks;
  const auto lon = d.lon_deg();
  const auto lat = d.lat_deg();
  const auto prec = d.location_precision();
  std::vector<uint32_t> rows;
  for (uint32_t i = 0; i < d.size(); ++i)
    if (is_point_precision(prec[i])) rows.push_back(i);
  // By coordinate, then by row: each stack's rows come out ascending.
  std::sort(rows.begin(), rows.end(), [&](uint32_t a, uint32_t b) {
    if (lon[a] != lon[b]) return lon[a] < lon[b];
    if (lat[a] != lat[b]) return lat[a] < lat[b];
    return a < b;
  });
  for (size_t i = 0; i < rows.size();) {
    size_t j = i + 1;
    while (j < rows.size() && lon[rows[j]] == lon[rows[i]] && lat[rows[j]] == lat[rows[i]]) ++j;
    if (j - i >= 2) stacks.push_back({lon[rows[i]], lat[rows[i]], {rows.begin() + long(i), rows.begin() + long(j)}});
    i = j;
  }
  return stacks;
}

uint32_t count_in_window(const PointStack& s, const Dataset& d, DayInterval w, const IncidentFilter& filter) {
  return uint32_t(std::count_if(s.rows.begin(), s.rows.end(), [&](uint32_t r) { return filter.shown(d, w, r); }));
}

}  // namespace driftmap::core
