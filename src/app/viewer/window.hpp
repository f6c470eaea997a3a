// The viewer's window: GLFW with an OpenGL 3.3 core context, Dear ImGui on it (style, HiDPI
// scale, the interface font), the input that arrives in GLFW callbacks, and the process clock the
// first-frame time is measured against.
#pragma once
#include <chrono>
#include <string>
#include <vector>

#include "state/view_state.hpp"

struct GLFWwindow;

namespace driftmap::app {

// Files dropped on the window and key presses arrive in GLFW callbacks; the loop handles them.
struct WindowInbox {
  std::vector<std::string> dropped;
  std::vector<state::KeyPress> keys;
};

// Opens the window (vsync unless no_vsync) with its callbacks writing to *inbox; null with a
// message on stderr when there is no display or no OpenGL 3.3.
GLFWwindow* open_window(int width, int height, bool no_vsync, WindowInbox* inbox);
// Sets up Dear ImGui on the window; returns the interface scale (content scale beyond the
// framebuffer/window ratio, as on X11 HiDPI).
float setup_imgui(GLFWwindow* window);
// Ends ImGui and closes the window.
void close_window(GLFWwindow* window);

// Milliseconds since the process started (from /proc), else since `fallback`.
double ms_since_process_start(std::chrono::steady_clock::time_point fallback);

}  // namespace driftmap::app
