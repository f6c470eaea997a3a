// The filter panel's settings as the one incident filter rule (core::IncidentFilter), and the live
// counts the panel shows ("showing 37 of 112"). Pure functions over the dataset.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/incident_filter.hpp"
#include "state/view_state.hpp"

namespace driftmap::state {

// Bit per core::EventType that the filters show.
uint32_t type_mask(const Filters& f);
// The filters as the rule every reader applies. visible: the country and text tests already
// evaluated per row (see filter_mask), or empty to evaluate them row by row.
core::IncidentFilter incident_filter(const Filters& f, std::span<const uint8_t> visible = {});

// True when the filters need a per-row lookup (a country or a text search): the viewer then
// keeps a visibility byte per row.
bool needs_row_mask(const Filters& f);
// True when the row passes type, country, minimum-killed and text filters (time not included).
// Builds the rule for one row: loops build incident_filter() once instead.
bool passes_filters(const Filters& f, const core::Dataset& d, size_t row);
// A per-row 0/1 mask over the whole dataset (what the renderer hides).
std::vector<uint8_t> filter_mask(const Filters& f, const core::Dataset& d);

struct WindowCounts {
  size_t shown = 0;      // in the window and passing the filters
  size_t in_window = 0;  // in the window
  size_t total = 0;      // loaded
  size_t shown_all = 0;  // passing the filters at any time (a search's matches outside the window)
};
WindowCounts count_in_window(const Filters& f, const core::Dataset& d, core::DayInterval window);
// Rows in the window that pass the filters, in row order.
std::vector<uint32_t> rows_in_window(const Filters& f, const core::Dataset& d, core::DayInterval window);
// Rows that pass the filters at any time, in row order (by start day).
std::vector<uint32_t> matching_rows(const core::IncidentFilter& rule, const core::Dataset& d);
// "37 in window · 112 in all", and what the filters leave out of the loaded rows:
// "0 in window · 1 in all (of 500 loaded)".
std::string counts_text(const WindowCounts& c);
// Distinct country codes in the dataset, sorted (for the country combo).
std::vector<std::string> countries(const core::Dataset& d);

}  // namespace driftmap::state
