// Inset placement: corners toward the place, clear of marks and of each other, inside the frame.
#include <catch2/catch.hpp>

#include "core/inset_placement.hpp"

using namespace driftmap::core;

namespace {
const PxBox kFrame{0, 0, 1600, 900};
InsetRequest toward(double x, double y) { return {.w_px = 320, .h_px = 240, .towards = Vec2{x, y}}; }
double cx(const PxBox& b) { return 0.5 * (b.x0 + b.x1); }
double cy(const PxBox& b) { return 0.5 * (b.y0 + b.y1); }
}  // namespace

TEST_CASE("an inset about a place to the north-west goes in the top-left corner") {
  const auto spots = place_insets({toward(-900, -700)}, {}, kFrame, 12);
  REQUIRE(spots.size() == 1);
  REQUIRE(spots[0]);
  CHECK(spots[0]->x0 == Approx(12));
  CHECK(spots[0]->y0 == Approx(12));
  CHECK(spots[0]->x1 - spots[0]->x0 == Approx(320));
}

TEST_CASE("a locator without a direction takes the top-right corner") {
  const auto spots = place_insets({{.w_px = 300, .h_px = 200, .towards = std::nullopt}}, {}, kFrame, 10);
  REQUIRE(spots[0]);
  CHECK(spots[0]->x1 == Approx(1590));
  CHECK(spots[0]->y0 == Approx(10));
}

TEST_CASE("an inset avoids the marks in its preferred corner and takes the next free spot") {
  const std::vector<PxBox> marks{{100, 100, 110, 110}};  // an incident in the top-left corner
  const auto spots = place_insets({toward(-900, -700)}, marks, kFrame, 12);
  REQUIRE(spots[0]);
  CHECK(!spots[0]->overlaps(marks[0]));
  // The next nearest spot to the north-west: the top edge's middle or the left edge's middle.
  CHECK((cx(*spots[0]) < 800 || cy(*spots[0]) < 450));
}

TEST_CASE("insets never overlap each other, the obstacles or the frame's edge") {
  std::vector<InsetRequest> req{toward(-900, -700), toward(-900, -600), {.w_px = 300, .h_px = 200, .towards = std::nullopt}};
  std::vector<PxBox> marks;
  for (int i = 0; i < 30; ++i) marks.push_back({700.0 + 5 * i, 400.0 + 3 * i, 706.0 + 5 * i, 406.0 + 3 * i});
  const auto spots = place_insets(req, marks, kFrame, 8);
  for (size_t a = 0; a < spots.size(); ++a) {
    REQUIRE(spots[a]);
    CHECK(spots[a]->inside(kFrame));
    for (const auto& m : marks) CHECK(!spots[a]->overlaps(m));
    for (size_t b = a + 1; b < spots.size(); ++b) CHECK(!spots[a]->overlaps(*spots[b]));
  }
}

TEST_CASE("an inset shrinks to fit a crowded frame and is left out when nothing fits") {
  // Marks everywhere but a 280x200 free corner at the bottom right.
  std::vector<PxBox> marks{{0, 0, 1600, 650}, {0, 650, 1300, 900}};
  const auto spots = place_insets({toward(2000, 1000)}, marks, kFrame, 5);
  REQUIRE(spots[0]);
  const double w = spots[0]->x1 - spots[0]->x0;
  CHECK(w < 320);
  CHECK(w >= 240);  // never below min_scale (0.75)
  CHECK(spots[0]->x0 >= 1300);

  const std::vector<PxBox> everywhere{{0, 0, 1600, 900}};
  CHECK(!place_insets({toward(2000, 1000)}, everywhere, kFrame, 5)[0]);
}
