// The Layers list's requests (show or hide a file's incidents, remove a file) and what follows a
// file opened from the window: its months become the time window and the view fits its incidents.
// Hidden and removed rows leave the workspace's active data, so the map, the counts, the
// histogram, search and exports all drop them alike.
#include <algorithm>
#include <filesystem>

#include "app/viewer/viewer.hpp"
#include "core/framing.hpp"
#include "core/timeline.hpp"
#include "ui/time_control.hpp"

namespace driftmap::app {

// The Layers list from the workspace: the bundled incidents first, then each file.
void Viewer::list_layers() {
  v_.layers.clear();
  if (const core::Bundle* b = ws_.bundle()) v_.layers.push_back({"", b->incidents.size(), ws_.bundle_visible()});
  for (const Workspace::LoadedFile& f : ws_.files()) v_.layers.push_back({f.path, f.rows.size(), f.visible});
}

void Viewer::apply_layer_visibility() {
  bool changed = false;
  for (const state::DataLayer& l : v_.layers) changed |= ws_.set_visible(l.path, l.visible);
  if (!changed) return;
  rebuild_dataset();
  size_t shown = 0;
  for (const state::DataLayer& l : v_.layers) shown += l.visible ? l.rows : 0;
  v_.status = "showing " + std::to_string(shown) + " incidents from " +
              std::to_string(std::count_if(v_.layers.begin(), v_.layers.end(), [](auto& l) { return l.visible; })) +
              " of " + std::to_string(v_.layers.size()) + " layers";
}

void Viewer::remove_layer() {
  const std::string path = std::exchange(v_.layer_to_remove, {});
  const Workspace::LoadedFile* f = ws_.find_file(path);
  if (!f) return;
  const size_t rows = f->rows.size();
  ws_.remove_file(path);
  rebuild_dataset();
  v_.status = "removed " + path + " (" + std::to_string(rows) + " incidents) from the map";
}

// A file opened from the window: the time window covers its months (a sliding window of that
// length) and the map fits its incidents' main cluster, so that what was loaded is in sight.
void Viewer::show_loaded_file(const std::string& path) {
  const Workspace::LoadedFile* f = ws_.find_file(path);
  if (!f || f->rows.empty()) return;
  const core::MonthRange months = core::dataset_months(f->rows);
  v_.time.playing = false;
  v_.time.mode = core::WindowMode::Sliding;
  v_.time.window = months;
  v_.time.window_months = std::max(1, months.length_months());
  ui::normalise_window(v_.time, scene_.extent);
  const core::Framing frame = core::frame_incidents(
      core::frame_points(f->rows, months.days(), core::IncidentFilter{}, ws_.boundaries(), nullptr), {.aspect = 0});
  if (frame.from_data) fit_lonlat(frame.frame);
}

}  // namespace driftmap::app
