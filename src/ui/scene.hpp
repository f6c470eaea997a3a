// What the panels show that the app derives from the data each time the data, the window or the
// filters change: histogram, counts, rows in the window, map labels and badges (in projected
// metres; the overlay projects them with the camera), the CTC Sentinel figures.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/bundle.hpp"
#include "core/dataset.hpp"
#include "core/article_figures.hpp"
#include "core/region_figures.hpp"
#include "core/story.hpp"
#include "core/timeline.hpp"
#include "render/style.hpp"
#include "ui/state.hpp"

namespace driftmap::ui {

struct MapLabel {
  std::string text;
  core::Vec2 world_m;
  int level = 0;          // 0 country, 1 province
  double area_m2 = 0;     // feature area, for priority and "fits" checks
};

// One period's centre of the drift layer, projected.
struct DriftPoint {
  core::Vec2 world_m;
  std::string period;  // "2022", "2022-H1"
  bool in_window = false;  // the period overlaps the time window
};

struct AreaBadge {
  core::Vec2 world_m;
  uint32_t count = 0;
  // A stack of points at world_m rather than an area: the badge sits beside the circle drawn
  // for the largest toll among them (unknown < 0).
  bool stack = false;
  int32_t killed_max = -1;
};

struct RegionMarker {
  std::string label;      // "Khyber Pakhtunkhwa"
  core::Vec2 world_m;     // mean of the members' label points
};

struct Scene {
  const core::Dataset* dataset = nullptr;
  const core::Bundle* bundle = nullptr;  // the bundled project's side tables; null without
  const render::Style* style = nullptr;
  std::string data_description;          // "bundled IS-K incidents + 1 file"

  core::MonthRange extent;
  core::MonthHistogram histogram;        // every loaded incident per month
  core::MonthHistogram histogram_shown;  // those passing the filters (the same without filters)
  bool filtered = false;                 // a filter is set: the timeline shows both histograms
  std::vector<uint32_t> search_matches;  // a search's matches at any time, by date (the first kMaxSearchMatches)
  static constexpr size_t kMaxSearchMatches = 200;
  WindowCounts counts;
  // Per-row country/text filter bytes (empty = all rows pass), for Tab's walk over the window
  // (state::step_in_window): the viewer never lists the window's rows, which may be millions.
  const std::vector<uint8_t>* row_mask = nullptr;
  // Projected positions of the selected and hovered rows (the overlay rings them).
  std::optional<core::Vec2> selected_world_m, hovered_world_m;
  // The selected area-level incident's province or country outline (projected rings, closed),
  // and the row it was made for.
  std::vector<std::vector<core::Vec2>> selected_outline_m;
  std::optional<uint32_t> outline_row;
  std::vector<std::string> countries;

  std::vector<MapLabel> labels;
  std::vector<AreaBadge> badges;        // areas with two or more area-level incidents (each frame)
  std::vector<AreaBadge> stack_badges;  // points sharing a coordinate, shown in the window
  // The window's drawn points, when few enough to list (kMaxMarks): map labels give way to them.
  struct Mark {
    core::Vec2 world_m;
    int32_t killed = -1;
  };
  std::vector<Mark> marks;
  static constexpr size_t kMaxMarks = 2000;
  std::vector<DriftPoint> drift;         // the drift layer's centres, in time order (empty: off)
  std::string drift_period_name;         // "year", "half-year", "quarter"
  std::vector<RegionMarker> regions;     // one per bundle region, same order (label empty: not shown)
  std::vector<size_t> shift_regions;     // regions the article gives shares for (chart, legend)
  const std::vector<core::Chapter>* story = nullptr;  // geodata/story.csv; null without
  core::ReportedSeries shares;           // CTC Sentinel share_percent figures
  core::ReportedSeries counts_reported;  // CTC Sentinel count figures
  std::vector<size_t> region_counts;     // our incidents per region in the window
  // Per figure (parallel to figures): the loaded data's own share for the figure's region and
  // period, labelled as computed; empty unless asked for.
  std::vector<std::string> figure_computed;
  std::optional<size_t> share_period;    // index into shares.periods of the best-overlapping share
  std::vector<core::WindowFigure> figures;  // the article's figures for the window, best first
  size_t unmatched_areas = 0;            // area-precision incidents with no polygon

  // Set when the last map frame drew the incidents as a density grid: its largest count per
  // cell (the top of the legend's log scale) and its cell size in framebuffer pixels.
  bool density = false;
  uint32_t density_max_count = 0;
  int density_cell_px = 0;
  double first_frame_ms = 0, frame_ms = 0;
  float ui_scale = 1.0f;  // style sizes (logical px) → ImGui coordinates
};

}  // namespace driftmap::ui
