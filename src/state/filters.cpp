// The filter panel's settings as core::IncidentFilter, and its counts; see filters.hpp.
#include "state/filters.hpp"

#include <algorithm>
#include <set>

namespace driftmap::state {

uint32_t type_mask(const Filters& f) {
  uint32_t mask = 0;
  for (int t = 0; t < core::kEventTypeCount; ++t)
    if (f.types[size_t(t)]) mask |= 1u << t;
  return mask;
}

core::IncidentFilter incident_filter(const Filters& f, std::span<const uint8_t> visible) {
  core::IncidentFilter r{.type_mask = type_mask(f), .killed_min = f.killed_min, .country = f.country,
                         .text = core::search_text(f.search)};
  if (r.needs_row_lookup()) r.visible = visible;
  return r;
}

bool needs_row_mask(const Filters& f) { return incident_filter(f).needs_row_lookup(); }

bool passes_filters(const Filters& f, const core::Dataset& d, size_t row) { return incident_filter(f).passes(d, row); }

std::vector<uint8_t> filter_mask(const Filters& f, const core::Dataset& d) {
  const core::IncidentFilter rule = incident_filter(f);
  std::vector<uint8_t> mask(d.size());
  for (size_t i = 0; i < d.size(); ++i) mask[i] = rule.passes(d, i) ? 1 : 0;
  return mask;
}

WindowCounts count_in_window(const Filters& f, const core::Dataset& d, core::DayInterval window) {
  const core::IncidentFilter rule = incident_filter(f);
  WindowCounts c;
  c.total = d.size();
  d.for_each_in_window(window, [&](uint32_t i) {
    ++c.in_window;
    if (rule.passes(d, i)) ++c.shown;
  });
  c.shown_all = matching_rows(rule, d).size();
  return c;
}

std::vector<uint32_t> matching_rows(const core::IncidentFilter& rule, const core::Dataset& d) {
  std::vector<uint32_t> rows;
  for (uint32_t i = 0; i < d.size(); ++i)
    if (rule.passes(d, i)) rows.push_back(i);
  return rows;
}

std::vector<uint32_t> rows_in_window(const Filters& f, const core::Dataset& d, core::DayInterval window) {
  const core::IncidentFilter rule = incident_filter(f);
  std::vector<uint32_t> rows;
  d.for_each_in_window(window, [&](uint32_t i) {
    if (rule.passes(d, i)) rows.push_back(i);
  });
  std::sort(rows.begin(), rows.end());
  return rows;
}

std::string counts_text(const WindowCounts& c) {
  std::string text = std::to_string(c.shown) + " in window \u00b7 " + std::to_string(c.shown_all) + " in all";
  if (c.shown_all != c.total) text += " (of " + std::to_string(c.total) + " loaded)";
  return text;
}

std::vector<std::string> countries(const core::Dataset& d) {
  std::set<std::string> s;
  for (size_t i = 0; i < d.size(); ++i)
    if (!d.country(i).empty()) s.emplace(d.country(i));
  return {s.begin(), s.end()};
}

}  // namespace driftmap::state
