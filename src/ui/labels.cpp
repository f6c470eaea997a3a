#include "ui/labels.hpp"

#include <algorithm>
#include <numeric>

namespace driftmap::ui {

std::vector<size_t> place_labels(const std::vector<LabelCandidate>& candidates, const Rect& bounds, float padding_px) {
  std::vector<size_t> order(candidates.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return candidates[a].priority > candidates[b].priority; });
  std::vector<Rect> placed_rects;
  std::vector<size_t> placed;
  for (size_t i : order) {
    const LabelCandidate& c = candidates[i];
    if (c.min_area_px2 > 0 && c.area_px2 < c.min_area_px2) continue;  // feature too small for its name
    const Rect r{c.x - c.w / 2 - padding_px, c.y - c.h / 2 - padding_px, c.x + c.w / 2 + padding_px,
                 c.y + c.h / 2 + padding_px};
    if (!r.inside(bounds)) continue;
    if (std::any_of(placed_rects.begin(), placed_rects.end(), [&](const Rect& p) { return p.overlaps(r); })) continue;
    placed_rects.push_back(r);
    placed.push_back(i);
  }
  return placed;
}

}  // namespace driftmap::ui
