// PNG writing: round trip through libpng, deterministic bytes, atomic replacement; the
// strip-parallel encoder's filters, zlib stream and thread-count independence.
#include <catch2/catch.hpp>
#include <png.h>
#include <sys/resource.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "../support/synthetic_geodata.hpp"
#include "render/png_parallel.hpp"
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

ReadPng decode_png(const std::string& png) {
  png_image img{};
  img.version = PNG_IMAGE_VERSION;
  REQUIRE(png_image_begin_read_from_memory(&img, png.data(), png.size()));
  img.format = PNG_FORMAT_RGBA;
  ReadPng out{img.width, img.height, std::vector<uint8_t>(PNG_IMAGE_SIZE(img))};
  REQUIRE(png_image_finish_read(&img, nullptr, out.rgba.data(), 0, nullptr));
  return out;
}

// The chunk types in file order, and the filtered rows (filter byte + row) inflated by zlib,
// which also checks the stream's Adler-32.
struct PngParts {
  std::vector<std::string> chunk_types;
  std::vector<uint8_t> filtered;
};
PngParts png_parts(const std::string& png, int width, int height, int bytes_per_pixel) {
  PngParts parts;
  std::string idat;
  REQUIRE(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  for (size_t pos = 8; pos + 12 <= png.size();) {
    const auto* p = reinterpret_cast<const uint8_t*>(png.data() + pos);
    const size_t n = size_t(p[0]) << 24 | size_t(p[1]) << 16 | size_t(p[2]) << 8 | p[3];
    parts.chunk_types.push_back(png.substr(pos + 4, 4));
    if (parts.chunk_types.back() == "IDAT") idat += png.substr(pos + 8, n);
    pos += 12 + n;
  }
  parts.filtered.resize(size_t(height) * (size_t(width) * size_t(bytes_per_pixel) + 1));
  uLongf size = uLongf(parts.filtered.size());
  REQUIRE(uncompress(parts.filtered.data(), &size, reinterpret_cast<const Bytef*>(idat.data()), uLong(idat.size())) == Z_OK);
  REQUIRE(size == parts.filtered.size());
  return parts;
}

std::vector<int> filter_types(const PngParts& parts, int width, int height, int bytes_per_pixel) {
  std::vector<int> types;
  for (int y = 0; y < height; ++y) types.push_back(parts.filtered[size_t(y) * (size_t(width) * size_t(bytes_per_pixel) + 1)]);
  return types;
}

// Like an exported map: flat colours, an antialiased line and a disc; alpha 255, or the sea
// transparent.
std::vector<uint8_t> map_like(int w, int h, bool transparent_sea) {
  std::vector<uint8_t> px(size_t(w) * size_t(h) * 4);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      uint8_t* p = px.data() + (size_t(y) * size_t(w) + size_t(x)) * 4;
      const bool land = x > w / 3 + y / 4;
      const double line = std::abs(0.8 * x - y - 10.0) / 1.28;  // distance to y = 0.8 x - 10
      const double cover = std::clamp(1.5 - line, 0.0, 1.0);
      const bool disc = std::hypot(x - w * 0.7, y - h * 0.5) < h * 0.2;
      const uint8_t base[4] = {uint8_t(land ? 240 : 200), uint8_t(land ? 236 : 220), uint8_t(land ? 228 : 235),
                               uint8_t(land || !transparent_sea ? 255 : 0)};
      for (int c = 0; c < 4; ++c) p[c] = disc ? uint8_t(c == 3 ? 255 : 60 * c) : base[c];
      for (int c = 0; c < 3; ++c) p[c] = uint8_t(std::lround(p[c] * (1 - cover) + 80 * cover));
      if (cover > 0) p[3] = 255;
    }
  return px;
}

