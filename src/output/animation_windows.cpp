#include "output/animation_windows.hpp"

namespace driftmap::output {

std::vector<core::MonthRange> animation_windows(const core::TimelineSpec& spec, core::StepSize step, size_t max_frames) {
  std::vector<core::MonthRange> windows;
  if (spec.extent.length_months() <= 0) return windows;
  windows.push_back(core::first_window(spec));
  while (windows.size() <= max_frames) {
    const core::StepResult r = core::step_window(spec, windows.back(), step, +1, /*loop=*/false);
    if (r.window == windows.back()) break;
    windows.push_back(r.window);
    if (r.at_end) break;
  }
  return windows;
}

}  // namespace driftmap::output
