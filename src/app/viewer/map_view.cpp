// The map's view: the rectangle the panels leave free, fitting boxes into it, keeping a selection
// in sight, and the mouse over the map (drag to pan, wheel to zoom, hover and click to pick).
#include <algorithm>
#include <cmath>
#include <utility>

#include "app/viewer/picking.hpp"
#include "app/viewer/viewer.hpp"
#include "core/framing.hpp"
#include "state/filters.hpp"
#include "ui/panels.hpp"
#include "ui/time_control.hpp"

namespace driftmap::app {

// The part of the window the map shows unobstructed: not under the menu bar, the sidebar, the
// timeline or the details window (at the top left while an incident is selected, where the map is
// wide enough to leave room beside it). In framebuffer pixels.
MapRect Viewer::free_map_rect() const {
  const ImGuiIO& io = ImGui::GetIO();
  const double sx = io.DisplayFramebufferScale.x, sy = io.DisplayFramebufferScale.y;
  MapRect r;
  r.top = ui::menu_height() * sy;
  r.right = std::max(50.0, v_.camera.viewport_w_px() - ui::sidebar_width() * sx);
  const double details_right = (ui::details_width() + 16) * sx;
  if (v_.selected && r.right - details_right >= 300 * sx) r.left = details_right;
  r.bottom = std::max(r.top + 50.0, v_.camera.viewport_h_px() - (v_.show_timeline ? ui::timeline_height() * sy : 0.0));
  return r;
}

bool Viewer::view_inside_region() const {
  const core::GeoBox aoi = ws_.initial_area_of_interest();
  const core::Vec2 lo = v_.camera.visible_min_m(), hi = v_.camera.visible_max_m();
  for (int i = 0; i <= 2; ++i)
    for (int j = 0; j <= 2; ++j) {
      const core::Vec2 ll = ws_.projection().inverse(lo.x + (hi.x - lo.x) * i / 2, lo.y + (hi.y - lo.y) * j / 2);
      if (!std::isfinite(ll.x) || !std::isfinite(ll.y) || ll.x < aoi.min_lon || ll.x > aoi.max_lon ||
          ll.y < aoi.min_lat || ll.y > aoi.max_lat)
        return false;
    }
  return true;
}

// A selection made away from the map (Tab, a list) that lies outside the free rectangle is
// brought to its centre; one made by clicking is already in view and stays put.
void Viewer::keep_selection_in_view() {
  if (v_.selected == shown_selection_) return;
  shown_selection_ = v_.selected;
  const core::Dataset& d = ws_.active();
  if (!v_.selected || *v_.selected >= d.size()) return;
  const core::Vec2 w = ws_.projection().forward(d.lon_deg()[*v_.selected], d.lat_deg()[*v_.selected]);
  if (!std::isfinite(w.x) || !std::isfinite(w.y)) return;
  const MapRect r = free_map_rect();
  const core::Vec2 p = v_.camera.world_to_screen(w);
  const double margin = 16 * ImGui::GetIO().DisplayFramebufferScale.x;
  if (p.x >= r.left + margin && p.x <= r.right - margin && p.y >= r.top + margin && p.y <= r.bottom - margin) return;
  v_.camera.pan_px((r.left + r.right) / 2 - p.x, (r.top + r.bottom) / 2 - p.y);
}

void Viewer::fit_projected(core::Vec2 lo, core::Vec2 hi) {
  const MapRect rect = free_map_rect();
  const double left = rect.left, top = rect.top, right = rect.right, bottom = rect.bottom;
  const double margin = 24 * ImGui::GetIO().DisplayFramebufferScale.x;
  const double rw = std::max(50.0, right - left - 2 * margin), rh = std::max(50.0, bottom - top - 2 * margin);
  const double mpp = std::max({(hi.x - lo.x) / rw, (hi.y - lo.y) / rh, 1.0});
  v_.camera.set_metres_per_px(mpp);
  // Put the box centre at the centre of the free rectangle.
  const core::Vec2 box_centre{(lo.x + hi.x) / 2, (lo.y + hi.y) / 2};
  const double dx_px = (left + right) / 2 - v_.camera.viewport_w_px() / 2.0;
  const double dy_px = (top + bottom) / 2 - v_.camera.viewport_h_px() / 2.0;
  v_.camera.set_centre({box_centre.x - dx_px * mpp, box_centre.y + dy_px * mpp});
}

void Viewer::fit_lonlat(const core::GeoBox& box) {
  if (!box.valid()) return;
  core::Vec2 lo{1e300, 1e300}, hi{-1e300, -1e300};
  for (int i = 0; i <= 8; ++i)
    for (int j = 0; j <= 8; ++j) {
      const double lon = box.min_lon + (box.max_lon - box.min_lon) * i / 8.0;
      const double lat = box.min_lat + (box.max_lat - box.min_lat) * j / 8.0;
      const core::Vec2 p = ws_.projection().forward(lon, lat);
      if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
      lo = {std::min(lo.x, p.x), std::min(lo.y, p.y)};
      hi = {std::max(hi.x, p.x), std::max(hi.y, p.y)};
    }
  if (lo.x <= hi.x) fit_projected(lo, hi);
}

// The frame an export of this window gets, of the incidents the filters show: the main cluster,
// not the far-away incidents.
void Viewer::fit_data() {
  const core::IncidentFilter shown = state::incident_filter(v_.filters, visibility_);
  const core::Framing f = core::frame_incidents(
      core::frame_points(ws_.active(), v_.time.window.days(), shown, ws_.boundaries(), &ws_.areas()), {.aspect = 0});
  if (f.from_data) fit_lonlat(f.frame);
}

// The Story panel's chapter: its period as the time window, its frame (every place it names).
void Viewer::show_chapter() {
  if (ws_.story.empty()) return;
  const core::Chapter& c = ws_.story[std::min(v_.story_chapter, ws_.story.size() - 1)];
  v_.time.playing = false;
  v_.time.mode = core::WindowMode::Sliding;
  v_.time.window = core::months_covering(c.window());
  v_.time.window_months = std::max(1, v_.time.window.length_months());
  ui::normalise_window(v_.time, scene_.extent);
  fit_lonlat(c.frame);
}

// A search match, maybe outside the window: the window moves to hold it (keeping its length) and
// it is selected; keep_selection_in_view() then pans the map to it.
void Viewer::show_incident() {
  const core::Dataset& d = ws_.active();
  const std::optional<uint32_t> row = std::exchange(v_.show_row, std::nullopt);
  if (!row || *row >= d.size()) return;
  ui::window_to_include(v_.time, scene_.extent, d.interval(*row));
  v_.selected = *row;
  v_.pick_list = {};
}

void Viewer::fit_world() {
  start_world_mesh();
  if (!opt_.screenshot.empty() && world_mesh_.valid()) {
    world_mesh_.wait();  // a screenshot of the world view needs the world's boundaries
    poll_world_mesh();
  }
  // LAEA shows the whole sphere as a disc of radius 2R.
  const double r = 2 * 6371007.2;
  fit_projected({-r, -r}, {r, r});
}

void Viewer::update_hover_and_input() {
  ImGuiIO& io = ImGui::GetIO();
  const double sx = io.DisplayFramebufferScale.x, sy = io.DisplayFramebufferScale.y;
  const ImVec2 mouse = io.MousePos;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const bool in_map = mouse.x >= vp->WorkPos.x && mouse.y >= vp->WorkPos.y &&
                      mouse.x < vp->WorkPos.x + vp->WorkSize.x - ui::sidebar_width() &&
                      mouse.y < vp->WorkPos.y + vp->WorkSize.y - ui::timeline_height();
  const bool mouse_free = !io.WantCaptureMouse && in_map;

  // Pan by dragging, zoom with the wheel around the cursor.
  if (mouse_free && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    dragging_map_ = true;
    press_pos_ = mouse;
  }
  if (dragging_map_ && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    const ImVec2 d = io.MouseDelta;
    if (d.x != 0 || d.y != 0) v_.camera.pan_px(d.x * sx, d.y * sy);
  }
  if (dragging_map_ && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
    dragging_map_ = false;
    const float moved = std::hypot(mouse.x - press_pos_.x, mouse.y - press_pos_.y);
    // A click, not a drag: select what is under the cursor (the hover pass is off while the
    // button is down, so it is picked here).
    if (moved < 4 && renderer_) {
      click_at({mouse.x * sx, mouse.y * sy}, mouse.x, mouse.y);
      hover_key_ = HoverKey{};
    }
  }
  if (mouse_free && io.MouseWheel != 0)
    v_.camera.zoom_at({mouse.x * sx, mouse.y * sy}, std::pow(1.25, static_cast<double>(io.MouseWheel)));
  if (dragging_map_) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
  update_hover({mouse.x * sx, mouse.y * sy}, mouse_free && !dragging_map_ && renderer_);
}

namespace {
std::string stack_title(size_t n) { return std::to_string(n) + " incidents at this spot in the window"; }
}  // namespace

// One incident under the cursor is selected; several (a stack) or, where none is, the area-level
// incidents of the province and country there are listed to choose from; nothing clears both.
void Viewer::click_at(core::Vec2 m, float window_x, float window_y) {
  const core::IncidentFilter filter = state::incident_filter(v_.filters, visibility_);
  const core::DayInterval w = v_.time.window.days();
  const std::vector<uint32_t> points = pick_points(ws_, v_.camera, renderer_->style(), w, filter, m);
  v_.pick_list = {};
  if (points.size() == 1) {
    v_.selected = points.front();
    return;
  }
  v_.selected.reset();
  if (points.size() > 1) {
    v_.pick_list = {stack_title(points.size()), points, window_x, window_y};
    return;
  }
  const AreaIncidents area = area_incidents_at(ws_, v_.camera, w, filter, m);
  if (!area.province_rows.empty() || !area.country_rows.empty())
    v_.pick_list = {area.title(), area.rows(), window_x, window_y};
}

// Hover: the drawn points under the cursor, in framebuffer pixels (a stack lists them all), else
// the area-level incidents there and the article's regions the province belongs to. A walk over
// the window's rows, so only when the cursor, the camera or the scene changed.
void Viewer::update_hover(core::Vec2 m, bool can_hover) {
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const HoverKey key{mouse.x, mouse.y, v_.camera.metres_per_px(), v_.camera.centre_m().x, v_.camera.centre_m().y,
                     scene_version_};
  if (can_hover && key == hover_key_) return;
  hover_key_ = can_hover ? key : HoverKey{};
  v_.hovered.reset();
  v_.hovered_area.clear();
  v_.hovered_regions.clear();
  v_.hovered_list = {};
  if (!can_hover) return;
  const core::IncidentFilter filter = state::incident_filter(v_.filters, visibility_);
  const core::DayInterval w = v_.time.window.days();
  const std::vector<uint32_t> points = pick_points(ws_, v_.camera, renderer_->style(), w, filter, m);
  if (!points.empty()) {
    v_.hovered = points.front();
    if (points.size() > 1) v_.hovered_list = {stack_title(points.size()), points};
    return;
  }
  const AreaIncidents area = area_incidents_at(ws_, v_.camera, w, filter, m);
  if (!area.province_rows.empty() || !area.country_rows.empty()) v_.hovered_list = {area.title(), area.rows()};
  if (ws_.bundle() && (v_.show_ctc_shift || v_.show_region_counts)) {
    AreaHit hit = regions_at(ws_, v_.camera, m);
    v_.hovered_regions = std::move(hit.regions);
    v_.hovered_area = std::move(hit.name);
  }
}

}  // namespace driftmap::app
