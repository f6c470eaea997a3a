// Opening data files: at start-up and from sessions in one go (the view waits for them); from
// File → Open, the load report's "load the valid rows" and dropped files on a worker thread, so
// that the window stays responsive and the load can be cancelled. A file joins what is loaded only
// when it was read whole; a refused or cancelled file changes nothing.
#include <epoxy/gl.h>  // before GLFW's GL header

#include <GLFW/glfw3.h>

#include <chrono>
#include <cstdio>

#include "app/viewer/viewer.hpp"
#include "core/incident_loader.hpp"
#include "core/input/text_encoding.hpp"
#include "state/load_report.hpp"
#include "ui/recent_files.hpp"

namespace driftmap::app {

// Every way a file is opened (command line, File → Open, Open recent, drag and drop, sessions)
// comes here. A refused file changes nothing that is loaded; its report offers to load the
// valid rows (skip_invalid), which then lists what was skipped.
bool Viewer::open_data_file(const std::string& path, bool report_success, bool skip_invalid) {
  if (!may_open(path)) return false;
  core::LoadOptions options = ws_.import().options();
  options.skip_invalid = skip_invalid;
  const auto tl = Clock::now();
  core::LoadResult r = core::load_incidents(path, options);
  return add_loaded(path, std::move(r), std::chrono::duration<double, std::milli>(Clock::now() - tl).count(),
                    report_success, skip_invalid);
}

bool Viewer::may_open(const std::string& path) {
  if (!core::is_network_path(path)) return true;
  v_.errors.push_back(file_problem(path, "network paths are not opened; download the file first"));
  return false;
}

// A read file joins what is loaded (or its refusal is reported); nothing loaded is lost either way.
bool Viewer::add_loaded(const std::string& path, core::LoadResult r, double load_ms, bool report_success,
                        bool skip_invalid) {
  state::LoadReport report = state::make_load_report(path, r, skip_invalid);
  const size_t notes = report.notes.size();
  state::add_load_report(v_, std::move(report));
  if (!r.ok()) {
    v_.status = "could not open " + path;
    if (opt_.verbose)
      for (const auto& p : r.problems.items) std::fprintf(stderr, "driftmap: %s\n", p.to_string().c_str());
    return false;
  }
  r.dataset->path = path;
  const size_t rows = r.dataset->size();
  const auto tm = Clock::now();
  const bool replaced = ws_.add_dataset(std::move(*r.dataset));
  rebuild_dataset();
  if (opt_.verbose)
    std::fprintf(stderr, "driftmap: %s: %zu incidents, loaded in %.0f ms, added to the map in %.0f ms\n",
                 path.c_str(), rows, load_ms, std::chrono::duration<double, std::milli>(Clock::now() - tm).count());
  ui::remember_recent_file(v_.recent_files, path);
  std::string error;
  if (!ui::write_recent_files(ui::recent_files_path(), v_.recent_files, &error) && opt_.verbose)
    std::fprintf(stderr, "driftmap: recent files not saved: %s\n", error.c_str());
  if (report_success) {
    v_.status = replaced ? "read again: " + path + ", " + std::to_string(rows) + " incidents in place of its earlier rows"
                         : "added " + std::to_string(rows) + " incidents from " + path;
    if (r.rows_skipped) v_.status += ", skipped " + std::to_string(r.rows_skipped) + " invalid rows";
    if (notes) v_.status += " (" + std::to_string(notes) + " placed by name: see notes)";
  }
  return true;
}

void Viewer::start_loading(const std::string& path, bool report_success, bool skip_invalid,
                           const std::string& encoding) {
  if (pending_load_) {  // one at a time: the next waits its turn
    load_queue_.push_back({path, report_success, skip_invalid, encoding});
    return;
  }
  if (!may_open(path)) return;
  if (!encoding.empty() && !core::is_known_encoding(encoding)) {
    v_.errors.push_back(file_problem(path, "not opened: the text encoding \"" + encoding +
                                               "\" is not one iconv knows (see `iconv --list`)"));
    return;
  }
  PendingLoad& p = pending_load_.emplace();
  p.path = path;
  p.report_success = report_success;
  p.skip_invalid = skip_invalid;
  p.cancel = std::make_shared<std::atomic<bool>>(false);
  p.started = Clock::now();
  core::LoadOptions options = ws_.import().options();
  options.skip_invalid = skip_invalid;
  options.encoding = encoding;
  options.cancel = p.cancel.get();
  // The worker owns its copies; the flag lives as long as either side holds it.
  p.result = std::async(std::launch::async, [path, options, cancel = p.cancel] {
    core::LoadResult r = core::load_incidents(path, options);
    glfwPostEmptyEvent();  // wake the window: the result is ready
    return r;
  });
  v_.loading = state::ViewState::Loading{path, 0.0, false};
}

void Viewer::cancel_loading() {
  load_queue_.clear();
  if (!pending_load_) return;
  pending_load_->cancel->store(true);
  if (v_.loading) v_.loading->cancelling = true;
}

// Each frame: the worker's result when it is ready, else the seconds it has taken so far.
void Viewer::poll_loading() {
  if (!pending_load_) return;
  PendingLoad& p = *pending_load_;
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - p.started).count();
  if (p.result.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
    if (v_.loading) v_.loading->seconds = ms / 1000.0;
    return;
  }
  core::LoadResult r = p.result.get();
  const bool cancelled = p.cancel->load();
  PendingLoad done = std::move(p);
  pending_load_.reset();
  v_.loading.reset();
  if (cancelled) v_.status = "cancelled: " + done.path + " was not loaded; nothing changed";
  else if (add_loaded(done.path, std::move(r), ms, done.report_success, done.skip_invalid)) show_loaded_file(done.path);
  if (!load_queue_.empty()) {
    const QueuedLoad next = load_queue_.front();
    load_queue_.pop_front();
    start_loading(next.path, next.report_success, next.skip_invalid, next.encoding);
  }
}

}  // namespace driftmap::app
