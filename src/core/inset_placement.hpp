// Where the small maps inside a map frame go (insets for far-away incidents, the locator map):
// each in a corner of the frame, or along an edge when no corner is free, clear of
// the marks that must stay visible (incident marks, count badges, the list of incidents outside
// the frame) and of each other. An inset about a place off the frame takes the free spot nearest
// the direction of that place, so that it sits on the side where the place lies. Pure geometry in
// pixels (y down); the caller measures the boxes.
//
//   std::vector<core::InsetRequest> req = {{.w_px = 320, .h_px = 240, .towards = Vec2{-400, -80}}};
//   auto spots = core::place_insets(req, obstacles, frame_box, 12);  // nullopt: no room
#pragma once
#include <optional>
#include <vector>

#include "core/label_placement.hpp"
#include "core/projection.hpp"

namespace driftmap::core {

struct InsetRequest {
  double w_px = 0, h_px = 0;
  // A screen point (may lie far off the frame) the inset is about: the spot nearest it wins.
  // Unset: the first free spot of the locator's order (top right, bottom right, top left,
  // bottom left, then along the edges).
  std::optional<Vec2> towards;
  // The smallest share of the asked size it may shrink to when nothing fits at full size.
  double min_scale = 0.75;
};

// One result per request, in the requests' order (placed in that order: earlier ones choose
// first); nullopt where no spot is free. margin_px keeps a box that far from the frame's edges,
// from the obstacles and from the other boxes.
std::vector<std::optional<PxBox>> place_insets(const std::vector<InsetRequest>& requests,
                                               const std::vector<PxBox>& obstacles, const PxBox& frame,
                                               double margin_px);

}  // namespace driftmap::core
