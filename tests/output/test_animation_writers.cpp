// The animation writers (output::VideoWriter, output::FramesWriter) and animation_windows,
// shared by `driftmap animate` and the viewer's Export dialog: the frame sequence is the
// timeline's stepping; MP4 frame counts (ffprobe when present); nothing at the target until
// finish(); cancel or destruction leaves nothing behind; a truncated container is refused.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "../support/synthetic_geodata.hpp"
#include "output/animation_windows.hpp"
#include "output/frames_writer.hpp"
#include "output/output_format.hpp"
#include "output/video_writer.hpp"

namespace fs = std::filesystem;
using namespace driftmap;
using driftmap::testing::TempDir;

namespace {

render::RgbaImage frame(int w, int h, uint8_t shade) {
  render::RgbaImage img{w, h, std::vector<uint8_t>(size_t(w) * size_t(h) * 4, shade)};
  for (size_t i = 3; i < img.pixels.size(); i += 4) img.pixels[i] = 255;
  return img;
}

std::set<std::string> entries(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
  return out;
}

std::string ffprobe() {
  for (const char* p : {"/usr/bin/ffprobe", "/usr/local/bin/ffprobe"})
    if (access(p, X_OK) == 0) return p;
  return "";
}

output::WriterOptions opts(int w, int h, double fps = 4, std::string ffmpeg = {}) {
  output::WriterOptions o;
  o.width_px = w;
  o.height_px = h;
  o.fps = fps;
  o.ffmpeg = std::move(ffmpeg);
  return o;
}

core::TimelineSpec jan_to_jun_2022(core::WindowMode mode, int window_months) {
  core::TimelineSpec spec;
  spec.extent = {core::month_index(2022, 1), core::month_index(2022, 7)};
  spec.mode = mode;
  spec.window_months = window_months;
  return spec;
}

}  // namespace

TEST_CASE("animation frames step the window as the timeline's playback does") {
  SECTION("sliding: a 3-month window over six months gives four frames") {
    const auto spec = jan_to_jun_2022(core::WindowMode::Sliding, 3);
    const auto w = output::animation_windows(spec, core::StepSize::Month);
    REQUIRE(w.size() == 4);
    CHECK(w.front() == core::first_window(spec));
    for (size_t i = 1; i < w.size(); ++i)
      CHECK(w[i] == core::step_window(spec, w[i - 1], core::StepSize::Month, +1, false).window);
    CHECK(w.back() == core::last_window(spec));
  }
  SECTION("cumulative: the window grows from the first month") {
    const auto w = output::animation_windows(jan_to_jun_2022(core::WindowMode::Cumulative, 12), core::StepSize::Month);
    REQUIRE(w.size() == 6);
    for (const auto& r : w) CHECK(r.start_month == core::month_index(2022, 1));
  }
  SECTION("an empty extent has no frames") {
    core::TimelineSpec spec;
    CHECK(output::animation_windows(spec, core::StepSize::Month).empty());
  }
}

TEST_CASE("the animation format follows the output name") {
  TempDir dir;
  auto ext = [](const std::string& path) {
    const output::OutputFormat* f = output::output_format_for(path);
    return f && f->kind == output::OutputKind::Animation ? std::string(f->extension) : std::string("none");
  };
  CHECK(ext("a.mp4") == ".mp4");
  CHECK(ext("A.GIF") == ".gif");
  CHECK(ext("frames/") == "/");
  CHECK(ext(dir.path.string()) == "/");
  CHECK(ext("a.avi") == "none");
  CHECK(output::frames_fallback_dir("out/a.mp4") == "out/a_frames/");
}

TEST_CASE("PNG frames appear in the target directory only when the animation is finished") {
  TempDir dir;
  const std::string out = dir.file("frames") + "/";
  output::FramesWriter w;
  std::string error;
  REQUIRE(w.open(out, opts(32, 24), &error));
  for (uint8_t i = 0; i < 3; ++i) REQUIRE(w.add_image(frame(32, 24, uint8_t(40 * i)), &error));
  CHECK_FALSE(fs::exists(dir.file("frames")));
  REQUIRE(w.finish(&error));
  CHECK(entries(dir.file("frames")) == std::set<std::string>{"frame_00001.png", "frame_00002.png", "frame_00003.png"});
  CHECK(entries(dir.path) == std::set<std::string>{"frames"});  // no temporary directory left
}

TEST_CASE("PNG frames into an existing directory replace older frames and keep other files") {
  TempDir dir;
  const std::string out = dir.file("frames");
  fs::create_directory(out);
  std::ofstream(out + "/frame_00004.png") << "old";
  std::ofstream(out + "/notes.txt") << "mine";
  output::FramesWriter w;
  std::string error;
  REQUIRE(w.open(out, opts(16, 16), &error));
  REQUIRE(w.add_image(frame(16, 16, 0), &error));
  REQUIRE(w.add_image(frame(16, 16, 90), &error));
  REQUIRE(w.finish(&error));
  CHECK(entries(out) == std::set<std::string>{"frame_00001.png", "frame_00002.png", "notes.txt"});
}

