// What the Problems window shows after a load, and the "Load valid rows" transition.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "core/incident_loader.hpp"
#include "state/load_report.hpp"
#include "state/view_state.hpp"

using namespace driftmap;
using namespace driftmap::state;

namespace {
std::string write_temp(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / "driftmap_test_load_report";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / name).string();
  std::ofstream(path) << text;
  return path;
}

const char* kTwoBadRows =
    "id,date_start,lat,lon,event_type\n"
    "a,2022-01-10,34.5,69.2,attack\n"
    "b,2022-13-01,34.5,69.2,attack\n"
    "c,2022-02-10,north,69.2,attack\n"
    "d,2022-03-10,34.4,70.4,attack\n";
}  // namespace

TEST_CASE("a file with bad rows is refused with its errors and the offer to load the valid rows") {
  const std::string path = write_temp("two_bad_rows.csv", kTwoBadRows);
  const core::LoadResult r = core::load_incidents(path);
  REQUIRE_FALSE(r.ok());
  const LoadReport rep = make_load_report(path, r, false);
  CHECK(rep.outcome == LoadOutcome::Refused);
  CHECK(rep.error_count() == 2);
  CHECK(rep.can_load_valid_rows);
  CHECK(rep.needs_attention());

  ViewState v;
  add_load_report(v, rep);
  REQUIRE(v.load_reports.size() == 1);
  CHECK(v.show_problems);
  CHECK(problems_summary(v) == "2 problems");

  SECTION("Load valid rows queues a reload of that file") {
    request_load_valid_rows(v, 0);
    CHECK(v.reload_path == path);
    REQUIRE(v.actions.size() == 1);
    CHECK(v.actions[0] == Action::LoadValidRows);

    SECTION("which loads the valid rows and replaces the refusal with what was skipped") {
      const core::LoadResult again = core::load_incidents(path, {.skip_invalid = true});
      REQUIRE(again.ok());
      add_load_report(v, make_load_report(path, again, true));
      REQUIRE(v.load_reports.size() == 1);
      const LoadReport& skipped = v.load_reports[0];
      CHECK(skipped.outcome == LoadOutcome::LoadedSkipping);
      CHECK(skipped.rows_loaded == 2);
      CHECK(skipped.rows_skipped == 2);
      CHECK(skipped.problems.size() == 2);  // the skipped rows' errors stay listed
      CHECK_FALSE(skipped.can_load_valid_rows);
    }
  }
  SECTION("Dismiss all clears the reports and closes the window") {
    v.errors.push_back({});
    dismiss_problems(v);
    CHECK(v.load_reports.empty());
    CHECK(v.errors.empty());
    CHECK_FALSE(v.show_problems);
    CHECK(problems_summary(v).empty());
  }
}

TEST_CASE("a file whose every row is bad offers no Load valid rows") {
  const std::string path = write_temp("all_bad.csv", "id,date_start,lat,lon\na,2022-13-01,34,69\nb,nope,34,69\n");
  const LoadReport rep = make_load_report(path, core::load_incidents(path), false);
  CHECK(rep.outcome == LoadOutcome::Refused);
  CHECK_FALSE(rep.can_load_valid_rows);
  ViewState v;
  request_load_valid_rows(v, 0);  // no report: nothing queued
  CHECK(v.actions.empty());
}

TEST_CASE("a missing file is refused with a problem naming it") {
  const LoadReport rep = make_load_report("/nonexistent/x.csv", core::load_incidents("/nonexistent/x.csv"), false);
  CHECK(rep.outcome == LoadOutcome::Refused);
  REQUIRE_FALSE(rep.problems.empty());
  CHECK_FALSE(rep.can_load_valid_rows);
}

TEST_CASE("notes are kept apart from problems and do not open the window") {
  core::LoadResult r;
  core::DatasetBuilder b;
  core::Incident inc;
  inc.date.start = {2022, 1, 1, core::DatePrecision::Day};
  b.add(inc);
  r.dataset = std::move(b).build();
  r.problems.note("names.csv", 2, "location", "placed at province precision from the province: Nangarhar");
  const LoadReport rep = make_load_report("names.csv", r, false);
  CHECK(rep.outcome == LoadOutcome::Loaded);
  CHECK(rep.problems.empty());
  REQUIRE(rep.notes.size() == 1);
  CHECK_FALSE(rep.needs_attention());
  ViewState v;
  add_load_report(v, rep);
  CHECK_FALSE(v.show_problems);
  CHECK(v.load_reports.size() == 1);
  CHECK(problems_summary(v) == "1 note");
}

TEST_CASE("a clean load leaves no report") {
  core::LoadResult r;
  core::DatasetBuilder b;
  core::Incident inc;
  inc.date.start = {2022, 1, 1, core::DatePrecision::Day};
  b.add(inc);
  r.dataset = std::move(b).build();
  ViewState v;
  add_load_report(v, make_load_report("ok.csv", r, false));
  CHECK(v.load_reports.empty());
  CHECK_FALSE(v.show_problems);
}
