// The drift of the incidents' centre as a map layer: the trajectory from period to period with
// an arrow on each move, a dot at each centre and its period named beside it. Marks in image
// pixels (group "drift"), so raster, SVG and PDF outputs draw the same layer.
#pragma once
#include <vector>

#include "core/camera.hpp"
#include "core/drift.hpp"
#include "core/projection.hpp"
#include "render/map_layout.hpp"

namespace driftmap::render {

// Marks for the steps with incidents whose period ends by window_end_day (an animation's
// trajectory grows frame by frame) and starts at or after window_start_day.
std::vector<Mark> drift_marks(const std::vector<core::DriftStep>& steps, core::DayInterval window,
                              const core::Camera& camera, const core::Projection& projection, const MapLayout& layout,
                              const Style& style);

}  // namespace driftmap::render
