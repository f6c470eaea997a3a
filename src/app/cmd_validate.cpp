// `driftmap validate FILE...`: checks incident files against the loader's and the dataset's rules
// and prints every problem as file:line: field: message, then one summary line per file.
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "app/cli_args.hpp"
#include "app/commands.hpp"
#include "app/import_options.hpp"
#include "core/boundaries.hpp"
#include "core/bundle.hpp"
#include "core/dataset_checks.hpp"
#include "core/geodata.hpp"
#include "core/incident_loader.hpp"

namespace driftmap::app {

namespace {

ArgParser make_parser() {
  ArgParser p("driftmap validate", "FILE... [--bundle] [--skip-invalid]",
              "Checks incident files (CSV, GeoJSON, GeoPackage, ...) and prints each problem as\n"
              "file:line: field: message, then 'FILE: N incidents, E errors, W warnings'.\n"
              "Exit status 0 when no file has errors, 1 otherwise (with --skip-invalid: 1 only when\n"
              "a file cannot be read at all or has no valid row).");
  p.positionals("FILE", "incident files to check; the bundled incidents.csv also gets the citation checks")
      .flag("--bundle", "check the bundled dataset (geodata/incidents.csv and its citations)")
      .flag("--skip-invalid", "accept files whose invalid rows would be skipped on loading, and say how many")
      .flag("--help", "show this help");
  add_import_options(p);
  return p;
}

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return std::filesystem::equivalent(a, b, ec);
}

}  // namespace

int cmd_validate(int argc, char** argv) {
  const ArgParser parser = make_parser();
  int exit_code = kExitOk;
  const auto args = parser.parse_command(argc, argv, &exit_code);
  if (!args) return exit_code;
  std::string error;
  std::vector<std::string> files = args->positionals;
  const std::string bundled = core::geodata_file("incidents.csv");
  if (args->has("--bundle")) files.push_back(bundled);
  if (files.empty()) return parser.usage_error("no FILE given");

  // Bundled boundaries and gazetteer: for the place rules and for geocoding rows by name.
  auto import = make_import_context(*args, &error);
  if (!import) return parser.usage_error(error);
  if (!import->boundaries) {
    for (const auto& p : import->load_problems.items) std::fprintf(stderr, "driftmap: %s\n", p.to_string().c_str());
    return kExitFailure;
  }
  const core::Boundaries* boundaries = &*import->boundaries;
  const core::LoadOptions load_options = import->options();

  bool any_errors = false;
  for (const std::string& file : files) {
    core::ParsedRows parsed = core::parse_incident_file(file, load_options);
    if (parsed.file_ok) {  // what the file was read as (encoding, delimiter, schema)
      std::string info = file + ": format " + std::string(core::to_string(parsed.format));
      if (!parsed.encoding.empty()) info += ", encoding " + parsed.encoding;
      if (parsed.delimiter) info += ", delimiter " + std::string(parsed.delimiter == '\t' ? "tab" : std::string("'") + parsed.delimiter + "'");
      if (parsed.driver != "CSV") info += ", driver " + parsed.driver;
      std::printf("%s\n", info.c_str());
    }
    core::Problems& problems = parsed.problems;
    const std::vector<core::Incident>& valid = parsed.rows;
    if (parsed.file_ok) core::check_incident_places(file, valid, *boundaries, problems);
    if (parsed.file_ok && same_file(file, bundled)) {
      const std::string dir = std::filesystem::path(file).parent_path().string();
      if (auto bundle = core::load_bundle_tables(dir, &problems)) {
        core::check_bundle_citations(file, valid, *bundle, dir + "/citations.csv", core::seeds_dir(), problems);
        core::check_bundle_provenance(file, valid, *bundle, *boundaries, problems);
      }
    }
    std::stable_sort(problems.items.begin(), problems.items.end(), [](const auto& a, const auto& b) {
      return a.file != b.file ? a.file < b.file : a.line < b.line;
    });
    for (const auto& p : problems.items) std::printf("%s\n", p.to_string().c_str());
    const size_t skipped = parsed.invalid_rows;
    if (args->has("--skip-invalid") && parsed.file_ok) {
      std::printf("%s: %zu incidents, %zu errors, %zu warnings; %zu invalid rows skipped\n", file.c_str(),
                  valid.size(), problems.error_count(), problems.warning_count(), skipped);
      any_errors |= valid.empty();
    } else {
      std::printf("%s: %zu incidents, %zu errors, %zu warnings\n", file.c_str(), parsed.rows.size() + skipped,
                  problems.error_count(), problems.warning_count());
      any_errors |= problems.has_errors();
    }
  }
  return any_errors ? kExitFailure : kExitOk;
}

}  // namespace driftmap::app
