// GLFW window, ImGui set-up and input callbacks; see window.hpp.
#include "app/viewer/window.hpp"

#include <epoxy/gl.h>

#include <GLFW/glfw3.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "render/text_raster.hpp"
#include "ui/font_ranges.hpp"
#include "ui/theme.hpp"

namespace driftmap::app {

namespace {

// Installed before ImGui's backend, which chains to it.
void on_key(GLFWwindow* w, int key, int scancode, int action, int mods) {
  auto* inbox = static_cast<WindowInbox*>(glfwGetWindowUserPointer(w));
  if (inbox && (action == GLFW_PRESS || action == GLFW_REPEAT)) inbox->keys.push_back({key, mods, action == GLFW_REPEAT});
}

void on_drop(GLFWwindow* w, int count, const char** paths) {
  auto* inbox = static_cast<WindowInbox*>(glfwGetWindowUserPointer(w));
  if (!inbox) return;
  for (int i = 0; i < count; ++i) inbox->dropped.emplace_back(paths[i]);
}

}  // namespace

GLFWwindow* open_window(int width, int height, bool no_vsync, WindowInbox* inbox) {
  glfwSetErrorCallback([](int code, const char* msg) { std::fprintf(stderr, "driftmap: GLFW %d: %s\n", code, msg); });
  if (!glfwInit()) {
    std::fprintf(stderr, "driftmap: cannot open a window (no display? set DISPLAY or use 'driftmap export')\n");
    return nullptr;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  glfwWindowHint(GLFW_SAMPLES, 0);
  GLFWwindow* window = glfwCreateWindow(width, height, "driftmap", nullptr, nullptr);
  if (!window) {
    glfwWindowHint(GLFW_SAMPLES, 0);
    window = glfwCreateWindow(width, height, "driftmap", nullptr, nullptr);
  }
  if (!window) {
    std::fprintf(stderr, "driftmap: cannot create an OpenGL 3.3 core window\n");
    glfwTerminate();
    return nullptr;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(no_vsync ? 0 : 1);
  glfwSetWindowUserPointer(window, inbox);
  glfwSetDropCallback(window, on_drop);
  glfwSetKeyCallback(window, on_key);
  return window;
}

float setup_imgui(GLFWwindow* window) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is fixed; the session file holds what matters
  // HiDPI: where the framebuffer is denser than window coordinates (macOS, Wayland) ImGui works
  // in window coordinates and the font is rasterised at framebuffer density; where it isn't
  // (X11 with a content scale) everything is scaled up in pixels instead.
  int fb_w = 0, fb_h = 0, win_w = 0, win_h = 0;
  glfwGetFramebufferSize(window, &fb_w, &fb_h);
  glfwGetWindowSize(window, &win_w, &win_h);
  const float fb_ratio = win_w > 0 && fb_w > 0 ? static_cast<float>(fb_w) / static_cast<float>(win_w) : 1.0f;
  float xscale = 1, yscale = 1;
  glfwGetWindowContentScale(window, &xscale, &yscale);
  const float scale = std::max(1.0f, std::max(xscale, yscale) / fb_ratio);
  io.FontGlobalScale = 1.0f / fb_ratio;
  ui::apply_theme(&ImGui::GetStyle());
  ImGui::GetStyle().WindowRounding = 0;
  ImGui::GetStyle().ScaleAllSizes(scale);
  ImFontConfig font_config;
  font_config.OversampleH = 2;  // the atlas is built before the first frame: keep it small
  const std::string font = render::find_font("DejaVu Sans");
  if (font.empty() || !io.Fonts->AddFontFromFileTTF(font.c_str(), 15.0f * scale * fb_ratio, &font_config,
                                                     ui::interface_glyph_ranges()))
    io.Fonts->AddFontDefault();
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  return scale;
}

void close_window(GLFWwindow* window) {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
}

// From /proc: the start time in clock ticks since boot, compared with CLOCK_BOOTTIME.
double ms_since_process_start(std::chrono::steady_clock::time_point fallback) {
  std::ifstream f("/proc/self/stat");
  std::string stat((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  const size_t close = stat.rfind(')');
  timespec now{};
  if (close != std::string::npos && clock_gettime(CLOCK_BOOTTIME, &now) == 0) {
    std::istringstream rest(stat.substr(close + 2));
    std::string tok;
    // Field 3 is the state; starttime is field 22.
    for (int field = 3; field <= 22 && (rest >> tok); ++field) {
      if (field == 22) {
        const double ticks = std::strtod(tok.c_str(), nullptr);
        const double start_ms = ticks * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
        return static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6 - start_ms;
      }
    }
  }
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - fallback).count();
}

}  // namespace driftmap::app
