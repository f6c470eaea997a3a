// The map's own text for exports: place names of the window's incidents, countries and
// provinces (placed by core::place_labels so that none overlaps another or a mark), markers at
// the frame's edge naming the incidents outside the frame, and the list of country-level
// incidents outside it. Produced as Marks (groups "labels", "outside"), so PNG, GeoTIFF, video
// frames and SVG draw the same text; in SVG each group is a layer of real text.
#pragma once
#include <span>
#include <vector>

#include "core/boundaries.hpp"
#include "core/camera.hpp"
#include "core/dataset.hpp"
#include "core/framing.hpp"
#include "core/label_placement.hpp"
#include "core/projection.hpp"
#include "render/map_layout.hpp"

namespace driftmap::render {

struct MapLabelScene {
  const core::Boundaries* boundaries = nullptr;
  const core::Dataset* dataset = nullptr;
  const core::Camera* camera = nullptr;
  const core::Projection* projection = nullptr;
  const MapLayout* layout = nullptr;
  const Style* style = nullptr;
  double pixel_ratio = 1;
  std::span<const uint32_t> point_rows;  // incidents drawn as points (inside the frame)
  std::vector<double> point_radius_px;   // per point_rows entry
  std::vector<size_t> incident_admin1;   // provinces with province-level incidents in the window
  std::vector<core::PxBox> obstacles;    // other marks inside the frame (count badges)
  std::vector<core::PxBox> small_maps;   // insets and the locator map: edge markers move clear of them
};

// Labels for one frame: incident places first, then countries, then provinces.
std::vector<Mark> label_marks(const MapLabelScene& scene, Fonts& fonts);

// Edge markers for the framing's outliers and the list of country-level incidents outside the
// frame (empty when the framing has neither).
std::vector<Mark> outside_marks(const core::Framing& framing, const MapLabelScene& scene, Fonts& fonts);

}  // namespace driftmap::render
