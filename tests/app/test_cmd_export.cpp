// `driftmap export` run as a subprocess: exit codes, messages, help, and the image it writes.
#include <catch2/catch.hpp>
#include <png.h>
#include <unistd.h>

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

// Runs the built binary with DRIFTMAP_GEODATA=geodata (when given).
Run run(std::vector<std::string> args, const std::string& geodata = {}) {
  return driftmap::test::run_driftmap(args, geodata.empty() ? Env{} : Env{{"DRIFTMAP_GEODATA", geodata}});
}

// The synthetic geodata and three incidents.
struct Fixture : driftmap::test::CliGeodata {
  Fixture()
      : CliGeodata("a,2022-03-04,attack,Alpha,Upper West,WST,city,33.75,62.5,10\n"
                   "b,2022-07,territorial,,Lower East,EST,province,31.25,67.5,\n"
                   "c,2023-01-02,counter_operation,Gamma,Upper East,EST,city,33.75,67.5,2\n") {}
};

struct Png {
  png_uint_32 width = 0, height = 0;
  std::vector<uint8_t> rgba;
  std::array<uint8_t, 3> at(unsigned x, unsigned y) const {
    const uint8_t* p = rgba.data() + (size_t(y) * width + x) * 4;
    return {p[0], p[1], p[2]};
  }
};
Png read_png(const std::string& path) {
  png_image img{};
  img.version = PNG_IMAGE_VERSION;
  REQUIRE(png_image_begin_read_from_file(&img, path.c_str()));
  img.format = PNG_FORMAT_RGBA;
  Png out{img.width, img.height, std::vector<uint8_t>(PNG_IMAGE_SIZE(img))};
  REQUIRE(png_image_finish_read(&img, nullptr, out.rgba.data(), 0, nullptr));
  return out;
}

}  // namespace

TEST_CASE("export --help documents every option and exits 0") {
  const Run r = run({"export", "--help"});
  CHECK(r.exit_code == 0);
  for (const char* opt : {"--out", "--data", "--from", "--to", "--bbox", "--size", "--title", "--style", "--map",
                          "--skip-invalid", "--help"})
    CHECK(r.out.find(opt) != std::string::npos);
}

TEST_CASE("export writes a PNG of the requested size") {
  Fixture f;
  const std::string out = f.dir.file("map.png");
  const Run r = run({"export", "--out", out, "--data", f.data, "--size", "320x200", "--title", "Test"}, f.geodata);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  const Png png = read_png(out);
  CHECK(png.width == 320);
  CHECK(png.height == 200);
}

TEST_CASE("export writes the same bytes twice") {
  Fixture f;
  const std::vector<std::string> common = {"--data", f.data, "--size", "300x200", "--style", "dark"};
  auto args = [&](const std::string& out) {
    std::vector<std::string> a{"export", "--out", out};
    a.insert(a.end(), common.begin(), common.end());
    return a;
  };
  REQUIRE(run(args(f.dir.file("a.png")), f.geodata).exit_code == 0);
  REQUIRE(run(args(f.dir.file("b.png")), f.geodata).exit_code == 0);
  CHECK(driftmap::test::read_all(f.dir.file("a.png")) == driftmap::test::read_all(f.dir.file("b.png")));
}

TEST_CASE("export --from/--to choose which incidents are drawn") {
  Fixture f;
  // The view is the box of the synthetic world so that incident positions are predictable.
  auto render = [&](const std::string& name, std::vector<std::string> extra) {
    std::vector<std::string> a{"export", "--out", f.dir.file(name), "--data", f.data, "--size", "400x300",
                               "--bbox", "60,30,70,35"};
    a.insert(a.end(), extra.begin(), extra.end());
    const Run r = run(a, f.geodata);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return read_png(f.dir.file(name));
  };
  const Png all = render("all.png", {});
  const Png y2023 = render("2023.png", {"--from", "2023"});
  const Png mar2022 = render("mar.png", {"--from", "2022-03", "--to", "2022-03"});
  // Centre of the image = lon 65, lat 32.5; Alpha (62.5, 33.75) is left of and above it.
  auto differs = [](const Png& a, const Png& b) {
    size_t n = 0;
    for (size_t i = 0; i < a.rgba.size(); ++i) n += a.rgba[i] != b.rgba[i];
    return n;
  };
  CHECK(differs(all, y2023) > 0);
  CHECK(differs(y2023, mar2022) > 0);
}

