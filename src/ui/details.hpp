// Text for the details panel and the hover tooltip: date precision spelled out, casualty
// figures with the documents' disagreement, per-citation figures. Pure functions (tested).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/bundle.hpp"
#include "core/incident.hpp"

namespace driftmap::ui {

// "12 Jul 2016 (exact day)", "Jul 2016 (month only; day not reported)", "2016 (year only)",
// spans as "Jul – Sep 2016 (month precision)".
std::string date_text(const core::DateSpan& d);
std::string_view precision_name(core::DatePrecision p);  // "day", "month", "year"
// The incident's date with its basis: a report's date reads "reported 11 Jan 2023; the incident
// happened on or before that date (a report's date, not the event's)".
std::string date_text(const core::Incident& inc);

// "Jalalabad, Nangarhar, AFG"; "place not stated" when no document states one.
std::string place_text(const core::Incident& inc);

// The first whole number in a stated figure ("at least 84 people" → 84), if any.
std::optional<int> first_number(std::string_view stated);

// "84 killed", "unknown killed", or "84–96 killed; documents disagree" when the citations
// state different figures (what = "killed" or "wounded").
std::string casualty_text(int32_t dataset_value, const std::vector<std::string>& stated_values,
                          const char* what);
std::string casualty_text(const core::Incident& inc, const std::vector<const core::Citation*>& citations,
                          bool killed);

// The date as stated, without its precision note: "26 Aug 2021", "reported Jan 2023".
std::string short_date(const core::Incident& inc);
// One line of a list of incidents (a stack, an area's): "26 Aug 2021 · Attack · Hamid Karzai
// International Airport, Kabul" (the date as stated, without its precision note).
std::string list_line(const core::Incident& inc);

// "Attack · Jalalabad, Nangarhar · 12 Jul 2016 · 5 killed, 12 wounded"-style tooltip lines.
std::vector<std::string> tooltip_lines(const core::Incident& inc);

}  // namespace driftmap::ui
