// `driftmap convert IN... --out OUT.csv|OUT.geojson|OUT.gpkg`: reads incident files in any
// supported format (driftmap, ACLED, GTD, any OGR point source; any encoding), places rows
// without coordinates by name, and writes the normalised incidents in driftmap's schema with
// the precision columns, how each row was located, and the source's other columns kept. Output
// goes through OGR into memory and is then written atomically: nothing appears at OUT on failure.
#include <cpl_vsi.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <set>
#include <unordered_map>

#include "app/cli_args.hpp"
#include "app/commands.hpp"
#include "app/import_options.hpp"
#include "core/atomic_file.hpp"
#include "core/ogr_util.hpp"
#include "core/text.hpp"

namespace driftmap::app {

namespace {

ArgParser make_parser() {
  ArgParser p("driftmap convert", "IN... --out OUT.csv|OUT.geojson|OUT.gpkg [--map FIELD=COLUMN,...] [--skip-invalid]",
              "Reads incident files (driftmap CSV, ACLED and GTD exports, GeoJSON, GeoPackage, Shapefile,\n"
              "FlatGeobuf, KML; UTF-8, UTF-16 or cp1252) and writes them in driftmap's schema: rows without\n"
              "coordinates are placed by place/admin1/country name, `located_by` says how, and the source's\n"
              "other columns are kept. Exit status 0 on success, 1 on bad input, 2 on a usage error.");
  p.positionals("IN", "incident files to read");
  p.option("--out", "FILE", "file to write: .csv, .geojson or .gpkg (replaced atomically)");
  add_import_options(p);
  p.flag("--skip-invalid", "leave out rows with errors instead of refusing the file");
  p.flag("--help", "show this help");
  return p;
}

// driftmap's output columns; a source column with one of these names is kept as source_NAME.
const std::vector<std::string>& schema_columns() {
  static const std::vector<std::string> c = {
      "id",      "date_start", "date_end", "date_basis", "event_type", "place",  "admin1", "country",
      "location_precision", "located_by", "lat", "lon", "killed", "wounded", "casualties_disputed",
      "summary", "sources", "source_file", "source_line"};
  return c;
}

struct Input {
  std::string path;
  core::ParsedRows parsed;
};

struct Output {
  const char* driver;
  bool has_geometry;
};

std::optional<Output> output_for(const std::string& path) {
  const std::string ext = core::to_lower_ascii(std::filesystem::path(path).extension().string());
  if (ext == ".csv") return Output{"CSV", false};
  if (ext == ".geojson" || ext == ".json") return Output{"GeoJSON", true};
  if (ext == ".gpkg") return Output{"GPKG", true};
  return std::nullopt;
}

void add_field(OGRLayerH layer, const std::string& name, OGRFieldType type) {
  OGRFieldDefnH f = OGR_Fld_Create(name.c_str(), type);
  OGR_L_CreateField(layer, f, TRUE);
  OGR_Fld_Destroy(f);
}

// The output layer with driftmap's columns and then the kept ones (all text).
OGRLayerH create_layer(GDALDatasetH ds, const Output& output, const std::string& name,
                       const std::vector<std::string>& kept) {
  core::SpatialReferencePtr wgs84;
  if (output.has_geometry) wgs84 = core::make_wgs84_lon_lat();
  const char* csv_options[] = {"STRING_QUOTING=IF_NEEDED", nullptr};  // no quotes around numbers
  OGRLayerH layer = GDALDatasetCreateLayer(ds, name.c_str(), wgs84.get(), output.has_geometry ? wkbPoint : wkbNone,
                                           std::string_view(output.driver) == "CSV" ? const_cast<char**>(csv_options) : nullptr);
  if (!layer) return nullptr;
  for (const std::string& c : schema_columns()) {
    OGRFieldType t = OFTString;
    if (c == "lat" || c == "lon") t = OFTReal;
    else if (c == "killed" || c == "wounded" || c == "source_line") t = OFTInteger;
    add_field(layer, c, t);
  }
  for (const std::string& c : kept) add_field(layer, c, OFTString);
  return layer;
}

// Reads every input (problems to stderr); false when one is refused. skipped: invalid rows left out.
bool read_inputs(const std::vector<std::string>& paths, const ImportContext& import, std::vector<Input>& inputs,
                 size_t& skipped) {
  core::LoadOptions options = import.options();
  options.keep_attributes = true;
  bool ok = true;
  for (const std::string& path : paths) {
    Input in{path, core::parse_incident_file(path, options)};
    for (const auto& p : in.parsed.problems.items)
      if (p.severity != core::Severity::Note) std::fprintf(stderr, "%s\n", p.to_string().c_str());
    if (!in.parsed.file_ok || (in.parsed.problems.has_errors() && !options.skip_invalid)) {
      ok = false;
      continue;
    }
    skipped += in.parsed.invalid_rows;
    inputs.push_back(std::move(in));
  }
  return ok;
}

// Kept source columns: the union over the inputs, in first-seen order, renamed on a clash with
// driftmap's columns. Looked up by lower-case name, so the work is linear in the column count.
std::vector<std::string> kept_columns(const std::vector<Input>& inputs, std::vector<std::vector<int>>& slot) {
  std::vector<std::string> columns;
  std::unordered_map<std::string, int> slot_of;  // lower-case output name → index
  slot.assign(inputs.size(), {});
  for (size_t k = 0; k < inputs.size(); ++k) {
    for (const std::string& name : inputs[k].parsed.attribute_names) {
      std::string out_name = name;
      const std::string lower = core::to_lower_ascii(name);
      if (std::find(schema_columns().begin(), schema_columns().end(), lower) != schema_columns().end())
        out_name = "source_" + name;
      const auto [it, added] = slot_of.emplace(core::to_lower_ascii(out_name), static_cast<int>(columns.size()));
      if (added) columns.push_back(out_name);
      slot[k].push_back(it->second);
    }
  }
  return columns;
}

// Sets one row's fields, in schema_columns() order, then its kept columns.
void fill_feature(OGRFeatureH f, const Input& in, size_t r, const std::vector<int>& slot, bool& placed_by_name) {
  const core::ParsedRows& parsed = in.parsed;
  const core::Incident& inc = parsed.rows[r];
  int i = 0;
  auto set_text = [&](const std::string& v) {
    if (!v.empty()) OGR_F_SetFieldString(f, i, v.c_str());
    ++i;
  };
  set_text(inc.id);
  set_text(inc.date.start.to_iso());
  set_text(inc.date.end ? inc.date.end->to_iso() : "");
  set_text(inc.date_basis == core::DateBasis::Event ? "" : std::string(core::to_string(inc.date_basis)));
  set_text(std::string(core::to_string(inc.type)));
  set_text(inc.place);
  set_text(inc.admin1);
  set_text(inc.country);
  set_text(std::string(core::to_string(inc.location_precision)));
  const core::LocatedBy by = r < parsed.located_by.size() ? parsed.located_by[r] : core::LocatedBy::Source;
  placed_by_name = by != core::LocatedBy::Source;
  set_text(std::string(core::to_string(by)));
  const bool placed = core::has_stated_place(inc.location_precision);
  for (double deg : {inc.lat_deg, inc.lon_deg}) {
    if (placed) OGR_F_SetFieldDouble(f, i, deg);
    ++i;
  }
  for (int32_t n : {inc.killed, inc.wounded}) {
    if (n != core::kUnknownCount) OGR_F_SetFieldInteger(f, i, n);
    ++i;
  }
  set_text(inc.casualties_disputed ? "true" : "false");
  set_text(inc.summary);
  set_text(inc.sources);
  set_text(in.path);
  OGR_F_SetFieldInteger(f, i++, static_cast<int>(inc.source_line));
  if (r < parsed.attributes.size())
    for (size_t a = 0; a < parsed.attributes[r].size() && a < slot.size(); ++a)
      if (!parsed.attributes[r][a].empty()) OGR_F_SetFieldString(f, i + slot[a], parsed.attributes[r][a].c_str());
}

// Writes an input's rows as features; returns why it failed ("" on success).
std::string write_features(OGRLayerH layer, const Input& in, const std::vector<int>& slot, bool has_geometry,
                           size_t& written, size_t& geocoded) {
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  for (size_t r = 0; r < in.parsed.rows.size(); ++r) {
    const core::Incident& inc = in.parsed.rows[r];
    core::FeaturePtr f{OGR_F_Create(defn)};
    bool by_name = false;
    fill_feature(f.get(), in, r, slot, by_name);
    geocoded += by_name;
    if (has_geometry && core::has_stated_place(inc.location_precision)) {
      OGRGeometryH g = OGR_G_CreateGeometry(wkbPoint);
      OGR_G_SetPoint_2D(g, 0, inc.lon_deg, inc.lat_deg);
      OGR_F_SetGeometryDirectly(f.get(), g);
    }
    if (OGR_L_CreateFeature(layer, f.get()) != OGRERR_NONE) return "cannot write a feature: ";
    ++written;
  }
  return {};
}

}  // namespace

int cmd_convert(int argc, char** argv) {
  const ArgParser parser = make_parser();
  int exit_code = kExitOk;
  const auto args = parser.parse_command(argc, argv, &exit_code);
  if (!args) return exit_code;
  std::string error;
  if (args->positionals.empty()) return parser.usage_error("no IN file given");
  const auto out_path = args->get("--out");
  if (!out_path) return parser.usage_error("--out FILE is required");
  const auto output = output_for(*out_path);
  if (!output) return parser.usage_error("--out: \"" + *out_path + "\" must end in .csv, .geojson or .gpkg");
  auto import = make_import_context(*args, &error);
  if (!import) return parser.usage_error(error);

  std::vector<Input> inputs;
  size_t skipped = 0;
  const bool refused = !read_inputs(args->positionals, *import, inputs, skipped);
  if (refused) {
    std::fprintf(stderr, "driftmap convert: nothing written to %s (fix the errors above, or give --skip-invalid)\n",
                 out_path->c_str());
    return kExitFailure;
  }

  std::vector<std::vector<int>> attribute_slot;  // per input: its kept columns → output index
  const std::vector<std::string> attribute_columns = kept_columns(inputs, attribute_slot);

  // ---- write into memory through OGR ----------------------------------------------------------
  core::ensure_gdal();
  core::GdalErrorCapture capture;
  static std::atomic<int> counter{0};
  const std::string mem_dir = "/vsimem/driftmap-convert-" + std::to_string(++counter);
  const std::string mem_path = mem_dir + "/" + std::filesystem::path(*out_path).filename().string();
  auto cleanup = [&] {
    VSIUnlink(mem_path.c_str());
    VSIRmdirRecursive(mem_dir.c_str());
  };
  auto fail = [&](const std::string& msg) {
    cleanup();
    std::fprintf(stderr, "driftmap convert: %s: %s\n", out_path->c_str(), msg.c_str());
    return kExitFailure;
  };
  size_t written = 0, geocoded = 0;
  {
    VSIMkdir(mem_dir.c_str(), 0755);  // the CSV driver writes a single file only into an existing directory
    GDALDriverH driver = GDALGetDriverByName(output->driver);
    if (!driver) return fail(std::string("GDAL has no ") + output->driver + " driver");
    core::GdalDatasetPtr ds(GDALCreate(driver, mem_path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) return fail("cannot be created: " + capture.last());
    OGRLayerH layer = create_layer(ds.get(), *output, std::filesystem::path(*out_path).stem().string(), attribute_columns);
    if (!layer) return fail("cannot create a layer: " + capture.last());

    if (GDALDatasetStartTransaction(ds.get(), FALSE) != OGRERR_NONE) CPLErrorReset();
    for (size_t k = 0; k < inputs.size(); ++k) {
      const std::string why = write_features(layer, inputs[k], attribute_slot[k], output->has_geometry, written, geocoded);
      if (!why.empty()) return fail(why + capture.last());
    }
    if (GDALDatasetCommitTransaction(ds.get()) != OGRERR_NONE) CPLErrorReset();
  }  // closing the dataset flushes it into the memory file
  if (written == 0) return fail("no incidents to write");

  vsi_l_offset size = 0;
  GByte* bytes = VSIGetMemFileBuffer(mem_path.c_str(), &size, FALSE);
  if (!bytes) return fail("the converted data was not produced: " + capture.last());
  std::string write_error;
  const bool ok = core::write_file_atomically(
      *out_path, std::string_view(reinterpret_cast<const char*>(bytes), static_cast<size_t>(size)), &write_error);
  cleanup();
  if (!ok) {
    std::fprintf(stderr, "driftmap convert: %s\n", write_error.c_str());
    return kExitFailure;
  }
  std::printf("%s: %zu incidents written (%zu placed by name), %zu invalid rows skipped\n", out_path->c_str(), written,
              geocoded, skipped);
  return kExitOk;
}

}  // namespace driftmap::app
