// Everything the viewer's panels read and write, as one plain struct: camera, time window,
// filters, layer toggles, selection. Panels are functions over it; the app loop renders from it;
// the session file saves and restores the durable part of it.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/drift.hpp"
#include "core/camera.hpp"
#include "core/incident.hpp"
#include "core/problem.hpp"
#include "core/timeline.hpp"
#include "state/file_browser.hpp"
#include "state/load_report.hpp"

namespace driftmap::state {

struct Filters {
  std::array<bool, core::kEventTypeCount> types{true, true, true, true, true, true, true};
  std::string country;  // ISO alpha-3; empty = every country
  int killed_min = 0;   // 0 = no minimum (unknown tolls pass only when 0)
  std::string search;   // case-insensitive substring of place or summary
  bool operator==(const Filters&) const = default;
};

struct TimeState {
  core::WindowMode mode = core::WindowMode::Sliding;
  int32_t window_months = 12;  // sliding-window length (1, 3, 6, 12 or custom)
  core::MonthRange window;     // current window, always inside the data's months
  core::StepSize step = core::StepSize::Month;
  bool playing = false;
  bool loop = true;
  float steps_per_second = 2.0f;
  double play_accum_s = 0;     // time since the last playback step
  // Range-slider drag in progress: 0 none, 1 start handle, 2 end handle, 3 body.
  int drag = 0;
  core::MonthIndex drag_grab_month = 0;  // month under the cursor when the body drag began
  core::MonthRange drag_start_window;
};

// A request a panel makes that the app loop carries out (panels do no I/O).
enum class Action : uint8_t {
  None, FitData, FitHome, FitRegion, FitWorld, OpenFile, SaveScreenshot, SaveSession, LoadSession, Quit,
  CancelLoad,     // stop the file being read (nothing loaded changes)
  LoadValidRows,  // reload reload_path skipping its invalid rows
  OpenExport,     // the Export dialog (File → Export…, Ctrl+E)
  ReplaceSession, // the user agreed to replace confirm_replace_path with this session
  ShowChapter,    // the story's chapter story_chapter: its time window and frame
  ShowIncident,   // show_row: the window moves to hold it, it is selected and panned to
  LayersShown,    // a layer's visible flag in layers changed: the map, counts and search follow
  RemoveLayer,    // layer_to_remove: its rows leave what is loaded
};

// One entry of the Layers list: the bundled incidents or a file the user opened.
struct DataLayer {
  std::string path;  // empty for the bundled incidents
  size_t rows = 0;
  bool visible = true;
  bool bundled() const { return path.empty(); }
};

// A key press (or auto-repeat) as GLFW reported it: GLFW_KEY_* code and GLFW_MOD_* bits.
struct KeyPress {
  int key = 0;
  int mods = 0;
  bool repeat = false;
};

// How the map shows incidents: one mark each, or a density grid (counts per screen cell) that
// costs the same at any number of points; automatic switches above render::DrawParams'
// default threshold (a density grid draws ten million incidents at slider speed).
enum class PointsAs { Automatic, Marks, Density };

// Incidents a click found together, listed for the user to choose from: every incident of a
// stack (one place), or a province's or country's area-level incidents in the window.
struct PickList {
  std::string title;           // "Nangarhar: province-level incidents in the window"
  std::vector<uint32_t> rows;  // dataset rows, by date
  float x = 0, y = 0;          // where the click was, in window pixels (the list opens beside it)
  bool placed = false;         // the list window has been put beside the click
  bool empty() const { return rows.empty(); }
};

struct ViewState {
  core::Camera camera;
  TimeState time;
  Filters filters;

  bool show_ctc_shift = true;      // region groups coloured by CTC Sentinel's reported shares
  bool show_region_counts = false; // the dataset's own incidents per region group in the window
  bool show_labels = true;
  bool show_drift = false;         // the drift of the incidents' centre (View → Drift of the centre)
  core::DriftPeriod drift_by = core::DriftPeriod::Year;
  PointsAs points_as = PointsAs::Automatic;
  bool show_timeline = true;
  bool show_filters = true;
  bool show_legend = true;
  bool show_about = false;
  bool show_shortcuts = false;  // Help → Keyboard shortcuts (F1)
  bool show_open_dialog = false;
  bool show_story = false;         // the Story panel (View → Story, PgUp/PgDn)
  size_t story_chapter = 0;        // index into the story's chapters the panel shows

  std::optional<uint32_t> hovered;   // dataset row under the cursor
  std::optional<uint32_t> selected;  // dataset row in the details panel
  std::optional<uint32_t> show_row;  // Action::ShowIncident (a search match, maybe outside the window)
  std::string hovered_area;              // province under the cursor (when no point is)
  std::vector<size_t> hovered_regions;   // bundle regions that province belongs to
  PickList hovered_list;  // a stack or an area's incidents under the cursor (the tooltip names them)
  PickList pick_list;     // what the last click found, when more than one incident or an area

  std::string open_path;                 // File → Open: the data file field
  std::string open_encoding;             // and its text encoding (an iconv name; empty: detect)
  FileBrowser browser;                   // File → Open: the folder listed under the field
  std::vector<std::string> recent_files; // most recent first
  // The session this window last loaded or saved (only ever a session's path, never a data
  // file's); File → Save session writes here without asking.
  std::string session_path;
  std::string session_field;             // File → Open: the session file field (Save/Load use it)
  std::string confirm_replace_path;      // an existing session a save would replace: asks first
  std::vector<DataLayer> layers;         // the bundled data first, then each file opened
  std::string layer_to_remove;           // Action::RemoveLayer
  size_t user_layers_listed = 0;         // files the sidebar's Data layers last listed (it opens on a new one)
  std::string screenshot_dir;            // where Ctrl+S writes (shown in the File menu)
  std::vector<core::Problem> errors;     // shown in a dismissible list
  std::vector<LoadReport> load_reports;  // per file opened: refusals, skipped rows, warnings, notes
  bool show_problems = false;            // the Problems window (also open while errors is non-empty)
  std::string reload_path;               // Action::LoadValidRows
  std::string status;                    // one line in the status bar ("saved shot.png")
  // The file being read on a worker thread, shown with its time and a Cancel button.
  struct Loading {
    std::string path;
    double seconds = 0;
    bool cancelling = false;
  };
  std::optional<Loading> loading;

  std::vector<Action> actions;  // requests for the app loop, drained every frame
  std::vector<KeyPress> keys;   // key presses since the last frame, for the shortcuts
  void request(Action a) { actions.push_back(a); }
};

}  // namespace driftmap::state
