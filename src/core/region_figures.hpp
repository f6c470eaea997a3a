// The CTC Sentinel article's geographic shift, as figures *reported by the article* (not
// counted from our incidents): which region group held what share of attacks in which period,
// which provinces make up each group, and — kept apart — our own dataset's counts per group.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/boundaries.hpp"
#include "core/bundle.hpp"
#include "core/dataset.hpp"

namespace driftmap::core {

// "2022", "H1 2023", "Jan 2021 – Sep 2022": how a reported period reads.
std::string period_label(const PartialDate& start, const PartialDate& end);
std::string period_label(const Aggregate& a);

struct ReportedValue {
  const Aggregate* aggregate = nullptr;
  size_t period = 0;  // index into ReportedSeries::periods
};

// The reported figures of one metric arranged as a small table: periods (sorted by start) ×
// region groups (in regions.csv order).
struct ReportedSeries {
  AggregateMetric metric = AggregateMetric::SharePercent;
  std::vector<DayInterval> periods;
  std::vector<std::string> period_labels;
  // values[region][period]; nullopt where the article gives no figure.
  std::vector<std::vector<std::optional<double>>> values;
  std::vector<std::vector<const Aggregate*>> sources;
  // Index of the period containing day, if any (a period of about a year or less is preferred
  // over a longer one).
  std::optional<size_t> period_at(int32_t day) const;
};
ReportedSeries reported_series(const Bundle& b, AggregateMetric metric);

// Admin-1 indices (into Boundaries::admin1()) of each region's members; names that match no
// polygon are appended to *unmatched as "region: name".
std::vector<std::vector<size_t>> region_areas(const Bundle& b, const Boundaries& bounds,
                                              std::vector<std::string>* unmatched = nullptr);

// The dataset's own incidents per region group in the window: a row counts for a group when
// its admin1 (folded) is one of the members. rows_visible: optional per-row mask.
std::vector<size_t> region_incident_counts(const Bundle& b, const Dataset& d, DayInterval window,
                                           const std::vector<uint8_t>* rows_visible = nullptr);

// Which region groups a row belongs to: its admin1 is found in the boundaries (aliases and
// country included, as the map places it), and a group holds it when one of its members is that
// same province. The one membership rule of `stats --by region` and the computed shares.
class RegionMembership {
 public:
  RegionMembership(const std::vector<Region>& regions, const Boundaries& boundaries);
  // Region indices (in the order given) holding row i; empty when its province is unknown.
  const std::vector<size_t>& regions_of(const Dataset& d, size_t i) const;
  size_t region_count() const { return n_regions_; }

 private:
  const Boundaries* boundaries_;
  std::vector<std::vector<size_t>> by_admin1_;  // per Boundaries::admin1() index
  size_t n_regions_ = 0;
  static const std::vector<size_t> kNone;
};

// The loaded data's own share of incidents per region group in a period: computed here, never
// the article's figure. An incident counts in the period its start day falls in (as `stats`
// counts) and in a group by RegionMembership; the total is every
// incident of the period with a stated place, wherever it is (the article's shares are of all
// attacks too).
struct ComputedShares {
  std::vector<size_t> in_region;  // per region, in the order of the regions given
  size_t total = 0;
  std::optional<double> percent(size_t region) const;
};
ComputedShares computed_region_shares(const RegionMembership& membership, const Dataset& d, DayInterval period,
                                      const std::vector<uint8_t>* rows_visible = nullptr);
// "computed from the loaded data for 2022: 31 % (12 of 39 incidents)".
std::string computed_share_text(const ComputedShares& shares, size_t region, const std::string& period_label);

}  // namespace driftmap::core
