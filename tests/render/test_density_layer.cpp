// Density layer: the grid counts exactly the points the point layer would draw, each in the
// cell of its pixel, and the renderer switches to it above the threshold.
#include <catch2/catch.hpp>

#include <random>

#include "render/density_layer.hpp"
#include "render/point_layer.hpp"
#include "render_fixture.hpp"

using namespace driftmap;
using core::EventType;
using core::LocationPrecision;
using testing::days;
using testing::incident;

namespace {
// A few hundred incidents in and around the synthetic world (some outside the view), with
// every type, several tolls, day/month/year dates, long spans and area-precision rows.
struct DensityScene : testing::MapScene {
  core::Dataset dataset;
  core::AreaIndex areas;
  explicit DensityScene(int n = 600) : MapScene(200, 120) {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> lon(58, 72), lat(29, 36);
    std::uniform_int_distribution<int> type(0, core::kEventTypeCount - 1), killed(-1, 30), month(1, 12), kind(0, 19);
    core::DatasetBuilder b;
    for (int i = 0; i < n; ++i) {
      const int m = month(rng);
      std::string date = std::to_string(2020 + i % 4) + (m < 10 ? "-0" : "-") + std::to_string(m) +
                               (kind(rng) < 15 ? "-15" : "");
      const int k = kind(rng);
      const auto prec = k == 0 ? LocationPrecision::Province : LocationPrecision::City;
      const char* end = k == 1 ? "2023-06" : "";
      if (k == 1) date = "2019-05";
      b.add(incident("i" + std::to_string(i), date.c_str(), EventType(type(rng)), lon(rng), lat(rng), killed(rng), prec,
                     prec == LocationPrecision::Province ? "Upper West" : "", prec == LocationPrecision::Province ? "WST" : "",
                     end));
    }
    dataset = std::move(b).build();
    areas = core::AreaIndex::build(dataset, testing::synthetic_boundaries());
    map->set_dataset(&dataset, &areas);
  }
  // The point layer's rule, row by row.
  uint64_t expected(const render::DensityFilter& f) const {
    uint64_t n = 0;
    const core::IncidentFilter inc = f.incident_filter();
    for (size_t i = 0; i < dataset.size(); ++i) {
      if (!dataset.interval(i).overlaps(f.window) || core::is_area_precision(dataset.location_precision()[i])) continue;
      if (!inc.passes(dataset, i)) continue;
      const core::Vec2 s = camera.world_to_screen(projection.forward(dataset.lon_deg()[i], dataset.lat_deg()[i]));
      if (s.x >= 0 && s.y >= 0 && s.x < camera.viewport_w_px() && s.y < camera.viewport_h_px()) ++n;
    }
    return n;
  }
  std::vector<float> xy() const {
    std::vector<float> out;
    for (size_t i = 0; i < dataset.size(); ++i) {
      const core::Vec2 p = projection.forward(dataset.lon_deg()[i], dataset.lat_deg()[i]);
      out.push_back(float(p.x));
      out.push_back(float(p.y));
    }
    return out;
  }
};
}  // namespace

TEST_CASE("the density grid counts exactly the points the point layer would draw") {
  DensityScene s;
  const auto xy = s.xy();
  std::vector<uint8_t> visible(s.dataset.size());
  for (size_t i = 0; i < visible.size(); ++i) visible[i] = i % 3 != 0;
  render::DensityFilter f{.window = days("2021-03", "2022-08")};
  SECTION("a time window") {}
  SECTION("a window inside the long spans only") { f.window = days("2023-02", "2023-03"); }
  SECTION("a type mask") { f.type_mask = (1u << unsigned(EventType::Attack)) | (1u << unsigned(EventType::Territorial)); }
  SECTION("a minimum toll") { f.killed_min = 12; }
  SECTION("visibility bytes") { f.visible = visible; }
  REQUIRE(s.expected(f) > 0);
  render::DensityGrid grid;
  render::bin_points(s.dataset, xy, s.camera, f, 2, grid);
  CHECK(grid.total == s.expected(f));
  uint64_t sum = 0;
  for (uint32_t c : grid.counts) sum += c;
  CHECK(sum == grid.total);
  CHECK(grid.cols == 100);
  CHECK(grid.rows == 60);
}

TEST_CASE("each point is counted in the cell of its pixel") {
  DensityScene s(0);
  core::DatasetBuilder b;
  b.add(incident("a", "2022-03-04", EventType::Attack, 62.5, 33.75, 1));
  b.add(incident("b", "2022-03-05", EventType::Attack, 62.5, 33.75, 1));
  b.add(incident("c", "2022-03-05", EventType::Other, 67.2, 31.1, 1));
  s.dataset = std::move(b).build();
  const auto xy = s.xy();
  render::DensityGrid grid;
  render::bin_points(s.dataset, xy, s.camera, {.window = days("2022", "2022")}, 4, grid);
  auto cell_of = [&](double lon, double lat) {
    const core::Vec2 px = s.camera.world_to_screen(s.projection.forward(lon, lat));
    const int from_bottom = s.camera.viewport_h_px() - 1 - int(px.y);
    return grid.at(int(px.x) / 4, from_bottom / 4);
  };
  CHECK(cell_of(62.5, 33.75) == 2);
  CHECK(cell_of(67.2, 31.1) == 1);
  CHECK(grid.max_count == 2);
  CHECK(grid.total == 3);
}

