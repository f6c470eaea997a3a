// A sheet of small multiples: one panel per period in a grid, every panel with the same frame
// and scale (one exporter at the panel's size, framed on the incidents of all the periods), each
// titled with its period and its count ("2022 · 41 incidents"); the sheet's title, legend, scale
// bar and attribution are drawn once. Raster outputs take the sheet's pixels, vector outputs its
// scene (Scene::panels: a group per panel). `driftmap export --panels` and the viewer's Export
// dialog both build this one request.
//
//   render::PanelSheet sheet(data, settings, periods);  // throws ExportError
//   Scene s = sheet.scene();          // vector outputs
//   RgbaImage img = sheet.render();   // raster outputs; a GL 3.3 context must be current
#pragma once
#include <memory>
#include <vector>

#include "core/partial_date.hpp"
#include "render/map_export.hpp"

namespace driftmap::render {

class PanelSheet {
 public:
  // settings: the whole sheet's (size, dpi, title, layers, filters, view); periods: 1..kMaxPanels.
  PanelSheet(const ExportData& data, ExportSettings settings, std::vector<core::DayInterval> periods);
  ~PanelSheet();
  PanelSheet(const PanelSheet&) = delete;
  PanelSheet& operator=(const PanelSheet&) = delete;

  const ExportSettings& settings() const { return settings_; }
  bool keeps_alpha() const { return settings_.transparent; }
  size_t size() const { return periods_.size(); }
  int columns() const { return columns_; }
  // Where panel i sits on the sheet (its title above its map frame).
  PxRect panel_rect(size_t i) const { return cells_.at(i); }
  // The exporter every panel is drawn with (its layout, camera and projection).
  const MapExporter& panel_exporter() const { return *panel_; }

  Scene scene();
  RgbaImage render();

 private:
  Scene sheet_marks();  // the sheet's own layers (paper, title, legend, footer), no panels

  ExportSettings settings_;
  std::vector<core::DayInterval> periods_;
  Fonts fonts_;
  LayoutOptions options_;
  MapLayout layout_;  // header, legend and footer; map_frame: an empty rect at the grid's centre
  int columns_ = 1;
  std::vector<PxRect> cells_;
  std::unique_ptr<MapExporter> panel_;
  core::Camera camera_;  // the panels' scale, centred on the grid (scale bar, north arrow)
};

}  // namespace driftmap::render
