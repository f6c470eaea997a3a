// The named views of geodata/views.csv: the boxes the viewer fits and the projection centre that
// the viewer, saved sessions and exports of a saved view share.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/named_views.hpp"

using namespace driftmap::core;

namespace {

const Boundaries& boundaries() {
  static const Boundaries b = [] {
    Problems p;
    return *Boundaries::load_bundled(&p);
  }();
  return b;
}

std::string write_views(const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / "driftmap-test-views.csv";
  std::ofstream(path) << text;
  return path.string();
}

}  // namespace

TEST_CASE("the bundled views load without problems and frame Afghanistan and Pakistan, then the region") {
  Problems problems;
  const auto views = load_bundled_views(boundaries(), &problems);
  CHECK(problems.items.empty());
  const GeoBox home = named_view_box(views, kHomeView, boundaries());
  const GeoBox region = named_view_box(views, kRegionView, boundaries());
  REQUIRE(home.valid());
  REQUIRE(region.valid());
  CHECK(home.contains(69.17, 34.53));   // Kabul
  CHECK(home.contains(71.58, 34.01));   // Peshawar
  CHECK_FALSE(home.contains(57.08, 30.28));  // Kerman lies west of the home view ...
  CHECK(region.contains(57.08, 30.28));      // ... inside the region view
  const Vec2 c = home_projection_centre(views, boundaries());
  CHECK(c.x == Approx(home.centre_lon()));
  CHECK(c.y == Approx(home.centre_lat()));
  CHECK(bundled_home_projection_centre(boundaries()).x == Approx(c.x));
}

TEST_CASE("a views table names its problems by line and field; unknown views give no box") {
  Problems problems;
  const std::string path = write_views("view,label,countries\nhome,Home,AFG;XYZ\n,Nameless,PAK\n");
  const auto views = load_named_views(path, boundaries(), &problems);
  REQUIRE(problems.items.size() == 2);
  CHECK(problems.items[0].line == 2);
  CHECK(problems.items[0].field == "countries");
  CHECK(problems.items[0].message.find("XYZ") != std::string::npos);
  CHECK(problems.items[1].line == 3);
  CHECK(problems.items[1].field == "view");
  REQUIRE(views.size() == 1);
  CHECK(views[0].countries == std::vector<std::string>{"AFG"});
  CHECK_FALSE(named_view_box(views, kRegionView, boundaries()).valid());
  // Without a home view the projection is centred on all the boundaries' countries.
  const Vec2 c = home_projection_centre({}, boundaries());
  CHECK(std::isfinite(c.x));
  CHECK(std::isfinite(c.y));
  std::remove(path.c_str());
}

TEST_CASE("a missing views table is an error naming the file") {
  Problems problems;
  CHECK(load_named_views("/nonexistent/views.csv", boundaries(), &problems).empty());
  REQUIRE_FALSE(problems.items.empty());
  CHECK(problems.items[0].file.find("views.csv") != std::string::npos);
}
