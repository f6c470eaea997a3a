#include "core/article_figures.hpp"

#include <algorithm>
#include <climits>
#include <cstdio>

#include "core/region_figures.hpp"

namespace driftmap::core {

namespace {

// The groups the map fills are the ones the article's figures speak to by region.
bool mapped_region(const Bundle& b, size_t r) { return r < b.regions.size() && b.regions[r].colour_rgb.has_value(); }

double overlap_ratio(DayInterval p, DayInterval w) {
  const int64_t shared = int64_t(std::min(p.end_day, w.end_day)) - std::max(p.start_day, w.start_day);
  if (shared <= 0) return 0;
  const int64_t either = int64_t(std::max(p.end_day, w.end_day)) - std::min(p.start_day, w.start_day);
  return double(shared) / double(either);
}

size_t region_index(const Bundle& b, const std::string& key) {
  for (size_t r = 0; r < b.regions.size(); ++r)
    if (b.regions[r].region == key) return r;
  return b.regions.size();
}

}  // namespace

std::vector<WindowFigure> figures_for_window(const Bundle& b, DayInterval window) {
  std::vector<WindowFigure> out;
  if (window.end_day <= window.start_day) return out;
  for (const Aggregate& a : b.aggregates) {
    const size_t r = region_index(b, a.region);
    if (a.metric != AggregateMetric::SharePercent || !mapped_region(b, r)) continue;
    if (const double o = overlap_ratio(a.period(), window); o > 0) out.push_back({&a, nullptr, r, o, period_label(a)});
  }
  for (const ArticleStatement& st : b.statements) {
    const size_t r = region_index(b, st.region);
    if (!mapped_region(b, r)) continue;
    if (const double o = overlap_ratio(st.period(), window); o > 0)
      out.push_back({nullptr, &st, r, o, period_label(st.period_start, st.period_end)});
  }
  std::stable_sort(out.begin(), out.end(), [](const WindowFigure& x, const WindowFigure& y) {
    if (x.overlap != y.overlap) return x.overlap > y.overlap;
    return x.period_days().length_days() < y.period_days().length_days();
  });
  return out;
}

std::vector<WindowFigure> region_figures_for_window(const Bundle& b, DayInterval window) {
  std::vector<WindowFigure> out;
  for (WindowFigure& f : figures_for_window(b, window))
    if (std::none_of(out.begin(), out.end(), [&](const WindowFigure& g) { return g.region == f.region; }))
      out.push_back(std::move(f));
  return out;
}

std::string figure_text(const Bundle& b, const WindowFigure& f) {
  const std::string& label = b.regions[f.region].label;
  if (f.is_statement()) return label + ": stated for " + f.period + ", no percentage";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g %%", f.share->value);
  return label + " " + buf + " (" + f.period + ")";
}

namespace {
const Source* figures_document(const Bundle& b) {
  for (const Aggregate& a : b.aggregates)
    if (a.metric == AggregateMetric::SharePercent)
      if (const Source* src = b.source(a.source_id)) return src;
  return nullptr;
}
}  // namespace

std::string figures_publisher(const Bundle& b) {
  const Source* src = figures_document(b);
  if (!src) return "the article";
  const std::string& name = src->credit.empty() ? src->title : src->credit;
  return name.substr(0, name.find(':'));
}

std::string figures_source(const Bundle& b) {
  const Source* src = figures_document(b);
  if (!src || src->published.empty()) return figures_publisher(b);
  return figures_publisher(b) + " (" + src->published + ")";
}

std::string no_figures_caption(const Bundle& b) {
  // Every figure that could speak to some window, in the order of its period.
  const auto every = figures_for_window(b, {INT32_MIN / 2, INT32_MAX / 2});
  std::vector<const WindowFigure*> sorted;
  for (const WindowFigure& f : every) sorted.push_back(&f);
  std::stable_sort(sorted.begin(), sorted.end(), [](const WindowFigure* x, const WindowFigure* y) {
    return x->period_days().start_day < y->period_days().start_day;
  });
  std::vector<std::string> shares, statements;
  for (const WindowFigure* f : sorted) {
    auto& list = f->is_statement() ? statements : shares;
    if (std::find(list.begin(), list.end(), f->period) == list.end()) list.push_back(f->period);
  }
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + v[i];
    return s;
  };
  if (shares.empty() && statements.empty()) return "The article reports no regional figures";
  std::string s = figures_publisher(b) + " reports";
  if (!shares.empty()) s += " shares for " + join(shares);
  if (!statements.empty()) s += std::string(shares.empty() ? "" : " and") + " a statement for " + join(statements);
  return s + "; none overlaps this window";
}

std::vector<std::string> statement_quotes(const std::vector<WindowFigure>& figs) {
  std::vector<std::string> out;
  for (const WindowFigure& f : figs) {
    if (!f.is_statement()) continue;
    std::string q = f.period + ": \u201c" + f.quote() + "\u201d";
    if (std::find(out.begin(), out.end(), q) == out.end()) out.push_back(std::move(q));
  }
  return out;
}

std::optional<size_t> best_share_period(const ReportedSeries& series, const std::vector<WindowFigure>& figs) {
  for (const WindowFigure& f : figs) {
    if (f.is_statement()) continue;
    for (size_t p = 0; p < series.periods.size(); ++p)
      if (series.periods[p] == f.share->period()) return p;
  }
  return std::nullopt;
}

}  // namespace driftmap::core
