#include "render/drift_layer.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "render/map_layout.hpp"
#include "render/text_raster.hpp"

using namespace driftmap;

namespace {

// Ten half-years whose centres lie within a few kilometres of each other (as around Kabul).
std::vector<core::DriftStep> crowded_steps() {
  std::vector<core::DriftStep> steps;
  for (int i = 0; i < 10; ++i) {
    core::DriftStep s;
    s.period = std::to_string(2015 + i / 2) + (i % 2 ? "-H2" : "-H1");
    s.days = {16436 + i * 182, 16436 + (i + 1) * 182};
    s.n = 3;
    s.lon = 69.2 + 0.05 * (i % 3);
    s.lat = 34.5 + 0.04 * (i % 4);
    steps.push_back(s);
  }
  return steps;
}

}  // namespace

TEST_CASE("the drift layer names every period, and crowded names do not cover each other") {
  std::string why;
  auto fonts = render::Fonts::open(&why);
  REQUIRE(fonts);
  render::LayoutOptions o;
  o.dpi = 96;
  const auto layout = render::MapLayout::compute(1920, 1080, o, *fonts);
  const auto projection = core::Projection::laea(69.2, 34.5);
  const render::PxRect& F = layout.map_frame;
  // 1.5 km a pixel, centred on the centres: they fall within about 10 pixels of each other.
  const core::Camera camera({0, 0}, 1500, layout.width_px, layout.height_px);
  const auto steps = crowded_steps();
  const auto layer = render::drift_layer(steps, {steps.front().days.start_day, steps.back().days.end_day}, camera,
                                         projection, layout, render::Style::light(), *fonts);
  std::vector<std::string> names;
  for (const auto& m : layer.marks)
    if (m.kind == render::Mark::Kind::Text) names.push_back(m.text);
  REQUIRE(names.size() == steps.size());
  for (const auto& s : steps) CHECK(std::find(names.begin(), names.end(), s.period) != names.end());

  // The boxes: ten dots, then the ten names (in the order they were placed); no two names overlap.
  REQUIRE(layer.boxes.size() == 2 * steps.size());
  for (size_t i = steps.size(); i < layer.boxes.size(); ++i) {
    CHECK(layer.boxes[i].inside({double(F.x), double(F.y), double(F.x + F.w), double(F.y + F.h)}));
    for (size_t j = steps.size(); j < i; ++j) {
      INFO("name boxes " << i << " and " << j);
      CHECK_FALSE(layer.boxes[i].overlaps(layer.boxes[j]));
    }
  }
}
