// Session files: what is written reads back the same; bad files are refused with file:line: field.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "state/session.hpp"

using namespace driftmap;
using namespace driftmap::state;

namespace {
std::string all_problems(const core::Problems& p) {
  std::string s;
  for (const auto& x : p.items) s += x.to_string() + "\n";
  return s;
}
}  // namespace

TEST_CASE("a session written to text reads back with the same view, window, filters and files") {
  Session s;
  s.centre_m = core::Vec2{12345.5, -678.25};
  s.metres_per_px = 1234.5;
  s.mode = core::WindowMode::Cumulative;
  s.window_months = 6;
  s.window = core::MonthRange{core::month_index(2022, 1), core::month_index(2023, 7)};
  s.step = core::StepSize::Quarter;
  s.loop = false;
  s.steps_per_second = 4;
  s.filters.types.fill(false);
  s.filters.types[size_t(core::EventType::Attack)] = true;
  s.filters.types[size_t(core::EventType::CrossBorderAttack)] = true;
  s.filters.country = "PAK";
  s.filters.killed_min = 10;
  s.filters.search = "Kabul = airport\\gate";
  s.show_ctc_shift = false;
  s.show_region_counts = true;
  s.show_labels = false;
  s.data_files = {"/tmp/a.csv", "/tmp/b c.geojson"};

  core::Problems problems;
  const auto back = parse_session(format_session(s), "s.ini", &problems);
  INFO(all_problems(problems));
  REQUIRE(back);
  CHECK(back->centre_m->x == s.centre_m->x);
  CHECK(back->centre_m->y == s.centre_m->y);
  CHECK(*back->metres_per_px == *s.metres_per_px);
  CHECK(back->mode == s.mode);
  CHECK(back->window_months == 6);
  CHECK(*back->window == *s.window);
  CHECK(back->step == s.step);
  CHECK(back->loop == false);
  CHECK(back->steps_per_second == 4);
  CHECK(back->filters == s.filters);
  CHECK(back->show_ctc_shift == false);
  CHECK(back->show_region_counts == true);
  CHECK(back->show_labels == false);
  CHECK(back->data_files == s.data_files);
}

TEST_CASE("the session's time window is written as inclusive months") {
  Session s;
  s.window = core::MonthRange{core::month_index(2022, 1), core::month_index(2023, 7)};
  const std::string text = format_session(s);
  CHECK(text.find("from = 2022-01\n") != std::string::npos);
  CHECK(text.find("to = 2023-06\n") != std::string::npos);
}

TEST_CASE("a bad value in a session file is reported with file, line and field") {
  const std::string text =
      "driftmap_session = 1\n"
      "[view]\n"
      "metres_per_px = lots\n"
      "[time]\n"
      "mode = sideways\n"
      "from = 2022-13\n"
      "[filters]\n"
      "types = attack,bombing\n"
      "killed_min = -3\n"
      "[layers]\n"
      "labels = maybe\n";
  core::Problems problems;
  CHECK_FALSE(parse_session(text, "bad.ini", &problems));
  const std::string all = all_problems(problems);
  INFO(all);
  CHECK(all.find("bad.ini:3: view.metres_per_px: \"lots\" is not a number") != std::string::npos);
  CHECK(all.find("bad.ini:5: time.mode:") != std::string::npos);
  CHECK(all.find("bad.ini:6: time.from:") != std::string::npos);
  CHECK(all.find("bad.ini:8: filters.types: \"bombing\" is not an event type") != std::string::npos);
  CHECK(all.find("bad.ini:9: filters.killed_min:") != std::string::npos);
  CHECK(all.find("bad.ini:11: layers.labels:") != std::string::npos);
  CHECK(problems.error_count() == 6);
}

TEST_CASE("a session file without the version line is refused") {
  core::Problems problems;
  CHECK_FALSE(parse_session("[view]\nmetres_per_px = 10\n", "x.ini", &problems));
  REQUIRE(problems.has_errors());
  CHECK(problems.items[0].to_string().find("x.ini:1") != std::string::npos);
  CHECK(problems.items[0].message.find("driftmap_session") != std::string::npos);
}

TEST_CASE("a session file from a newer version is refused naming the version") {
  core::Problems problems;
  CHECK_FALSE(parse_session("driftmap_session = 7\n", "new.ini", &problems));
  REQUIRE(problems.has_errors());
  CHECK(problems.items[0].to_string() ==
        "new.ini:1: driftmap_session: version 7 is not supported (this driftmap reads version 1)");
}

