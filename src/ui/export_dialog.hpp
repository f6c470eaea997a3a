// The viewer's Export dialog: size presets, format (the rows of output::output_formats()), the
// layout toggles, a live preview of the frame and progress for animations. The panel itself is
// a function over plain state (no GL, no file I/O); the app loop carries out its requests with
// the helpers below, which use render::MapExporter and the same writers as `driftmap export` /
// `driftmap animate`, so the dialog and the CLI give the same bytes for the same options.
// Animations are rendered a few frames per GUI frame (step_export), in the window's GL context,
// so the window stays responsive and Cancel works.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/timeline.hpp"
#include "output/output_format.hpp"
#include "render/map_export.hpp"
#include "ui/state.hpp"

namespace driftmap::ui {

enum class ExportSize : int { HD = 0, UHD, A4, A3, A4Landscape, A3Landscape, Custom };
struct AnimationJob;  // app/export_runner.cpp: the exporter, the writer and the frame windows

struct ExportDialogState {
  bool open = false;
  ExportSize size = ExportSize::HD;
  int custom_w = 1920, custom_h = 1080;
  int dpi = 300;  // paper presets; pixel presets use the default (96 at 1080p, scaled)
  size_t format = 0;  // index into output::output_formats()
  std::string path = "driftmap-export.png";
  std::string title, subtitle;
  bool legend = true, scalebar = true, north_arrow = false, transparent = false, dark = false;
  // Stills: "2020,2022,2024" writes a sheet of panels, one per period (the syntax of --panels).
  std::string panels;

  // Animation: the timeline's stepping over the data's months (defaults: the timeline's mode).
  core::StepSize step = core::StepSize::Month;
  core::WindowMode mode = core::WindowMode::Sliding;
  int window_months = 12;
  float fps = 4;
  // The animation's first and last periods as --from/--to take them ("2021-09"); empty: the data's.
  std::string from, to;

  // Set by the app loop every frame: the data's months and the part of the map the window shows
  // (projected rectangle, viewer's projection; unset = the camera's centre and scale).
  core::MonthRange extent;
  std::optional<std::pair<core::Vec2, core::Vec2>> view_box_m;

  // Requests for the app loop, and what it reports back.
  bool export_requested = false;
  bool preview_dirty = true;     // options changed: re-render the preview
  unsigned preview_texture = 0;  // GL texture name the app loop owns (0 = none yet)
  int preview_w = 0, preview_h = 0;
  float progress = -1;           // 0..1 while an export runs, -1 otherwise
  size_t frames_done = 0, frames_total = 0;
  bool cancel_requested = false;
  bool last_ok = false;          // the last export finished and wrote its file
  std::string status;            // last result ("wrote map.png" or the error)
  std::shared_ptr<AnimationJob> job;  // an animation in progress
};

// Opens the dialog with the timeline's current stepping as the animation's defaults.
void open_export_dialog(ExportDialogState& d, const ViewState& v);

// The dialog's format (a row of the table of outputs).
const output::OutputFormat& export_format(const ExportDialogState& d);
inline bool is_animation(const ExportDialogState& d) { return export_format(d).kind == output::OutputKind::Animation; }
// Chooses the format whose extension the path has (the path is kept); false when none does.
bool choose_export_format(ExportDialogState& d, const std::string& path);

// Pixel size and dpi (0 = default) for the dialog's choice.
void export_size_px(const ExportDialogState& d, int* width_px, int* height_px, double* dpi);

// The settings the CLI would build from the same options, with the viewer's view, time filters
// and layers (the shown map area in the viewer's projection, type/toll filters, CTC view).
render::ExportSettings export_settings(const ExportDialogState& d, const ViewState& v);

// The periods of the Panels field (empty: one map). False with *error naming the bad item, or
// when the format holds one map.
bool export_panels(const ExportDialogState& d, std::vector<core::DayInterval>* periods, std::string* error);

// The months an animation covers: From/To over the data's months (d.extent). Nullopt with
// *error naming the field when one is not a date or To is before From.
std::optional<core::MonthRange> export_months(const ExportDialogState& d, std::string* error);

// The windows an animation's frames show (the timeline's stepping over export_months; none when
// From/To are invalid).
std::vector<core::MonthRange> export_windows(const ExportDialogState& d);

// The panel (ImGui window). Marks preview_dirty when an option changes.
void export_dialog(ExportDialogState& d, ViewState& v);


}  // namespace driftmap::ui
