// Labels, region markers, badges and the choropleth the viewer draws over the map.
#include <catch2/catch.hpp>

#include <algorithm>

#include "app/viewer/scene_builder.hpp"
#include "core/article_figures.hpp"
#include "viewer_fixture.hpp"

using namespace driftmap;

TEST_CASE("every country and province with a finite label point gets a label") {
  app::Workspace ws;
  testing::load_test_workspace(ws);
  ui::Scene scene;
  app::add_area_labels(scene, ws);
  const auto has = [&](const std::string& name, int level) {
    return std::any_of(scene.labels.begin(), scene.labels.end(),
                       [&](const ui::MapLabel& l) { return l.text == name && l.level == level; });
  };
  CHECK(has("Afghanistan", 0));
  CHECK(has("Nangarhar", 1));
}

TEST_CASE("region markers are labelled only for regions the article gives shares for") {
  app::Workspace ws;
  testing::load_test_workspace(ws);
  ui::Scene scene;
  app::add_region_markers(scene, ws);
  REQUIRE(scene.regions.size() == ws.bundle()->regions.size());
  for (size_t r = 0; r < scene.regions.size(); ++r) {
    const bool shares = std::find(ws.shift_regions.begin(), ws.shift_regions.end(), r) != ws.shift_regions.end();
    CHECK(scene.regions[r].label.empty() == (!shares || ws.region_areas[r].empty()));
  }
}

TEST_CASE("a badge marks each area with two or more area incidents") {
  app::Workspace ws;
  testing::load_test_workspace(ws);
  core::AreaCounts counts;
  counts.admin1.assign(ws.boundaries().admin1().size(), 0);
  counts.admin0.assign(ws.boundaries().admin0().size(), 0);
  counts.admin1[0] = 2;
  counts.admin1[1] = 1;
  counts.admin0[0] = 5;
  ui::Scene scene;
  app::set_count_badges(scene, counts, ws);
  REQUIRE(scene.badges.size() == 2);
  CHECK(scene.badges[0].count == 2);
  CHECK(scene.badges[1].count == 5);
}

TEST_CASE("the choropleth fills the provinces of the window's figures, and none when the layer is off") {
  app::Workspace ws;
  testing::load_test_workspace(ws);
  const core::DayInterval y2022{core::days_from_civil(2022, 1, 1), core::days_from_civil(2023, 1, 1)};
  const std::vector<core::WindowFigure> figures = core::region_figures_for_window(*ws.bundle(), y2022);
  REQUIRE_FALSE(figures.empty());
  const std::vector<render::Rgba> fills = app::choropleth_fills(ws, true, figures);
  REQUIRE(fills.size() == ws.boundaries().admin1().size());
  std::vector<bool> member(fills.size(), false);
  for (const auto& f : figures)
    for (size_t a : ws.region_areas[f.region]) member[a] = true;
  size_t filled = 0;
  for (size_t a = 0; a < fills.size(); ++a) {
    if (!member[a]) CHECK(fills[a].a == 0);
    filled += fills[a].a > 0;
  }
  CHECK(filled > 0);
  CHECK(app::choropleth_fills(ws, false, figures).empty());
  CHECK(app::choropleth_key(true, figures).size() == figures.size());
  CHECK(app::choropleth_key(false, figures).empty());
}
