// Which incidents the filters let through, and the live counts the filter panel shows
// ("showing 37 of 112"). Pure functions over the dataset; the filter panel and tests call them.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "ui/view_state.hpp"

namespace driftmap::ui {

// True when the row passes type, country, minimum-killed and text filters (time not included).
bool passes_filters(const Filters& f, const core::Dataset& d, size_t row);
// A per-row 0/1 mask over the whole dataset (what the renderer hides), for the non-time filters.
std::vector<uint8_t> filter_mask(const Filters& f, const core::Dataset& d);

struct WindowCounts {
  size_t shown = 0;      // in the window and passing the filters
  size_t in_window = 0;  // in the window
  size_t total = 0;      // loaded
};
WindowCounts count_in_window(const Filters& f, const core::Dataset& d, core::DayInterval window);
// Rows in the window that pass the filters, in row order (Tab cycles through these).
std::vector<uint32_t> rows_in_window(const Filters& f, const core::Dataset& d, core::DayInterval window);
// "showing 37 of 112 in the window (500 loaded)"
std::string counts_text(const WindowCounts& c);
// Distinct country codes in the dataset, sorted (for the country combo).
std::vector<std::string> countries(const core::Dataset& d);

}  // namespace driftmap::ui
