// The drift of the incidents' centre as a map layer: the trajectory from period to period with
// an arrow on each move, a dot at each centre and its period named beside it. Marks in image
// pixels (group "drift"), so raster, SVG and PDF outputs draw the same layer.
#pragma once
#include <vector>

#include "core/camera.hpp"
#include "core/drift.hpp"
#include "core/label_placement.hpp"
#include "core/projection.hpp"
#include "render/map_layout.hpp"

namespace driftmap::render {

struct DriftLayer {
  std::vector<Mark> marks;
  std::vector<core::PxBox> boxes;  // its dots and period names: the map's labels keep clear of them
};

// The layer for the steps with incidents whose period ends by window_end_day (an animation's
// trajectory grows frame by frame) and starts at or after window_start_day.
DriftLayer drift_layer(const std::vector<core::DriftStep>& steps, core::DayInterval window, const core::Camera& camera,
                       const core::Projection& projection, const MapLayout& layout, const Style& style, Fonts& fonts);

}  // namespace driftmap::render
