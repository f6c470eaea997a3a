// What is under the cursor: the drawn incident nearest to it (a click selects it, a hover shows
// its tooltip) and, where no incident is, the province and the article's regions it belongs to.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/viewer/workspace.hpp"
#include "core/camera.hpp"
#include "core/incident_filter.hpp"
#include "render/style.hpp"

namespace driftmap::app {

// The drawn point nearest to a framebuffer position within its radius plus a few pixels:
// point-precision rows of the window that pass the filter, drawn with style's radius.
std::optional<uint32_t> pick_point(const Workspace& ws, const core::Camera& camera, const render::Style& style,
                                   core::DayInterval window, const core::IncidentFilter& filter, core::Vec2 fb_px);

struct AreaHit {
  std::string name;             // the province (empty when in no region with reported shares)
  std::vector<size_t> regions;  // the bundle regions with shares that it belongs to
};
// The province under a framebuffer position and the article's regions it is in.
AreaHit regions_at(const Workspace& ws, const core::Camera& camera, core::Vec2 fb_px);

}  // namespace driftmap::app
