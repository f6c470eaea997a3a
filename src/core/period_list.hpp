// The periods of a sheet of small multiples, as a person writes them: "2020,2022-03,2023-01/2023-06"
// (a year, a month or a day, or a start/end pair inclusive of the end's whole period). One
// parser serves `driftmap export --panels` and the viewer's Export dialog.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/partial_date.hpp"

namespace driftmap::core {

// The most panels one sheet holds: more would be too small to read on a slide.
inline constexpr size_t kMaxPanels = 12;

// Parses the comma-separated list. On failure returns nullopt and sets *error to one line naming
// the item, e.g. `item 2 "2023-13": month 13 is out of range` or `item 3 is empty`.
std::optional<std::vector<DayInterval>> parse_period_list(std::string_view text, std::string* error = nullptr);

// A period as short as a title can say it: "2022", "2020 – 2021", "Mar 2022", "Jan – Jun 2023",
// "Nov 2022 – Feb 2023", else its first and last days ("3 Mar 2022 – 9 Apr 2022").
std::string period_text(DayInterval days);

}  // namespace driftmap::core
