// The terminal progress bar of `animate` and `export`.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include "../support/synthetic_geodata.hpp"
#include "app/progress_bar.hpp"

using driftmap::app::ProgressBar;

namespace {

// What the code under test writes to stderr while f runs.
template <class F>
std::string stderr_of(F&& f) {
  driftmap::testing::TempDir dir;
  const std::string path = dir.file("stderr.txt");
  std::fflush(stderr);
  const int saved = ::dup(2);
  std::FILE* file = std::fopen(path.c_str(), "w");
  REQUIRE(file);
  ::dup2(::fileno(file), 2);
  f();
  std::fflush(stderr);
  ::dup2(saved, 2);
  ::close(saved);
  std::fclose(file);
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("a progress line shows the bar, the percentage, the step and the time") {
  CHECK(ProgressBar::line(0.5, "encoding PNG", 1.23) ==
        "[###############...............]  50% encoding PNG (1.2 s)");
  CHECK(ProgressBar::line(1, "done", 0) == "[##############################] 100% done (0.0 s)");
  SECTION("out-of-range fractions are clamped") {
    CHECK(ProgressBar::line(-1, "x", 0).substr(0, 37) == "[..............................]   0%");
    CHECK(ProgressBar::line(7, "x", 0).substr(0, 37) == "[##############################] 100%");
    CHECK(ProgressBar::line(0.0 / 0.0, "x", 0).substr(0, 37) == "[..............................]   0%");
  }
}

TEST_CASE("an enabled bar redraws its line in place and ends it once") {
  const std::string err = stderr_of([] {
    ProgressBar bar(true, 0);
    bar.update(0.25, "rendering");
    bar.update(1, "done");
    bar.finish();
    bar.finish();  // idempotent
  });
  CHECK(err.rfind("\r[", 0) == 0);
  CHECK(err.find("25% rendering") != std::string::npos);
  CHECK(err.find("100% done") != std::string::npos);
  CHECK(err.back() == '\n');
  CHECK(std::count(err.begin(), err.end(), '\n') == 1);
}

TEST_CASE("a bar stays silent before its delay and when disabled") {
  CHECK(stderr_of([] {
          ProgressBar bar(true, 30);  // a short job: nothing at all, not even a newline
          bar.update(0.5, "rendering");
          bar.update(1, "done");
        }).empty());
  CHECK(stderr_of([] {
          ProgressBar bar(false, 0);
          bar.update(1, "done");
        }).empty());
}

TEST_CASE("a long step with no progress of its own still shows the bar once the delay has passed") {
  const std::string err = stderr_of([] {
    ProgressBar bar(true, 0.05);
    bar.update(0.2, "rendering");  // before the delay: not drawn yet
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    bar.finish();
  });
  CHECK(err.find("20% rendering") != std::string::npos);
  CHECK(err.back() == '\n');
}
