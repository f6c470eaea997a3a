// Label placement for exported maps: a greedy pass in priority order (the places of the window's
// incidents first, then countries, then provinces). A point label tries eight positions around
// its mark, nearest first with the cartographic preference for the upper right; an area label
// tries its label point and a little above and below. A label is placed where it overlaps no
// placed label and no obstacle (the incident marks, the inset and legend boxes) and lies inside
// the bounds, else dropped. Pure geometry in pixels (y down); the caller measures the text.
//
//   std::vector<core::LabelRequest> req = ...;   // anchors, text sizes, priorities
//   auto placed = core::place_labels(req, obstacles, {frame.x, frame.y, frame.x + frame.w, ...});
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace driftmap::core {

struct PxBox {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool overlaps(const PxBox& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
  bool inside(const PxBox& o) const { return x0 >= o.x0 && y0 >= o.y0 && x1 <= o.x1 && y1 <= o.y1; }
};

enum class LabelKind { Point, Area };

// Priorities: lower is placed first.
enum class LabelPriority : uint8_t { IncidentPlace = 0, Country = 1, Province = 2 };

struct LabelRequest {
  double x = 0, y = 0;      // anchor: the mark's centre or the area's label point
  double w = 0, h = 0;      // the text's box
  double gap_px = 0;        // Point: distance from the anchor to the box (the mark's radius + air)
  LabelKind kind = LabelKind::Point;
  LabelPriority priority = LabelPriority::IncidentPlace;
};

struct PlacedLabel {
  size_t request = 0;  // index into the requests
  PxBox box;           // where the text's box goes
  double reach = 1;    // the gap's multiple it was placed at (above 1: draw a leader line to it)
};

// Placed labels in placement order. padding_px keeps labels and obstacles apart.
std::vector<PlacedLabel> place_labels(const std::vector<LabelRequest>& requests, const std::vector<PxBox>& obstacles,
                                      const PxBox& bounds, double padding_px = 2);

// As place_labels, then each label that found no place is tried farther out, at the gap times each
// of `reaches` in turn: the names of a crowd of marks go out on leader lines instead of being dropped.
std::vector<PlacedLabel> place_labels_reaching(const std::vector<LabelRequest>& requests, std::vector<PxBox> obstacles,
                                               const PxBox& bounds, double padding_px,
                                               const std::vector<double>& reaches = {3, 5, 8});

}  // namespace driftmap::core