TEST_CASE("unknown sections and keys in a session file are errors") {
  core::Problems problems;
  CHECK_FALSE(parse_session("driftmap_session = 1\n[colours]\n[view]\nzoom = 3\n", "u.ini", &problems));
  const std::string all = all_problems(problems);
  CHECK(all.find("u.ini:2:") != std::string::npos);
  CHECK(all.find("u.ini:4: view.zoom: unknown key") != std::string::npos);
}

TEST_CASE("a session whose window ends before it starts is refused") {
  core::Problems problems;
  CHECK_FALSE(parse_session("driftmap_session = 1\n[time]\nfrom = 2023-01\nto = 2022-01\n", "w.ini", &problems));
  REQUIRE(problems.items.size() == 1);
  CHECK(problems.items[0].to_string() == "w.ini:4: time.to: ends before time.from");
}

TEST_CASE("binary junk is refused as a session file without a crash") {
  const std::string path = (std::filesystem::temp_directory_path() / "driftmap_junk_session.ini").string();
  {
    std::ofstream f(path, std::ios::binary);
    f << std::string("\xff\xfe\x00\x01garbage", 11);
  }
  core::Problems problems;
  CHECK_FALSE(read_session_file(path, &problems));
  CHECK(problems.has_errors());
  std::remove(path.c_str());
}

TEST_CASE("a session file saved to disk opens again with the same contents") {
  const std::string path = (std::filesystem::temp_directory_path() / "driftmap_test_session.ini").string();
  Session s;
  s.filters.search = "Jalalabad";
  s.window = core::MonthRange{core::month_index(2020, 3), core::month_index(2020, 6)};
  core::Problems problems;
  REQUIRE(write_session_file(path, s, &problems));
  const auto back = read_session_file(path, &problems);
  REQUIRE(back);
  CHECK(back->filters.search == "Jalalabad");
  CHECK(*back->window == *s.window);
  CHECK_FALSE(std::filesystem::exists(path + ".tmp"));
  std::remove(path.c_str());
}

TEST_CASE("a missing session file is reported with its path") {
  core::Problems problems;
  CHECK_FALSE(read_session_file("/nonexistent/dir/s.ini", &problems));
  REQUIRE(problems.has_errors());
  CHECK(problems.items[0].to_string().rfind("/nonexistent/dir/s.ini: ", 0) == 0);
}

TEST_CASE("a session never replaces a file that is not a session") {
  const auto dir = std::filesystem::temp_directory_path() / "driftmap_test_session_target";
  std::filesystem::create_directories(dir);
  const std::string csv = (dir / "mine.csv").string(), notes = (dir / "notes.ini").string(),
                    old = (dir / "old.ini").string(), fresh = (dir / "new.ini").string();
  std::ofstream(csv) << "id,date,lat,lon\na,2022,1,2\n";
  std::ofstream(notes) << "my notes\n";
  std::ofstream(old) << "# driftmap session\n\ndriftmap_session = 1\n";
  std::filesystem::remove(fresh);

  SECTION("what a save would do is told apart") {
    CHECK(session_target(fresh) == SessionTarget::New);
    CHECK(session_target(old) == SessionTarget::Session);
    std::string why;
    CHECK(session_target(notes, &why) == SessionTarget::NotSession);
    CHECK(why == "it is not a driftmap session");
    CHECK(session_target(csv) == SessionTarget::NotSession);
    CHECK(session_target((dir / "absent.csv").string()) == SessionTarget::NotSession);
    CHECK(session_target(dir.string()) == SessionTarget::NotSession);
  }
  SECTION("writing over a data file or notes is refused and leaves them as they were") {
    for (const std::string& path : {csv, notes}) {
      std::ifstream in(path);
      const std::string before((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      core::Problems problems;
      CHECK_FALSE(write_session_file(path, Session{}, &problems));
      REQUIRE(problems.has_errors());
      CHECK(problems.items[0].to_string().find(path) != std::string::npos);
      std::ifstream again(path);
      CHECK(std::string((std::istreambuf_iterator<char>(again)), std::istreambuf_iterator<char>()) == before);
    }
  }
  SECTION("an earlier session can be replaced") {
    core::Problems problems;
    CHECK(write_session_file(old, Session{}, &problems));
  }
  std::filesystem::remove_all(dir);
}
