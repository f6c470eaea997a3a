// Greedy label placement over a coarse occupancy grid: obstacles and placed labels mark the
// cells they touch, so a candidate's test costs its own size whatever the number of marks (a
// million incidents mark a bounded grid once).
#include "core/label_placement.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace driftmap::core {

namespace {

class Occupancy {
 public:
  Occupancy(const PxBox& bounds, double cell_px)
      : bounds_(bounds),
        cell_(cell_px),
        cols_(std::max(1, int(std::ceil((bounds.x1 - bounds.x0) / cell_px)))),
        rows_(std::max(1, int(std::ceil((bounds.y1 - bounds.y0) / cell_px)))),
        taken_(size_t(cols_) * size_t(rows_), 0) {}

  void mark(const PxBox& b) { visit(b, [&](size_t i) { taken_[i] = 1; return true; }); }
  bool free(const PxBox& b) const {
    bool ok = true;
    visit(b, [&](size_t i) { return ok = !taken_[i]; });
    return ok;
  }

 private:
  // Calls f(cell) for the cells b touches, while f returns true.
  template <class F>
  void visit(const PxBox& b, F&& f) const {
    const int c0 = std::clamp(int(std::floor((b.x0 - bounds_.x0) / cell_)), 0, cols_ - 1);
    const int c1 = std::clamp(int(std::floor((b.x1 - bounds_.x0) / cell_)), 0, cols_ - 1);
    const int r0 = std::clamp(int(std::floor((b.y0 - bounds_.y0) / cell_)), 0, rows_ - 1);
    const int r1 = std::clamp(int(std::floor((b.y1 - bounds_.y0) / cell_)), 0, rows_ - 1);
    if (b.x1 < bounds_.x0 || b.y1 < bounds_.y0 || b.x0 > bounds_.x1 || b.y0 > bounds_.y1) return;
    for (int r = r0; r <= r1; ++r)
      for (int c = c0; c <= c1; ++c)
        if (!f(size_t(r) * size_t(cols_) + size_t(c))) return;
  }

  PxBox bounds_;
  double cell_;
  int cols_, rows_;
  std::vector<uint8_t> taken_;
};

// Candidate boxes for a request, in order of preference.
std::array<PxBox, 8> candidates(const LabelRequest& q, double padding_px, int* count) {
  std::array<PxBox, 8> out{};
  const double w = q.w, h = q.h, g = q.gap_px + padding_px, x = q.x, y = q.y;
  auto at = [&](double left, double top) { return PxBox{left, top, left + w, top + h}; };
  if (q.kind == LabelKind::Area) {
    out[0] = at(x - w / 2, y - h / 2);
    out[1] = at(x - w / 2, y - 1.5 * h - 2 * padding_px);
    out[2] = at(x - w / 2, y + 0.5 * h + 2 * padding_px);
    *count = 3;
    return out;
  }
  const double d = g;  // the diagonal positions clear the mark's box
  out[0] = at(x + d, y - d - h);   // upper right
  out[1] = at(x + g, y - h / 2);   // right
  out[2] = at(x + d, y + d);       // lower right
  out[3] = at(x - d - w, y - d - h);  // upper left
  out[4] = at(x - g - w, y - h / 2);  // left
  out[5] = at(x - d - w, y + d);      // lower left
  out[6] = at(x - w / 2, y - g - h);  // above
  out[7] = at(x - w / 2, y + g);      // below
  *count = 8;
  return out;
}

PxBox padded(const PxBox& b, double p) { return {b.x0 - p, b.y0 - p, b.x1 + p, b.y1 + p}; }

}  // namespace

std::vector<PlacedLabel> place_labels(const std::vector<LabelRequest>& requests, const std::vector<PxBox>& obstacles,
                                      const PxBox& bounds, double padding_px) {
  std::vector<PlacedLabel> placed;
  if (bounds.x1 <= bounds.x0 || bounds.y1 <= bounds.y0) return placed;
  // Cells of a quarter of a typical text height: fine enough that labels pack, coarse enough
  // that a 4K frame is a few hundred thousand bytes.
  double cell = 4;
  for (const auto& q : requests) cell = std::max(cell, std::min(16.0, q.h / 4));
  Occupancy occupied(bounds, cell);
  for (const PxBox& o : obstacles) occupied.mark(o);

  std::vector<size_t> order(requests.size());
  std::iota(order.begin(), order.end(), size_t(0));
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return requests[a].priority < requests[b].priority; });
  for (size_t i : order) {
    const LabelRequest& q = requests[i];
    if (q.w <= 0 || q.h <= 0) continue;
    int n = 0;
    const auto boxes = candidates(q, padding_px, &n);
    for (int k = 0; k < n; ++k) {
      const PxBox& b = boxes[size_t(k)];
      if (!b.inside(bounds) || !occupied.free(padded(b, padding_px))) continue;
      occupied.mark(b);
      placed.push_back({i, b});
      break;
    }
  }
  return placed;
}

std::vector<PlacedLabel> place_labels_reaching(const std::vector<LabelRequest>& requests, std::vector<PxBox> obstacles,
                                               const PxBox& bounds, double padding_px, const std::vector<double>& reaches) {
  std::vector<PlacedLabel> out = place_labels(requests, obstacles, bounds, padding_px);
  std::vector<bool> placed(requests.size(), false);
  for (const PlacedLabel& p : out) placed[p.request] = true, obstacles.push_back(p.box);
  for (const double reach : reaches) {
    std::vector<LabelRequest> left;
    std::vector<size_t> index;
    for (size_t i = 0; i < requests.size(); ++i)
      if (!placed[i]) left.push_back(requests[i]), left.back().gap_px *= reach, index.push_back(i);
    if (left.empty()) break;
    for (PlacedLabel p : place_labels(left, obstacles, bounds, padding_px)) {
      p.request = index[p.request], p.reach = reach;
      placed[p.request] = true;
      obstacles.push_back(p.box);
      out.push_back(p);
    }
  }
  return out;
}

}  // namespace driftmap::core
