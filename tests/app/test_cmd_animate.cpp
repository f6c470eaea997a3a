// `driftmap animate`: the frame sequence is the viewer's timeline stepping, frames go to
// a directory as PNGs, to MP4/GIF through ffmpeg (frame count checked with ffprobe when present),
// and to a frames directory with a clear message when ffmpeg is missing.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "../support/synthetic_geodata.hpp"
#include "cli_geodata.hpp"
#include "run_binary.hpp"

namespace fs = std::filesystem;
using driftmap::testing::TempDir;
using driftmap::test::Env;
using Run = driftmap::test::RunResult;

namespace {

Run run(std::vector<std::string> args, const std::string& geodata, const char* ffmpeg = nullptr) {
  Env env{{"DRIFTMAP_GEODATA", geodata}};
  if (ffmpeg) env.emplace_back("DRIFTMAP_FFMPEG", ffmpeg);
  return driftmap::test::run_driftmap(args, env);
}

struct Fixture : driftmap::test::CliGeodata {
  Fixture()
      : CliGeodata("a,2022-01-04,attack,Alpha,Upper West,WST,city,33.75,62.5,10\n"
                   "c,2022-06-02,counter_operation,Gamma,Upper East,EST,city,33.75,67.5,2\n") {}
  std::vector<std::string> args(const std::string& out, std::vector<std::string> extra) const {
    std::vector<std::string> a{"animate", "--out", out, "--data", data, "--size", "160x120", "--bbox", "60,30,70,35"};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  }
};

size_t png_count(const std::string& dir) {
  size_t n = 0;
  if (!fs::is_directory(dir)) return 0;
  for (const auto& e : fs::directory_iterator(dir)) n += e.path().extension() == ".png";
  return n;
}

std::string ffprobe() {
  for (const char* p : {"/usr/bin/ffprobe", "/usr/local/bin/ffprobe"})
    if (access(p, X_OK) == 0) return p;
  return "";
}

}  // namespace

TEST_CASE("animate steps a sliding window month by month, as the viewer's playback does") {
  Fixture f;
  const std::string dir = f.dir.file("frames") + "/";
  // Jan..Jun 2022 with a 3-month window: Jan-Mar, Feb-Apr, Mar-May, Apr-Jun.
  const Run r = run(f.args(dir, {"--window", "3m", "--step", "1m"}), f.geodata);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(png_count(dir) == 4);
  CHECK(fs::exists(dir + "frame_00001.png"));
}

TEST_CASE("animate in cumulative mode grows the window from the first month") {
  Fixture f;
  const std::string dir = f.dir.file("cum") + "/";
  const Run r = run(f.args(dir, {"--window", "cumulative", "--step", "1m"}), f.geodata);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(png_count(dir) == 6);  // Jan, Jan-Feb, ..., Jan-Jun
}

TEST_CASE("animate writes an MP4 with one frame per step (ffprobe)") {
  const std::string probe = ffprobe();
  if (probe.empty() || access("/usr/bin/ffmpeg", X_OK) != 0) {
    WARN("ffmpeg/ffprobe not installed: MP4 frame count not checked");
    return;
  }
  Fixture f;
  const std::string out = f.dir.file("a.mp4");
  const Run r = run(f.args(out, {"--window", "3m", "--fps", "2"}), f.geodata);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string cmd = probe + " -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames "
                                  "-of csv=p=0 '" + out + "'";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  char buf[64] = {};
  REQUIRE(fgets(buf, sizeof buf, p));
  pclose(p);
  CHECK(std::atoi(buf) == 4);
  // Nothing else was left in the directory (the temporary file was renamed).
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(f.dir.path)) ++entries;
  CHECK(entries == 3);  // geodata, incidents.csv, a.mp4
}

TEST_CASE("animate without ffmpeg says so and writes the PNG frames instead") {
  Fixture f;
  const std::string out = f.dir.file("a.gif");
  const Run r = run(f.args(out, {"--window", "3m"}), f.geodata, "/nonexistent/ffmpeg");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("ffmpeg not found") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  CHECK(png_count(f.dir.file("a_frames")) == 4);
}

TEST_CASE("animate refuses an unknown extension and bad step or window values as usage errors (exit 2)") {
  Fixture f;
  const Run ext = run(f.args(f.dir.file("a.avi"), {}), f.geodata);
  CHECK(ext.exit_code == 2);
  CHECK(ext.err.find("\".avi\"") != std::string::npos);
  const Run step = run(f.args(f.dir.file("a.mp4"), {"--step", "2w"}), f.geodata);
  CHECK(step.exit_code == 2);
  CHECK(step.err.find("--step") != std::string::npos);
  const Run win = run(f.args(f.dir.file("a.mp4"), {"--window", "forever"}), f.geodata);
  CHECK(win.exit_code == 2);
  CHECK(win.err.find("--window") != std::string::npos);
  CHECK_FALSE(fs::exists(f.dir.file("a.mp4")));
}