TEST_CASE("binning on two threads gives the same grid as on one") {
  core::DatasetBuilder b;
  std::mt19937 rng(3);
  std::uniform_real_distribution<float> lon(60, 70), lat(30, 35);
  std::uniform_int_distribution<int> day(0, 3000), type(0, core::kEventTypeCount - 1);
  for (int i = 0; i < 300'000; ++i) {
    const int d0 = 17000 + day(rng);
    b.add_point({d0, d0 + 1}, core::DatePrecision::Day, lon(rng), lat(rng), EventType(type(rng)), i % 7);
  }
  const core::Dataset d = std::move(b).build();
  const core::Projection proj = core::Projection::for_extent(core::GeoBox{60, 30, 70, 35});
  std::vector<float> xy;
  for (size_t i = 0; i < d.size(); ++i) {
    const core::Vec2 p = proj.forward(d.lon_deg()[i], d.lat_deg()[i]);
    xy.push_back(float(p.x));
    xy.push_back(float(p.y));
  }
  core::Camera cam({0, 0}, 2000, 320, 200);
  const render::DensityFilter f{.window = {17500, 19500}, .killed_min = 2};
  render::DensityGrid one, two;
  render::bin_points(d, xy, cam, f, 2, one, 1);
  render::bin_points(d, xy, cam, f, 2, two, 2);
  CHECK(one.total > 50'000);
  CHECK(one.total == two.total);
  CHECK(one.max_count == two.max_count);
  CHECK(one.counts == two.counts);
}

TEST_CASE("the renderer draws a density grid above the threshold and marks below it") {
  DensityScene s;
  const core::DayInterval w = days("2021", "2022");
  render::PointLayer probe_layer;
  probe_layer.set_dataset(&s.dataset, s.projection);
  const size_t candidates = probe_layer.candidate_count(w);
  REQUIRE(candidates > 10);

  s.render({.window = w, .density_threshold = candidates});
  CHECK_FALSE(s.map->last_draw().density);
  s.render({.window = w, .density_threshold = candidates - 1});
  CHECK(s.map->last_draw().density);
  CHECK(s.map->last_draw().density_points == s.expected({.window = w}));
  CHECK(s.map->last_draw().density_max_count >= 1);
  CHECK(s.map->last_draw().density_cell_px == 2);
  s.render({.window = w, .points = false, .density_threshold = 0});
  CHECK_FALSE(s.map->last_draw().density);
}

TEST_CASE("at pixel ratio 2 each point weighs four times against the threshold") {
  DensityScene s;
  s.camera.set_viewport(400, 240, 2.0);
  s.fit(60, 30, 70, 35);
  const core::DayInterval w = days("2021", "2022");
  render::PointLayer probe_layer;
  probe_layer.set_dataset(&s.dataset, s.projection);
  const size_t candidates = probe_layer.candidate_count(w);
  s.render({.window = w, .density_threshold = 4 * candidates});
  CHECK_FALSE(s.map->last_draw().density);
  s.render({.window = w, .density_threshold = 4 * candidates - 1});
  CHECK(s.map->last_draw().density);
  CHECK(s.map->last_draw().density_cell_px == 4);
}

TEST_CASE("a lone point in the density grid has the ramp's first colour over the land") {
  DensityScene s(0);
  core::DatasetBuilder b;
  b.add(incident("a", "2022-03-04", EventType::Attack, 62.5, 33.75, 1));
  s.dataset = std::move(b).build();
  s.map->set_dataset(&s.dataset, nullptr);
  const auto img = s.render({.window = days("2022", "2022"), .density_threshold = 0}, 1);
  REQUIRE(s.map->last_draw().density);
  CHECK(s.map->last_draw().density_max_count == 1);
  const auto expected = testing::bytes(render::blend_over(s.style.land_region, render::density_colour(s.style, 0)));
  CHECK(testing::near(s.probe(img, 62.5, 33.75), expected));
  // Elsewhere the map shows through.
  CHECK(testing::near(s.probe(img, 67.5, 31.25), testing::bytes(s.style.land_region)));
}

TEST_CASE("the density legend colours run from the ramp's first stop to its last") {
  const auto style = render::Style::light();
  CHECK(testing::near(testing::bytes(render::density_colour(style, 0)), testing::bytes(style.density_ramp[0]), 0));
  CHECK(testing::near(testing::bytes(render::density_colour(style, 1)), testing::bytes(style.density_ramp[4]), 0));
  CHECK(testing::near(testing::bytes(render::density_colour(style, 0.5f)), testing::bytes(style.density_ramp[2]), 0));
}
