// Greedy label placement: priorities, positions around a mark, no overlaps, inside the bounds.
#include <catch2/catch.hpp>

#include "core/label_placement.hpp"

using namespace driftmap::core;

namespace {
LabelRequest point(double x, double y, LabelPriority p = LabelPriority::IncidentPlace) {
  return {x, y, 80, 16, 6, LabelKind::Point, p};
}
LabelRequest area(double x, double y, LabelPriority p) { return {x, y, 120, 16, 0, LabelKind::Area, p}; }
const PxBox kBounds{0, 0, 1000, 600};
}  // namespace

TEST_CASE("a point label goes to the upper right of its mark when that is free") {
  const auto placed = place_labels({point(500, 300)}, {}, kBounds);
  REQUIRE(placed.size() == 1);
  CHECK(placed[0].box.x0 > 500);
  CHECK(placed[0].box.y1 < 300);
}

TEST_CASE("placed labels never overlap each other or the obstacles") {
  std::vector<LabelRequest> req;
  for (int i = 0; i < 40; ++i) req.push_back(point(400 + 7 * (i % 8), 250 + 9 * (i / 8)));
  std::vector<PxBox> marks;
  for (const auto& q : req) marks.push_back({q.x - 5, q.y - 5, q.x + 5, q.y + 5});
  const auto placed = place_labels(req, marks, kBounds);
  CHECK(!placed.empty());
  CHECK(placed.size() < req.size());  // a crowd cannot all be labelled
  for (size_t a = 0; a < placed.size(); ++a) {
    CHECK(placed[a].box.inside(kBounds));
    for (const auto& m : marks) CHECK(!placed[a].box.overlaps(m));
    for (size_t b = a + 1; b < placed.size(); ++b) CHECK(!placed[a].box.overlaps(placed[b].box));
  }
}

TEST_CASE("incident places are placed before countries, countries before provinces") {
  // All three want the same spot; only the first in priority gets it.
  const std::vector<LabelRequest> req{area(500, 300, LabelPriority::Province), area(500, 300, LabelPriority::Country),
                                      {500, 300, 120, 16, 0, LabelKind::Area, LabelPriority::IncidentPlace}};
  const auto placed = place_labels(req, {}, kBounds);
  REQUIRE(placed.size() >= 2);
  CHECK(placed[0].request == 2);
  CHECK(placed[1].request == 1);
}

TEST_CASE("a label moves around its mark when the preferred side is taken") {
  const std::vector<PxBox> block{{500, 200, 700, 300}};  // the upper right of the mark
  const auto placed = place_labels({point(500, 300)}, block, kBounds);
  REQUIRE(placed.size() == 1);
  CHECK(!placed[0].box.overlaps(block[0]));
  CHECK((placed[0].box.x1 <= 500 || placed[0].box.y0 >= 300));
}

TEST_CASE("a label that fits nowhere inside the bounds is dropped") {
  const auto placed = place_labels({point(995, 5)}, {{0, 0, 1000, 600}}, kBounds);
  CHECK(placed.empty());
  CHECK(place_labels({point(10, 10)}, {}, PxBox{0, 0, 0, 0}).empty());
}

TEST_CASE("labels of a crowd of marks go farther out instead of being dropped") {
  // Twelve marks within a few pixels: beside them there is room for only some of the names.
  std::vector<LabelRequest> req;
  std::vector<PxBox> marks;
  for (int i = 0; i < 12; ++i) {
    const double x = 500 + 4 * (i % 4), y = 300 + 4 * (i / 4);
    req.push_back({x, y, 40, 12, 6, LabelKind::Point, LabelPriority::IncidentPlace});
    marks.push_back({x - 5, y - 5, x + 5, y + 5});
  }
  const auto near = place_labels(req, marks, kBounds);
  REQUIRE(near.size() < req.size());
  const auto all = place_labels_reaching(req, marks, kBounds, 2);
  REQUIRE(all.size() == req.size());
  size_t leaders = 0;
  for (size_t i = 0; i < all.size(); ++i) {
    leaders += all[i].reach > 1;
    CHECK(all[i].box.inside(kBounds));
    for (const PxBox& m : marks) CHECK_FALSE(all[i].box.overlaps(m));
    for (size_t j = 0; j < i; ++j) CHECK_FALSE(all[i].box.overlaps(all[j].box));
  }
  CHECK(leaders == req.size() - near.size());
}
