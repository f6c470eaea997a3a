// The viewer: one window over the workspace's data. Its member functions live in files named
// for their role:
//   viewer.cpp         the frame (sequencing only) and shut-down
//   startup.cpp        the window, the data, the first renderer, the command line's requests
//   renderers.cpp      the region's and the world's map renderers, the map drawn each frame
//   scene_updates.cpp  the panels' scene from the data, window and filters; the choropleth
//   map_view.cpp       the free map rectangle, fitting, panning, zooming, hover and click
//   actions.cpp        the panels' requests: files, sessions, screenshots, the Export dialog
//   file_loading.cpp   reading data files (off the window's thread from the window)
//   data_layers.cpp    the Layers list: show, hide, remove a file; showing a file just opened
// with the pieces that need no viewer in viewer_options, window, workspace, scene_builder,
// picking and self_test.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/viewer/self_test.hpp"
#include "app/viewer/viewer_options.hpp"
#include "app/viewer/window.hpp"
#include "app/viewer/workspace.hpp"
#include "imgui.h"
#include "render/boundary_mesh.hpp"
#include "render/map_renderer.hpp"
#include "state/view_state.hpp"
#include "state/window_counter.hpp"
#include "ui/export_dialog.hpp"
#include "ui/scene.hpp"

namespace driftmap::app {

using Clock = std::chrono::steady_clock;
inline double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// The viewer's map style (renderers.cpp).
render::Style viewer_style();

// In framebuffer pixels.
struct MapRect {
  double left = 0, top = 0, right = 0, bottom = 0;
};

core::Problem file_problem(const std::string& path, const std::string& message);

class Viewer {
 public:
  explicit Viewer(ViewerOptions o);
  int run();

 private:
  // viewer.cpp
  bool wait_for_events(int frame);
  void frame_panels(int frame);
  void finish_frame(int frame, bool* last_frame);
  void record_frame_time(int frame, Clock::time_point frame_start);
  void print_frame_times() const;
  void shut_down();
  // startup.cpp
  bool start_up();
  bool load_base_data();
  bool apply_start_options();
  void select_start_incident();
  // renderers.cpp
  void draw_map();
  bool make_renderer(const render::BoundaryMesh& mesh, bool world);
  void start_world_mesh();
  void poll_world_mesh();
  template <class F>
  void each_renderer(F&& f) {
    if (region_renderer_) f(*region_renderer_);
    if (world_renderer_) f(*world_renderer_);
  }
  // scene_updates.cpp
  void build_static_scene();
  void rebuild_dataset();
  void update_scene();
  void update_region_counts(core::DayInterval w);
  void update_drift(core::DayInterval w);
  void update_matches();
  void apply_choropleth();
  // map_view.cpp
  MapRect free_map_rect() const;
  bool view_inside_region() const;
  void keep_selection_in_view();
  void fit_projected(core::Vec2 lo, core::Vec2 hi);
  void fit_lonlat(const core::GeoBox& box);
  void fit_data();
  void show_chapter();
  void show_incident();
  void fit_world();
  void update_hover_and_input();
  void update_hover(core::Vec2 fb_px, bool can_hover);
  void click_at(core::Vec2 fb_px, float window_x, float window_y);
  // actions.cpp
  void handle_actions();
  void handle_action(state::Action a);
  void open_field_path();
  void update_file_browser();
  // file_loading.cpp
  bool open_data_file(const std::string& path, bool report_success, bool skip_invalid = false);
  bool may_open(const std::string& path);
  bool add_loaded(const std::string& path, core::LoadResult r, double load_ms, bool report_success, bool skip_invalid);
  void start_loading(const std::string& path, bool report_success, bool skip_invalid,
                     const std::string& encoding = {});
  void cancel_loading();
  void poll_loading();
  // data_layers.cpp
  void list_layers();
  void apply_layer_visibility();
  void remove_layer();
  void show_loaded_file(const std::string& path);
  bool load_session(const std::string& path);
  void save_session(const std::string& path, bool confirmed);
  bool save_screenshot(const std::string& path);
  void save_user_screenshot();
  void update_export_dialog();
  bool export_view_changed(const std::pair<core::Vec2, core::Vec2>& box) const;
  void start_export_test();

