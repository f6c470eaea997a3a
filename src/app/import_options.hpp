// Options shared by every command that reads incident files (validate, export, animate, convert
// and the viewer): `--map FIELD=COLUMN,...` for files whose columns have other names,
// `--encoding NAME` for text in a legacy code page, `--layer NAME` for sources with several
// layers, and the bundled gazetteer and boundaries that geocoding by name needs.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/cli_args.hpp"
#include "core/boundaries.hpp"
#include "core/gazetteer.hpp"
#include "core/incident_loader.hpp"
#include "core/problem.hpp"

namespace driftmap::app {

// Adds `--map FIELD=COLUMN,...` (repeatable), `--encoding NAME` and `--layer NAME` to a parser.
ArgParser& add_import_options(ArgParser& parser);

// Parses `--map` values: comma-separated FIELD=COLUMN pairs, FIELD a driftmap field or a short
// form (date → date_start, latitude/y → lat, longitude/x → lon, city → place, ...). On a bad
// value returns nullopt and sets *error, e.g. `--map: "when" is not a driftmap field (...)`.
std::optional<std::map<std::string, std::string>> parse_column_map(const std::vector<std::string>& values,
                                                                  std::string* error);

// The bundled gazetteer (geodata/places.csv, then geodata/gazetteer.csv) and boundaries, and the
// LoadOptions that use them. The boundaries are loaded by load_bundled(); the gazetteer (about
// 50 ms to read) only when a row first needs a place-name lookup.
struct ImportContext {
  std::optional<core::Boundaries> boundaries;
  std::map<std::string, std::string> column_map;
  std::string encoding;  // --encoding: an iconv name; empty = detect
  std::string layer;     // --layer
  bool skip_invalid = false;
  core::Problems load_problems;  // why the boundaries are missing, if they are

  // Loads the boundaries; false when they are missing or broken, with the reasons in load_problems.
  bool load_bundled();
  // The gazetteer, read on the first call (by this context or any LoadOptions it made); nullptr
  // when missing, with the reasons in gazetteer_problems().
  const core::Gazetteer* gazetteer() const;
  const core::Problems& gazetteer_problems() const;
  core::LoadOptions options() const;

 private:
  struct GazetteerCache;
  std::shared_ptr<GazetteerCache> gazetteer_cache_ = make_cache();
  static std::shared_ptr<GazetteerCache> make_cache();
};

// Parses --map, --encoding, --layer (and --skip-invalid when the parser has it) from args and
// loads the bundled geocoding data (missing data only limits geocoding). Returns nullopt on a
// usage error (an unknown encoding name is one).
std::optional<ImportContext> make_import_context(const ParsedArgs& args, std::string* usage_error);

}  // namespace driftmap::app
