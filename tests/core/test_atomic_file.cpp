#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/atomic_file.hpp"
#include "../support/synthetic_geodata.hpp"

using namespace driftmap::core;
namespace fs = std::filesystem;
using driftmap::testing::TempDir;

namespace {

std::string read_all(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

void write_plain(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace

TEST_CASE("an atomic write creates the file and leaves no temporary file behind") {
  TempDir dir;
  std::string error;
  REQUIRE(write_file_atomically(dir.file("a.geojson"), "{\"type\":\"FeatureCollection\"}", &error));
  CHECK(error.empty());
  CHECK(read_all(dir.file("a.geojson")) == "{\"type\":\"FeatureCollection\"}");
  CHECK(dir.entries() == 1);
}

TEST_CASE("the target is untouched until commit, and after an abandoned write") {
  TempDir dir;
  const std::string target = dir.file("map.png");
  write_plain(target, "old image");
  SECTION("abandoned: the destructor removes the temporary file") {
    {
      AtomicFile f(target);
      REQUIRE(f.ok());
      CHECK(fs::path(f.temp_path()).parent_path() == dir.path);
      CHECK(fs::path(f.temp_path()).filename().string().rfind(".map.png.tmp-", 0) == 0);
      REQUIRE(f.write("new ima"));
      CHECK(read_all(target) == "old image");  // partial content never visible
      CHECK(dir.entries() == 2);
    }
    CHECK(read_all(target) == "old image");
    CHECK(dir.entries() == 1);
  }
  SECTION("a writer's failure means commit refuses and the old file stays") {
    AtomicFile f(target);
    REQUIRE(f.write("half"));
    f.fail("encoder failed: out of memory");
    CHECK_FALSE(f.commit());
    CHECK(f.error() == target + ": encoder failed: out of memory");
    CHECK(read_all(target) == "old image");
  }
  SECTION("commit replaces the existing file with the complete new one") {
    AtomicFile f(target);
    REQUIRE(f.write("new "));
    REQUIRE(f.write("image"));
    REQUIRE(f.commit());
    CHECK(read_all(target) == "new image");
    CHECK(dir.entries() == 1);
    CHECK(f.commit());  // idempotent
  }
}

TEST_CASE("a replaced file keeps its permissions") {
  TempDir dir;
  const std::string target = dir.file("s.driftmap");
  write_plain(target, "x");
  fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  REQUIRE(write_file_atomically(target, "y"));
  CHECK((fs::status(target).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
}

TEST_CASE("writing into a missing directory fails with a clear error") {
  TempDir dir;
  const std::string target = dir.file("missing/out.svg");
  std::string error;
  CHECK_FALSE(write_file_atomically(target, "<svg/>", &error));
  CHECK(error == target + ": directory " + dir.file("missing") + " does not exist");
  CHECK_FALSE(fs::exists(dir.file("missing")));
}

TEST_CASE("a directory or an empty name is not a file to write") {
  TempDir dir;
  fs::create_directory(dir.file("sub"));
  std::string error;
  CHECK_FALSE(write_file_atomically(dir.file("sub"), "x", &error));
  CHECK(error == dir.file("sub") + ": is a directory");
  CHECK_FALSE(write_file_atomically("", "x", &error));
  CHECK(error == ": not a file name");
  CHECK_FALSE(write_file_atomically(dir.file("sub/"), "x", &error));
  CHECK(error == dir.file("sub/") + ": not a file name");
  CHECK(fs::is_empty(dir.file("sub")));
}

TEST_CASE("a parent that is a file is reported as not a directory") {
  TempDir dir;
  write_plain(dir.file("plain"), "x");
  std::string error;
  CHECK_FALSE(write_file_atomically(dir.file("plain/out.mp4"), "x", &error));
  CHECK(error == dir.file("plain/out.mp4") + ": " + dir.file("plain") + " is not a directory");
}
