// A one-line progress bar on stderr for long headless jobs (`animate`, and any export
// over a second): "[##########..........] 50% encoding PNG (1.2 s)". A ticker thread redraws
// it, so a long step with no progress of its own (one 16k-pixel draw) still shows it is alive.
#pragma once
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace driftmap::app {

class ProgressBar {
 public:
  // Nothing is drawn unless enabled, nor before delay_s has passed (short jobs stay quiet).
  // started_s_ago: the job began that long before the bar (its time counts from then).
  ProgressBar(bool enabled, double delay_s, double started_s_ago = 0);
  ~ProgressBar();  // finish()
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // fraction in [0, 1]; label says what is being done ("rendering", "12/120 frames"). Any thread.
  void update(double fraction, std::string label);
  // Draws the last state (if anything was drawn) and ends the line. Idempotent.
  void finish();

  // The line drawn for a state, without the leading "\r" (tested).
  static std::string line(double fraction, const std::string& label, double elapsed_s);

 private:
  void run();
  void draw_locked();

  const bool enabled_;
  const double delay_s_;
  const double start_s_;
  std::mutex mutex_;
  std::condition_variable wake_;
  double fraction_ = 0;
  std::string label_;
  bool drawn_ = false, stop_ = false;
  std::thread ticker_;
};

}  // namespace driftmap::app
