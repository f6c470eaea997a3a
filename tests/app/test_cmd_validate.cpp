#include <catch2/catch.hpp>

#include "run_binary.hpp"

using driftmap::test::last_line;
using driftmap::test::run_driftmap;

namespace {
const std::string kData = DRIFTMAP_TEST_DATA;
}

TEST_CASE("validate passes the bundled dataset with its citation checks") {
  auto r = run_driftmap({"validate", "--bundle"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(last_line(r.out).find("incidents, 0 errors") != std::string::npos);
}

TEST_CASE("validate lists every problem of a bad file and exits 1") {
  const std::string f = kData + "/core/bad_rows.csv";
  auto r = run_driftmap({"validate", f});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find(f + ":2: date_start: \"2022-13-45\" has month 13, out of range 1-12\n") != std::string::npos);
  CHECK(r.out.find(f + ":8: killed: \"2.5\" is not a whole number\n") != std::string::npos);
  CHECK(last_line(r.out) == f + ": 10 incidents, 9 errors, 1 warnings");
}

TEST_CASE("validate applies the place rules to a user's file") {
  const std::string f = kData + "/checks/misplaced.csv";
  auto r = run_driftmap({"validate", f});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find(f + ":3: lat/lon: point is outside Nangarhar") != std::string::npos);
  CHECK(r.out.find(f + ":10: country: is given but location_precision is none") != std::string::npos);
  CHECK(last_line(r.out) == f + ": 9 incidents, 7 errors, 0 warnings");
}

TEST_CASE("validate of a good file exits 0 with a zero-error summary") {
  const std::string f = kData + "/core/simple_names.csv";
  auto r = run_driftmap({"validate", f});
  CHECK(r.exit_code == 0);
  CHECK(last_line(r.out) == f + ": 2 incidents, 0 errors, 0 warnings");
}

TEST_CASE("validate without a file is a usage error") {
  auto r = run_driftmap({"validate"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("no FILE given") != std::string::npos);
}

TEST_CASE("validate accepts a user's row whose place is not stated and one dated by a report") {
  const std::string f = kData + "/core/place_not_stated.csv";
  auto r = run_driftmap({"validate", f});
  CHECK(r.exit_code == 0);
  CHECK(last_line(r.out) == f + ": 2 incidents, 0 errors, 0 warnings");
}
