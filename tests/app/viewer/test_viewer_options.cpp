// The viewer's command line.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "app/cli_args.hpp"
#include "app/viewer/viewer_options.hpp"

using namespace driftmap;

namespace {
std::optional<int> parse(std::vector<std::string> args, app::ViewerOptions* o) {
  args.insert(args.begin(), "driftmap");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  return app::parse_viewer_options(int(argv.size()), argv.data(), o);
}
}  // namespace

TEST_CASE("viewer options: files, size, view and window are read") {
  app::ViewerOptions o;
  REQUIRE_FALSE(parse({"a.csv", "--size", "1920x1080", "--view", "world", "--from", "2022", "--to", "2022-06"}, &o));
  CHECK(o.files == std::vector<std::string>{"a.csv"});
  CHECK(o.width == 1920);
  CHECK(o.height == 1080);
  CHECK(o.view == "world");
  REQUIRE(o.window);
  CHECK(o.window->start_month == core::month_index(2022, 1));
  CHECK(o.window->end_month == core::month_index(2022, 7));  // --to is inclusive
}

TEST_CASE("viewer options: the self-tests render three frames unless told otherwise") {
  app::ViewerOptions o;
  REQUIRE_FALSE(parse({"--screenshot", "x.png"}, &o));
  CHECK(o.frames == 3);
  app::ViewerOptions e;
  REQUIRE_FALSE(parse({"--export-dialog-test", "x.svg", "--export-size", "a4-landscape"}, &e));
  CHECK(e.frames == 3);
  CHECK(e.export_test_size == "a4-landscape");
}

TEST_CASE("viewer options: a bad value is a usage error") {
  app::ViewerOptions o;
  SECTION("size") { CHECK(parse({"--size", "100x100"}, &o) == app::kExitUsage); }
  SECTION("export size") { CHECK(parse({"--export-size", "huge"}, &o) == app::kExitUsage); }
  SECTION("view") { CHECK(parse({"--view", "moon"}, &o) == app::kExitUsage); }
  SECTION("frames") { CHECK(parse({"--frames", "0"}, &o) == app::kExitUsage); }
  SECTION("window order") { CHECK(parse({"--from", "2023", "--to", "2022"}, &o) == app::kExitUsage); }
}
