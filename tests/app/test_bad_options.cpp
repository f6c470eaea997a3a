// Bad command-line options and dates: exit 2 (usage, a bad option value included) or 1 (bad
// data or failed work) with one clear first line on stderr, never a crash; plus a small fuzz.
#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>

#include "run_binary.hpp"

using driftmap::test::run_driftmap;

namespace {

const std::string kData = DRIFTMAP_TEST_DATA;

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

struct OptionCase {
  std::vector<std::string> args;
  int exit_code;
  std::string first_line;
};

}  // namespace

TEST_CASE("bad options and dates exit 2 or 1 with one clear line") {
  const std::string out = (std::filesystem::temp_directory_path() / "driftmap-bad-options-never-written.png").string();
  const std::string missing = kData + "/bad/does_not_exist.csv";
  // clang-format off
  const std::vector<OptionCase> cases = {
    {{"export", "--bogus"}, 2, "driftmap export: unknown option '--bogus'"},
    {{"export", "--out"}, 2, "driftmap export: option '--out' needs a value (FILE.png)"},
    {{"export", "--from", "2022"}, 2, "driftmap export: --out FILE.png is required"},
    {{"export", "--out", out, "--out", out}, 2, "driftmap export: option '--out' given more than once"},
    {{"export", "--out", out, "stray"}, 2, "driftmap export: unexpected argument 'stray'"},
    {{"export", "--help=yes"}, 2, "driftmap export: option '--help' takes no value"},
    {{"export", "--skip-invalid=1"}, 2, "driftmap export: option '--skip-invalid' takes no value"},
    {{"export", "--out", "map.jpg"}, 2, "driftmap export: --out: \"map.jpg\": unknown extension \".jpg\" (use .png, .tif/.tiff, .svg or .pdf)"},
    {{"export", "--out", out, "--from", "2022-13-45"}, 2, "driftmap: --from: \"2022-13-45\" has month 13, out of range 1-12"},
    {{"export", "--out", out, "--from", "Spring 2022"}, 2, "driftmap: --from: \"Spring 2022\" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"},
    {{"export", "--out", out, "--to", "20222"}, 2, "driftmap: --to: \"20222\" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"},
    {{"export", "--out", out, "--to=2021-02-29"}, 2, "driftmap: --to: \"2021-02-29\" has day 29, out of range for that month (1-28)"},
    {{"export", "--out", out, "--from", ""}, 2, "driftmap: --from: date is empty (expected YYYY, YYYY-MM or YYYY-MM-DD)"},
    {{"export", "--out", out, "--from", "2023", "--to", "2022-06"}, 2, "driftmap: --to: 2022-06 is before --from 2023"},
    {{"export", "--out", out, "--size", "10x10"}, 2, "driftmap: --size: \"10x10\" is out of range (each side 16..16384 pixels)"},
    {{"export", "--out", out, "--size", "big"}, 2, "driftmap: --size: \"big\" is not WIDTHxHEIGHT"},
    {{"export", "--out", out, "--bbox", "60,30,75"}, 2, "driftmap: --bbox: \"60,30,75\" is not MINLON,MINLAT,MAXLON,MAXLAT"},
    {{"export", "--out", out, "--bbox", "60,30,75,95"}, 2, "driftmap: --bbox: \"60,30,75,95\" is outside -180..180 longitude, -90..90 latitude"},
    {{"export", "--out", out, "--bbox", "nan,30,75,40"}, 2, "driftmap: --bbox: \"nan,30,75,40\" is not MINLON,MINLAT,MAXLON,MAXLAT"},
    {{"export", "--out", out, "--style", "neon"}, 2, "driftmap: --style: \"neon\" is not light or dark"},
    {{"export", "--out", out, "--data", missing}, 1, missing + ": no such file"},
    {{"export", "--out", out, "--data", kData + "/bad"}, 1, kData + "/bad: is a directory, not a file"},
    {{"export", "--out", out, "--data", kData + "/bad/lat_95.csv"}, 1, kData + "/bad/lat_95.csv:2: lat: \"95\" is out of range -90..90"},
    {{"validate"}, 2, "driftmap validate: no FILE given"},
    {{"validate", "--nope"}, 2, "driftmap validate: unknown option '--nope'"},
  };
  // clang-format on
  for (const auto& c : cases) {
    std::string cmd;
    for (const auto& a : c.args) cmd += " [" + a + "]";
    INFO(cmd);
    const auto r = run_driftmap(c.args);
    CHECK(r.exit_code == c.exit_code);
    CHECK(first_line(r.err) == c.first_line);
    CHECK(r.out.empty());
  }
  CHECK_FALSE(std::filesystem::exists(out));
}

TEST_CASE("validate and export with --skip-invalid load the valid rows and list the skipped ones") {
  const std::string f = kData + "/bad/crlf_bad_row.csv";
  SECTION("validate: exit 1 without, 0 with the flag") {
    const auto strict = run_driftmap({"validate", f});
    CHECK(strict.exit_code == 1);
    const auto lenient = run_driftmap({"validate", "--skip-invalid", f});
    CHECK(lenient.exit_code == 0);
    CHECK(lenient.out.find(f + ":3: lat: \"-95\" is out of range -90..90\n") != std::string::npos);
    CHECK(driftmap::test::last_line(lenient.out) == f + ": 1 incidents, 1 errors, 1 warnings; 1 invalid rows skipped");
  }
  SECTION("validate with the flag still refuses a file that cannot be read") {
    const auto r = run_driftmap({"validate", "--skip-invalid", kData + "/bad/unterminated_quote.csv"});
    CHECK(r.exit_code == 1);
  }
}

TEST_CASE("random option combinations never crash the binary") {
  // A fixed pseudo-random sequence over tokens that are mostly wrong, so no run reaches rendering:
  // each must exit 1 or 2 with a first line naming driftmap or a file.
  const std::vector<std::string> tokens = {
      "--out", "x.png", "x.jpg", "--from", "--to", "2022", "2022-02-30", "9999-12-31", "-1", "--size", "0x0",
      "99999999999x2", "16x16", "--bbox", "1,2,3,4", "-180,-90,180,90", "1e400,0,1,1", "--style", "dark",
      "--data", kData + "/bad/empty.csv", kData + "/bad", "--title", "", "--", "-", "--=", "--out=",
      "--skip-invalid", "\xff\xfe", std::string(5000, 'a'), "--help=", "%s%n", "--bbox=,,,", "--from=0000"};
  uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  for (int run = 0; run < 60; ++run) {
    std::vector<std::string> args = {"export"};
    const int n = 1 + int(next() % 6);
    for (int i = 0; i < n; ++i) args.push_back(tokens[next() % tokens.size()]);
    // Never a valid PNG target: keeps every run away from rendering.
    args.push_back("--out=/nonexistent-dir/never.jpg");
    std::string cmd;
    for (const auto& a : args) cmd += " [" + a.substr(0, 40) + "]";
    INFO(cmd);
    const auto r = run_driftmap(args);
    CHECK((r.exit_code == 1 || r.exit_code == 2));
    CHECK_FALSE(r.err.empty());
  }
}
