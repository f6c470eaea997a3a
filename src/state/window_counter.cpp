// Prefix counts per event type over days, and Tab's walk; see window_counter.hpp.
#include "state/window_counter.hpp"

#include <algorithm>

namespace driftmap::state {

WindowCounter WindowCounter::build(const core::Dataset& d) {
  WindowCounter c;
  if (d.empty()) return c;
  const core::DayInterval ext = d.extent();
  const int64_t days = int64_t(ext.end_day) - int64_t(ext.start_day);
  if (days <= 0 || days > kMaxIndexedDays) return c;
  c.first_day_ = ext.start_day;
  c.days_ = days;
  const auto start = d.start_day(), end = d.end_day();
  const auto type = d.type();
  // Histograms first (a row adds 1 at its start day + 1 and at its end day), then prefix sums.
  for (size_t i = 0; i < d.size(); ++i) {
    const size_t t = static_cast<size_t>(type[i]);
    if (t >= core::kEventTypeCount) continue;
    if (c.started_[t].empty()) {
      c.started_[t].assign(size_t(days) + 1, 0);
      c.ended_[t].assign(size_t(days) + 1, 0);
    }
    const int64_t s = int64_t(start[i]) - c.first_day_ + 1;  // counts for k >= s (start < first + k)
    const int64_t e = int64_t(end[i]) - c.first_day_;        // counts for k >= e (end <= first + k)
    if (s <= days) ++c.started_[t][size_t(s)];
    ++c.ended_[t][size_t(std::clamp<int64_t>(e, 0, days))];
  }
  for (size_t t = 0; t < core::kEventTypeCount; ++t)
    for (size_t k = 1; k < c.started_[t].size(); ++k) {
      c.started_[t][k] += c.started_[t][k - 1];
      c.ended_[t][k] += c.ended_[t][k - 1];
    }
  return c;
}

size_t WindowCounter::type_count(size_t t, core::DayInterval w) const {
  const auto& st = started_[t];
  const auto& en = ended_[t];
  if (st.empty() || w.end_day <= w.start_day) return 0;
  auto at = [&](const std::vector<uint32_t>& v, int64_t day) -> uint32_t {
    const int64_t k = day - first_day_;
    if (k < 0) return 0;
    return v[size_t(std::min<int64_t>(k, days_))];
  };
  // Overlapping [a, b): started before b, minus those that also ended by a (every row that ended
  // by a < b started before b).
  return at(st, w.end_day) - at(en, w.start_day);
}

WindowCounts WindowCounter::count(const Filters& f, const core::Dataset& d, core::DayInterval w,
                                  std::span<const uint8_t> visible) const {
  const core::IncidentFilter rule = incident_filter(f, visible);
  WindowCounts c;
  c.total = d.size();
  if (!indexed()) {
    d.for_each_in_window(w, [&](uint32_t i) {
      ++c.in_window;
      if (rule.passes(d, i)) ++c.shown;
    });
    return c;
  }
  for (size_t t = 0; t < core::kEventTypeCount; ++t) {
    const size_t n = type_count(t, w);
    c.in_window += n;
    if (f.types[t]) c.shown += n;
  }
  if (rule.killed_min > 0 || rule.needs_row_lookup()) {
    c.shown = 0;
    d.for_each_in_window(w, [&](uint32_t i) {
      if (rule.passes(d, i)) ++c.shown;
    });
  }
  return c;
}

bool shown_in_window(const Filters& f, const core::Dataset& d, core::DayInterval w, std::span<const uint8_t> visible,
                     uint32_t row) {
  return row < d.size() && incident_filter(f, visible).shown(d, w, row);
}

std::optional<uint32_t> step_in_window(const Filters& f, const core::Dataset& d, core::DayInterval w,
                                       std::span<const uint8_t> visible, std::optional<uint32_t> from,
                                       bool backwards) {
  if (d.empty() || w.end_day <= w.start_day) return std::nullopt;
  const core::WindowRange r = d.window(w);
  const auto start = d.start_day(), end = d.end_day();
  const auto longs = d.long_rows();
  // Window rows are the short range [r.first, r.last) (those not ending before w) and the long
  // rows starting at or before r.long_cutoff_day, which all lie before r.first.
  const auto long_end = std::upper_bound(longs.begin(), longs.end(), r.long_cutoff_day,
                                         [&](int32_t day, uint32_t row) { return day < start[row]; });
  const core::IncidentFilter rule = incident_filter(f, visible);
  auto ok = [&](uint32_t i) { return end[i] > w.start_day && rule.passes(d, i); };
  for (int pass = 0; pass < 2; ++pass) {
    if (!backwards) {
      const int64_t after = from ? int64_t(*from) : -1;
      for (auto it = std::upper_bound(longs.begin(), long_end, after,
                                      [](int64_t a, uint32_t row) { return a < int64_t(row); });
           it != long_end; ++it)
        if (ok(*it)) return *it;
      for (int64_t i = std::max<int64_t>(r.first, after + 1); i < int64_t(r.last); ++i)
        if (ok(uint32_t(i))) return uint32_t(i);
    } else {
      const int64_t before = from ? int64_t(*from) : int64_t(d.size());
      for (int64_t i = std::min<int64_t>(int64_t(r.last), before) - 1; i >= int64_t(r.first); --i)
        if (ok(uint32_t(i))) return uint32_t(i);
      auto it = std::lower_bound(longs.begin(), long_end, before,
                                 [](uint32_t row, int64_t b) { return int64_t(row) < b; });
      while (it != longs.begin()) {
        --it;
        if (ok(*it)) return *it;
      }
    }
    if (!from) break;
    from.reset();  // wrap around
  }
  return std::nullopt;
}

}  // namespace driftmap::state
