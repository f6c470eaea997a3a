// Start-up: the window opens while the boundaries and the bundle load on another thread, then
// the first renderer, the command line's files, session, time window and selection.
#include <epoxy/gl.h>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdio>

#include "app/viewer/viewer.hpp"
#include "render/mesh_cache.hpp"
#include "ui/recent_files.hpp"
#include "ui/time_control.hpp"

namespace driftmap::app {

// Reading the boundaries and the bundle (GDAL, no GL) overlaps with opening the window.
bool Viewer::start_up() {
  auto loaded = std::async(std::launch::async, [this] { return load_base_data(); });
  const auto tw = Clock::now();
  window_ = open_window(opt_.width, opt_.height, !opt_.screenshot.empty(), &inbox_);
  if (window_) ui_scale_ = setup_imgui(window_);
  if (opt_.verbose) std::fprintf(stderr, "driftmap: window and UI set up in %.0f ms\n", ms_since(tw));
  if (!loaded.get() || !window_) {
    if (window_) close_window(window_);
    return false;
  }
  const auto tr = Clock::now();
  if (!initial_mesh_)
    initial_mesh_ = render::load_or_build_boundary_mesh(ws_.boundaries(), ws_.projection(),
                                                        {ws_.initial_area_of_interest(), 0});
  const bool renderer_ok = make_renderer(*initial_mesh_, false);
  initial_mesh_.reset();
  if (!renderer_ok) return false;
  if (opt_.verbose) std::fprintf(stderr, "driftmap: renderer set up in %.0f ms\n", ms_since(tr));
  for (const auto& p : ws_.startup_problems.items) v_.errors.push_back(p);
  v_.recent_files = ui::read_recent_files(ui::recent_files_path());
  v_.screenshot_dir = default_screenshot_dir();
  ws_.index_active();
  rebuild_dataset();
  for (const std::string& f : opt_.files) open_data_file(f, true);
  return true;
}

bool Viewer::load_base_data() {
  const auto t = Clock::now();
  if (!ws_.load_boundaries()) return false;
  const double boundaries_ms = ms_since(t);
  const auto tm = Clock::now();
  initial_mesh_ = render::load_or_build_boundary_mesh(ws_.boundaries(), ws_.projection(),
                                                      {ws_.initial_area_of_interest(), 0});
  const double mesh_ms = ms_since(tm);
  const auto tb = Clock::now();
  ws_.load_bundle(opt_.verbose);
  if (opt_.verbose)
    std::fprintf(stderr, "driftmap: boundaries %.0f ms, region mesh %.0f ms, bundle %.0f ms (%zu incidents)\n",
                 boundaries_ms, mesh_ms, ms_since(tb), ws_.bundle() ? ws_.bundle()->incidents.size() : size_t{0});
  return true;
}

// The session, --from/--to and --select, over the initial view; false when a screenshot cannot
// show what was asked for.
bool Viewer::apply_start_options() {
  int fb_w = 0, fb_h = 0, win_w = 0, win_h = 0;
  glfwGetFramebufferSize(window_, &fb_w, &fb_h);
  glfwGetWindowSize(window_, &win_w, &win_h);
  v_.camera.set_viewport(fb_w, fb_h, (win_w > 0 ? double(fb_w) / win_w : 1.0) * ui_scale_);
  v_.time.window = {};
  ui::normalise_window(v_.time, scene_.extent);
  if (!opt_.session.empty()) {
    const double mpp_before = v_.camera.metres_per_px();
    const core::Vec2 centre_before = v_.camera.centre_m();
    if (!load_session(opt_.session)) {
      for (const auto& p : v_.errors) std::fprintf(stderr, "driftmap: %s\n", p.to_string().c_str());
      if (!opt_.screenshot.empty()) return false;
    } else {
      // A session without a [view] keeps the initial fit.
      fitted_ = v_.camera.metres_per_px() != mpp_before || v_.camera.centre_m().x != centre_before.x ||
                v_.camera.centre_m().y != centre_before.y;
    }
  }
  if (opt_.window) {
    v_.time.window = core::MonthRange{std::max(opt_.window->start_month, scene_.extent.start_month),
                                      std::min(opt_.window->end_month, scene_.extent.end_month)};
    if (v_.time.window.length_months() <= 0)
      v_.time.window = opt_.window->length_months() > 0 ? *opt_.window : v_.time.window;
    v_.time.window_months = std::max(1, v_.time.window.length_months());
    ui::normalise_window(v_.time, scene_.extent);
  }
  if (opt_.select_id.empty()) return true;
  select_start_incident();
  return v_.selected || opt_.screenshot.empty();
}

// --select: the incident's details open, in a window that ends with it (unless --from/--to).
void Viewer::select_start_incident() {
  const core::Dataset& d = ws_.active();
  for (size_t i = 0; i < d.size(); ++i)
    if (d.id(i) == opt_.select_id) v_.selected = static_cast<uint32_t>(i);
  if (!v_.selected) {
    std::fprintf(stderr, "driftmap: --select: no incident has the id \"%s\"\n", opt_.select_id.c_str());
  } else if (!opt_.window) {
    const core::MonthRange m = core::months_covering(d.interval(*v_.selected));
    v_.time.window = {m.end_month - v_.time.window.length_months(), m.end_month};
    ui::normalise_window(v_.time, scene_.extent);
  }
}

}  // namespace driftmap::app
