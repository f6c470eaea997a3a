// Loads incidents from a user's file through OGR: CSV (date_start/date_end/lat/lon/... or
// date/latitude/longitude), GeoJSON and GeoPackage point layers. Strict: every problem is
// reported with file, line (CSV) or feature index, and field; a file with errors is refused
// unless skip_invalid is set, in which case the valid rows load and the skipped ones are listed.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "core/dataset.hpp"
#include "core/problem.hpp"

namespace driftmap::core {

struct LoadOptions {
  bool skip_invalid = false;
  // Column mapping, driftmap name → file's column name (e.g. {"date_start","event_day"}).
  std::map<std::string, std::string> column_map;
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
  std::vector<Incident> rows;
  Problems problems;
  bool file_ok = false;  // false when the file itself could not be read as incidents
};
ParsedRows parse_incident_file(const std::string& path, const LoadOptions& options = {});

// Refuses GDAL virtual network paths (/vsicurl/ and friends) and URLs.
bool is_network_path(std::string_view path);

}  // namespace driftmap::core
