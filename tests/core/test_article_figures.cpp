// The one rule for which of the article's figures speak to a window, over every row of the
// bundled aggregates.csv and over windows that straddle its periods.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/article_figures.hpp"
#include "core/geodata.hpp"
#include "core/region_figures.hpp"

using namespace driftmap::core;

namespace {
const Bundle& bundle() {
  static const Bundle b = [] {
    Problems p;
    auto loaded = load_bundle_tables(geodata_dir(), &p);
    for (const auto& x : p.items) UNSCOPED_INFO(x.to_string());
    if (!loaded) FAIL("bundled tables did not load");
    return std::move(*loaded);
  }();
  return b;
}
DayInterval months(int y0, unsigned m0, int y1, unsigned m1) {
  return DateSpan{PartialDate{y0, uint8_t(m0), 0, DatePrecision::Month}, PartialDate{y1, uint8_t(m1), 0, DatePrecision::Month}}.interval();
}
std::vector<std::string> texts(const std::vector<WindowFigure>& figs) {
  std::vector<std::string> out;
  for (const auto& f : figs) out.push_back(figure_text(bundle(), f));
  return out;
}
}  // namespace

namespace {
// Every row of aggregates.csv as the rule sees it: its period, region, and whether it speaks
// by region (a share or a statement about a group the map fills).
struct Row {
  DayInterval period;
  std::string region, label;
  const void* row;
  bool statement;
};
std::vector<Row> every_row() {
  std::vector<Row> rows;
  for (const Aggregate& a : bundle().aggregates)
    rows.push_back({a.period(), a.region, period_label(a), &a, false});
  for (const ArticleStatement& st : bundle().statements)
    rows.push_back({st.period(), st.region, period_label(st.period_start, st.period_end), &st, true});
  return rows;
}
const void* row_of(const WindowFigure& f) { return f.share ? static_cast<const void*>(f.share) : f.statement; }
}  // namespace

TEST_CASE("a window equal to a figure's period shows that figure first for its region, with its own period") {
  for (const Row& row : every_row()) {
    DYNAMIC_SECTION(row.region << " " << row.label << (row.statement ? " statement" : "")) {
      const auto all = figures_for_window(bundle(), row.period);
      const Region* region = bundle().region(row.region);
      const bool mapped = region && region->colour_rgb.has_value();
      bool speaks = mapped && row.statement;
      for (const Aggregate& a : bundle().aggregates)
        if (&a == row.row) speaks = mapped && a.metric == AggregateMetric::SharePercent;
      const bool listed = std::any_of(all.begin(), all.end(), [&](const WindowFigure& f) { return row_of(f) == row.row; });
      CHECK(listed == speaks);  // counts, "all" totals and unmapped groups colour nothing
      if (speaks) {
        const auto shown = region_figures_for_window(bundle(), row.period);
        auto it = std::find_if(shown.begin(), shown.end(),
                               [&](const WindowFigure& f) { return bundle().regions[f.region].region == row.region; });
        REQUIRE(it != shown.end());
        CHECK(row_of(*it) == row.row);
        CHECK(it->overlap == Approx(1.0));
        CHECK(it->period == row.label);
        if (row.statement) CHECK(figure_text(bundle(), *it).find('%') == std::string::npos);  // never an invented number
      }
      for (size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1].overlap >= all[i].overlap);
    }
  }
}

TEST_CASE("windows that straddle periods show the best-overlapping figures, each with its own period") {
  SECTION("all of 2020: the statement about Nangarhar and Kabul, quoted, no number") {
    const auto f = region_figures_for_window(bundle(), months(2020, 1, 2020, 12));
    REQUIRE(f.size() == 1);
    CHECK(f[0].is_statement());
    CHECK(texts(f)[0] == "Nangarhar and Kabul (ISK's traditional strongholds): stated for 2020, no percentage");
    REQUIRE(statement_quotes(f).size() == 1);
    CHECK(statement_quotes(f)[0].find("Virtually all of ISK\u2019s 83 attacks in 2020") != std::string::npos);
  }
  SECTION("all of 2021: two-thirds for Nangarhar and Kabul first, then Nangarhar 52 % for Sep-Dec") {
    CHECK(texts(region_figures_for_window(bundle(), months(2021, 1, 2021, 12))) ==
          std::vector<std::string>{"Nangarhar and Kabul (ISK's traditional strongholds) 66.7 % (2021)",
                                   "Nangarhar 52 % (Sep\u2013Dec 2021)"});
  }
  SECTION("all of 2023: the first half's KP 55 % lies inside it") {
    CHECK(texts(region_figures_for_window(bundle(), months(2023, 1, 2023, 12))) ==
          std::vector<std::string>{"Khyber Pakhtunkhwa (incl. former tribal areas) 55 % (H1 2023)"});
  }
  SECTION("Mar 2022 - Feb 2023: the 2022 figures, captioned 2022, not H1 2023") {
    const auto f = region_figures_for_window(bundle(), months(2022, 3, 2023, 2));
    CHECK(texts(f) == std::vector<std::string>{"Kabul 27 % (2022)", "Khyber Pakhtunkhwa (incl. former tribal areas) 22 % (2022)",
                                               "Northern Afghanistan (Kunduz, Balkh, Takhar, Badakhshan) 15 % (2022)"});
  }
  SECTION("Jul 2022 - Jun 2023: KP from H1 2023, Kabul and the north from 2022, each labelled") {
    const auto t = texts(region_figures_for_window(bundle(), months(2022, 7, 2023, 6)));
    REQUIRE(t.size() == 3);
    CHECK(t[0] == "Khyber Pakhtunkhwa (incl. former tribal areas) 55 % (H1 2023)");
    CHECK(t[1] == "Kabul 27 % (2022)");
  }
  SECTION("Jul 2023 - Jun 2024: nothing applies and the caption says what exists and for when") {
    CHECK(region_figures_for_window(bundle(), months(2023, 7, 2024, 6)).empty());
    CHECK(no_figures_caption(bundle()) ==
          "CTC Sentinel reports shares for 2021, Sep\u2013Dec 2021, 2022, H1 2023 and a statement for 2020; "
          "none overlaps this window");
  }
  SECTION("an empty window has no figures") { CHECK(figures_for_window(bundle(), {100, 100}).empty()); }
}

TEST_CASE("captions name the figures' source from sources.csv, not from a literal") {
  CHECK(figures_publisher(bundle()) == "CTC Sentinel");
  CHECK(figures_source(bundle()) == "CTC Sentinel (2023)");
  CHECK(no_figures_caption(bundle()).rfind("CTC Sentinel reports", 0) == 0);
  Bundle renamed = bundle();
  for (Source& s : renamed.sources)
    if (s.source_id == "ctc2023") s.credit = "Another Journal: Its Title", s.published = "2031";
  CHECK(figures_source(renamed) == "Another Journal (2031)");
  CHECK(no_figures_caption(renamed).rfind("Another Journal reports", 0) == 0);
  CHECK(figures_source(Bundle{}) == "the article");
}
