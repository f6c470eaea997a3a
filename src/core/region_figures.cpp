#include "core/region_figures.hpp"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "core/text.hpp"

namespace driftmap::core {

std::string period_label(const Aggregate& a) { return period_label(a.period_start, a.period_end); }

std::string period_label(const PartialDate& s, const PartialDate& e) {
  if (s == e) return s.to_display();
  if (s.year == e.year && s.precision == DatePrecision::Month && e.precision == DatePrecision::Month) {
    if (s.month == 1 && e.month == 6) return "H1 " + std::to_string(s.year);
    if (s.month == 7 && e.month == 12) return "H2 " + std::to_string(s.year);
    if (s.month == 1 && e.month == 12) return std::to_string(s.year);
    return s.to_display().substr(0, 3) + "\u2013" + e.to_display();  // "Sep–Dec 2021"
  }
  return s.to_display() + " \u2013 " + e.to_display();
}

std::optional<size_t> ReportedSeries::period_at(int32_t day) const {
  std::optional<size_t> best;
  for (size_t i = 0; i < periods.size(); ++i) {
    if (day < periods[i].start_day || day >= periods[i].end_day) continue;
    if (!best || periods[i].length_days() < periods[*best].length_days()) best = i;
  }
  return best;
}

ReportedSeries reported_series(const Bundle& b, AggregateMetric metric) {
  ReportedSeries s;
  s.metric = metric;
  std::vector<const Aggregate*> picked;
  for (const Aggregate& a : b.aggregates)
    if (a.metric == metric && b.region(a.region)) picked.push_back(&a);
  for (const Aggregate* a : picked) {
    const DayInterval p = a->period();
    if (std::find(s.periods.begin(), s.periods.end(), p) == s.periods.end()) s.periods.push_back(p);
  }
  std::sort(s.periods.begin(), s.periods.end(), [](const DayInterval& x, const DayInterval& y) {
    return x.start_day != y.start_day ? x.start_day < y.start_day : x.end_day < y.end_day;
  });
  s.period_labels.resize(s.periods.size());
  s.values.assign(b.regions.size(), std::vector<std::optional<double>>(s.periods.size()));
  s.sources.assign(b.regions.size(), std::vector<const Aggregate*>(s.periods.size(), nullptr));
  for (const Aggregate* a : picked) {
    const size_t p = static_cast<size_t>(std::find(s.periods.begin(), s.periods.end(), a->period()) - s.periods.begin());
    s.period_labels[p] = period_label(*a);
    for (size_t r = 0; r < b.regions.size(); ++r) {
      if (b.regions[r].region != a->region) continue;
      s.values[r][p] = a->value;
      s.sources[r][p] = a;
    }
  }
  return s;
}

std::vector<std::vector<size_t>> region_areas(const Bundle& b, const Boundaries& bounds,
                                              std::vector<std::string>* unmatched) {
  std::vector<std::vector<size_t>> out(b.regions.size());
  for (size_t r = 0; r < b.regions.size(); ++r) {
    for (const std::string& m : b.regions[r].members) {
      if (auto i = bounds.find_admin1(m)) out[r].push_back(*i);
      else if (unmatched) unmatched->push_back(b.regions[r].region + ": " + m);
    }
  }
  return out;
}

namespace {

// Folded member name → region indices.
std::unordered_multimap<std::string, size_t> member_regions(const std::vector<Region>& regions) {
  std::unordered_multimap<std::string, size_t> out;
  for (size_t r = 0; r < regions.size(); ++r)
    for (const std::string& m : regions[r].members) out.emplace(fold_name(m), r);
  return out;
}

}  // namespace

std::vector<size_t> region_incident_counts(const Bundle& b, const Dataset& d, DayInterval window,
                                           const std::vector<uint8_t>* rows_visible) {
  const auto member_to_region = member_regions(b.regions);
  std::vector<size_t> counts(b.regions.size(), 0);
  d.for_each_in_window(window, [&](uint32_t i) {
    if (rows_visible && (i >= rows_visible->size() || !(*rows_visible)[i])) return;
    const std::string key = fold_name(d.admin1(i));
    if (key.empty()) return;
    auto [lo, hi] = member_to_region.equal_range(key);
    for (auto it = lo; it != hi; ++it) ++counts[it->second];
  });
  return counts;
}

std::optional<double> ComputedShares::percent(size_t region) const {
  if (total == 0 || region >= in_region.size()) return std::nullopt;
  return 100.0 * double(in_region[region]) / double(total);
}

const std::vector<size_t> RegionMembership::kNone;

RegionMembership::RegionMembership(const std::vector<Region>& regions, const Boundaries& boundaries)
    : boundaries_(&boundaries), by_admin1_(boundaries.admin1().size()), n_regions_(regions.size()) {
  for (size_t r = 0; r < regions.size(); ++r)
    for (const std::string& m : regions[r].members)
      if (auto a = boundaries.find_admin1(m)) {
        auto& list = by_admin1_[*a];
        if (list.empty() || list.back() != r) list.push_back(r);
      }
}

const std::vector<size_t>& RegionMembership::regions_of(const Dataset& d, size_t i) const {
  if (d.admin1(i).empty()) return kNone;
  const auto a = boundaries_->find_admin1(d.admin1(i), d.country(i));
  return a ? by_admin1_[*a] : kNone;
}

ComputedShares computed_region_shares(const RegionMembership& membership, const Dataset& d, DayInterval period,
                                      const std::vector<uint8_t>* rows_visible) {
  ComputedShares out;
  out.in_region.assign(membership.region_count(), 0);
  d.for_each_in_window(period, [&](uint32_t i) {
    if (rows_visible && (i >= rows_visible->size() || !(*rows_visible)[i])) return;
    if (d.start_day()[i] < period.start_day || d.start_day()[i] >= period.end_day) return;
    if (!has_stated_place(d.location_precision()[i])) return;
    ++out.total;
    for (size_t r : membership.regions_of(d, i)) ++out.in_region[r];
  });
  return out;
}

std::string computed_share_text(const ComputedShares& shares, size_t region, const std::string& period_label) {
  const auto pct = shares.percent(region);
  if (!pct) return "computed from the loaded data for " + period_label + ": no incidents with a place";
  char buf[160];
  std::snprintf(buf, sizeof buf, "computed from the loaded data for %s: %.0f %% (%zu of %zu incidents)",
                period_label.c_str(), *pct, shares.in_region[region], shares.total);
  return buf;
}

}  // namespace driftmap::core
