// Greedy label placement: by priority, no overlaps, inside the map, only where the feature fits.
#include <catch2/catch.hpp>

#include "ui/labels.hpp"

using namespace driftmap::ui;

TEST_CASE("a higher-priority label wins where two would overlap") {
  std::vector<LabelCandidate> c = {
      {100, 100, 60, 12, 1.0f, 0, 0, 0},
      {110, 102, 60, 12, 5.0f, 0, 0, 1},
      {300, 100, 60, 12, 0.5f, 0, 0, 2},
  };
  const auto placed = place_labels(c, {0, 0, 500, 500});
  CHECK(placed == std::vector<size_t>{1, 2});
}

TEST_CASE("labels that would leave the map area are not placed") {
  std::vector<LabelCandidate> c = {{5, 100, 60, 12, 1.0f, 0, 0, 0}};
  CHECK(place_labels(c, {0, 0, 500, 500}).empty());
}

TEST_CASE("a feature smaller on screen than its name gets no label") {
  LabelCandidate small{100, 100, 60, 12, 1.0f, 720, 100, 0};
  LabelCandidate big{300, 100, 60, 12, 1.0f, 720, 5000, 1};
  const auto placed = place_labels({small, big}, {0, 0, 500, 500});
  CHECK(placed == std::vector<size_t>{1});
}

TEST_CASE("placed labels never overlap each other") {
  std::vector<LabelCandidate> c;
  for (int i = 0; i < 200; ++i)
    c.push_back({float(50 + (i * 37) % 400), float(50 + (i * 53) % 400), 50, 12, float(i % 7), 0, 0, uint32_t(i)});
  const auto placed = place_labels(c, {0, 0, 500, 500}, 2.0f);
  for (size_t a = 0; a < placed.size(); ++a)
    for (size_t b = a + 1; b < placed.size(); ++b) {
      const auto& p = c[placed[a]];
      const auto& q = c[placed[b]];
      const Rect rp{p.x - p.w / 2, p.y - p.h / 2, p.x + p.w / 2, p.y + p.h / 2};
      const Rect rq{q.x - q.w / 2, q.y - q.h / 2, q.x + q.w / 2, q.y + q.h / 2};
      CHECK_FALSE(rp.overlaps(rq));
    }
}
