// Area lookup for province/country-precision incidents, and per-window counts.
#include "core/area_index.hpp"

#include <algorithm>

namespace driftmap::core {

AreaIndex AreaIndex::build(const Dataset& d, const Boundaries& b) {
  AreaIndex ix;
  ix.n0_ = b.admin0().size();
  ix.n1_ = b.admin1().size();
  ix.area_.resize(d.size());
  const auto prec = d.location_precision();
  const auto lon = d.lon_deg();
  const auto lat = d.lat_deg();
  for (size_t i = 0; i < d.size(); ++i) {
    if (!is_area_precision(prec[i])) continue;
    AreaRef ref;
    std::optional<size_t> hit;
    if (prec[i] == LocationPrecision::Province) {
      hit = b.find_admin1(d.admin1(i), d.country(i));
      if (!hit && !d.admin1(i).empty()) hit = b.find_admin1(d.admin1(i));
      if (!hit) hit = b.admin1_at(lon[i], lat[i]);
      if (hit) {
        ref = {1, uint32_t(*hit)};
      } else if (auto c = d.country(i).empty() ? b.admin0_at(lon[i], lat[i]) : b.find_admin0(d.country(i))) {
        // A province outside the admin1 layer's region: the country is the best area we have.
        ref = {0, uint32_t(*c)};
      }
    } else {
      hit = d.country(i).empty() ? std::nullopt : b.find_admin0(d.country(i));
      if (!hit) hit = b.admin0_at(lon[i], lat[i]);
      if (hit) ref = {0, uint32_t(*hit)};
    }
    if (!ref.valid()) ++ix.unmatched_;
    ix.area_[i] = ref;
    if (ref.valid())
      (d.interval(i).length_days() > Dataset::kShortMaxDays ? ix.long_rows_ : ix.short_rows_).push_back(uint32_t(i));
  }
  return ix;
}

AreaCounts AreaIndex::counts_in_window(const Dataset& d, DayInterval w, const IncidentFilter& filter) const {
  AreaCounts c;
  c.admin0.assign(n0_, 0);
  c.admin1.assign(n1_, 0);
  if (area_.size() != d.size()) return c;  // built for another dataset
  const auto start = d.start_day();
  const auto end = d.end_day();
  auto count = [&](uint32_t row) {
    if (end[row] <= w.start_day || !filter.passes(d, row)) return;
    const AreaRef a = area_[row];
    (a.level == 0 ? c.admin0 : c.admin1)[a.index] += 1;
    ++c.total;
  };
  // Same overlap rule as Dataset::for_each_in_window: short rows start after w.start - kShortMaxDays.
  const int32_t cutoff = w.start_day - Dataset::kShortMaxDays;
  auto first = std::partition_point(short_rows_.begin(), short_rows_.end(), [&](uint32_t r) { return start[r] <= cutoff; });
  for (auto it = first; it != short_rows_.end() && start[*it] < w.end_day; ++it) count(*it);
  for (uint32_t r : long_rows_) {
    if (start[r] >= w.end_day) break;
    count(r);
  }
  return c;
}

}  // namespace driftmap::core
