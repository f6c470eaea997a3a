// Point layer: incidents drawn as circles in their type's colour, only within the time window
// and the filters; imprecise dates hollow; area-precision incidents never as points.
#include <catch2/catch.hpp>

#include <limits>

#include "render/point_layer.hpp"
#include "render_fixture.hpp"

using namespace driftmap;
using core::EventType;
using core::LocationPrecision;
using testing::days;
using testing::incident;
using testing::near;

namespace {
struct PointScene : testing::MapScene {
  core::Dataset dataset;
  core::AreaIndex areas;
  explicit PointScene(std::vector<core::Incident> incidents) : MapScene(240, 140) {
    core::DatasetBuilder b;
    for (const auto& i : incidents) b.add(i);
    dataset = std::move(b).build();
    areas = core::AreaIndex::build(dataset, testing::synthetic_boundaries());
    map->set_dataset(&dataset, &areas);
  }
};
// A pixel at least 3/4 of the way from `other` to `colour` (rings are 1.6 px wide, so they
// rarely cover a whole pixel).
bool mostly(testing::Pixel p, testing::Pixel colour, render::Rgba other) {
  const auto o = testing::bytes(other);
  double along = 0, total = 0;
  for (int i = 0; i < 3; ++i) {
    along += double(int(p[i]) - o[i]) * (int(colour[i]) - o[i]);
    total += double(int(colour[i]) - o[i]) * (int(colour[i]) - o[i]);
  }
  return total > 0 && along / total >= 0.75;
}
}  // namespace

TEST_CASE("a point inside the time window has its event type's colour") {
  PointScene s({incident("a", "2022-03-04", EventType::Attack, 62.5, 33.75, 10),
                incident("b", "2022-03-05", EventType::CounterOperation, 67.5, 31.25, 4)});
  const auto img = s.render({.window = days("2022", "2022")});
  CHECK(near(s.probe(img, 62.5, 33.75), testing::bytes(s.style.colour(EventType::Attack))));
  CHECK(near(s.probe(img, 67.5, 31.25), testing::bytes(s.style.colour(EventType::CounterOperation))));
}

TEST_CASE("a point outside the time window is not drawn") {
  PointScene s({incident("a", "2022-03-04", EventType::Attack, 62.5, 33.75, 10)});
  const auto land = testing::bytes(s.style.land_region);
  CHECK(near(s.probe(s.render({.window = days("2023", "2023")}), 62.5, 33.75), land));
  CHECK(near(s.probe(s.render({.window = days("2021", "2022-03-03")}), 62.5, 33.75), land));
  // The window is half-open at the end and inclusive at the start.
  CHECK_FALSE(near(s.probe(s.render({.window = days("2022-03-04", "2022-03-04")}), 62.5, 33.75), land));
}

TEST_CASE("an incident spanning years is drawn in a window inside its span") {
  // Long intervals come from the dataset's long-row list, not the sorted range.
  PointScene s({incident("long", "2015", EventType::Territorial, 62.5, 33.75, 0, LocationPrecision::City, "", "", "2023"),
                incident("short", "2022-06-01", EventType::Attack, 67.5, 31.25, 1)});
  REQUIRE(s.dataset.long_rows().size() == 1);
  const auto img = s.render({.window = days("2022-06", "2022-06")});
  const auto sky = testing::bytes(s.style.colour(EventType::Territorial));
  // Year precision: a ring, so probe on the ring rather than the centre.
  const auto c = s.pixel_of(62.5, 33.75);
  bool ring_found = false;
  for (int dx = -6; dx <= 6; ++dx) ring_found |= mostly(img.at(c[0] + dx, c[1]), sky, s.style.land_region);
  CHECK(ring_found);
  CHECK(near(s.probe(img, 67.5, 31.25), testing::bytes(s.style.colour(EventType::Attack))));
}

TEST_CASE("a month-precision incident is drawn as a ring with an empty centre") {
  PointScene s({incident("m", "2022-03", EventType::Attack, 62.5, 33.75, 100)});
  const auto img = s.render({.window = days("2022", "2022")});
  const auto c = s.pixel_of(62.5, 33.75);
  CHECK(near(img.at(c[0], c[1]), testing::bytes(s.style.land_region)));
  // radius = 3 + 1.6 * 10 = 19 px: the ring is at the edge.
  const auto colour = testing::bytes(s.style.colour(EventType::Attack));
  bool ring_found = false;
  for (int dx = 14; dx <= 20; ++dx) ring_found |= mostly(img.at(c[0] + dx, c[1]), colour, s.style.land_region);
  CHECK(ring_found);
}

TEST_CASE("larger tolls give larger points") {
  PointScene s({incident("small", "2022-03-04", EventType::Attack, 62.5, 33.75, 1),
                incident("big", "2022-03-04", EventType::Attack, 67.5, 33.75, 64)});
  const auto img = s.render({.window = days("2022", "2022")});
  const auto colour = testing::bytes(s.style.colour(EventType::Attack));
  auto width_of = [&](double lon) {
    const auto c = s.pixel_of(lon, 33.75);
    int n = 0;
    for (int dx = -30; dx <= 30; ++dx) n += near(img.at(c[0] + dx, c[1]), colour, 10);
    return n;
  };
  CHECK(width_of(62.5) < width_of(67.5));
  CHECK(width_of(67.5) >= 2 * 12);  // 3 + 1.6 * 8 = 15.8 px radius, minus the edge
}