TEST_CASE("export refuses bad option values as usage errors (exit 2) with a line naming the option") {
  Fixture f;
  const std::string out = f.dir.file("m.png");
  auto check = [&](std::vector<std::string> extra, const std::string& expected) {
    std::vector<std::string> a{"export", "--out", out, "--data", f.data};
    a.insert(a.end(), extra.begin(), extra.end());
    const Run r = run(a, f.geodata);
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(expected) != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_FALSE(fs::exists(out));
  };
  check({"--size", "19x"}, "driftmap: --size: \"19x\" is not WIDTHxHEIGHT");
  check({"--size", "axb"}, "--size: \"axb\" is not WIDTHxHEIGHT");
  check({"--size", "0x100"}, "--size: \"0x100\" is out of range");
  check({"--bbox", "60,30,70"}, "--bbox: \"60,30,70\" is not MINLON,MINLAT,MAXLON,MAXLAT");
  check({"--bbox", "70,30,60,35"}, "--bbox: \"70,30,60,35\" is empty");
  check({"--bbox", "60,30,270,35"}, "--bbox: \"60,30,270,35\" is outside");
  check({"--from", "2022-13"}, "--from: ");
  check({"--from", "yesterday"}, "--from: ");
  check({"--from", "2023", "--to", "2022"}, "--to: 2022 is before --from 2023");
  check({"--style", "sepia"}, "--style: \"sepia\" is not light or dark");
}

TEST_CASE("export usage errors exit 2") {
  Fixture f;
  SECTION("missing --out") {
    const Run r = run({"export", "--data", f.data}, f.geodata);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--out") != std::string::npos);
  }
  SECTION("unknown option") {
    const Run r = run({"export", "--out", f.dir.file("m.png"), "--colour", "red"}, f.geodata);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("unknown option '--colour'") != std::string::npos);
    CHECK_FALSE(fs::exists(f.dir.file("m.png")));
  }
  SECTION("missing value") {
    const Run r = run({"export", "--out", f.dir.file("m.png"), "--size"}, f.geodata);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--size") != std::string::npos);
  }
}

TEST_CASE("export reports a bad data file by file and line and writes nothing") {
  Fixture f;
  const std::string bad = f.dir.file("bad.csv");
  std::ofstream(bad) << "id,date_start,event_type,location_precision,lat,lon\nx,2022-01-01,attack,city,north,62\n";
  const std::string out = f.dir.file("m.png");
  const Run r = run({"export", "--out", out, "--data", f.data, "--data", bad}, f.geodata);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("bad.csv:2") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("export without --data and without a bundled dataset fails clearly") {
  Fixture f;  // geodata has boundaries only
  const std::string out = f.dir.file("m.png");
  const Run r = run({"export", "--out", out}, f.geodata);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("incidents.csv") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("export into a missing directory fails and leaves an existing file alone") {
  Fixture f;
  SECTION("missing directory") {
    const Run r = run({"export", "--out", f.dir.file("nope/m.png"), "--data", f.data, "--size", "64x64"}, f.geodata);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("nope/m.png") != std::string::npos);
  }
  SECTION("the target is a directory") {
    fs::create_directory(f.dir.path / "d.png");
    const Run r = run({"export", "--out", f.dir.file("d.png"), "--data", f.data, "--size", "64x64"}, f.geodata);
    CHECK(r.exit_code == 1);
    CHECK(fs::is_directory(f.dir.path / "d.png"));
  }
}

TEST_CASE("export --progress draws a bar to 100% and puts an error on its own line") {
  Fixture f;
  const Run ok = run({"export", "--out", f.dir.file("p.png"), "--data", f.data, "--size", "320x200", "--progress"},
                     f.geodata);
  REQUIRE(ok.exit_code == 0);
  CHECK(ok.err.find("\r[") != std::string::npos);
  CHECK(ok.err.find("100% done") != std::string::npos);
  CHECK(ok.err.back() == '\n');
  const Run bad = run({"export", "--out", f.dir.file("missing/p.png"), "--data", f.data, "--size", "320x200",
                       "--progress"},
                      f.geodata);
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("\ndriftmap: ") != std::string::npos);
}