TEST_CASE("cancelling an animation mid-way leaves nothing at the target") {
  TempDir dir;
  SECTION("PNG frames") {
    output::FramesWriter w;
    std::string error;
    REQUIRE(w.open(dir.file("frames/"), opts(16, 16),
                   &error));
    REQUIRE(w.add_image(frame(16, 16, 10), &error));
    CHECK(fs::exists(w.temp_path()));
    w.cancel();
    CHECK(entries(dir.path).empty());
  }
  SECTION("MP4 through ffmpeg") {
    if (output::find_ffmpeg().empty()) {
      WARN("ffmpeg not installed: the MP4 cancel case is not checked");
      return;
    }
    output::VideoWriter w(output::VideoFormat::Mp4);
    std::string error;
    REQUIRE(w.open(dir.file("a.mp4"), opts(64, 48), &error));
    for (uint8_t i = 0; i < 3; ++i) REQUIRE(w.add_image(frame(64, 48, uint8_t(60 * i)), &error));
    w.cancel();
    CHECK(entries(dir.path).empty());
  }
  SECTION("a writer destroyed before finish() counts as cancelled") {
    {
      output::FramesWriter w;
      std::string error;
      REQUIRE(w.open(dir.file("gone/"), opts(16, 16),
                     &error));
      REQUIRE(w.add_image(frame(16, 16, 10), &error));
    }
    CHECK(entries(dir.path).empty());
  }
}

TEST_CASE("an MP4 has one frame per frame added (ffprobe)") {
  const std::string probe = ffprobe();
  if (probe.empty() || output::find_ffmpeg().empty()) {
    WARN("ffmpeg/ffprobe not installed: MP4 frame count not checked");
    return;
  }
  TempDir dir;
  const std::string out = dir.file("a.mp4");
  output::VideoWriter w(output::VideoFormat::Mp4);
  std::string error;
  REQUIRE(w.open(out, opts(64, 48, 2), &error));
  for (uint8_t i = 0; i < 5; ++i) REQUIRE(w.add_image(frame(64, 48, uint8_t(50 * i)), &error));
  CHECK_FALSE(fs::exists(out));
  REQUIRE(w.finish(&error));
  const std::string cmd = probe + " -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames "
                                  "-of csv=p=0 '" + out + "'";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  char buf[64] = {};
  REQUIRE(fgets(buf, sizeof buf, p));
  pclose(p);
  CHECK(std::atoi(buf) == 5);
  CHECK(entries(dir.path) == std::set<std::string>{"a.mp4"});
}

TEST_CASE("an MP4 with an odd side or a frame of the wrong size is refused, leaving nothing") {
  TempDir dir;
  std::string error;
  output::VideoWriter odd(output::VideoFormat::Mp4);
  CHECK_FALSE(odd.open(dir.file("odd.mp4"), opts(33, 24, 4, "/bin/true"),
                       &error));
  CHECK(error.find("odd side") != std::string::npos);
  output::FramesWriter w;
  REQUIRE(w.open(dir.file("f/"), opts(16, 16), &error));
  CHECK_FALSE(w.add_image(frame(8, 8, 0), &error));
  CHECK(error.find("expected 16x16") != std::string::npos);
  CHECK(entries(dir.path).empty());
}

TEST_CASE("a missing ffmpeg is reported by name") {
  TempDir dir;
  std::string error;
  output::VideoWriter w(output::VideoFormat::Gif);
  CHECK_FALSE(w.open(dir.file("a.gif"), opts(16, 16, 4, "/nonexistent/ffmpeg"),
                     &error));
  CHECK(error.find("ffmpeg") != std::string::npos);
  CHECK(entries(dir.path).empty());
}

TEST_CASE("a video cut short is recognised as incomplete, a whole one as complete") {
  if (output::find_ffmpeg().empty()) {
    WARN("ffmpeg not installed: container checks not run");
    return;
  }
  TempDir dir;
  for (auto [name, format] : {std::pair{"a.mp4", output::VideoFormat::Mp4}, std::pair{"a.gif", output::VideoFormat::Gif}}) {
    const std::string out = dir.file(name);
    output::VideoWriter w(format);
    std::string error;
    REQUIRE(w.open(out, opts(64, 48), &error));
    for (uint8_t i = 0; i < 4; ++i) REQUIRE(w.add_image(frame(64, 48, uint8_t(60 * i)), &error));
    REQUIRE(w.finish(&error));
    CHECK(output::incomplete_video_reason(out, format).empty());
    // The same bytes without their last 100 (what a full disk leaves when the trailer fails).
    const auto size = fs::file_size(out);
    fs::resize_file(out, size - 100);
    CHECK_FALSE(output::incomplete_video_reason(out, format).empty());
  }
}

TEST_CASE("animation windows stop one past the frame limit so that a caller can refuse the request") {
  core::TimelineSpec spec;
  spec.extent = {core::month_index(1900, 1), core::month_index(2100, 1)};
  spec.mode = core::WindowMode::Sliding;
  spec.window_months = 1;
  const auto w = output::animation_windows(spec, core::StepSize::Month);
  CHECK(w.size() == output::kMaxAnimationFrames + 1);
}
