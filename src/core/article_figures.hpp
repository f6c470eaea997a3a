// Which of the article's reported figures speak to a time window. One rule for the viewer, the
// exports, animations and stats: a figure applies when its period overlaps the window; the best
// overlap (shared days over the days of either) comes first; each figure is captioned with its own
// period, never the window's. Statements without a number are kept as statements.
#pragma once
#include <string>
#include <vector>

#include "core/bundle.hpp"
#include "core/region_figures.hpp"

namespace driftmap::core {

// One figure of the article for a region group: a share (share_percent row) or a statement
// without a number (a `statement` row of aggregates.csv, Bundle::statements).
struct WindowFigure {
  const Aggregate* share = nullptr;
  const ArticleStatement* statement = nullptr;
  size_t region = 0;    // index into Bundle::regions
  double overlap = 0;   // |period ∩ window| / |period ∪ window|, in (0, 1]
  std::string period;   // the figure's own period as the article states it ("H1 2023")

  bool is_statement() const { return statement != nullptr; }
  DayInterval period_days() const { return share ? share->period() : statement->period(); }
  const std::string& quote() const { return share ? share->quote : statement->quote; }
};

// Shares and statements for the region groups the map fills (a colour in regions.csv; never
// counts, never "all") whose period overlaps the window, best overlap first (ties: the shorter
// period, then file order).
std::vector<WindowFigure> figures_for_window(const Bundle& b, DayInterval window);

// One figure per region group: the best-overlapping one of figures_for_window, in that order.
// These are what the map colours (shares) or outlines (statements).
std::vector<WindowFigure> region_figures_for_window(const Bundle& b, DayInterval window);

// "Kabul 27 % (2022)" or "Nangarhar and Kabul: stated for 2020, no percentage".
std::string figure_text(const Bundle& b, const WindowFigure& f);

// Who reports the figures, as captions name it: the share figures' source's credit up to its
// colon ("CTC Sentinel"), and with its year ("CTC Sentinel (2023)"); "the article" when the
// tables name no source. From sources.csv, so that no caption repeats a literal of its own.
std::string figures_publisher(const Bundle& b);
std::string figures_source(const Bundle& b);

// The caption when no figure applies: which figures exist and for when, e.g.
// "CTC Sentinel reports shares for 2021, Sep–Dec 2021, 2022, H1 2023 and a statement for 2020;
// none overlaps this window".
std::string no_figures_caption(const Bundle& b);

// The statements' sentences among figs, each once, verbatim, with its period: "2020: “Virtually …”".
std::vector<std::string> statement_quotes(const std::vector<WindowFigure>& figs);

// The period (index into series.periods) of the first share among figs: the chart's highlight.
std::optional<size_t> best_share_period(const ReportedSeries& series, const std::vector<WindowFigure>& figs);

}  // namespace driftmap::core
