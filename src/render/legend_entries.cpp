// The legend's entries for what the map shows.
#include "render/legend_entries.hpp"

#include <algorithm>
#include <climits>

#include "core/article_figures.hpp"
#include "core/region_figures.hpp"
// Header-only colour helpers (no ImGui): the CTC shares must look as they do in the viewer.
#include "render/region_colours.hpp"

namespace driftmap::render {

std::vector<core::EventType> legend_types(const core::Dataset& d, const core::IncidentFilter& filter,
                                          const std::vector<core::DayInterval>& periods) {
  std::array<bool, core::kEventTypeCount> present{};
  for (const core::DayInterval w : periods)
    d.for_each_in_window(w, [&](size_t row) {
      if (filter.passes(d, row)) present[size_t(d.type()[row])] = true;
    });
  std::vector<core::EventType> out;
  for (int t = 0; t < core::kEventTypeCount; ++t)
    if (present[size_t(t)]) out.push_back(core::EventType(t));
  return out;
}

void add_share_legend(const core::Bundle& bundle, core::DayInterval w, const std::string& caption,
                      LayoutOptions* lo) {
  const auto figs = core::region_figures_for_window(bundle, w);
  if (figs.empty()) {
    const std::string none = core::no_figures_caption(bundle) + ". ";
    if (lo->attribution.find(none) == std::string::npos) lo->attribution = none + lo->attribution;
    return;
  }
  lo->shares_title = core::figures_source(bundle) + ", reported:";
  for (const std::string& q : core::statement_quotes(figs)) {  // once, though a chapter may quote it too
    const std::string quoted = q.substr(q.find("\u201c"));
    if (caption.find(quoted) == std::string::npos && lo->attribution.find(quoted) == std::string::npos)
      lo->attribution = q + " " + lo->attribution;
  }
  for (const core::WindowFigure& f : figs) {
    ShareEntry e{core::figure_text(bundle, f), figure_fill(bundle, f), f.is_statement() ? -1 : f.share->value};
    const bool listed = std::any_of(lo->shares.begin(), lo->shares.end(), [&](const auto& s) { return s.label == e.label; });
    if (!listed) lo->shares.push_back(std::move(e));
  }
}

void add_share_room(const core::Bundle& bundle, LayoutOptions* measure) {
  measure->shares_title = core::figures_source(bundle) + ", reported:";
  std::string longest = core::no_figures_caption(bundle) + ".";
  std::vector<std::string> texts;
  size_t most = 0;
  for (const core::WindowFigure& each : core::figures_for_window(bundle, {INT32_MIN / 2, INT32_MAX / 2})) {
    const auto figs = core::region_figures_for_window(bundle, each.period_days());
    most = std::max(most, figs.size());
    for (const auto& f : figs) texts.push_back(core::figure_text(bundle, f));
    for (const std::string& q : core::statement_quotes(figs))
      if (q.size() > longest.size()) longest = q;
  }
  std::sort(texts.begin(), texts.end(), [](const auto& x, const auto& y) { return x.size() > y.size(); });
  for (size_t i = 0; i < std::min(most + 1, texts.size()); ++i) measure->shares.push_back({texts[i], {}, 100});
  measure->attribution = longest + " " + measure->attribution;
}

}  // namespace driftmap::render
