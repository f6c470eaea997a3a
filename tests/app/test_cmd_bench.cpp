// `driftmap gen` and `driftmap bench` as a user runs them: small sizes only (no timing asserts;
// the figures themselves are in BENCHMARKS.md).
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <string>
#include <unistd.h>

#include "core/incident_loader.hpp"
#include "run_binary.hpp"

using driftmap::test::last_line;
using driftmap::test::read_all;
using driftmap::test::run_driftmap;
namespace fs = std::filesystem;

namespace {
std::string temp_path(const std::string& name) {
  return (fs::temp_directory_path() / ("driftmap-bench-test-" + std::to_string(getpid()) + "-" + name)).string();
}
}  // namespace

TEST_CASE("gen with the same seed writes byte-identical files, another seed a different one") {
  const std::string a = temp_path("a.csv"), b = temp_path("b.csv"), c = temp_path("c.csv");
  REQUIRE(run_driftmap({"gen", "--n", "2000", "--out", a, "--seed", "7"}).exit_code == 0);
  REQUIRE(run_driftmap({"gen", "--n", "2000", "--out", b, "--seed", "7"}).exit_code == 0);
  REQUIRE(run_driftmap({"gen", "--n", "2000", "--out", c, "--seed", "8"}).exit_code == 0);
  const std::string ta = read_all(a);
  CHECK(ta == read_all(b));
  CHECK(ta != read_all(c));
  for (const auto& p : {a, b, c}) fs::remove(p);
}

TEST_CASE("gen writes a valid driftmap CSV of exactly n incidents with mixed date precision") {
  const std::string path = temp_path("valid.csv");
  const auto r = run_driftmap({"gen", "--n", "5000", "--out", path});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string text = read_all(path);
  CHECK(text.starts_with("date,lat,lon,event_type,killed\n"));
  const auto loaded = driftmap::core::load_incidents(path);
  REQUIRE(loaded.ok());
  CHECK(loaded.problems.items.empty());
  REQUIRE(loaded.dataset->size() == 5000);
  size_t day = 0;
  for (size_t i = 0; i < loaded.dataset->size(); ++i)
    day += loaded.dataset->start_precision(i) == driftmap::core::DatePrecision::Day;
  CHECK(day > 4000);
  CHECK(day < 5000);
  // The OGR path reads the same file to the same rows.
  driftmap::core::LoadOptions ogr;
  ogr.force_ogr = true;
  const auto slow = driftmap::core::load_incidents(path, ogr);
  REQUIRE(slow.ok());
  CHECK(slow.dataset->size() == 5000);
  fs::remove(path);
}

TEST_CASE("gen refuses a missing or bad --n and an unwritable --out") {
  CHECK(run_driftmap({"gen", "--out", temp_path("x.csv")}).exit_code == 2);
  CHECK(run_driftmap({"gen", "--n", "ten", "--out", temp_path("x.csv")}).exit_code == 2);
  CHECK(run_driftmap({"gen", "--n", "0", "--out", temp_path("x.csv")}).exit_code == 2);
  const auto r = run_driftmap({"gen", "--n", "10", "--out", "/nonexistent-dir/x.csv"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("/nonexistent-dir/x.csv") != std::string::npos);
}

TEST_CASE("bench --json ends with one JSON object with exactly the issue's keys") {
  const auto r = run_driftmap({"bench", "--n", "2000", "--frames", "1", "--json"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const std::string json = last_line(r.out);
  const std::regex shape(
      "\\{\"n\": 2000, \"load_s\": ([-0-9.]+|null), \"rss_mb\": ([-0-9.]+|null), \"bytes_per_incident\": "
      "([-0-9.]+|null), \"scrub_us\": ([-0-9.]+|null), \"frame_ms\": ([-0-9.]+|null), \"export_4k_s\": "
      "([-0-9.]+|null)\\}");
  CHECK(std::regex_match(json, shape));
  for (const char* key : {"\"load_s\": null", "\"scrub_us\": null", "\"rss_mb\": null"})
    CHECK(json.find(key) == std::string::npos);
}

TEST_CASE("bench measures a given file and refuses one it cannot load") {
  const std::string path = temp_path("given.csv");
  REQUIRE(run_driftmap({"gen", "--n", "300", "--out", path, "--seed", "3"}).exit_code == 0);
  const auto r = run_driftmap({"bench", "--data", path, "--no-render", "--json"});
  REQUIRE(r.exit_code == 0);
  CHECK(last_line(r.out).starts_with("{\"n\": 300, "));
  CHECK(last_line(r.out).find("\"frame_ms\": null") != std::string::npos);
  fs::remove(path);
  const auto bad = run_driftmap({"bench", "--data", path, "--no-render"});
  CHECK(bad.exit_code == 1);
  CHECK(run_driftmap({"bench", "--n", "-5"}).exit_code == 2);
}
