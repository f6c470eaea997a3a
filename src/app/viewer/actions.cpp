// The panels' requests, carried out where file I/O is allowed: opening data files, sessions,
// screenshots, fitting the view, and the Export dialog's exports and previews.
#include <epoxy/gl.h>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include "app/export_runner.hpp"
#include "app/viewer/viewer.hpp"
#include "core/incident_loader.hpp"
#include "state/load_report.hpp"
#include "state/session.hpp"
#include "ui/recent_files.hpp"
#include "ui/time_control.hpp"

namespace driftmap::app {

void Viewer::handle_actions() {
  for (const std::string& f : inbox_.dropped) {
    if (f.size() > 4 && (f.ends_with(".ini") || f.ends_with(".session"))) load_session(f);
    else start_loading(f, true, false);
  }
  inbox_.dropped.clear();
  std::vector<state::Action> actions;
  actions.swap(v_.actions);
  for (state::Action a : actions) handle_action(a);
}

void Viewer::handle_action(state::Action a) {
  switch (a) {
    case state::Action::None: break;
    case state::Action::FitData: fit_data(); break;
    case state::Action::FitHome: fit_lonlat(ws_.home_box); break;
    case state::Action::ShowChapter: show_chapter(); break;
    case state::Action::ShowIncident: show_incident(); break;
    case state::Action::FitRegion: fit_lonlat(ws_.region_box); break;
    case state::Action::FitWorld: fit_world(); break;
    case state::Action::OpenFile: open_field_path(); break;
    case state::Action::SaveScreenshot: break;  // after rendering, see Viewer::finish_frame
    case state::Action::SaveSession: save_session(v_.session_field, false); break;
    case state::Action::ReplaceSession:
      save_session(v_.confirm_replace_path, true);
      v_.confirm_replace_path.clear();
      break;
    case state::Action::LoadSession:
      if (!v_.session_field.empty()) load_session(v_.session_field);
      break;
    case state::Action::Quit: glfwSetWindowShouldClose(window_, GLFW_TRUE); break;
    case state::Action::OpenExport: ui::open_export_dialog(export_, v_); break;
    case state::Action::CancelLoad: cancel_loading(); break;
    case state::Action::LayersShown: apply_layer_visibility(); break;
    case state::Action::RemoveLayer: remove_layer(); break;
    case state::Action::LoadValidRows:
      if (!v_.reload_path.empty()) start_loading(v_.reload_path, true, true);
      break;
  }
}

// File → Open's field: a folder's path is browsed (the dialog stays open), anything else loaded.
void Viewer::open_field_path() {
  if (v_.open_path.empty()) return;
  std::error_code ec;
  if (std::filesystem::is_directory(v_.open_path, ec)) {
    state::browse_to(v_.browser, v_.open_path);
    v_.show_open_dialog = true;
    return;
  }
  start_loading(v_.open_path, true, false, v_.open_encoding);
}

namespace {
// The browser's first folder: the field's (or its file's), else the last file opened's, else the
// working folder.
std::string first_folder(const state::ViewState& v) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const std::string& f : {v.open_path, v.recent_files.empty() ? std::string() : v.recent_files.front()}) {
    if (f.empty()) continue;
    const fs::path p(f);
    if (fs::is_directory(p, ec)) return f;
    if (!p.parent_path().empty() && fs::is_directory(p.parent_path(), ec)) return p.parent_path().string();
  }
  const fs::path cwd = fs::current_path(ec);
  return ec ? std::string("/") : cwd.string();
}
}  // namespace

// File → Open's browser lists its folder when the folder or the filter changed or the dialog
// opened again (the disk may have changed meanwhile).
void Viewer::update_file_browser() {
  if (!v_.show_open_dialog) return;
  state::FileBrowser& b = v_.browser;
  if (b.folder.empty()) state::browse_to(b, first_folder(v_));
  if (b.needs_listing()) state::set_listing(b, state::list_folder(b.folder, b.filter));
}

bool Viewer::load_session(const std::string& path) {
  core::Problems problems;
  auto s = state::read_session_file(path, &problems);
  if (!s) {
    for (auto& p : problems.items) v_.errors.push_back(p);
    v_.status = "could not load session " + path;
    return false;
  }
  for (const std::string& f : s->data_files)
    if (!ws_.has_extra(f)) open_data_file(f, false);
  state::apply_session(*s, v_);
  ui::normalise_window(v_.time, scene_.extent);
  v_.session_path = path;
  v_.status = "session " + path;
  scene_dirty_ = true;
  return true;
}

