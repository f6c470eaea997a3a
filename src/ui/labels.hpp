// Map labels that fit: candidates (country and province names at their label points) are placed
// greedily by priority, each as a rectangle centred on its anchor, skipping any that would
// overlap one already placed or leave the map area. Pure geometry; the map overlay draws them.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace driftmap::ui {

struct Rect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool overlaps(const Rect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
  bool inside(const Rect& o) const { return x0 >= o.x0 && y0 >= o.y0 && x1 <= o.x1 && y1 <= o.y1; }
};

struct LabelCandidate {
  float x = 0, y = 0;        // anchor, screen pixels
  float w = 0, h = 0;        // text size, pixels
  float priority = 0;        // higher first
  float min_area_px2 = 0;    // the feature's on-screen size; 0 = no size check
  float area_px2 = 0;
  uint32_t id = 0;           // caller's index
};

// Indices into candidates of those placed, in placement order. padding_px keeps labels apart.
std::vector<size_t> place_labels(const std::vector<LabelCandidate>& candidates, const Rect& bounds,
                                 float padding_px = 2.0f);

}  // namespace driftmap::ui
