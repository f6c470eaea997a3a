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

template <class F>
void AreaIndex::for_each_in_window(const Dataset& d, DayInterval w, const IncidentFilter& filter, F&& f) const {
  if (area_.size() != d.size()) return;  // built for another dataset
  const auto start = d.start_day();
  const auto end = d.end_day();
  auto visit = [&](uint32_t row) {
    if (end[row] > w.start_day && filter.passes(d, row)) f(row);
  };
  // Same overlap rule as Dataset::for_each_in_window: short rows start after w.start - kShortMaxDays.
  const int32_t cutoff = w.start_day - Dataset::kShortMaxDays;
  auto first = std::partition_point(short_rows_.begin(), short_rows_.end(), [&](uint32_t r) { return start[r] <= cutoff; });
  for (auto it = first; it != short_rows_.end() && start[*it] < w.end_day; ++it) visit(*it);
  for (uint32_t r : long_rows_) {
    if (start[r] >= w.end_day) break;
    visit(r);
  }
}

AreaCounts AreaIndex::counts_in_window(const Dataset& d, DayInterval w, const IncidentFilter& filter) const {
  AreaCounts c;
  c.admin0.assign(n0_, 0);
  c.admin1.assign(n1_, 0);
  c.admin0_types.assign(n0_, 0);
  c.admin1_types.assign(n1_, 0);
  const auto type = d.type();
  for_each_in_window(d, w, filter, [&](uint32_t row) {
    const AreaRef a = area_[row];
    (a.level == 0 ? c.admin0 : c.admin1)[a.index] += 1;
    (a.level == 0 ? c.admin0_types : c.admin1_types)[a.index] |= uint8_t(1u << unsigned(type[row]));
    ++c.total;
  });
  return c;
}

std::vector<uint32_t> AreaIndex::rows_in_window(const Dataset& d, DayInterval w, const IncidentFilter& filter,
                                                AreaRef area) const {
  std::vector<uint32_t> rows;
  for_each_in_window(d, w, filter, [&](uint32_t row) {
    if (area_[row].level == area.level && area_[row].index == area.index) rows.push_back(row);
  });
  std::sort(rows.begin(), rows.end());  // the long rows were visited after the short ones
  return rows;
}

}  // namespace driftmap::core