  ViewerOptions opt_;
  Clock::time_point t0_ = Clock::now();
  GLFWwindow* window_ = nullptr;
  WindowInbox inbox_;
  float ui_scale_ = 1.0f;
  Workspace ws_;
  state::WindowCounter counter_;  // the filter panel's counts without walking the window

  // Two renderers: the region's boundaries (fast to draw) and, once built in the background, the
  // whole world's, used only while the view reaches beyond the region's area of interest.
  std::unique_ptr<render::MapRenderer> region_renderer_, world_renderer_;
  render::MapRenderer* renderer_ = nullptr;  // the one drawing this frame
  render::Style style_;
  std::optional<render::BoundaryMesh> initial_mesh_;  // built by the loader thread
  std::future<render::BoundaryMesh> world_mesh_;
  bool world_boundaries_ = false;

  state::ViewState v_;
  ui::Scene scene_;

  // What the scene and renderer were last updated for, to avoid work on unchanged frames.
  core::MonthRange scene_window_{-1, -1};
  state::Filters scene_filters_;
  bool scene_dirty_ = true;
  std::vector<uint8_t> visibility_;
  bool scene_region_counts_ = false;
  // A file being read on a worker thread, and the files waiting their turn.
  struct PendingLoad {
    std::string path;
    bool report_success = true, skip_invalid = false;
    std::shared_ptr<std::atomic<bool>> cancel;
    std::future<core::LoadResult> result;
    Clock::time_point started;
  };
  struct QueuedLoad {
    std::string path;
    bool report_success = true, skip_invalid = false;
    std::string encoding;
  };
  std::optional<PendingLoad> pending_load_;
  std::deque<QueuedLoad> load_queue_;
  // The drift layer: its steps over all loaded rows, kept until the data or the period changes.
  std::optional<core::DriftPeriod> scene_drift_;  // what the scene's drift shows (nullopt: off)
  std::vector<core::DriftStep> drift_steps_;
  std::optional<core::DriftPeriod> drift_steps_by_;
  uint64_t scene_version_ = 0;
  size_t shown_all_ = 0;  // rows passing the filters at any time
  std::optional<std::vector<const void*>> choropleth_key_;  // the figures the fills show
  // Hover is recomputed only when the cursor, the camera or the scene changed.
  struct HoverKey {
    float mouse_x = -1, mouse_y = -1;
    double mpp = 0, cx = 0, cy = 0;
    uint64_t scene_version = UINT64_MAX;
    bool operator==(const HoverKey&) const = default;
  };
  HoverKey hover_key_;
  bool dragging_map_ = false;
  ImVec2 press_pos_{};
  std::optional<uint32_t> shown_selection_;  // the selection keep_selection_in_view() last saw
  bool fitted_ = false;                      // the start view (--view or a session's) is set

  // The Export dialog (File → Export…, Ctrl+E): its preview and exports render offscreen in this
  // window's GL context through render::MapExporter, like `driftmap export`.
  ui::ExportDialogState export_;
  Clock::time_point preview_at_{};  // last change the preview has not caught up with
  bool preview_pending_ = false;
  int export_redraws_ = 0;
  int input_redraws_ = 0;  // frames still to draw promptly after input
  uint64_t export_seen_version_ = UINT64_MAX;  // the scene and CTC toggle the dialog last saw
  bool export_seen_ctc_ = false;
  ExportSelfTest export_test_;
  bool screenshot_mode_ = false;
  int exit_code_ = 0;

  // The frame's clock (playback advances by frame_dt_s_), and frame times for --verbose.
  Clock::time_point last_frame_at_, frame_start_;
  double frame_dt_s_ = 0;
  std::vector<double> frame_ms_, map_ms_;
};

}  // namespace driftmap::app
