// The viewer's automated checks: --screenshot (render a few frames, save the window with its
// interface as PNG, exit) and --export-dialog-test (open the Export dialog as Ctrl+E does, export
// through it, exit 1 when the export failed). Also the window read-back Ctrl+S uses.
#pragma once
#include <string>

#include "ui/export_dialog.hpp"

struct GLFWwindow;

namespace driftmap::app {

// The window's back buffer as an opaque PNG; false with *error on failure.
bool save_window_png(GLFWwindow* window, const std::string& path, std::string* error);

// Screenshots go to ~/Pictures when there is one, else to the folder driftmap was started in.
std::string default_screenshot_dir();

// --export-size: a preset name ("hd", "4k", "a4", ...) or WxH, set on the dialog as a user would.
void set_export_size(ui::ExportDialogState& dialog, const std::string& size);

// --export-dialog-test runs over several frames: the dialog opens on frame 1, the export runs,
// and the window is kept two more frames so that the screenshot shows the final status.
struct ExportSelfTest {
  enum class Stage { Off, Pending, Running, Done } stage = Stage::Off;
  int done_frame = 0;

  bool on() const { return stage != Stage::Off; }
  bool should_start(int frame) const { return stage == Stage::Pending && frame >= 1; }
  // After the frame is drawn: true when the export just finished (its status is then printed).
  bool finished(const ui::ExportDialogState& dialog, int frame);
  // Whether the screenshot may be taken now (always, when the test is off).
  bool ready_for_last_frame(int frame) const { return stage == Stage::Off || (stage == Stage::Done && frame >= done_frame + 2); }
};

}  // namespace driftmap::app
