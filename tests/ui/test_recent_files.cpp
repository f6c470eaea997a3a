// File → Open recent, kept across runs.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "ui/recent_files.hpp"

using namespace driftmap::ui;
namespace fs = std::filesystem;

namespace {
fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "driftmap_test_recent" / name;
  fs::remove_all(dir);
  return dir;
}
}  // namespace

TEST_CASE("the recent-files list survives a write and a read") {
  const fs::path dir = fresh_dir("round_trip");
  const std::string path = (dir / "driftmap" / "recent").string();  // the directory does not exist yet
  const std::vector<std::string> files = {"/data/b.csv", "/data/a b.geojson", "/data/ünïcode.gpkg"};
  std::string error;
  REQUIRE(write_recent_files(path, files, &error));
  CHECK(error.empty());
  CHECK(read_recent_files(path) == files);
  // Nothing but the list is left in the directory (written through a temporary file).
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir / "driftmap")) ++entries;
  CHECK(entries == 1);
}

TEST_CASE("a missing recent-files list is empty") {
  CHECK(read_recent_files((fresh_dir("missing") / "recent").string()).empty());
  CHECK(read_recent_files("").empty());
}

TEST_CASE("reading drops blank lines, duplicates and entries beyond the limit") {
  const fs::path dir = fresh_dir("messy");
  fs::create_directories(dir);
  std::ofstream out(dir / "recent");
  out << "/a.csv\r\n\n/b.csv\n/a.csv\n";
  for (int i = 0; i < 20; ++i) out << "/f" << i << ".csv\n";
  out.close();
  const auto list = read_recent_files((dir / "recent").string());
  REQUIRE(list.size() == kMaxRecentFiles);
  CHECK(list[0] == "/a.csv");
  CHECK(list[1] == "/b.csv");
  CHECK(list[2] == "/f0.csv");
}

TEST_CASE("remembering a file puts it first, once, as an absolute path") {
  std::vector<std::string> list = {"/x.csv", "/y.csv"};
  remember_recent_file(list, "/y.csv");
  CHECK(list == std::vector<std::string>{"/y.csv", "/x.csv"});
  remember_recent_file(list, "rel/z.csv");
  REQUIRE(list.size() == 3);
  CHECK(fs::path(list[0]).is_absolute());
  CHECK(list[0].ends_with("rel/z.csv"));
  for (int i = 0; i < 20; ++i) remember_recent_file(list, "/n" + std::to_string(i) + ".csv");
  CHECK(list.size() == kMaxRecentFiles);
  CHECK(list[0] == "/n19.csv");
}

TEST_CASE("the list lives under XDG_CONFIG_HOME, else ~/.config") {
  const char* old_xdg = std::getenv("XDG_CONFIG_HOME");
  const std::string saved = old_xdg ? old_xdg : "";
  setenv("XDG_CONFIG_HOME", "/tmp/cfg", 1);
  CHECK(recent_files_path() == "/tmp/cfg/driftmap/recent");
  unsetenv("XDG_CONFIG_HOME");
  if (const char* home = std::getenv("HOME"); home && *home)
    CHECK(recent_files_path() == std::string(home) + "/.config/driftmap/recent");
  if (old_xdg) setenv("XDG_CONFIG_HOME", saved.c_str(), 1);
}
