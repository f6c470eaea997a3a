// The Open dialog's file browser: listing, filter, order, keys, unreadable folders.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "state/file_browser.hpp"

using namespace driftmap::state;
namespace fs = std::filesystem;

namespace {
fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "driftmap_test_browser" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void touch(const fs::path& p) { std::ofstream(p) << "x\n"; }

std::vector<std::string> names(const FolderListing& l) {
  std::vector<std::string> out;
  for (const FolderEntry& e : l.entries) out.push_back(e.name);
  return out;
}

// b.txt, A.CSV, c.gpkg, notes.docx, .hidden.csv, folders zeta/ and Alpha/, .git/
fs::path sample_folder(const std::string& name) {
  const fs::path dir = fresh_dir(name);
  for (const char* f : {"b.txt", "A.CSV", "c.gpkg", "notes.docx", ".hidden.csv"}) touch(dir / f);
  for (const char* d : {"zeta", "Alpha", ".git"}) fs::create_directory(dir / d);
  return dir;
}
}  // namespace

TEST_CASE("incident data is recognised by its extension in any case") {
  for (const char* n : {"a.csv", "a.TSV", "a.txt", "x.gpkg", "x.GeoJSON", "x.json", "x.shp", "a.b.csv"})
    CHECK(is_incident_data_name(n));
  for (const char* n : {"a.docx", "csv", "a.csv.bak", "a.png", ""}) CHECK_FALSE(is_incident_data_name(n));
}

TEST_CASE("a folder lists '..', then its folders, then its files, each sorted by name") {
  const fs::path dir = sample_folder("order");
  SECTION("incident data only") {
    const FolderListing l = list_folder(dir.string(), FileFilter::IncidentData);
    CHECK(l.error.empty());
    CHECK(names(l) == std::vector<std::string>{"..", "Alpha", "zeta", "A.CSV", "b.txt", "c.gpkg"});
    CHECK(l.entries[0].parent);
    CHECK(l.entries[1].folder);
    CHECK_FALSE(l.entries[3].folder);
    CHECK(l.hidden_by_filter == 1);  // notes.docx
  }
  SECTION("all files") {
    const FolderListing l = list_folder(dir.string(), FileFilter::AllFiles);
    CHECK(names(l) == std::vector<std::string>{"..", "Alpha", "zeta", "A.CSV", "b.txt", "c.gpkg", "notes.docx"});
    CHECK(l.hidden_by_filter == 0);
  }
}

TEST_CASE("the root folder has no '..'") {
  const FolderListing l = list_folder("/", FileFilter::IncidentData);
  REQUIRE_FALSE(l.entries.empty());
  CHECK_FALSE(l.entries.front().parent);
  CHECK(l.folder == "/");
}

TEST_CASE("a missing or unreadable folder is named in the error and keeps '..'") {
  const fs::path dir = fresh_dir("unreadable");
  SECTION("missing") {
    const FolderListing l = list_folder((dir / "nope").string(), FileFilter::IncidentData);
    CHECK(l.error.find("cannot read " + (dir / "nope").string()) == 0);
    CHECK(names(l) == std::vector<std::string>{".."});
  }
  SECTION("no permission") {
    if (geteuid() == 0) return;  // root reads every folder
    fs::create_directory(dir / "locked");
    fs::permissions(dir / "locked", fs::perms::none);
    const FolderListing l = list_folder((dir / "locked").string(), FileFilter::IncidentData);
    fs::permissions(dir / "locked", fs::perms::owner_all);
    CHECK(l.error.find("cannot read") == 0);
    CHECK(names(l) == std::vector<std::string>{".."});
  }
  SECTION("a file, not a folder") {
    touch(dir / "f.csv");
    const FolderListing l = list_folder((dir / "f.csv").string(), FileFilter::IncidentData);
    CHECK_FALSE(l.error.empty());
  }
}

TEST_CASE("Enter on a folder enters it, on '..' goes up with the folder left highlighted, on a file returns it") {
  const fs::path dir = sample_folder("keys");
  touch(dir / "zeta" / "inside.csv");
  FileBrowser b;
  browse_to(b, dir.string() + "/");
  CHECK(b.folder == dir.string());  // one folder, with or without the trailing separator
  REQUIRE(b.needs_listing());
  set_listing(b, list_folder(b.folder, b.filter));
  CHECK_FALSE(b.needs_listing());
  CHECK(b.cursor == 0);

  move_cursor(b, +2);  // "..", "Alpha", "zeta"
  CHECK(b.listing.entries[b.cursor].name == "zeta");
  CHECK_FALSE(activate(b, b.cursor));
  CHECK(b.folder == (dir / "zeta").string());
  set_listing(b, list_folder(b.folder, b.filter));
  CHECK(names(b.listing) == std::vector<std::string>{"..", "inside.csv"});

  move_cursor(b, +5);  // clamped to the last entry
  CHECK(b.cursor == 1);
  CHECK(activate(b, b.cursor) == (dir / "zeta" / "inside.csv").string());

  browse_up(b);  // Backspace
  CHECK(b.folder == dir.string());
  set_listing(b, list_folder(b.folder, b.filter));
  CHECK(b.listing.entries[b.cursor].name == "zeta");
  move_cursor(b, -10);
  CHECK(b.cursor == 0);
  CHECK_FALSE(activate(b, 0));  // ".."
  CHECK(b.folder == dir.parent_path().string());
}

TEST_CASE("changing the filter asks for a new listing") {
  FileBrowser b;
  browse_to(b, fresh_dir("filter").string());
  set_listing(b, list_folder(b.folder, b.filter));
  b.filter = FileFilter::AllFiles;
  CHECK(b.needs_listing());
}

TEST_CASE("recent folders are the recent files' folders, most recent first, each once") {
  CHECK(recent_folders({"/d/a.csv", "/e/b.csv", "/d/c.csv", "plain.csv"}) == std::vector<std::string>{"/d", "/e"});
}
