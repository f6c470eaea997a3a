// Camera math; see camera.hpp for the conventions (y down on screen, y up in the world).
#include "core/camera.hpp"

#include <algorithm>
#include <cmath>

namespace driftmap::core {

namespace {
constexpr double kMinMetresPerPx = 1e-3;
constexpr double kMaxMetresPerPx = 1e6;
}  // namespace

Camera::Camera(Vec2 centre_m, double metres_per_px, int viewport_w_px, int viewport_h_px, double pixel_ratio)
    : centre_m_(centre_m) {
  set_metres_per_px(metres_per_px);
  set_viewport(viewport_w_px, viewport_h_px, pixel_ratio);
}

void Camera::set_metres_per_px(double m) {
  if (!std::isfinite(m)) return;
  metres_per_px_ = std::clamp(m, kMinMetresPerPx, kMaxMetresPerPx);
}

void Camera::set_viewport(int w_px, int h_px, double pixel_ratio) {
  viewport_w_px_ = std::max(1, w_px);
  viewport_h_px_ = std::max(1, h_px);
  pixel_ratio_ = pixel_ratio > 0 && std::isfinite(pixel_ratio) ? pixel_ratio : 1.0;
}

Mat3 Camera::world_to_clip() const {
  const double sx = 2.0 / (metres_per_px_ * viewport_w_px_);
  const double sy = 2.0 / (metres_per_px_ * viewport_h_px_);
  // Translation computed in double so that a far-off centre keeps its precision.
  const double tx = -centre_m_.x * sx;
  const double ty = -centre_m_.y * sy;
  return Mat3{float(sx), 0.f, 0.f,  //
              0.f, float(sy), 0.f,  //
              float(tx), float(ty), 1.f};
}

Vec2 Camera::screen_to_world(Vec2 px) const {
  return {centre_m_.x + (px.x - 0.5 * viewport_w_px_) * metres_per_px_,
          centre_m_.y - (px.y - 0.5 * viewport_h_px_) * metres_per_px_};
}

Vec2 Camera::world_to_screen(Vec2 w) const {
  return {0.5 * viewport_w_px_ + (w.x - centre_m_.x) / metres_per_px_,
          0.5 * viewport_h_px_ - (w.y - centre_m_.y) / metres_per_px_};
}

void Camera::fit_to(Vec2 min_m, Vec2 max_m, double margin_px) {
  if (min_m.x > max_m.x) std::swap(min_m.x, max_m.x);
  if (min_m.y > max_m.y) std::swap(min_m.y, max_m.y);
  centre_m_ = {0.5 * (min_m.x + max_m.x), 0.5 * (min_m.y + max_m.y)};
  const double avail_w = std::max(1.0, viewport_w_px_ - 2 * margin_px);
  const double avail_h = std::max(1.0, viewport_h_px_ - 2 * margin_px);
  const double w = max_m.x - min_m.x, h = max_m.y - min_m.y;
  double m = std::max(w / avail_w, h / avail_h);
  if (!(m > 0)) m = metres_per_px_;  // a single point: keep the scale
  set_metres_per_px(m);
}

void Camera::zoom_at(Vec2 cursor_px, double factor) {
  if (!(factor > 0) || !std::isfinite(factor)) return;
  const Vec2 before = screen_to_world(cursor_px);
  set_metres_per_px(metres_per_px_ / factor);
  const Vec2 after = screen_to_world(cursor_px);
  centre_m_.x += before.x - after.x;
  centre_m_.y += before.y - after.y;
}

void Camera::pan_px(double dx_px, double dy_px) {
  centre_m_.x -= dx_px * metres_per_px_;
  centre_m_.y += dy_px * metres_per_px_;
}

Vec2 Camera::visible_min_m() const {
  return {centre_m_.x - 0.5 * viewport_w_px_ * metres_per_px_, centre_m_.y - 0.5 * viewport_h_px_ * metres_per_px_};
}
Vec2 Camera::visible_max_m() const {
  return {centre_m_.x + 0.5 * viewport_w_px_ * metres_per_px_, centre_m_.y + 0.5 * viewport_h_px_ * metres_per_px_};
}

}  // namespace driftmap::core
