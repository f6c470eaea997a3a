// Presentation export: one code path for `driftmap export`, `driftmap animate` and the viewer's
// Export dialog. A MapExporter fixes the projection, the layout and the camera for a set of
// settings, then gives, for any time window, the frame's scene (render/scene.hpp: every layer as
// marks; no GL needed) or the frame as pixels (GL draws the map layers, the annotation marks are
// rasterised on top). The writers in src/output/ turn either into files.
//
//   render::MapExporter ex(data, settings);          // throws ExportError on bad settings
//   Scene s = ex.scene(window, SceneDetail::Full);   // vector outputs
//   RgbaImage img = ex.render(window);               // raster outputs; a GL 3.3 context must be current
#pragma once
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/area_index.hpp"
#include "core/boundaries.hpp"
#include "core/bundle.hpp"
#include "core/camera.hpp"
#include "core/dataset.hpp"
#include "core/drift.hpp"
#include "core/framing.hpp"
#include "core/projection.hpp"
#include "render/map_layout.hpp"
#include "render/offscreen_target.hpp"
#include "render/style.hpp"
#include "render/text_raster.hpp"

namespace driftmap::render {

struct ExportError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// What is drawn; referenced, must outlive the exporter.
struct ExportData {
  const core::Boundaries* boundaries = nullptr;
  const core::Dataset* dataset = nullptr;
  const core::AreaIndex* areas = nullptr;  // area highlights and badges (optional)
  const core::Bundle* bundle = nullptr;    // CTC shares and source titles (optional)
  // Whether the bundle's incidents are among those shown: the attribution then names every
  // bundled document; otherwise (other data with the CTC shares) only the shares' source.
  bool bundle_incidents_shown = true;
  // The centre (lon, lat) of the projection the viewer draws in: a view box or centre from the
  // viewer (settings.view_box_m, centre_m) is in that projection. Without it, the frame's own.
  std::optional<core::Vec2> viewer_projection_centre_deg;
};

struct ExportSettings {
  int width_px = 1920, height_px = 1080;
  double dpi = 0;  // 0 = default_dpi(width, height)
  bool dark = false;
  bool transparent = false;  // sea and paper transparent (PNG/GeoTIFF alpha; SVG without them)
  std::string title, subtitle;
  bool legend = true, scalebar = true, north_arrow = false;
  bool ctc_shares = false;  // colour the CTC region groups by the article's reported shares
  std::string caption;      // a sentence above the attribution (a story chapter's quote), wrapped
  bool badges = true;       // counts on areas with province/country-level incidents
  bool labels = true;       // place, country and province names; markers for what lies outside
  // Small maps in the frame's corners (render/inset_maps.hpp): one per group of incidents far
  // outside the default frame, and a locator map of the wide area (unset: when the frame is
  // regional). Never on a sheet's panels.
  bool insets = true;
  std::optional<bool> locator;
  // The drift of the incidents' centre by this period (core/drift.hpp), for the periods inside
  // the frame's window; unset: no drift layer.
  std::optional<core::DriftPeriod> drift;

  // The period the default frame is fitted to (core::frame_incidents): an export's window, or
  // all of an animation's windows, so that one frame serves every frame. Default: all the data.
  std::optional<core::DayInterval> frame_window;
  // A sheet of small multiples: every panel's period. When set, the frame (and the legend)
  // covers all of them instead of frame_window.
  std::vector<core::DayInterval> frame_windows;
  // One panel of such a sheet (render/panel_sheet.hpp): the header is the period and its count
  // alone ("2022 · 41 incidents"); no legend, scale bar or footer (the sheet draws them once).
  bool panel = false;
  // Animation frames: the period large enough to read on a slide (4.5 % of the image's height)
  // in a box of its own.
  bool period_box = false;

