// The map renderers (the region's boundaries at once, the world's when built in the background)
// and the map drawn each frame.
#include <epoxy/gl.h>

#include <cstdio>

#include "app/viewer/scene_builder.hpp"
#include "app/viewer/viewer.hpp"
#include "render/mesh_cache.hpp"
#include "state/filters.hpp"

namespace driftmap::app {

// The viewer's map style: the light preset with area highlights ranked below the CTC choropleth
// (the headline view): province-level incidents as stripes over whatever colours the province,
// country-level ones as a light tint (their count badge says how many). Points stay on top.
render::Style viewer_style() {
  render::Style s = render::Style::light();
  s.area_highlight = render::Rgba::hex(0x8A3B0E, 0.8f);
  s.area_highlight_country = render::Rgba::hex(0xF0B88A, 0.25f);
  s.area_highlight_hatch_px = 7;
  s.point_min_radius_px = 4.5f;  // an incident without a toll stays a mark one can see and click
  return s;
}

// The map into the window's framebuffer, then the count badges from its area counts.
void Viewer::draw_map() {
  glDisable(GL_SCISSOR_TEST);
  render::DrawParams dp;
  dp.window = v_.time.window.days();
  dp.type_mask = state::type_mask(v_.filters);
  dp.killed_min = v_.filters.killed_min;
  if (v_.points_as == state::PointsAs::Marks) dp.density_threshold = SIZE_MAX;
  if (v_.points_as == state::PointsAs::Density) dp.density_threshold = 0;
  const auto td = Clock::now();
  renderer_ = world_renderer_ && !view_inside_region() ? world_renderer_.get() : region_renderer_.get();
  renderer_->draw(v_.camera, dp);
  if (opt_.verbose) {
    glFinish();  // only to attribute time to the map when measuring
    map_ms_.push_back(ms_since(td));
  }
  scene_.density = renderer_->last_draw().density;
  scene_.density_max_count = renderer_->last_draw().density_max_count;
  scene_.density_cell_px = renderer_->last_draw().density_cell_px;
  set_count_badges(scene_, renderer_->area_counts(), ws_);
  const core::Dataset& d = ws_.active();
  auto row_world = [&](std::optional<uint32_t> row) -> std::optional<core::Vec2> {
    if (!row || *row >= d.size()) return std::nullopt;
    return ws_.projection().forward(d.lon_deg()[*row], d.lat_deg()[*row]);
  };
  scene_.selected_world_m = row_world(v_.selected);
  scene_.hovered_world_m = row_world(v_.hovered);
  if (scene_.outline_row != v_.selected) {
    scene_.outline_row = v_.selected;
    scene_.selected_outline_m = v_.selected ? area_outline_m(ws_, *v_.selected) : decltype(scene_.selected_outline_m){};
  }
}

bool Viewer::make_renderer(const render::BoundaryMesh& mesh, bool world) {
  std::unique_ptr<render::MapRenderer> r;
  try {
    r = std::make_unique<render::MapRenderer>(mesh, ws_.projection(), style_);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "driftmap: cannot set up the map renderer: %s\n", e.what());
    if (renderer_) v_.errors.push_back(file_problem("", std::string("map renderer: ") + e.what()));
    return false;
  }
  if (!ws_.active().empty()) {
    r->set_dataset(&ws_.active(), &ws_.areas());
    r->set_visibility(visibility_);
  }
  (world ? world_renderer_ : region_renderer_) = std::move(r);
  if (world) world_boundaries_ = true;
  if (!renderer_) renderer_ = region_renderer_ ? region_renderer_.get() : world_renderer_.get();
  scene_.style = &renderer_->style();
  scene_.ui_scale = ui_scale_;
  choropleth_key_.reset();
  return true;
}

// The first renderer keeps the boundaries around the region only (its mesh is built on the
// loader thread while the window opens); the whole world's mesh is built on a worker thread after
// the first frame and swapped in when ready, so that zooming out never blocks the UI.
void Viewer::start_world_mesh() {
  if (world_mesh_.valid() || world_boundaries_) return;
  const core::Boundaries* b = &ws_.boundaries();
  const double lon0 = ws_.projection().lon0(), lat0 = ws_.projection().lat0();
  world_mesh_ = std::async(std::launch::async, [b, lon0, lat0] {
    // Its own Projection: PROJ objects are not shared between threads.
    const core::Projection proj = core::Projection::laea(lon0, lat0);
    return render::load_or_build_boundary_mesh(*b, proj, {});
  });
}

void Viewer::poll_world_mesh() {
  if (!world_mesh_.valid() || world_mesh_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
  try {
    const render::BoundaryMesh mesh = world_mesh_.get();
    if (make_renderer(mesh, true) && opt_.verbose) std::fprintf(stderr, "driftmap: world boundaries ready\n");
  } catch (const std::exception& e) {
    v_.errors.push_back(file_problem("", std::string("world boundaries: ") + e.what()));
  }
}

}  // namespace driftmap::app
