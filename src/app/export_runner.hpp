// The app-loop side of the Export dialog (see ui/export_dialog.hpp): GL work the panel asks for.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "render/map_export.hpp"
#include "ui/export_dialog.hpp"

namespace driftmap::app {

using ui::ExportDialogState;
using state::ViewState;

// Carried out by the app loop (a GL context current): renders a small preview of the frame into
// d.preview_texture (created when 0), and writes the export. Return false with d.status set on
// failure; nothing is left at the target then. For an animation run_export only starts the job;
// step_export then renders frames for about budget_ms per call (at least one) until done, and
// honours d.cancel_requested (everything written so far is removed).
bool render_export_preview(ExportDialogState& d, const ViewState& v, const render::ExportData& data,
                           const std::vector<uint8_t>& visible);
bool run_export(ExportDialogState& d, const ViewState& v, const render::ExportData& data,
                const std::vector<uint8_t>& visible);
bool step_export(ExportDialogState& d, double budget_ms = 30);
// Stops a running animation (nothing left at its target), with why as the status.
void cancel_export(ExportDialogState& d, const std::string& why);
// Frees the preview texture (the GL context current).
void release_export_dialog(ExportDialogState& d);

}  // namespace driftmap::app
