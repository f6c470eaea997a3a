// Loads incidents from a user's file: CSV (date_start/date_end/lat/lon/... or date/latitude/
// longitude; read by input/csv_incident_reader), GeoJSON, GeoPackage and other OGR point layers
// (input/ogr_incident_reader), in any schema of input/schemas/. Strict: every problem is reported
// with file, line (CSV) or feature index, and field; a file with errors is refused unless
// skip_invalid is set, in which case the valid rows load and the skipped ones are counted.
#pragma once
#include <atomic>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "core/dataset.hpp"
#include "core/input/schemas/input_schema.hpp"
#include "core/geocoder.hpp"
#include "core/problem.hpp"

namespace driftmap::core {

struct LoadOptions {
  bool skip_invalid = false;
  // Column mapping, driftmap name → file's column name (e.g. {"date_start","event_day"}).
  std::map<std::string, std::string> column_map;
  // Geocoding by name: rows without coordinates are placed from place/admin1/country
  // when either is given (callers pass the bundled ones; core loads nothing itself). Foreign
  // formats' country names become ISO codes through the boundaries.
  const Gazetteer* gazetteer = nullptr;
  // Instead of gazetteer: called once, on the first row that needs a place-name lookup.
  std::function<const Gazetteer*()> gazetteer_source;
  const Boundaries* boundaries = nullptr;
  // Keep the columns not read into driftmap fields (ParsedRows::attributes), for `convert`.
  bool keep_attributes = false;
  // Text encoding to read (an iconv name, e.g. "cp1251"); empty: detect (text_encoding.hpp).
  std::string encoding;
  // OGR sources with several layers: the layer to read; empty: the first.
  std::string layer;
  // load_incidents() reads plain driftmap-schema CSVs with the parallel reader (fast_csv_reader.hpp);
  // this forces the reader that reports every problem (tests compare the two).
  bool force_ogr = false;
  // Set from another thread to stop a load (the viewer's Cancel): the readers look at it every
  // few thousand rows, and the result is then an error "loading was cancelled", no dataset.
  const std::atomic<bool>* cancel = nullptr;
  bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

struct LoadResult {
  std::optional<Dataset> dataset;  // set when the file was accepted
  Problems problems;               // errors (and warnings) found, in file order
  size_t rows_read = 0;
  size_t rows_skipped = 0;
  bool ok() const { return dataset.has_value(); }
};

LoadResult load_incidents(const std::string& path, const LoadOptions& options = {});

// Rows as parsed (before sorting), with their problems, for `validate` and the dataset checks.
struct ParsedRows {
  std::vector<Incident> rows;  // the valid rows, in file order
  size_t invalid_rows = 0;     // rows left out because they have errors
  Problems problems;
  bool file_ok = false;  // false when the file itself could not be read as incidents
  // What the file was recognised as (validate prints it).
  SourceFormat format = SourceFormat::Driftmap;
  std::string driver;    // OGR driver ("CSV", "GPKG", ...)
  std::string encoding;  // text files: "UTF-8", "cp1252", "KOI8-R", ...; empty for binary formats
  char delimiter = 0;    // CSV only
  std::vector<LocatedBy> located_by;  // per valid row: source coordinates or how it was geocoded
  // With LoadOptions::keep_attributes: the source's other columns, and per valid row their values.
  std::vector<std::string> attribute_names;
  std::vector<std::vector<std::string>> attributes;
};
ParsedRows parse_incident_file(const std::string& path, const LoadOptions& options = {});

// Refuses GDAL virtual network paths (/vsicurl/ and friends) and URLs.
bool is_network_path(std::string_view path);

}  // namespace driftmap::core
