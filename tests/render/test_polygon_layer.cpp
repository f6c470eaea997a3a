// Polygon layer: land fills, highlights of provinces/countries with active area-precision
// incidents, and per-area colour overrides.
#include <catch2/catch.hpp>

#include "render_fixture.hpp"

using namespace driftmap;
using core::EventType;
using core::LocationPrecision;
using testing::days;
using testing::incident;
using testing::near;

namespace {
struct AreaScene : testing::MapScene {
  core::Dataset dataset;
  core::AreaIndex areas;
  explicit AreaScene(std::vector<core::Incident> incidents) : MapScene(200, 120) {
    core::DatasetBuilder b;
    for (const auto& i : incidents) b.add(i);
    dataset = std::move(b).build();
    areas = core::AreaIndex::build(dataset, testing::synthetic_boundaries());
    map->set_dataset(&dataset, &areas);
  }
  testing::Pixel highlighted() const { return testing::bytes(render::blend_over(style.land_region, style.area_highlight)); }
};
}  // namespace

TEST_CASE("without incidents provinces have the region's land colour, other countries land, the sea background") {
  testing::MapScene s(200, 120);
  s.fit(59, 29, 71, 38);
  const auto img = s.render({.window = days("2022", "2022")});
  CHECK(near(s.probe(img, 62.5, 33.75), testing::bytes(s.style.land_region)));
  CHECK(near(s.probe(img, 65, 36.5), testing::bytes(s.style.land)));
  CHECK(near(s.probe(img, 65, 29.3), testing::bytes(s.style.background)));
}

TEST_CASE("a country without provinces is highlighted by a country-level incident") {
  AreaScene s({incident("n", "2022", EventType::Other, 0, 0, 0, LocationPrecision::Country, "", "NTH")});
  s.fit(59, 29, 71, 38);
  const auto img = s.render({.window = days("2022", "2022")});
  CHECK(near(s.probe(img, 65, 36.5), testing::bytes(render::blend_over(s.style.land, s.style.area_highlight))));
  CHECK(near(s.probe(img, 62.5, 33.75), testing::bytes(s.style.land_region)));
}

TEST_CASE("a province-level incident fills its province with the highlight colour") {
  AreaScene s({incident("p", "2022-03", EventType::Attack, 0, 0, 3, LocationPrecision::Province, "Upper West", "WST")});
  const auto img = s.render({.window = days("2022", "2022")});
  CHECK(near(s.probe(img, 62.5, 33.75), s.highlighted()));
  CHECK(near(s.probe(img, 61, 34.5), s.highlighted()));
  CHECK(near(s.probe(img, 62.5, 31.25), testing::bytes(s.style.land_region)));
  CHECK(near(s.probe(img, 67.5, 33.75), testing::bytes(s.style.land_region)));
  CHECK(s.map->area_counts().admin1[*testing::synthetic_boundaries().find_admin1("Upper West")] == 1);

  SECTION("and not when the window excludes it") {
    const auto later = s.render({.window = days("2023", "2023")});
    CHECK(near(s.probe(later, 62.5, 33.75), testing::bytes(s.style.land_region)));
    CHECK(s.map->area_counts().total == 0);
  }
  SECTION("and not when its type is filtered out") {
    const auto masked = s.render({.window = days("2022", "2022"), .type_mask = 1u << unsigned(EventType::Other)});
    CHECK(near(s.probe(masked, 62.5, 33.75), testing::bytes(s.style.land_region)));
  }
}

TEST_CASE("a country-level incident highlights the whole country through its provinces") {
  AreaScene s({incident("c", "2022", EventType::Other, 0, 0, 0, LocationPrecision::Country, "", "EST")});
  const auto img = s.render({.window = days("2022-05", "2022-05")});
  CHECK(near(s.probe(img, 67.5, 33.75), s.highlighted()));
  CHECK(near(s.probe(img, 67.5, 31.25), s.highlighted()));
  CHECK(near(s.probe(img, 62.5, 31.25), testing::bytes(s.style.land_region)));
}

TEST_CASE("an area colour override tints only that area") {
  testing::MapScene s(200, 120);
  const auto& b = testing::synthetic_boundaries();
  std::vector<render::Rgba> admin1(b.admin1().size(), render::Rgba{0, 0, 0, 0});
  admin1[*b.find_admin1("Lower East")] = render::Rgba::hex(0x2060A0);
  s.map->set_area_colours({}, admin1);
  const auto img = s.render({.window = days("2022", "2022")});
  CHECK(near(s.probe(img, 67.5, 31.25), testing::bytes(render::Rgba::hex(0x2060A0))));
  CHECK(near(s.probe(img, 67.5, 33.75), testing::bytes(s.style.land_region)));
  s.map->set_area_colours({}, {});
  CHECK(near(s.probe(s.render({.window = days("2022", "2022")}), 67.5, 31.25), testing::bytes(s.style.land_region)));
}
