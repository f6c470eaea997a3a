// PNG writing: round trip through libpng, deterministic bytes, atomic replacement.
#include <catch2/catch.hpp>
#include <png.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../support/synthetic_geodata.hpp"
#include "render/png_writer.hpp"

using namespace driftmap;
namespace fs = std::filesystem;

namespace {
std::vector<uint8_t> gradient(int w, int h) {
  std::vector<uint8_t> px(size_t(w) * size_t(h) * 4);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      uint8_t* p = px.data() + (size_t(y) * size_t(w) + size_t(x)) * 4;
      p[0] = uint8_t(x * 7), p[1] = uint8_t(y * 5), p[2] = uint8_t((x ^ y) * 3), p[3] = 255;
    }
  return px;
}

struct ReadPng {
  png_uint_32 width = 0, height = 0;
  std::vector<uint8_t> rgba;
};
ReadPng read_png(const std::string& path) {
  png_image img{};
  img.version = PNG_IMAGE_VERSION;
  REQUIRE(png_image_begin_read_from_file(&img, path.c_str()));
  img.format = PNG_FORMAT_RGBA;
  ReadPng out{img.width, img.height, std::vector<uint8_t>(PNG_IMAGE_SIZE(img))};
  REQUIRE(png_image_finish_read(&img, nullptr, out.rgba.data(), 0, nullptr));
  return out;
}

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

size_t entries(const fs::path& dir) { return size_t(std::distance(fs::directory_iterator(dir), fs::directory_iterator())); }
}  // namespace

TEST_CASE("a written PNG reads back with the same size and pixels, top row first") {
  testing::TempDir dir;
  const auto px = gradient(37, 23);
  std::string error;
  REQUIRE(render::write_png(dir.file("a.png"), px, 37, 23, &error));
  const auto back = read_png(dir.file("a.png"));
  CHECK(back.width == 37);
  CHECK(back.height == 23);
  CHECK(back.rgba == px);
  CHECK(back.rgba[(size_t(22) * 37 + 5) * 4 + 1] == uint8_t(22 * 5));
}

TEST_CASE("the same image gives byte-identical files") {
  testing::TempDir dir;
  const auto px = gradient(64, 64);
  std::string error;
  REQUIRE(render::write_png(dir.file("a.png"), px, 64, 64, &error));
  REQUIRE(render::write_png(dir.file("b.png"), px, 64, 64, &error));
  CHECK(slurp(dir.file("a.png")) == slurp(dir.file("b.png")));
  CHECK(slurp(dir.file("a.png")) == render::encode_png(px, 64, 64));
}

TEST_CASE("writing replaces an existing file and leaves no temporary file") {
  testing::TempDir dir;
  { std::ofstream(dir.file("m.png")) << "old"; }
  std::string error;
  REQUIRE(render::write_png(dir.file("m.png"), gradient(8, 8), 8, 8, &error));
  CHECK(read_png(dir.file("m.png")).width == 8);
  CHECK(entries(dir.path) == 1);
}

TEST_CASE("a failed write leaves the target untouched and no temporary file") {
  testing::TempDir dir;
  const auto px = gradient(300, 300);
  std::string error;

  SECTION("the target is a directory") {
    fs::create_directory(dir.path / "d.png");
    CHECK_FALSE(render::write_png(dir.file("d.png"), px, 300, 300, &error));
    CHECK(error.find("d.png") != std::string::npos);
    CHECK(fs::is_directory(dir.path / "d.png"));
    CHECK(entries(dir.path) == 1);
  }
  SECTION("the directory does not exist") {
    CHECK_FALSE(render::write_png(dir.file("missing/m.png"), px, 300, 300, &error));
    CHECK(error.find("missing") != std::string::npos);
    CHECK(entries(dir.path) == 0);
  }
  SECTION("the disk fills up in the middle of the write") {
    { std::ofstream(dir.file("m.png")) << "old"; }
    // A file size limit makes write() fail part-way (EFBIG), like a full disk.
    struct rlimit old_limit {};
    getrlimit(RLIMIT_FSIZE, &old_limit);
    auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = old_limit;
    small.rlim_cur = 1000;
    setrlimit(RLIMIT_FSIZE, &small);
    const bool ok = render::write_png(dir.file("m.png"), px, 300, 300, &error, 0);
    setrlimit(RLIMIT_FSIZE, &old_limit);
    std::signal(SIGXFSZ, old_handler);
    CHECK_FALSE(ok);
    CHECK(slurp(dir.file("m.png")) == "old");
    CHECK(entries(dir.path) == 1);
  }
  SECTION("the directory is not writable") {
    if (geteuid() == 0) {
      WARN("running as root: directory permissions do not stop writes; skipped");
    } else {
      { std::ofstream(dir.file("m.png")) << "old"; }
      fs::permissions(dir.path, fs::perms::owner_read | fs::perms::owner_exec);
      CHECK_FALSE(render::write_png(dir.file("m.png"), px, 300, 300, &error));
      fs::permissions(dir.path, fs::perms::owner_all);
      CHECK(slurp(dir.file("m.png")) == "old");
      CHECK(entries(dir.path) == 1);
    }
  }
  SECTION("the buffer does not match the size") {
    CHECK_FALSE(render::write_png(dir.file("m.png"), px, 301, 300, &error));
    CHECK_FALSE(fs::exists(dir.path / "m.png"));
  }
}
