// What an export's legend lists: only what the map shows. The event types of the incidents
// drawn in the period(s), and the article's region figures (with their quotes in the caption)
// only for a window they speak to. One rule for single maps, animations and sheets of panels.
#pragma once
#include <string>
#include <vector>

#include "core/bundle.hpp"
#include "core/dataset.hpp"
#include "core/incident_filter.hpp"
#include "core/partial_date.hpp"
#include "render/map_layout.hpp"

namespace driftmap::render {

// The types of the incidents passing the filter in any of the periods, in type order.
std::vector<core::EventType> legend_types(const core::Dataset& d, const core::IncidentFilter& filter,
                                          const std::vector<core::DayInterval>& periods);

// Adds the article's figures for the window to the options: the shares legend (title and one
// entry each, none repeated) and the statements' quotes before the attribution (a quote already
// in `caption` is not repeated); or, when none applies, which figures exist.
void add_share_legend(const core::Bundle& bundle, core::DayInterval window, const std::string& caption,
                      LayoutOptions* options);

// For measuring a layout: the shares legend with the most entries any window has (the longest
// labels) and the longest caption any window has, added to the options.
void add_share_room(const core::Bundle& bundle, LayoutOptions* measure);

}  // namespace driftmap::render
