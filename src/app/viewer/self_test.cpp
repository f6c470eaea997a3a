// Screenshot read-back and the export dialog self-test; see self_test.hpp.
#include "app/viewer/self_test.hpp"

#include <epoxy/gl.h>

#include <GLFW/glfw3.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include "render/png_writer.hpp"

namespace driftmap::app {

bool save_window_png(GLFWwindow* window, const std::string& path, std::string* error) {
  int w = 0, h = 0;
  glfwGetFramebufferSize(window, &w, &h);
  std::vector<uint8_t> rgba(static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
  // GL rows start at the bottom; PNG rows at the top. The window is opaque.
  const size_t row = static_cast<size_t>(w) * 4;
  std::vector<uint8_t> flipped(rgba.size());
  for (int y = 0; y < h; ++y)
    std::memcpy(&flipped[static_cast<size_t>(y) * row], &rgba[static_cast<size_t>(h - 1 - y) * row], row);
  for (size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;
  return render::write_png(path, flipped, w, h, error);
}

std::string default_screenshot_dir() {
  std::error_code ec;
  if (const char* home = std::getenv("HOME"); home && *home) {
    const std::filesystem::path pictures = std::filesystem::path(home) / "Pictures";
    if (std::filesystem::is_directory(pictures, ec)) return pictures.string();
  }
  const auto cwd = std::filesystem::current_path(ec);
  return ec ? std::string(".") : cwd.string();
}

void set_export_size(ui::ExportDialogState& dialog, const std::string& z) {
  if (z == "hd" || z.empty()) dialog.size = ui::ExportSize::HD;
  else if (z == "4k") dialog.size = ui::ExportSize::UHD;
  else if (z == "a4") dialog.size = ui::ExportSize::A4;
  else if (z == "a3") dialog.size = ui::ExportSize::A3;
  else if (z == "a4-landscape") dialog.size = ui::ExportSize::A4Landscape;
  else if (z == "a3-landscape") dialog.size = ui::ExportSize::A3Landscape;
  else {
    dialog.size = ui::ExportSize::Custom;
    std::sscanf(z.c_str(), "%dx%d", &dialog.custom_w, &dialog.custom_h);
  }
}

bool ExportSelfTest::finished(const ui::ExportDialogState& dialog, int frame) {
  if (stage != Stage::Running || dialog.job || dialog.export_requested) return false;
  stage = Stage::Done;
  done_frame = frame;
  std::fprintf(stderr, "driftmap: export dialog: %s\n", dialog.status.c_str());
  return true;
}

}  // namespace driftmap::app