TEST_CASE("the type mask, minimum toll and visibility bytes hide points") {
  PointScene s({incident("a", "2022-03-04", EventType::Attack, 62.5, 33.75, 10),
                incident("b", "2022-03-05", EventType::Territorial, 67.5, 31.25, 1)});
  const auto w = days("2022", "2022");
  const auto attack = testing::bytes(s.style.colour(EventType::Attack));
  const auto territorial = testing::bytes(s.style.colour(EventType::Territorial));
  SECTION("type mask") {
    const auto img = s.render({.window = w, .type_mask = 1u << unsigned(EventType::Territorial)});
    CHECK_FALSE(near(s.probe(img, 62.5, 33.75), attack));
    CHECK(near(s.probe(img, 67.5, 31.25), territorial));
  }
  SECTION("minimum toll") {
    const auto img = s.render({.window = w, .killed_min = 5});
    CHECK(near(s.probe(img, 62.5, 33.75), attack));
    CHECK_FALSE(near(s.probe(img, 67.5, 31.25), territorial));
  }
  SECTION("visibility bytes") {
    std::vector<uint8_t> visible(s.dataset.size());
    for (size_t i = 0; i < visible.size(); ++i) visible[i] = s.dataset.id(i) == "b";
    s.map->set_visibility(visible);
    const auto img = s.render({.window = w});
    CHECK_FALSE(near(s.probe(img, 62.5, 33.75), attack));
    CHECK(near(s.probe(img, 67.5, 31.25), territorial));
    s.map->set_visibility({});
    CHECK(near(s.probe(s.render({.window = w}), 62.5, 33.75), attack));
  }
}

TEST_CASE("a province-precision incident is not drawn as a point") {
  PointScene s({incident("p", "2022-03-04", EventType::Attack, 62.5, 31.25, 10, LocationPrecision::Province,
                         "Lower West", "WST")});
  const auto img = s.render({.window = days("2022", "2022"), .area_highlights = false});
  CHECK(near(s.probe(img, 62.5, 31.25), testing::bytes(s.style.land_region)));
}

TEST_CASE("an incident whose place is not stated draws neither a point nor an area") {
  auto none = incident("n", "2022-03-04", EventType::Attack, 0, 0, 10, LocationPrecision::None);
  none.lat_deg = none.lon_deg = std::numeric_limits<double>::quiet_NaN();
  const auto placed = incident("a", "2022-03-05", EventType::Attack, 62.5, 33.75, 10);
  PointScene with({none, placed}), without({placed});
  const auto a = with.render({.window = days("2022", "2022")});
  const auto b = without.render({.window = days("2022", "2022")});
  REQUIRE(a.rgba.size() == b.rgba.size());
  size_t differing = 0;
  for (size_t i = 0; i < a.rgba.size(); ++i) differing += a.rgba[i] != b.rgba[i];
  CHECK(differing == 0);
}

TEST_CASE("an incident dated by a report is drawn as a ring: its day is a bound, not the event's") {
  auto reported = incident("r", "2022-03-04", EventType::Attack, 62.5, 33.75, 100);
  reported.date_basis = core::DateBasis::Reported;
  PointScene s({reported});
  const auto img = s.render({.window = days("2022", "2022")});
  const auto c = s.pixel_of(62.5, 33.75);
  CHECK(near(img.at(c[0], c[1]), testing::bytes(s.style.land_region)));
  const auto colour = testing::bytes(s.style.colour(EventType::Attack));
  bool ring_found = false;
  for (int dx = 14; dx <= 20; ++dx) ring_found |= mostly(img.at(c[0] + dx, c[1]), colour, s.style.land_region);
  CHECK(ring_found);
}

TEST_CASE("the dark style draws points in the same palette on a dark background") {
  PointScene s({incident("a", "2022-03-04", EventType::ExternalPlot, 62.5, 33.75, 10)});
  s.map->set_style(render::Style::dark());
  const auto img = s.render({.window = days("2022", "2022")});
  CHECK(near(s.probe(img, 62.5, 33.75), testing::bytes(render::Style::dark().colour(EventType::ExternalPlot))));
  CHECK(near(s.probe(img, 62.5, 31.25), testing::bytes(render::Style::dark().land_region)));
}

TEST_CASE("a large dataset is projected in parallel chunks exactly as row by row") {
  // Above 100,000 rows the layer projects one chunk per core, each with its own projection clone.
  testing::gl_context();
  core::DatasetBuilder b;
  const size_t n = 150001;
  for (size_t i = 0; i < n; ++i)
    b.add_point({int32_t(18000 + i % 3000), int32_t(18001 + i % 3000)}, core::DatePrecision::Day,
                60.0 + double(i % 1000) * 0.01, 29.0 + double(i / 1000) * 0.05, EventType::Attack, 1);
  const core::Dataset d = std::move(b).build();
  const core::Projection proj = core::Projection::laea(67.5, 30.5);
  render::PointLayer layer;
  layer.set_dataset(&d, proj);
  const auto xy = layer.projected_xy();
  REQUIRE(xy.size() == 2 * n);
  size_t mismatches = 0;
  for (size_t i = 0; i < n; i += 997) {
    const core::Vec2 p = proj.forward(d.lon_deg()[i], d.lat_deg()[i]);
    mismatches += xy[2 * i] != float(p.x) || xy[2 * i + 1] != float(p.y);
  }
  const core::Vec2 last = proj.forward(d.lon_deg()[n - 1], d.lat_deg()[n - 1]);
  CHECK(xy[2 * (n - 1)] == float(last.x));
  CHECK(mismatches == 0);
}