  // The view: a lon/lat box fitted into the map frame (default: the framing of the incidents of
  // frame_window, in the projection it chooses), or a saved
  // view's centre (metres, in the LAEA projection centred on projection_centre_deg) and scale
  // (metres per logical pixel, as the viewer stores it; divided by the output's pixel ratio).
  std::optional<core::GeoBox> bbox;
  std::optional<core::Vec2> projection_centre_deg;  // lon, lat; default: the box's centre
  std::optional<core::Vec2> centre_m;
  std::optional<double> metres_per_px;
  // Or a projected rectangle (lo, hi; same projection as centre_m) fitted into the map frame:
  // what the viewer's window shows, whatever the output's size.
  std::optional<std::pair<core::Vec2, core::Vec2>> view_box_m;

  // Filters (as the viewer's): event types, minimum toll, and a per-row mask for the rest.
  uint32_t type_mask = (1u << core::kEventTypeCount) - 1;
  int32_t killed_min = 0;
  std::vector<uint8_t> visible;
};

// The size and resolution an export can have (else ExportError); a dpi of 0 becomes the size's default.
void check_export_settings(ExportSettings& settings);

// One line naming Natural Earth, GeoNames and the cited documents (short titles).
// "Boundaries: …; Places: …" plus the documents behind what is drawn: every bundled source when
// the bundle's incidents are shown, else those of the CTC shares when they are (ctc_shares).
std::string attribution_text(const core::Bundle* bundle, bool bundle_incidents_shown = true, bool ctc_shares = false);

// The filter the settings ask for, as the viewer's.
core::IncidentFilter export_filter(const ExportSettings& settings);

// The layout's furniture as the settings ask for it (title, legend, scale bar, arrow, sources
// line), the legend listing only the types the map can show in PERIODS. A panel of a sheet
// (settings.panel) has none of its own: the sheet carries it.
LayoutOptions layout_options(const ExportData& data, const ExportSettings& settings,
                             const std::vector<core::DayInterval>& periods);

// Annotations: the marks drawn over the map (raster outputs; the GPU draws the map layers).
// Full: the map layers too, as geometry (vector outputs).
enum class SceneDetail { Annotations, Full };

// Where the map frame sits on the Earth: its pixel rectangle, the projected position of its
// top-left corner, the scale (y grows downwards on the image, northwards in metres) and the CRS.
struct Georeference {
  PxRect frame;
  double origin_x_m = 0, origin_y_m = 0;
  double metres_per_px = 1;
  std::string wkt;
};

class MapExporter {
 public:
  MapExporter(const ExportData& data, ExportSettings settings);
  ~MapExporter();
  MapExporter(const MapExporter&) = delete;
  MapExporter& operator=(const MapExporter&) = delete;

  const ExportSettings& settings() const;
  const core::Camera& camera() const;
  const core::Projection& projection() const;
  const MapLayout& layout() const;
  const Style& style() const;
  Fonts& fonts();
  // The default frame, when the view was not given (no bbox, saved view or projection centre).
  const core::Framing* framing() const;
  bool keeps_alpha() const { return settings().transparent; }
  Georeference georeference() const;
  // The insets and the locator map that found room (fixed for every window).
  size_t inset_count() const;

  // "Jan 2022 – Jun 2023 · 412 incidents" (incidents passing the filters in the window).
  std::string date_text(core::DayInterval window) const;
  // The layout's texts and legend entries for the window (what scene() draws).
  LayoutOptions layout_options(core::DayInterval window) const;
  // Incident rows drawn as points in the window (filters applied, inside the map frame).
  std::vector<uint32_t> visible_points(core::DayInterval window) const;

  // Renders the frame for the window: map, then annotations. A GL 3.3 context must be current
  // (the renderer is built on first use and reused by later frames). Without the small maps
  // (insets = false) every pixel of the frame is the main map (a georeferenced raster).
  RgbaImage render(core::DayInterval window, bool insets = true);
  // Renders into this target from now on, if it has the export's size and one sample (else it
  // is dropped): one made beforehand, e.g. with the context on another thread.
  void use_target(std::unique_ptr<OffscreenTarget> target);
  // The frame's layers (no GL needed; deterministic).
  Scene scene(core::DayInterval window, SceneDetail detail);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace driftmap::render
