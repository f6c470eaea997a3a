// PanelSheet: the grid of panels, the sheet's own marks, and the sheet as a scene or pixels.
#include "render/panel_sheet.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/period_list.hpp"
#include "render/legend_entries.hpp"

namespace driftmap::render {

namespace {

// The columns that give the panels' maps the largest scale: each panel's map frame is assumed to
// hold a cluster about 4:3 wide, under a title line about 30 pt tall.
int best_columns(size_t n, const PxRect& grid, double title_px) {
  int best = 1;
  double best_side = -1;
  for (int cols = 1; cols <= int(n); ++cols) {
    const int rows = int((n + size_t(cols) - 1) / size_t(cols));
    const double w = double(grid.w) / cols, h = double(grid.h) / rows - title_px;
    const double side = std::min(w / (4.0 / 3.0), h);
    if (side > best_side + 1e-9) best_side = side, best = cols;
  }
  return best;
}

// The sheet's texts and legend: the panels' event types, the article's figures of any period.
LayoutOptions sheet_options(const ExportData& data, const ExportSettings& s, const std::vector<core::DayInterval>& periods) {
  LayoutOptions o = layout_options(data, s, periods);
  if (s.ctc_shares && data.bundle) {
    // Every panel's figures in one legend; "none applies" only when no panel has any.
    std::string none;
    for (const core::DayInterval w : periods) {
      LayoutOptions one;
      add_share_legend(*data.bundle, w, s.caption, &one);
      if (one.shares.empty()) {
        none = one.attribution;
        continue;
      }
      o.shares_title = one.shares_title;
      for (ShareEntry& e : one.shares)
        if (std::none_of(o.shares.begin(), o.shares.end(), [&](const ShareEntry& x) { return x.label == e.label; }))
          o.shares.push_back(std::move(e));
      if (!one.attribution.empty() && o.attribution.find(one.attribution) == std::string::npos)
        o.attribution = one.attribution + o.attribution;
    }
    if (o.shares.empty()) o.attribution = none + o.attribution;
  }
  if (!s.caption.empty()) o.attribution = s.caption + " " + o.attribution;
  return o;
}

// Copies the panel's pixels onto the sheet at (x, y).
void blit(RgbaImage& sheet, const RgbaImage& panel, int x, int y) {
  const int w = std::min(panel.width, sheet.width - x);
  for (int row = 0; row < panel.height && y + row < sheet.height; ++row)
    std::memcpy(&sheet.pixels[(size_t(y + row) * size_t(sheet.width) + size_t(x)) * 4],
                &panel.pixels[size_t(row) * size_t(panel.width) * 4], size_t(w) * 4);
}

}  // namespace

PanelSheet::PanelSheet(const ExportData& data, ExportSettings s, std::vector<core::DayInterval> periods)
    : periods_(std::move(periods)) {
  if (!data.boundaries || !data.dataset) throw ExportError("no boundaries or incidents to export");
  if (periods_.empty() || periods_.size() > core::kMaxPanels)
    throw ExportError("a sheet holds 1.." + std::to_string(core::kMaxPanels) + " panels");
  check_export_settings(s);
  settings_ = std::move(s);
  std::string why;
  auto fonts = Fonts::open(&why);
  if (!fonts) throw ExportError("text: " + why);
  fonts_ = std::move(*fonts);

  options_ = sheet_options(data, settings_, periods_);
  layout_ = MapLayout::compute(settings_.width_px, settings_.height_px, options_, fonts_);
  // The grid: the map area with its margins (each panel keeps its own).
  const int m = layout_.pt(10);
  const PxRect& F = layout_.map_frame;
  const PxRect grid{0, F.y - m, F.x + F.w + m, F.h + m + m / 2};  // clear of the footer's text
  columns_ = best_columns(periods_.size(), grid, layout_.pt(30));
  const int rows = int((periods_.size() + size_t(columns_) - 1) / size_t(columns_));
  const int cell_w = grid.w / columns_, cell_h = grid.h / rows;
  if (cell_w < 64 || cell_h < 64)
    throw ExportError(std::to_string(periods_.size()) + " panels do not fit in " + std::to_string(settings_.width_px) +
                      "x" + std::to_string(settings_.height_px) + " (each needs at least 64x64 pixels)");
  const int x0 = grid.x + (grid.w - cell_w * columns_) / 2, y0 = grid.y + (grid.h - cell_h * rows) / 2;
  for (size_t i = 0; i < periods_.size(); ++i)
    cells_.push_back({x0 + int(i % size_t(columns_)) * cell_w, y0 + int(i / size_t(columns_)) * cell_h, cell_w, cell_h});

  ExportSettings p = settings_;
  p.width_px = cell_w;
  p.height_px = cell_h;
  p.panel = true;
  p.frame_window.reset();
  p.frame_windows = periods_;
  panel_ = std::make_unique<MapExporter>(data, p);

  // The sheet's scale bar and north arrow read the panels' scale at the grid's centre.
  const PxRect& pf = panel_->layout().map_frame;
  const core::Vec2 centre = panel_->camera().screen_to_world({pf.x + 0.5 * pf.w, pf.y + 0.5 * pf.h});
  layout_.map_frame = {grid.x + grid.w / 2, grid.y + grid.h / 2, 0, 0};
  camera_ = centred_camera(layout_, centre, panel_->camera().metres_per_px(), settings_.dpi / 96.0);
}

PanelSheet::~PanelSheet() = default;

Scene PanelSheet::sheet_marks() {
  Scene scene;
  scene.width_px = settings_.width_px;
  scene.height_px = settings_.height_px;
  scene.dpi = settings_.dpi;
  scene.title = settings_.title.empty() ? "driftmap export" : settings_.title;
  scene.map_frame = layout_.map_frame;
  scene.add(layout_marks(layout_, options_, panel_->style(), camera_, panel_->projection(), fonts_, {},
                         settings_.transparent));
  return scene;
}

Scene PanelSheet::scene() {
  Scene scene = sheet_marks();
  for (size_t i = 0; i < periods_.size(); ++i)
    scene.panels.push_back({"panel-" + std::to_string(i + 1), panel_->date_text(periods_[i]), cells_[i].x, cells_[i].y,
                            panel_->scene(periods_[i], SceneDetail::Full)});
  return scene;
}

RgbaImage PanelSheet::render() {
  RgbaImage img{settings_.width_px, settings_.height_px,
                std::vector<uint8_t>(size_t(settings_.width_px) * size_t(settings_.height_px) * 4, 0)};
  draw_scene_marks(img, sheet_marks(), fonts_);  // the paper under the panels, the texts beside them
  for (size_t i = 0; i < periods_.size(); ++i) blit(img, panel_->render(periods_[i]), cells_[i].x, cells_[i].y);
  return img;
}

}  // namespace driftmap::render
