// The viewer's Export dialog (issue 5): size presets, format, the layout toggles, a live preview
// of the frame and progress for animations. The panel itself is a function over plain state
// (no GL, no file I/O); the app loop carries out its requests with the helpers below, which use
// render::MapExporter and the same writers as `driftmap export`, so the dialog and the CLI give
// the same bytes for the same options.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "render/map_export.hpp"
#include "ui/view_state.hpp"

namespace driftmap::ui {

enum class ExportSize : int { HD = 0, UHD, A4, A3, A4Landscape, A3Landscape, Custom };
enum class ExportKind : int { Png = 0, GeoTiff, Svg };

struct ExportDialogState {
  bool open = false;
  ExportSize size = ExportSize::HD;
  int custom_w = 1920, custom_h = 1080;
  int dpi = 300;  // paper presets (and custom when > 0 is wanted); pixel presets use the default
  ExportKind kind = ExportKind::Png;
  std::string path = "driftmap-export.png";
  std::string title, subtitle;
  bool legend = true, scalebar = true, north_arrow = false, transparent = false, dark = false;

  // Requests for the app loop, and what it reports back.
  bool export_requested = false;
  bool preview_dirty = true;     // options changed: re-render the preview
  unsigned preview_texture = 0;  // GL texture name the app loop owns (0 = none yet)
  int preview_w = 0, preview_h = 0;
  float progress = -1;           // 0..1 while an export runs, -1 otherwise
  bool cancel_requested = false;
  std::string status;            // last result ("wrote map.png" or the error)
};

// Pixel size and dpi (0 = default) for the dialog's choice.
void export_size_px(const ExportDialogState& d, int* width_px, int* height_px, double* dpi);

// The settings the CLI would build from the same options, with the viewer's view, time filters
// and layers (camera centre and scale in the viewer's projection, type/toll filters, CTC view).
render::ExportSettings export_settings(const ExportDialogState& d, const ViewState& v);

// The panel (ImGui window). Marks preview_dirty when an option changes.
void export_dialog(ExportDialogState& d, ViewState& v);

// Carried out by the app loop (a GL context current): renders a small preview of the frame into
// d.preview_texture (created when 0), and writes the export. Return false with d.status set on
// failure; nothing is left at the target then.
bool render_export_preview(ExportDialogState& d, const ViewState& v, const render::ExportData& data,
                           const std::vector<uint8_t>& visible);
bool run_export(ExportDialogState& d, const ViewState& v, const render::ExportData& data,
                const std::vector<uint8_t>& visible);

}  // namespace driftmap::ui
