#include "ui/filters.hpp"

#include <algorithm>
#include <set>

#include "core/text.hpp"

namespace driftmap::ui {

namespace {
bool contains_folded(std::string_view haystack, const std::string& needle_lower) {
  if (needle_lower.empty()) return true;
  const std::string h = core::to_lower_ascii(haystack);
  return h.find(needle_lower) != std::string::npos;
}
}  // namespace

bool passes_filters(const Filters& f, const core::Dataset& d, size_t row) {
  const auto t = static_cast<size_t>(d.type()[row]);
  if (t >= f.types.size() || !f.types[t]) return false;
  if (!f.country.empty() && d.country(row) != f.country) return false;
  if (f.killed_min > 0 && d.killed()[row] < f.killed_min) return false;  // unknown (-1) fails
  if (!f.search.empty()) {
    const std::string needle = core::to_lower_ascii(core::trim(f.search));
    const bool placed = core::has_stated_place(d.location_precision()[row]);
    if (!contains_folded(placed ? d.place(row) : core::kPlaceNotStated, needle) &&
        !contains_folded(d.summary(row), needle) &&
        !contains_folded(d.admin1(row), needle))
      return false;
  }
  return true;
}

std::vector<uint8_t> filter_mask(const Filters& f, const core::Dataset& d) {
  std::vector<uint8_t> mask(d.size());
  for (size_t i = 0; i < d.size(); ++i) mask[i] = passes_filters(f, d, i) ? 1 : 0;
  return mask;
}

WindowCounts count_in_window(const Filters& f, const core::Dataset& d, core::DayInterval window) {
  WindowCounts c;
  c.total = d.size();
  d.for_each_in_window(window, [&](uint32_t i) {
    ++c.in_window;
    if (passes_filters(f, d, i)) ++c.shown;
  });
  return c;
}

std::vector<uint32_t> rows_in_window(const Filters& f, const core::Dataset& d, core::DayInterval window) {
  std::vector<uint32_t> rows;
  d.for_each_in_window(window, [&](uint32_t i) {
    if (passes_filters(f, d, i)) rows.push_back(i);
  });
  std::sort(rows.begin(), rows.end());
  return rows;
}

std::string counts_text(const WindowCounts& c) {
  return "showing " + std::to_string(c.shown) + " of " + std::to_string(c.in_window) + " in the window (" +
         std::to_string(c.total) + " loaded)";
}

std::vector<std::string> countries(const core::Dataset& d) {
  std::set<std::string> s;
  for (size_t i = 0; i < d.size(); ++i)
    if (!d.country(i).empty()) s.emplace(d.country(i));
  return {s.begin(), s.end()};
}

}  // namespace driftmap::ui
