// The viewer's workspace: bundled data plus the user's files, merged and indexed.
#include <catch2/catch.hpp>

#include "app/viewer/workspace.hpp"
#include "viewer_fixture.hpp"

using namespace driftmap;

TEST_CASE("the workspace shows the bundle alone until a file is added, then both") {
  app::Workspace ws;
  REQUIRE(ws.load_boundaries());
  ws.load_bundle(false);
  REQUIRE(ws.bundle());
  ws.index_active();
  const size_t bundled = ws.bundle()->incidents.size();
  CHECK(ws.active().size() == bundled);
  CHECK(ws.extra_count() == 0);

  core::DatasetBuilder b;
  b.add(testing::viewer_incident("added", 69.17, 34.53, 1));
  core::Dataset d = std::move(b).build();
  d.path = "added.csv";
  ws.add_dataset(std::move(d));
  CHECK(ws.active().size() == bundled + 1);
  CHECK(ws.extra_paths() == std::vector<std::string>{"added.csv"});
  CHECK(ws.has_extra("added.csv"));
  CHECK(ws.bundle()->incidents.size() == bundled);  // the bundle keeps its own rows
  CHECK(ws.areas().area_of_row().size() == ws.active().size());
}

TEST_CASE("the workspace's boxes hold Afghanistan and Pakistan inside the wider region") {
  app::Workspace ws;
  REQUIRE(ws.load_boundaries());
  REQUIRE(ws.home_box.valid());
  CHECK(ws.home_box.min_lon < 62);   // Herat
  CHECK(ws.home_box.max_lon > 74);   // Gilgit-Baltistan
  CHECK(ws.region_box.min_lon < ws.home_box.min_lon);  // Iran lies west
  const core::GeoBox aoi = ws.initial_area_of_interest();
  CHECK(aoi.min_lon < ws.region_box.min_lon);
  CHECK(aoi.max_lat > ws.region_box.max_lat);
}
