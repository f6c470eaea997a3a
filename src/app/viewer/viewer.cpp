// The viewer's loop, in the manner of Dear ImGui's examples: set up (startup.cpp), then per frame
// wait for events, let the panels run, draw the map (renderers.cpp) and the interface, swap. Data flows core (the
// workspace) → render::MapRenderer (the map) → ui panels (ImGui), and the panels' requests
// (state::Action) are carried out in actions.cpp, where file I/O is allowed.
#include "app/viewer/viewer.hpp"

#include <epoxy/gl.h>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/commands.hpp"
#include "app/export_runner.hpp"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "ui/panels.hpp"
#include "ui/time_control.hpp"

namespace driftmap::app {

core::Problem file_problem(const std::string& path, const std::string& message) {
  core::Problem p;
  p.file = path;
  p.message = message;
  return p;
}

Viewer::Viewer(ViewerOptions o) : opt_(std::move(o)), style_(viewer_style()) {}

int Viewer::run() {
  if (!start_up()) return kExitFailure;
  build_static_scene();
  if (!apply_start_options()) return kExitFailure;
  if (!opt_.export_test.empty()) export_test_.stage = ExportSelfTest::Stage::Pending;
  screenshot_mode_ = !opt_.screenshot.empty() || export_test_.on();
  int frame = 0;
  last_frame_at_ = Clock::now();
  while (!glfwWindowShouldClose(window_)) {
    if (!wait_for_events(frame)) continue;  // minimised
    frame_panels(frame);
    draw_map();
    ui::map_overlay(v_, scene_);
    ui::drift_overlay(v_, scene_);
    ImGui::Render();
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(window_, &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    bool last_frame = false;
    finish_frame(frame, &last_frame);
    glfwSwapBuffers(window_);
    record_frame_time(frame, frame_start_);
    ++frame;
    if (last_frame) break;
  }
  print_frame_times();
  shut_down();
  return exit_code_;
}

// Waits for input unless something is moving, starts the frame's clock, then sizes the camera to
// the framebuffer; false while the window is minimised.
bool Viewer::wait_for_events(int frame) {
  const bool busy = v_.time.playing || screenshot_mode_ || frame < 5 || dragging_map_ || !inbox_.dropped.empty() ||
                    export_.job || (export_.open && (export_.preview_dirty || preview_pending_)) ||
                    export_redraws_ > 0 || input_redraws_ > 0;
  if (export_redraws_ > 0) --export_redraws_;
  if (input_redraws_ > 0) --input_redraws_;
  const auto wait_start = Clock::now();
  if (busy) {
    glfwPollEvents();
  } else {
    glfwWaitEventsTimeout(0.5);
    // Woken by input: a few frames at once, so that what it opened (a popup, a window, which
    // ImGui lays out over two frames) shows now and not at the next event.
    if (Clock::now() - wait_start < std::chrono::milliseconds(450)) input_redraws_ = 3;
  }
  frame_start_ = Clock::now();
  frame_dt_s_ = std::chrono::duration<double>(frame_start_ - last_frame_at_).count();
  last_frame_at_ = frame_start_;
  int fb_w = 0, fb_h = 0, win_w = 0, win_h = 0;
  glfwGetFramebufferSize(window_, &fb_w, &fb_h);
  glfwGetWindowSize(window_, &win_w, &win_h);
  if (fb_w <= 0 || fb_h <= 0) return false;
  v_.camera.set_viewport(fb_w, fb_h, (win_w > 0 ? double(fb_w) / win_w : 1.0) * ui_scale_);
  return true;
}

// Playback, requests, the scene, input, then every panel; the scene again for what they changed.
void Viewer::frame_panels(int frame) {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  if (!fitted_ && opt_.view.empty() && !opt_.window && opt_.session.empty() && opt_.select_id.empty() &&
      !ws_.story.empty()) {
    // Opened plainly: the story's first chapter, with its panel.
    v_.show_story = true;
    v_.story_chapter = 0;
    v_.request(state::Action::ShowChapter);
    fitted_ = true;
  }
  if (!fitted_) {
    v_.request(opt_.view == "world"    ? state::Action::FitWorld
               : opt_.view == "region" ? state::Action::FitRegion
               : opt_.view == "data"   ? state::Action::FitData
                                       : state::Action::FitHome);
    fitted_ = true;
  }
  ui::advance_playback(v_.time, scene_.extent, frame_dt_s_);
  handle_actions();
  update_file_browser();
  poll_loading();
  if (frame > 0 && !screenshot_mode_) start_world_mesh();  // after the first frame, in the background
  poll_world_mesh();
  update_scene();
  update_hover_and_input();

  ui::menu_bar(v_, scene_);
  ui::sidebar_panel(v_, scene_);
  ui::timeline_panel(v_, scene_);
  ui::details_panel(v_, scene_);
  ui::pick_list_window(v_, scene_);
  ui::about_window(v_, scene_);
  ui::loading_window(v_);
  ui::open_file_window(v_);
  ui::confirm_replace_window(v_);
  ui::errors_window(v_);
  ui::story_panel(v_, scene_);
  if (export_test_.should_start(frame)) start_export_test();
  ui::export_dialog(export_, v_);
  // No tooltip over the spot whose list is open beside it: it would cover the list.
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const bool at_list_spot =
      !v_.pick_list.empty() && std::hypot(mouse.x - v_.pick_list.x, mouse.y - v_.pick_list.y) < 24;
  if (!ImGui::GetIO().WantCaptureMouse && !at_list_spot) {
    if (v_.hovered) ui::hover_tooltip(v_, scene_);
    else if (!v_.hovered_area.empty() || !v_.hovered_list.empty()) ui::region_tooltip(v_, scene_);
  }
  // Keys go to the shortcuts unless a widget (text field) has the keyboard.
  if (!ImGui::GetIO().WantCaptureKeyboard) v_.keys = std::move(inbox_.keys);
  inbox_.keys.clear();
  ui::handle_shortcuts(v_, scene_);
  keep_selection_in_view();
  update_scene();  // panels may have changed the window or filters
  apply_choropleth();
  update_export_dialog();
}

// After drawing, before the swap: the self-tests' last frame saves the window; Ctrl+S saves it.
void Viewer::finish_frame(int frame, bool* last_frame) {
  if (export_test_.finished(export_, frame) && !export_.last_ok) exit_code_ = kExitFailure;
  *last_frame = screenshot_mode_ && frame + 1 >= opt_.frames && export_test_.ready_for_last_frame(frame);
  const bool shot_requested =
      std::find(v_.actions.begin(), v_.actions.end(), state::Action::SaveScreenshot) != v_.actions.end();
  if (*last_frame) {
    glFinish();
    if (!opt_.screenshot.empty() && !save_screenshot(opt_.screenshot)) {
      exit_code_ = kExitFailure;
    } else if (opt_.verbose) {
      int fb_w = 0, fb_h = 0;
      glfwGetFramebufferSize(window_, &fb_w, &fb_h);
      std::fprintf(stderr, "driftmap: saved %s (%dx%d)\n", opt_.screenshot.c_str(), fb_w, fb_h);
    }
  } else if (shot_requested) {
    std::erase(v_.actions, state::Action::SaveScreenshot);
    save_user_screenshot();
  }
}

void Viewer::record_frame_time(int frame, Clock::time_point frame_start) {
  if (frame == 0) {
    glFinish();
    scene_.first_frame_ms = ms_since_process_start(t0_);
    if (opt_.verbose)
      std::fprintf(stderr, "driftmap: first frame on screen %.0f ms after process start\n", scene_.first_frame_ms);
  } else {
    frame_ms_.push_back(ms_since(frame_start));
    scene_.frame_ms = frame_ms_.back();
  }
}

void Viewer::print_frame_times() const {
  if (!opt_.verbose || frame_ms_.empty()) return;
  std::vector<double> sorted = frame_ms_;
  std::sort(sorted.begin(), sorted.end());
  double sum = 0;
  for (double x : frame_ms_) sum += x;
  std::fprintf(stderr, "driftmap: %zu frames after the first: mean %.1f ms, median %.1f ms, max %.1f ms\n",
               frame_ms_.size(), sum / double(frame_ms_.size()), sorted[sorted.size() / 2], sorted.back());
  std::vector<double> map = map_ms_;
  std::sort(map.begin(), map.end());
  if (!map.empty()) std::fprintf(stderr, "driftmap: of which map draw: median %.1f ms\n", map[map.size() / 2]);
}

void Viewer::shut_down() {
  if (world_mesh_.valid()) world_mesh_.wait();
  release_export_dialog(export_);
  renderer_ = nullptr;
  region_renderer_.reset();
  world_renderer_.reset();
  close_window(window_);
}

int run_viewer(int argc, char** argv) {
  ViewerOptions opt;
  if (auto code = parse_viewer_options(argc, argv, &opt)) return *code;
  Viewer viewer(std::move(opt));
  return viewer.run();
}

}  // namespace driftmap::app
