// `--map` parsing and the bundled geocoding data; see import_options.hpp.
#include "app/import_options.hpp"

#include <mutex>


#include "core/geodata.hpp"
#include "core/input/text_encoding.hpp"
#include "core/text.hpp"

namespace driftmap::app {

namespace {

// Short forms accepted for `--map` keys, beside the schema names themselves.
const std::map<std::string, std::string>& field_keys() {
  static const std::map<std::string, std::string> keys = {
      {"id", "id"},
      {"date_start", "date_start"},
      {"date", "date_start"},
      {"start", "date_start"},
      {"date_end", "date_end"},
      {"end", "date_end"},
      {"event_type", "event_type"},
      {"type", "event_type"},
      {"place", "place"},
      {"city", "place"},
      {"location", "place"},
      {"admin1", "admin1"},
      {"province", "admin1"},
      {"country", "country"},
      {"location_precision", "location_precision"},
      {"precision", "location_precision"},
      {"lat", "lat"},
      {"latitude", "lat"},
      {"y", "lat"},
      {"lon", "lon"},
      {"lng", "lon"},
      {"longitude", "lon"},
      {"x", "lon"},
      {"killed", "killed"},
      {"fatalities", "killed"},
      {"wounded", "wounded"},
      {"injured", "wounded"},
      {"casualties_disputed", "casualties_disputed"},
      {"summary", "summary"},
      {"notes", "summary"},
      {"sources", "sources"},
      {"source", "sources"},
  };
  return keys;
}

}  // namespace

ArgParser& add_import_options(ArgParser& parser) {
  return parser
      .option("--map", "FIELD=COLUMN,...",
              "read driftmap FIELD from the file's COLUMN, e.g. --map date=event_day,lat=y,lon=x\n"
              "(fields: id date_start date_end event_type place admin1 country location_precision\n"
              "lat lon killed wounded casualties_disputed summary sources)",
              true)
      .option("--encoding", "NAME",
              "read text files in this encoding (e.g. cp1251, KOI8-R, cp1256; see `iconv --list`)\n"
              "instead of detecting it")
      .option("--layer", "NAME", "read this layer of a GeoPackage or other multi-layer source (default: the first)");
}

std::optional<std::map<std::string, std::string>> parse_column_map(const std::vector<std::string>& values,
                                                                  std::string* error) {
  std::map<std::string, std::string> out;
  auto fail = [&](const std::string& msg) -> std::optional<std::map<std::string, std::string>> {
    if (error) *error = "--map: " + msg;
    return std::nullopt;
  };
  for (const std::string& value : values) {
    for (std::string_view pair : core::split(value, ',')) {
      pair = core::trim(pair);
      if (pair.empty()) continue;
      const size_t eq = pair.find('=');
      if (eq == std::string_view::npos)
        return fail("\"" + std::string(pair) + "\" is not FIELD=COLUMN");
      const std::string key = core::to_lower_ascii(core::trim(pair.substr(0, eq)));
      const std::string column(core::trim(pair.substr(eq + 1)));
      auto it = field_keys().find(key);
      if (it == field_keys().end())
        return fail("\"" + key + "\" is not a driftmap field (id, date_start, date_end, event_type, place, admin1, "
                    "country, location_precision, lat, lon, killed, wounded, casualties_disputed, summary, sources)");
      if (column.empty()) return fail("no column given for " + it->second);
      if (out.count(it->second)) return fail(it->second + " is mapped twice");
      out[it->second] = column;
    }
  }
  return out;
}

struct ImportContext::GazetteerCache {
  std::once_flag once;
  std::optional<core::Gazetteer> gazetteer;
  core::Problems problems;
  const core::Gazetteer* get() {
    std::call_once(once, [this] {
      gazetteer = core::Gazetteer::load(
          std::vector<std::string>{core::geodata_file("places.csv"), core::geodata_file("gazetteer.csv")}, &problems);
    });
    return gazetteer ? &*gazetteer : nullptr;
  }
};

std::shared_ptr<ImportContext::GazetteerCache> ImportContext::make_cache() { return std::make_shared<GazetteerCache>(); }

bool ImportContext::load_bundled() {
  if (!boundaries)
    boundaries = core::Boundaries::load_bundled(&load_problems);
  return boundaries.has_value();
}

const core::Gazetteer* ImportContext::gazetteer() const { return gazetteer_cache_->get(); }

const core::Problems& ImportContext::gazetteer_problems() const {
  gazetteer_cache_->get();
  return gazetteer_cache_->problems;
}

core::LoadOptions ImportContext::options() const {
  core::LoadOptions o;
  o.column_map = column_map;
  o.encoding = encoding;
  o.layer = layer;
  o.skip_invalid = skip_invalid;
  o.gazetteer_source = [cache = gazetteer_cache_] { return cache->get(); };
  o.boundaries = boundaries ? &*boundaries : nullptr;
  return o;
}

std::optional<ImportContext> make_import_context(const ParsedArgs& args, std::string* usage_error) {
  ImportContext ctx;
  auto map = parse_column_map(args.all("--map"), usage_error);
  if (!map) return std::nullopt;
  ctx.column_map = std::move(*map);
  if (auto e = args.get("--encoding")) {
    if (!core::is_known_encoding(*e)) {
      *usage_error = "--encoding: \"" + *e + "\" is not an encoding iconv knows (see `iconv --list`)";
      return std::nullopt;
    }
    ctx.encoding = *e;
  }
  ctx.layer = args.get("--layer").value_or("");
  ctx.skip_invalid = args.has("--skip-invalid");
  ctx.load_bundled();
  return ctx;
}

}  // namespace driftmap::app
