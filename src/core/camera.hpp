// The 2D map camera: which part of the projected plane (metres, relative to the projection
// centre) is shown in a viewport of pixels. Pure math, no GL; the renderer takes world_to_clip()
// as a uniform, the UI uses the screen↔world conversions for panning and zooming.
//
// Screen pixels: origin at the top-left, y down, in *framebuffer* pixels (physical). The pixel
// ratio (framebuffer px per logical/window px, 2 on a HiDPI screen) only scales what should
// look the same size on any screen: line widths, point radii, text.
#pragma once
#include <array>

#include "core/projection.hpp"

namespace driftmap::core {

// Column-major 3x3 matrix (as glUniformMatrix3fv expects with transpose = GL_FALSE).
using Mat3 = std::array<float, 9>;

class Camera {
 public:
  Camera() = default;
  Camera(Vec2 centre_m, double metres_per_px, int viewport_w_px, int viewport_h_px, double pixel_ratio = 1.0);

  Vec2 centre_m() const { return centre_m_; }
  double metres_per_px() const { return metres_per_px_; }
  int viewport_w_px() const { return viewport_w_px_; }
  int viewport_h_px() const { return viewport_h_px_; }
  double pixel_ratio() const { return pixel_ratio_; }

  void set_centre(Vec2 centre_m) { centre_m_ = centre_m; }
  // Clamped to a sane range (1 mm .. 1e6 m per pixel).
  void set_metres_per_px(double m);
  // Keeps the centre and the scale; the visible area grows or shrinks with the window.
  void set_viewport(int w_px, int h_px, double pixel_ratio = 1.0);

  // world (metres) → clip space [-1, 1]², y up. Usable directly as a mat3 uniform:
  // clip.xy = (M * vec3(world_xy, 1)).xy.
  Mat3 world_to_clip() const;

  // Screen pixel (top-left origin, y down) ↔ world metres. Pixel centres are at +0.5.
  Vec2 screen_to_world(Vec2 px) const;
  Vec2 world_to_screen(Vec2 world_m) const;

  // The smallest scale at which the box [min, max] (metres) plus margin_px on every side fits
  // the viewport, centred on the box.
  void fit_to(Vec2 min_m, Vec2 max_m, double margin_px = 0);
  // Multiplies the zoom by factor (> 1 zooms in) keeping the world point under cursor_px fixed.
  void zoom_at(Vec2 cursor_px, double factor);
  // Moves the map by (dx, dy) screen pixels: the world point under p ends under p + (dx, dy).
  void pan_px(double dx_px, double dy_px);

  // World box currently visible (min, max) in metres.
  Vec2 visible_min_m() const;
  Vec2 visible_max_m() const;

 private:
  Vec2 centre_m_{};
  double metres_per_px_ = 1000.0;
  int viewport_w_px_ = 1;
  int viewport_h_px_ = 1;
  double pixel_ratio_ = 1.0;
};

}  // namespace driftmap::core
