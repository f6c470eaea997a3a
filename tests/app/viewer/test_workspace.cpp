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

namespace {
core::Dataset file_of(const std::string& path, std::initializer_list<const char*> ids) {
  core::DatasetBuilder b;
  double lon = 66;
  for (const char* id : ids) b.add(testing::viewer_incident(id, lon += 0.5, 33.0, 1));
  core::Dataset d = std::move(b).build();
  d.path = path;
  return d;
}
}  // namespace

TEST_CASE("a file opened again replaces its rows instead of adding them twice") {
  app::Workspace ws;
  REQUIRE(ws.load_boundaries());
  ws.load_bundle(false);
  const size_t bundled = ws.bundle()->incidents.size();
  CHECK_FALSE(ws.add_dataset(file_of("data/a.csv", {"a1", "a2"})));
  CHECK(ws.active().size() == bundled + 2);
  SECTION("the same path") { CHECK(ws.add_dataset(file_of("data/a.csv", {"a1", "a2", "a3"}))); }
  SECTION("the same file under another spelling") {
    CHECK(ws.add_dataset(file_of("data/../data/./a.csv", {"a1", "a2", "a3"})));
  }
  CHECK(ws.extra_count() == 1);
  CHECK(ws.active().size() == bundled + 3);
  CHECK(ws.files().front().rows.size() == 3);
}

TEST_CASE("hidden and removed files leave the active data; the bundle can be hidden too") {
  app::Workspace ws;
  REQUIRE(ws.load_boundaries());
  ws.load_bundle(false);
  const size_t bundled = ws.bundle()->incidents.size();
  ws.add_dataset(file_of("a.csv", {"a1", "a2"}));
  ws.add_dataset(file_of("b.csv", {"b1"}));
  CHECK(ws.active().size() == bundled + 3);

  CHECK(ws.set_visible("a.csv", false));
  CHECK_FALSE(ws.set_visible("a.csv", false));  // no change
  CHECK(ws.active().size() == bundled + 1);
  CHECK(ws.areas().area_of_row().size() == ws.active().size());
  CHECK(ws.set_visible("", false));  // the bundle
  CHECK(ws.active().size() == 1);
  CHECK(ws.active().id(0) == "b1");
  CHECK(ws.set_visible("b.csv", false));
  CHECK(ws.active().empty());

  CHECK(ws.set_visible("a.csv", true));
  CHECK(ws.active().size() == 2);
  CHECK(ws.remove_file("a.csv"));
  CHECK_FALSE(ws.remove_file("a.csv"));
  CHECK(ws.active().empty());  // b.csv and the bundle are still hidden
  CHECK(ws.extra_paths() == std::vector<std::string>{"b.csv"});
  CHECK(ws.set_visible("", true));
  CHECK(ws.active().size() == bundled);
  // A file opened again is shown again.
  CHECK(ws.add_dataset(file_of("b.csv", {"b1", "b2"})));
  CHECK(ws.active().size() == bundled + 2);
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
