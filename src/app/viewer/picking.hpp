// What is under the cursor: the drawn incidents there (a click selects one or lists a stack, a
// hover shows their tooltip) and, where no incident is, the province with its area-level
// incidents and the article's regions it belongs to.
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
// Every drawn point whose mark (plus a few pixels) holds the position, nearest first and, at one
// distance (a stack at one place), by date.
std::vector<uint32_t> pick_points(const Workspace& ws, const core::Camera& camera, const render::Style& style,
                                  core::DayInterval window, const core::IncidentFilter& filter, core::Vec2 fb_px);

// The area-level incidents of the window under a position: the province's own, then its
// country's (a province outside the boundaries' provinces gives the country's alone).
struct AreaIncidents {
  std::string province, country;  // names ("Nangarhar", "Afghanistan"); empty when none there
  std::vector<uint32_t> province_rows, country_rows;
  std::string title() const;  // "Nangarhar, Afghanistan: area-level incidents in the window"
  std::vector<uint32_t> rows() const;
};
AreaIncidents area_incidents_at(const Workspace& ws, const core::Camera& camera, core::DayInterval window,
                                const core::IncidentFilter& filter, core::Vec2 fb_px);

struct AreaHit {
  std::string name;             // the province (empty when in no region with reported shares)
  std::vector<size_t> regions;  // the bundle regions with shares that it belongs to
};
// The province under a framebuffer position and the article's regions it is in.
AreaHit regions_at(const Workspace& ws, const core::Camera& camera, core::Vec2 fb_px);

}  // namespace driftmap::app
