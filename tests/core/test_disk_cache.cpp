// The on-disk caches' shared pieces: checked files of plain values and the 64-bit hash.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "../support/synthetic_geodata.hpp"
#include "core/disk_cache.hpp"

using namespace driftmap;
using driftmap::testing::TempDir;
namespace fs = std::filesystem;

namespace {
constexpr char kMagic[8] = {'T', 'E', 'S', 'T', 'C', 'A', 'C', '1'};
}

TEST_CASE("values, vectors and text read back as written, and a reader refuses to overrun") {
  core::BinaryWriter w;
  w.value(int32_t(-7));
  w.vector(std::vector<double>{1.5, -2.25, 1e300});
  w.text("Khyber Pakhtunkhwa");
  w.vector(std::vector<uint16_t>{});
  core::BinaryReader r(w.out);
  int32_t i = 0;
  std::vector<double> v;
  std::string s;
  std::vector<uint16_t> empty{1};
  REQUIRE(r.value(&i));
  REQUIRE(r.vector(&v));
  REQUIRE(r.text(&s));
  REQUIRE(r.vector(&empty));
  CHECK(i == -7);
  CHECK(v == std::vector<double>{1.5, -2.25, 1e300});
  CHECK(s == "Khyber Pakhtunkhwa");
  CHECK(empty.empty());
  CHECK(r.at_end());
  int64_t more = 0;
  CHECK_FALSE(r.value(&more));
  SECTION("a length past the end is refused, not trusted") {
    core::BinaryWriter bad;
    bad.value(uint64_t(1) << 40);  // claims a trillion elements
    bad.value(1.0);
    core::BinaryReader rb(bad.out);
    std::vector<double> huge;
    CHECK_FALSE(rb.vector(&huge));
    CHECK(huge.empty());
  }
}

TEST_CASE("the hash depends on every byte, their order and the length") {
  auto h = [](std::string_view s) {
    core::Hash64 x;
    x.bytes(s.data(), s.size());
    return x.h;
  };
  CHECK(h("abcdefgh12345") == h("abcdefgh12345"));
  CHECK(h("abcdefgh12345") != h("abcdefgh12346"));
  CHECK(h("abcdefgh12345") != h("bacdefgh12345"));
  CHECK(h("ab") != h(std::string_view("ab\0", 3)));
  CHECK(h("") != h(std::string_view("\0", 1)));
}

TEST_CASE("a cache file reads back only with its magic, its key and an intact checksum") {
  TempDir dir;
  const std::string file = dir.file("x.cache");
  REQUIRE(core::write_cache_file(file, kMagic, 42, "body bytes"));
  auto back = core::read_cache_file(file, kMagic, 42);
  REQUIRE(back);
  CHECK(back->body() == "body bytes");
  CHECK_FALSE(core::read_cache_file(file, kMagic, 43));  // another key
  constexpr char kOther[8] = {'T', 'E', 'S', 'T', 'C', 'A', 'C', '2'};
  CHECK_FALSE(core::read_cache_file(file, kOther, 42));  // another format version
  {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(20);
    f.put('X');
  }
  CHECK_FALSE(core::read_cache_file(file, kMagic, 42));  // one byte changed
  REQUIRE(core::write_cache_file(file, kMagic, 42, "body bytes"));
  fs::resize_file(file, fs::file_size(file) - 1);
  CHECK_FALSE(core::read_cache_file(file, kMagic, 42));  // truncated
  fs::resize_file(file, 3);
  CHECK_FALSE(core::read_cache_file(file, kMagic, 42));
  CHECK_FALSE(core::read_cache_file(dir.file("missing.cache"), kMagic, 42));
}

TEST_CASE("pruning keeps the newest files of one kind and leaves the others") {
  TempDir dir;
  for (int i = 0; i < 5; ++i) {
    const std::string f = dir.file(std::to_string(i) + ".a");
    std::ofstream(f) << i;
    fs::last_write_time(f, fs::file_time_type::clock::now() - std::chrono::hours(10 - i));
  }
  std::ofstream(dir.file("keep.b")) << "b";
  core::prune_cache_files(dir.path.string(), ".a", 2);
  CHECK_FALSE(fs::exists(dir.file("0.a")));
  CHECK_FALSE(fs::exists(dir.file("2.a")));
  CHECK(fs::exists(dir.file("3.a")));
  CHECK(fs::exists(dir.file("4.a")));
  CHECK(fs::exists(dir.file("keep.b")));
}
