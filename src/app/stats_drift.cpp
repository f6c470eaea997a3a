// `driftmap stats --drift`: the drift of the incidents' centre per period (core/drift.hpp), as a
// table or as JSON, for the bundled data or a user's file.
#include <cmath>
#include <cstdio>
#include <string>

#include "app/cli_args.hpp"
#include "app/commands.hpp"
#include "core/drift.hpp"
#include "core/geodata.hpp"
#include "core/incident_loader.hpp"
#include "core/text.hpp"

namespace driftmap::app {

namespace {

void print_table(const std::vector<core::DriftStep>& steps) {
  std::printf("%-9s %5s %9s %9s %10s %9s %8s\n", "period", "n", "lat", "lon", "spread_km", "km", "bearing");
  for (const auto& s : steps) {
    if (s.n == 0) {
      std::printf("%-9s %5s\n", s.period.c_str(), "0");
      continue;
    }
    std::printf("%-9s %5zu %9.3f %9.3f %10.0f", s.period.c_str(), s.n, s.lat, s.lon, s.spread_km);
    if (s.km) std::printf(" %9.0f %8.0f\n", *s.km, *s.bearing_deg);
    else std::printf(" %9s %8s\n", "-", "-");
  }
  std::printf("\nCentre: city-, site- and district-level incidents weigh 1, province-level %.1f (at the province's "
              "point); country-level incidents and those without a stated place are left out, as are incidents "
              "whose dates reach outside the period. km and bearing: from the previous period with incidents.\n",
              core::kProvinceWeight);
}

void print_json(const std::vector<core::DriftStep>& steps) {
  std::printf("[");
  for (size_t i = 0; i < steps.size(); ++i) {
    const auto& s = steps[i];
    std::printf("%s\n  {\"period\": \"%s\", \"n\": %zu, \"n_province\": %zu, \"n_left_out\": %zu", i ? "," : "",
                s.period.c_str(), s.n, s.n_province, s.n_left_out);
    if (s.n) std::printf(", \"lat\": %.5f, \"lon\": %.5f, \"spread_km\": %.1f", s.lat, s.lon, s.spread_km);
    else std::printf(", \"lat\": null, \"lon\": null, \"spread_km\": null");
    if (s.km) std::printf(", \"km\": %.1f, \"bearing\": %.1f}", *s.km, *s.bearing_deg);
    else std::printf(", \"km\": null, \"bearing\": null}");
  }
  std::printf("\n]\n");
}

}  // namespace

int stats_drift(const ArgParser& parser, const ParsedArgs& args) {
  const std::string by = args.get("--by").value_or("year");
  core::DriftPeriod period;
  if (by == "year") period = core::DriftPeriod::Year;
  else if (by == "half") period = core::DriftPeriod::Half;
  else if (by == "quarter") period = core::DriftPeriod::Quarter;
  else return parser.usage_error("--by: \"" + core::printable_line(by) + "\" is not year, half or quarter (with --drift)");
  const std::string path = args.get("--data").value_or(core::geodata_file("incidents.csv"));
  core::LoadResult loaded = core::load_incidents(path);
  if (!loaded.ok()) {
    for (const auto& p : loaded.problems.items)
      if (p.severity == core::Severity::Error) std::fprintf(stderr, "driftmap: %s\n", p.to_string().c_str());
    return kExitFailure;
  }
  const auto steps = core::drift(*loaded.dataset, period);
  if (args.has("--json")) print_json(steps);
  else print_table(steps);
  return kExitOk;
}

}  // namespace driftmap::app
