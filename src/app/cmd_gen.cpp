// `driftmap gen`: writes a synthetic incident CSV of any size (for `bench` and scale tests).
#include <charconv>
#include <cstdio>
#include <optional>
#include <string>

#include "app/cli_args.hpp"
#include "app/commands.hpp"
#include "app/synthetic_data.hpp"
#include "core/geodata.hpp"

namespace driftmap::app {

namespace {

ArgParser make_parser() {
  ArgParser p("driftmap gen", "--n N --out FILE.csv [--seed S]",
              "Writes N synthetic incidents (date,lat,lon,event_type,killed): clustered around the\n"
              "bundled places and the region's gazetteer places, spread over 2015-2024 with a trend\n"
              "and bursts, mostly day-precision dates. The same N and seed give the same file.");
  p.option("--n", "N", "number of incidents (1 .. 1000000000)")
      .option("--out", "FILE.csv", "file to write (replaced atomically)")
      .option("--seed", "S", "random seed (default 1)")
      .flag("--help", "show this help");
  return p;
}

}  // namespace

int cmd_gen(int argc, char** argv) {
  const ArgParser parser = make_parser();
  int exit_code = kExitOk;
  const auto args = parser.parse_command(argc, argv, &exit_code);
  if (!args) return exit_code;
  std::string error;
  if (!args->has("--n")) return parser.usage_error("--n N is required");
  if (!args->has("--out")) return parser.usage_error("--out FILE.csv is required");
  SyntheticSpec spec;
  const auto n = parse_count(*args->get("--n"), 1'000'000'000);
  if (!n || *n == 0) return parser.usage_error("--n: \"" + *args->get("--n") + "\" is not a count from 1 to 1000000000");
  spec.n = *n;
  if (auto s = args->get("--seed")) {
    const auto seed = parse_count(*s, UINT64_MAX);
    if (!seed) return parser.usage_error("--seed: \"" + *s + "\" is not a non-negative integer");
    spec.seed = *seed;
  }
  spec.gazetteer_csv = core::geodata_file("gazetteer.csv");
  spec.places_csv = core::geodata_file("places.csv");
  const std::string out = *args->get("--out");
  if (!write_synthetic_csv(out, spec, &error)) {
    std::fprintf(stderr, "driftmap: %s\n", error.c_str());
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace driftmap::app
