// Colours of the CTC Sentinel region groups: one hue per group (indexed by the group's position
// among the groups with reported shares) (chart bars, legend, map fill),
// with the map fill's opacity proportional to the reported share.
#pragma once
#include <algorithm>
#include <cstddef>

#include "render/style.hpp"

namespace driftmap::render {

inline Rgba region_colour(size_t region_index) {
  static constexpr Rgba kHues[] = {
      Rgba::hex(0x8C510A), Rgba::hex(0x2166AC), Rgba::hex(0xC51B7D),
      Rgba::hex(0x1B7837), Rgba::hex(0x762A83), Rgba::hex(0x01665E),
  };
  return kHues[region_index % (sizeof kHues / sizeof kHues[0])];
}

// Map fill for a region with the given reported share (percent): 0 % is transparent, 60 % and
// more is the strongest fill.
inline Rgba region_share_fill(size_t region_index, double share_percent) {
  Rgba c = region_colour(region_index);
  c.a = static_cast<float>(0.08 + 0.67 * std::clamp(share_percent / 60.0, 0.0, 1.0));
  return c;
}

}  // namespace driftmap::render
