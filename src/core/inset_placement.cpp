// Inset placement: corners first, then edge middles, each tried at full size then smaller.
#include "core/inset_placement.hpp"

#include <algorithm>
#include <cmath>

namespace driftmap::core {

namespace {

// The spots, in the order used when no direction is given: corners (top right first, where a
// locator map usually sits), then the middles of the right, left, top and bottom edges, then
// the side edges at a quarter and three quarters of their height (a tall portrait frame has
// room there when its corners are taken).
std::vector<PxBox> spots(const PxBox& f, double w, double h, double m) {
  const double l = f.x0 + m, r = f.x1 - m - w, t = f.y0 + m, b = f.y1 - m - h;
  const double cx = 0.5 * (f.x0 + f.x1) - 0.5 * w;
  auto at_height = [&](double share) { return f.y0 + share * (f.y1 - f.y0) - 0.5 * h; };
  const double cy = at_height(0.5), qy = at_height(0.25), q3y = at_height(0.75);
  std::vector<PxBox> out;
  for (auto [x, y] : {std::pair{r, t}, {r, b}, {l, t}, {l, b}, {r, cy}, {l, cy}, {cx, t}, {cx, b}, {r, q3y}, {l, q3y},
                      {r, qy}, {l, qy}})
    out.push_back({x, y, x + w, y + h});
  return out;
}

PxBox grown(const PxBox& b, double by) { return {b.x0 - by, b.y0 - by, b.x1 + by, b.y1 + by}; }

double distance_to(const PxBox& b, Vec2 p) {
  return std::hypot(0.5 * (b.x0 + b.x1) - p.x, 0.5 * (b.y0 + b.y1) - p.y);
}

}  // namespace

std::vector<std::optional<PxBox>> place_insets(const std::vector<InsetRequest>& requests,
                                               const std::vector<PxBox>& obstacles, const PxBox& frame,
                                               double margin_px) {
  std::vector<std::optional<PxBox>> out(requests.size());
  std::vector<PxBox> taken;
  auto free = [&](const PxBox& b) {
    if (!b.inside(frame)) return false;
    const PxBox g = grown(b, margin_px);
    return std::none_of(obstacles.begin(), obstacles.end(), [&](const PxBox& o) { return g.overlaps(o); }) &&
           std::none_of(taken.begin(), taken.end(), [&](const PxBox& o) { return g.overlaps(o); });
  };
  for (size_t i = 0; i < requests.size(); ++i) {
    const InsetRequest& r = requests[i];
    for (double scale : {1.0, 0.5 * (1.0 + r.min_scale), r.min_scale}) {
      std::vector<PxBox> cand = spots(frame, r.w_px * scale, r.h_px * scale, margin_px);
      if (r.towards)
        std::stable_sort(cand.begin(), cand.end(), [&](const PxBox& a, const PxBox& b) {
          return distance_to(a, *r.towards) < distance_to(b, *r.towards);
        });
      const auto it = std::find_if(cand.begin(), cand.end(), free);
      if (it == cand.end()) continue;
      out[i] = *it;
      taken.push_back(*it);
      break;
    }
  }
  return out;
}

}  // namespace driftmap::core
