// `driftmap stats`: per-period counts of the dataset's incidents by region, province or country,
// printed beside the figures the CTC Sentinel article reports (aggregates.csv) — two different
// things, labelled as such: the dataset counts incidents the documents describe; the article
// counts all attacks the group claimed.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "app/cli_args.hpp"
#include "app/commands.hpp"
#include "core/article_figures.hpp"
#include "core/boundaries.hpp"
#include "core/bundle.hpp"
#include "core/geodata.hpp"
#include "core/incident_loader.hpp"
#include "core/region_figures.hpp"

namespace driftmap::app {

namespace {

ArgParser make_parser() {
  ArgParser p("driftmap stats",
              "[--by region|admin1|country] [--period year|month] [--regions FILE] [--data FILE]\n"
              "       driftmap stats --drift [--by year|half|quarter] [--json] [--data FILE]",
              "Counts incidents per period and group, beside the regional figures the CTC Sentinel\n"
              "article reports (geodata/aggregates.csv). An incident counts in the period its date starts.\n"
              "By region, 'share' is computed from the data: the group's incidents over all incidents of\n"
              "the period with a stated place (never the article's figure, which stands beside it).\n"
              "With --drift: the centre of the located incidents per period, its spread, and its move\n"
              "from one period to the next (km and bearing).");
  p.option("--by", "region|admin1|country", "grouping (default region: the article's region groups);\n"
           "with --drift the period: year (default), half or quarter")
      .option("--period", "year|month", "period length (default year)")
      .option("--data", "FILE", "incident file to count instead of the bundled dataset")
      .option("--regions", "FILE", "region groups to count by (columns region, label, members; default\n"
              "geodata/regions.csv, the article's groups)")
      .flag("--drift", "the drift of the incidents' centre per period")
      .flag("--json", "with --drift: a JSON list of periods")
      .flag("--help", "show this help");
  return p;
}

std::string period_key(int32_t start_day, bool monthly) {
  int32_t y;
  unsigned m, d;
  core::civil_from_days(start_day, y, m, d);
  char buf[16];
  if (monthly) std::snprintf(buf, sizeof buf, "%04d-%02u", y, m);
  else std::snprintf(buf, sizeof buf, "%04d", y);
  return buf;
}

std::string format_value(double v) {
  char buf[32];
  if (v == static_cast<long>(v)) std::snprintf(buf, sizeof buf, "%ld", static_cast<long>(v));
  else std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// What the table cannot show: rows without a place or with a report's date, and the article's
// statements that give no figure by region.
void print_notes(const core::Dataset& d, const core::Bundle& tables) {
  size_t unplaced = 0, reported = 0;
  for (size_t i = 0; i < d.size(); ++i) {
    unplaced += !core::has_stated_place(d.location_precision()[i]);
    reported += d.date_reported(i);
  }
  std::printf("\n%zu incidents have no stated place (counted as \"(place not stated)\", never on the map); "
              "%zu are dated by a report (the event on or before that date).\n",
              unplaced, reported);
  if (tables.statements.empty()) return;
  std::printf("\nThe article's statements without a figure by region:\n");
  for (const auto& s : tables.statements)
    std::printf("  %s..%s %s: \"%s\"\n", s.period_start.to_iso().c_str(), s.period_end.to_iso().c_str(),
                s.region.c_str(), s.quote.c_str());
}

// The groups an incident counts in: its country, its province, or every article region whose
// members include its province. Incidents without a stated place count in one group of their own,
// in no region, province or country.
std::vector<std::string> group_keys(const core::Dataset& d, size_t i, const std::string& by,
                                    const core::Boundaries& boundaries, const std::vector<core::Region>& regions,
                                    const core::RegionMembership& membership) {
  std::vector<std::string> keys;
  if (!core::has_stated_place(d.location_precision()[i])) {
    keys.emplace_back("(place not stated)");
  } else if (by == "country") {
    keys.emplace_back(d.country(i).empty() ? "(none)" : std::string(d.country(i)));
  } else if (by == "admin1") {
    auto idx = d.admin1(i).empty() ? std::nullopt : boundaries.find_admin1(d.admin1(i), d.country(i));
    keys.push_back(idx ? boundaries.admin1()[*idx].name : "(no province)");
  } else {
    for (size_t r : membership.regions_of(d, i))
      if (regions[r].region != "all") keys.push_back(regions[r].region);
  }
  return keys;
}

// (all incidents, attacks) per period and group, and per period in total.
using Tally = std::pair<int, int>;
struct Counts {
  std::map<std::string, std::map<std::string, Tally>> by_group;  // period → group → tally
  std::map<std::string, Tally> totals;
  std::map<std::string, int> placed;  // per period, incidents with a stated place (shares' total)
};

Counts count_incidents(const core::Dataset& d, bool monthly, const std::string& by, const core::Boundaries& boundaries,
                       const std::vector<core::Region>& regions) {
  Counts counts;
  const core::RegionMembership membership(regions, boundaries);
  for (size_t i = 0; i < d.size(); ++i) {
    const std::string p = period_key(d.start_day()[i], monthly);
    const bool attack = d.type()[i] == core::EventType::Attack || d.type()[i] == core::EventType::CrossBorderAttack;
    counts.placed[p] += core::has_stated_place(d.location_precision()[i]);
    for (const auto& g : group_keys(d, i, by, boundaries, regions, membership)) {
      counts.by_group[p][g].first++;
      counts.by_group[p][g].second += attack;
    }
    counts.totals[p].first++;
    counts.totals[p].second += attack;
  }
  return counts;
}

// The article's figures by (period, region), each labelled with its own period when that is not
// the row's (a half-year figure in a yearly table).
using Reported = std::map<std::string, std::map<std::string, std::vector<std::string>>>;

Reported reported_figures(const core::Bundle& tables, bool monthly) {
  Reported reported;
  for (const auto& a : tables.aggregates) {
    std::string label = a.period_start.to_iso();
    if (!(a.period_end == a.period_start)) label += ".." + a.period_end.to_iso();
    const std::string p = monthly ? label : std::to_string(a.period_start.year);
    std::string fig = a.metric == core::AggregateMetric::Count ? format_value(a.value) + " attacks"
                                                               : format_value(a.value) + "%";
    if (label != p) fig += " (" + label + ")";
    reported[p][a.region].push_back(fig);
  }
  return reported;
}

// A computed share, "31 %" (whole percent, like the article's figures).
std::string share_text(int n, int total) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f %%", 100.0 * n / total);
  return buf;
}

std::string joined(const std::vector<std::string>& figures) {
  std::string s;
  for (const auto& f : figures) s += (s.empty() ? "" : "; ") + f;
  return s;
}

// One row per period and group, then the period's total; reported figures only by region, the
// article's only grouping.
void print_table(Counts& counts, Reported& reported, const std::string& by, const std::string& reporter,
                 const std::vector<core::Region>& groups_shown) {
  std::set<std::string> periods;
  for (const auto& [p, _] : counts.by_group) periods.insert(p);
  for (const auto& [p, _] : counts.totals) periods.insert(p);
  if (by == "region")
    for (const auto& [p, _] : reported) periods.insert(p);
  const bool regions = by == "region";
  std::printf("%-9s %-24s %9s %8s %9s  %s\n", "period", by.c_str(), "incidents", "attacks", regions ? "computed" : "",
              regions ? ("reported by " + reporter).c_str() : "");
  for (const auto& p : periods) {
    std::set<std::string> groups;
    for (const auto& [g, _] : counts.by_group[p]) groups.insert(g);
    if (by == "region")  // the article's figures for the groups counted (a user's groups may differ)
      for (const auto& [g, _] : reported[p])
        if (std::any_of(groups_shown.begin(), groups_shown.end(), [&](const auto& r) { return r.region == g; }))
          groups.insert(g);
    groups.erase("all");
    for (const auto& g : groups) {
      const auto c = counts.by_group[p].count(g) ? counts.by_group[p][g] : Tally{0, 0};
      const std::string rep = regions ? joined(reported[p][g]) : std::string();
      const bool shared = regions && g != "(place not stated)" && counts.placed[p] > 0;
      std::printf("%-9s %-24s %9d %8d %9s  %s\n", p.c_str(), g.c_str(), c.first, c.second,
                  shared ? share_text(c.first, counts.placed[p]).c_str() : "", rep.c_str());
    }
    std::printf("%-9s %-24s %9d %8d %9s  %s\n", p.c_str(), "(total)", counts.totals[p].first, counts.totals[p].second, "",
                joined(reported[p]["all"]).c_str());
  }
}

}  // namespace

int cmd_stats(int argc, char** argv) {
  const ArgParser parser = make_parser();
  int exit_code = kExitOk;
  const auto args = parser.parse_command(argc, argv, &exit_code);
  if (!args) return exit_code;
  if (args->has("--drift")) return stats_drift(parser, *args);
  if (args->has("--json")) return parser.usage_error("--json: only with --drift");
  const std::string by = args->get("--by").value_or("region");
  if (by != "region" && by != "admin1" && by != "country")
    return parser.usage_error("--by: \"" + by + "\" is not region, admin1 or country");
  const std::string period = args->get("--period").value_or("year");
  if (period != "year" && period != "month")
    return parser.usage_error("--period: \"" + period + "\" is not year or month");
  const bool monthly = period == "month";

  core::Problems problems;
  auto tables = core::load_bundle_tables(core::geodata_dir(), &problems);
  auto boundaries = core::Boundaries::load_bundled(&problems);
  const std::string data_path = args->get("--data").value_or(core::geodata_file("incidents.csv"));
  core::LoadResult loaded = core::load_incidents(data_path);
  for (const auto& p : loaded.problems.items) problems.add(p);
  if (!tables || !boundaries || !loaded.ok()) {
    for (const auto& p : problems.items)
      if (p.severity == core::Severity::Error) std::fprintf(stderr, "driftmap: %s\n", p.to_string().c_str());
    return kExitFailure;
  }
  std::vector<core::Region> regions = tables->regions;
  if (auto file = args->get("--regions")) {
    auto own = core::load_region_groups(*file, &problems);
    for (const auto& p : problems.items)
      if (p.severity == core::Severity::Error) std::fprintf(stderr, "driftmap: %s\n", p.to_string().c_str());
    if (!own || problems.has_errors()) return kExitFailure;
    regions = std::move(*own);
  }
  const core::Dataset& d = *loaded.dataset;
  Counts counts = count_incidents(d, monthly, by, *boundaries, regions);
  Reported reported = reported_figures(*tables, monthly);
  std::printf("Dataset: %s (%zu incidents). Counts are incidents the documents describe, by start date;\n"
              "'reported' are the figures %s gives for all claimed attacks.\n\n",
              data_path.c_str(), d.size(), core::figures_source(*tables).c_str());
  print_table(counts, reported, by, core::figures_source(*tables), regions);
  print_notes(d, *tables);
  return kExitOk;
}

}  // namespace driftmap::app
