// The time windows of an animation's frames: the viewer's playback stepping (core/timeline), so
// frame i shows what the viewer shows at step i. Animations are refused past a stated length.
#pragma once
#include <vector>

#include "core/timeline.hpp"

namespace driftmap::output {

// The most frames an animation may have (about 83 years of monthly steps); longer requests are
// refused before anything is rendered.
constexpr size_t kMaxAnimationFrames = 1000;

// first_window(spec), then step_window(+1, no loop) until the end; at most max_frames + 1 windows
// (so that a caller can tell that the limit was passed).
std::vector<core::MonthRange> animation_windows(const core::TimelineSpec& spec, core::StepSize step,
                                                size_t max_frames = kMaxAnimationFrames);

}  // namespace driftmap::output
