// The presentation layout of an exported map, shared by every output (PNG, GeoTIFF,
// SVG, animation frames) and by the CLI and the GUI's Export dialog: a header band (title,
// subtitle, date range), a legend column on the right, a footer band (attribution, north arrow,
// scale bar) and the map frame left between them, into which the data is fitted so that no
// panel covers it. Sizes are given in points and converted with the output's dpi (pt → px).
//
// The annotations are produced as marks of the frame's scene (render/scene.hpp), so every
// output, raster or vector, draws the same ones.
#pragma once
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/camera.hpp"
#include "core/incident.hpp"
#include "core/projection.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"
#include "render/text_raster.hpp"

namespace driftmap::render {

// One CTC Sentinel region group in the shares legend.
struct ShareEntry {
  std::string label;  // the legend line, figure and period included ("Kabul 27 % (2022)")
  Rgba fill;          // the map fill (alpha = strength) drawn over the province colour
  double percent = 0; // the reported share; negative for a statement without a number
};

struct LayoutOptions {
  std::string title, subtitle;
  std::string date_text;    // "Jan 2022 – Jun 2023 · 412 incidents"
  double date_pt = 0;       // > 0: the date at this size in a box of its own (animation frames)
  std::string attribution;  // one line; wrapped to the footer width
  bool legend = true, scalebar = true, north_arrow = false;
  std::vector<core::EventType> legend_types;  // the event types listed (in this order)
  std::string shares_title;                   // non-empty: the CTC shares legend is shown
  std::vector<ShareEntry> shares;
  double dpi = 96;  // output pixels per inch; text and strokes are sized in points
};

// Pixels per point for a dpi (1 pt = 1/72 in).
inline double px_per_pt(double dpi) { return dpi / 72.0; }
// The dpi used when none is asked for: 96 at 1920x1080 and proportionally larger for larger
// images (a 4K export looks like a 1080p one, only sharper), never below 48.
double default_dpi(int width_px, int height_px);

// Regular and bold DejaVu Sans (found by fontconfig).
struct Fonts {
  std::unique_ptr<TextRasterizer> regular, bold;
  static std::optional<Fonts> open(std::string* error);
};

struct MapLayout {
  int width_px = 0, height_px = 0;
  double px_per_pt = 96.0 / 72.0;
  PxRect header, legend, footer;  // empty when absent
  PxRect map_frame;               // the data is fitted inside this rectangle

  static MapLayout compute(int width_px, int height_px, const LayoutOptions& options, Fonts& fonts);
  int pt(double points) const;  // points → whole pixels (at least 1)
};

// A camera over the whole image whose map frame shows the projected box [lo, hi] (centred,
// as large as fits) — or, with centre/scale given, that centre at the frame's centre.
core::Camera fit_camera(const MapLayout& layout, core::Vec2 lo_m, core::Vec2 hi_m, double pixel_ratio);
core::Camera centred_camera(const MapLayout& layout, core::Vec2 centre_m, double metres_per_px, double pixel_ratio);

// Boundary simplification (Douglas–Peucker) for a fixed view: half a logical pixel, at most one
// output pixel (QGIS's default on-the-fly simplification threshold). Outlines are at least 1.5
// logical pixels wide, so the difference does not show; at 4K (pixel ratio 2) it halves the
// triangles the rasteriser sets up compared with half an output pixel.
inline double simplify_tolerance_m(const core::Camera& camera) {
  return std::min(1.0, 0.5 * camera.pixel_ratio()) * camera.metres_per_px();
}

// Largest 1, 2 or 5 × 10^n not above x (x > 0).
double nice_floor(double x);

struct ScaleBar {
  double length_km = 0;
  double length_px = 0;
  std::string label;  // "200 km"
};
// Ground distance along the screen's x axis at the map frame's centre, measured through the
// projection's inverse (great-circle distance on the mean Earth sphere), rounded down to a nice
// length of at most max_px.
ScaleBar choose_scale_bar(const core::Camera& camera, const core::Projection& projection, const PxRect& frame,
                          double max_px);

// Everything drawn on top of the map: paper around the frame (unless transparent), the frame
// line, header, legend, footer with scale bar and north arrow, and count badges inside the frame.
std::vector<Mark> layout_marks(const MapLayout& layout, const LayoutOptions& options, const Style& style,
                               const core::Camera& camera, const core::Projection& projection, Fonts& fonts,
                               const std::vector<Badge>& badges, bool transparent);

// Paper colour around the map frame.
Rgba paper_colour(const Style& style);

}  // namespace driftmap::render