// A session replaces only an earlier session, and one other than this window's own only after the
// user agreed (confirmed); a data file or anything else under that name is never touched.
void Viewer::save_session(const std::string& path, bool confirmed) {
  if (path.empty()) {
    v_.status = "session not saved: no file name given";
    return;
  }
  std::string why;
  switch (state::session_target(path, &why)) {
    case state::SessionTarget::NotSession:
      v_.errors.push_back(file_problem(path, "not replaced with a session: " + why));
      v_.status = "session not saved: " + path + " kept as it is (" + why + ")";
      return;
    case state::SessionTarget::Session:
      if (!confirmed && path != v_.session_path) {
        v_.confirm_replace_path = path;
        return;
      }
      break;
    case state::SessionTarget::New: break;
  }
  core::Problems problems;
  if (state::write_session_file(path, state::capture_session(v_, ws_.extra_paths()), &problems)) {
    v_.session_path = path;
    v_.status = "saved session " + path;
  } else {
    for (auto& p : problems.items) v_.errors.push_back(p);
  }
}

bool Viewer::save_screenshot(const std::string& path) {
  std::string error;
  if (!save_window_png(window_, path, &error)) {
    v_.errors.push_back(file_problem(path, error));
    std::fprintf(stderr, "driftmap: %s\n", error.c_str());
    return false;
  }
  v_.status = "saved " + path;
  return true;
}

// Ctrl+S: a time-stamped PNG in the folder the File menu shows; the status line gives its path.
void Viewer::save_user_screenshot() {
  std::error_code ec;
  if (!std::filesystem::is_directory(v_.screenshot_dir, ec)) {
    v_.errors.push_back(file_problem(v_.screenshot_dir, "screenshot not saved: the folder does not exist"));
    v_.status = "screenshot not saved: no folder " + v_.screenshot_dir;
    return;
  }
  char name[64];
  const std::time_t now = std::time(nullptr);
  std::strftime(name, sizeof name, "driftmap-%Y%m%d-%H%M%S.png", std::localtime(&now));
  const std::string path = (std::filesystem::path(v_.screenshot_dir) / name).string();
  if (save_screenshot(path)) v_.status = "saved screenshot " + path;
}

// Every frame: the dialog's view of the data (the map area the window shows, the data's months),
// then its requests — an export, a preview (at most ~4 a second while options change) and the
// next few frames of a running animation (about 30 ms a frame, so the window stays responsive).
void Viewer::update_export_dialog() {
  if (!export_.open && !export_.job && !export_.export_requested) return;
  const MapRect rect = free_map_rect();
  const core::Vec2 a = v_.camera.screen_to_world({rect.left, rect.top});
  const core::Vec2 b = v_.camera.screen_to_world({rect.right, rect.bottom});
  const std::pair<core::Vec2, core::Vec2> box{{std::min(a.x, b.x), std::min(a.y, b.y)},
                                              {std::max(a.x, b.x), std::max(a.y, b.y)}};
  // The view, window or filters moved: the preview follows once they have been still for a
  // moment (building a preview costs a few hundred ms; not while panning or typing).
  const auto now = Clock::now();
  if (export_.open && export_view_changed(box)) {
    preview_pending_ = true;
    preview_at_ = now;
    export_.preview_dirty = false;
  }
  export_seen_version_ = scene_version_;
  export_seen_ctc_ = v_.show_ctc_shift;
  export_.view_box_m = box;
  export_.extent = scene_.extent;
  render::ExportData data{&ws_.boundaries(), &ws_.active(), &ws_.areas(), ws_.bundle()};
  data.viewer_projection_centre_deg = core::Vec2{ws_.projection().lon0(), ws_.projection().lat0()};
  if (export_.export_requested) run_export(export_, v_, data, visibility_);
  if (export_.job) step_export(export_, 30);
  if (export_.open && preview_pending_ && !export_.job && now - preview_at_ > std::chrono::milliseconds(300)) {
    preview_pending_ = false;
    const auto tp = Clock::now();
    render_export_preview(export_, v_, data, visibility_);
    export_redraws_ = 3;  // the dialog fits its height to the new preview over the next frames
    if (opt_.verbose)
      std::fprintf(stderr, "driftmap: export preview in %.0f ms\n",
                   std::chrono::duration<double, std::milli>(Clock::now() - tp).count());
  }
}


bool Viewer::export_view_changed(const std::pair<core::Vec2, core::Vec2>& box) const {
  const auto& seen = export_.view_box_m;
  return export_.preview_dirty || !seen || seen->first.x != box.first.x || seen->first.y != box.first.y ||
         seen->second.x != box.second.x || seen->second.y != box.second.y || scene_version_ != export_seen_version_ ||
         export_seen_ctc_ != v_.show_ctc_shift;
}

// --export-dialog-test: the dialog opened as Ctrl+E opens it, its options set as a user would.
void Viewer::start_export_test() {
  v_.request(state::Action::OpenExport);
  handle_actions();
  if (!ui::choose_export_format(export_, opt_.export_test))
    export_.path = opt_.export_test;  // no format has its extension: the dialog reports the mismatch
  set_export_size(export_, opt_.export_test_size);
  export_.export_requested = true;
  export_test_.stage = ExportSelfTest::Stage::Running;
}

}  // namespace driftmap::app