inline int paeth_predictor(int a, int b, int c) {
  const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

// Rows on which each filter type wins libpng's heuristic, between rows of noise: flat colour
// (None), a ramp (Sub), the noise above + 1 (Up), the average of left and above + 1 (Average),
// the Paeth predictor + 1 (Paeth). channels: 3 (alpha 255) or 4.
std::vector<uint8_t> filter_rows(int w, int h, int channels) {
  std::vector<uint8_t> px(size_t(w) * size_t(h) * 4, 255);
  uint32_t seed = 7;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      for (int c = 0; c < channels; ++c) {
        uint8_t* p = px.data() + (size_t(y) * size_t(w) + size_t(x)) * 4 + size_t(c);
        const int a = x ? p[-4] : 0, b = y ? p[-4 * w] : 0, ab = x && y ? p[-4 * w - 4] : 0;
        switch (y % 10) {
          case 0: *p = uint8_t(90 + 40 * c); break;
          case 2: *p = uint8_t(b + 1); break;
          case 4: *p = uint8_t(x * 5 + 50 * c); break;
          case 6: *p = uint8_t(((a + b) >> 1) + 1); break;
          case 8: *p = uint8_t(paeth_predictor(a, b, ab) + 1); break;
          default: {  // noise, never within 1 of its left neighbour (else Paeth would beat Up)
            seed = seed * 1664525u + 1013904223u;
            const auto v = uint8_t(seed >> 24);
            *p = uint8_t(uint8_t(v - a + 1) <= 2 ? v + 4 : v);
          }
        }
      }
  return px;
}
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
  render::PngEncodeOptions rgb;  // opaque: written as RGB by the parallel encoder
  rgb.alpha = false;
  CHECK(slurp(dir.file("a.png")) == render::encode_png_parallel(px, 64, 64, rgb));
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
    std::vector<uint8_t> noise(px.size());  // incompressible: the file outgrows the limit
    uint32_t state = 12345;
    for (auto& b : noise) b = uint8_t((state = state * 1664525u + 1013904223u) >> 24);
    const bool ok = render::write_png(dir.file("m.png"), noise, 300, 300, &error);
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

TEST_CASE("a strip-parallel PNG decodes to the input and its bytes do not depend on the thread count") {
  const int w = 301, h = 257;  // odd sizes, several strips
  for (const bool alpha : {false, true}) {
    for (const auto& px : {map_like(w, h, alpha), filter_rows(w, h, alpha ? 4 : 3)}) {
      for (const int strip_rows : {0, 1, 7}) {
        render::PngEncodeOptions opt{.level = 2, .alpha = alpha, .strip_rows = strip_rows, .threads = 1};
        const std::string one = render::encode_png_parallel(px, w, h, opt);
        for (const unsigned threads : {2u, 3u, 8u}) {
          opt.threads = threads;
          CHECK(render::encode_png_parallel(px, w, h, opt) == one);
        }
        const auto back = decode_png(one);
        CHECK(back.width == png_uint_32(w));
        CHECK(back.height == png_uint_32(h));
        CHECK(back.rgba == px);
      }
    }
  }
}

TEST_CASE("a strip-parallel PNG is RGB without alpha and has no chunk but IHDR, IDAT and IEND") {
  const int w = 1000, h = 300;  // 21 rows a strip: Adler-32 over many strips of 63 KB
  const auto px = map_like(w, h, false);
  for (const bool alpha : {false, true}) {
    const std::string png = render::encode_png_parallel(px, w, h, {.alpha = alpha, .threads = 2});
    CHECK(png[25] == (alpha ? 6 : 2));  // IHDR colour type
    const auto parts = png_parts(png, w, h, alpha ? 4 : 3);
    REQUIRE(parts.chunk_types.size() >= 3);
    CHECK(parts.chunk_types.front() == "IHDR");
    CHECK(parts.chunk_types.back() == "IEND");
    CHECK(std::set<std::string>(parts.chunk_types.begin() + 1, parts.chunk_types.end() - 1) == std::set<std::string>{"IDAT"});
    CHECK(decode_png(png).rgba == px);
  }
}

TEST_CASE("rows that repeat their neighbours are stored unfiltered, for deflate to match") {
  const int w = 400, h = 120;
  for (const bool alpha : {false, true}) {
    const auto px = map_like(w, h, alpha);
    const std::string png = render::encode_png_parallel(px, w, h, {.alpha = alpha});
    const auto types = filter_types(png_parts(png, w, h, alpha ? 4 : 3), w, h, alpha ? 4 : 3);
    CHECK(std::set<int>(types.begin(), types.end()) == std::set<int>{0});
  }
}

TEST_CASE("every PNG filter type is chosen for some rows and round-trips") {
  const int w = 301, h = 257;
  for (const int channels : {3, 4}) {
    const auto px = filter_rows(w, h, channels);
    const std::string png = render::encode_png_parallel(px, w, h, {.alpha = channels == 4, .threads = 2});
    const auto types = filter_types(png_parts(png, w, h, channels), w, h, channels);
    CHECK(std::set<int>(types.begin(), types.end()) == std::set<int>{0, 1, 2, 3, 4});
    for (int y = 0; y < h; y += 10) CHECK(types[size_t(y)] == 0);  // flat rows
    CHECK(decode_png(png).rgba == px);
  }
}

TEST_CASE("is_opaque finds a single pixel that is not fully opaque") {
  std::vector<uint8_t> px = gradient(37, 23);  // 851 pixels: whole 16-pixel blocks and a tail
  CHECK(render::is_opaque(px));
  for (const size_t pixel : {size_t(0), size_t(15), size_t(16), size_t(500), size_t(831), size_t(832), size_t(850)}) {
    px[pixel * 4 + 3] = 254;
    CHECK_FALSE(render::is_opaque(px));
    px[pixel * 4 + 3] = 255;
  }
  CHECK(render::is_opaque({}));
}
