#include "app/progress_bar.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace driftmap::app {

namespace {
double now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

ProgressBar::ProgressBar(bool enabled, double delay_s, double started_s_ago)
    : enabled_(enabled), delay_s_(delay_s), start_s_(now_s() - started_s_ago) {
  if (enabled_) ticker_ = std::thread([this] { run(); });
}

ProgressBar::~ProgressBar() { finish(); }

std::string ProgressBar::line(double fraction, const std::string& label, double elapsed_s) {
  constexpr int kWidth = 30;
  fraction = std::clamp(std::isfinite(fraction) ? fraction : 0.0, 0.0, 1.0);
  const int filled = int(fraction * kWidth);
  char tail[64];
  std::snprintf(tail, sizeof tail, "] %3d%% ", int(fraction * 100));
  char time[32];
  std::snprintf(time, sizeof time, " (%.1f s)", elapsed_s);
  return "[" + std::string(size_t(filled), '#') + std::string(size_t(kWidth - filled), '.') + tail + label + time;
}

void ProgressBar::update(double fraction, std::string label) {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  fraction_ = fraction;
  label_ = std::move(label);
  if (drawn_ || now_s() - start_s_ >= delay_s_) draw_locked();
}

void ProgressBar::draw_locked() {
  if (stop_) return;
  // Pad over the previous line's longer label.
  std::fprintf(stderr, "\r%-70s", line(fraction_, label_, now_s() - start_s_).c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::run() {
  std::unique_lock lock(mutex_);
  while (!stop_) {
    wake_.wait_for(lock, std::chrono::milliseconds(100));
    if (!stop_ && now_s() - start_s_ >= delay_s_) draw_locked();
  }
}

void ProgressBar::finish() {
  if (!enabled_) return;
  {
    std::lock_guard lock(mutex_);
    if (stop_) return;
    if (drawn_) {
      draw_locked();
      std::fputc('\n', stderr);
      std::fflush(stderr);
    }
    stop_ = true;
  }
  wake_.notify_all();
  if (ticker_.joinable()) ticker_.join();
}

}  // namespace driftmap::app
