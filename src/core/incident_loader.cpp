#include "core/incident_loader.hpp"

#include <cpl_vsi.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <unordered_map>

#include "core/encoding.hpp"
#include "core/fast_csv.hpp"
#include "core/ogr_util.hpp"
#include "core/text.hpp"

namespace driftmap::core {

namespace {

namespace fs = std::filesystem;

// Canonical fields and the column names accepted for each (case-insensitive).
struct FieldSpec {
  const char* name;
  std::vector<const char*> names;
};
const std::vector<FieldSpec>& field_specs() {
  static const std::vector<FieldSpec> specs = {
      {"id", {"id"}},
      {"date_start", {"date_start", "date"}},
      {"date_end", {"date_end"}},
      {"event_type", {"event_type"}},
      {"place", {"place"}},
      {"admin1", {"admin1"}},
      {"country", {"country"}},
      {"location_precision", {"location_precision"}},
      {"lat", {"lat", "latitude"}},
      {"lon", {"lon", "longitude"}},
      {"killed", {"killed"}},
      {"wounded", {"wounded"}},
      {"casualties_disputed", {"casualties_disputed"}},
      {"summary", {"summary"}},
      {"sources", {"sources"}},
      {"date_basis", {"date_basis"}},
  };
  return specs;
}

// OGR's CSV driver silently drops columns past OGR_CSV_MAX_FIELD_COUNT (ensure_gdal raises it to this).
constexpr size_t kMaxCsvColumns = 200000;

const char* kAllowedDrivers[] = {"CSV", "GeoJSON", "GeoJSONSeq", "GPKG", "ESRI Shapefile", "FlatGeobuf", "KML",
                                 "LIBKML", nullptr};

std::string quote_value(std::string_view s) {
  if (s.size() > 60) return "\"" + std::string(s.substr(0, 57)) + "...\"";
  return "\"" + std::string(s) + "\"";
}

// Reads the first bytes of a file to catch what OGR would misread silently.
std::string sniff(const std::string& path, size_t n) {
  std::ifstream f(path, std::ios::binary);
  std::string buf(n, '\0');
  f.read(buf.data(), static_cast<std::streamsize>(n));
  buf.resize(static_cast<size_t>(f.gcount()));
  return buf;
}

// The CSV header as raw names (quote-aware), for checks OGR doesn't make (duplicates, empties).
std::vector<std::string> csv_header_names(const std::string& head, char* separator = nullptr) {
  std::string line;
  bool q = false;
  size_t i = head.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  for (; i < head.size(); ++i) {
    const char c = head[i];
    if (c == '"') q = !q;
    if (!q && (c == '\n' || c == '\r')) break;
    line += c;
  }
  size_t commas = 0, semis = 0, tabs = 0;
  q = false;
  for (char c : line) {
    if (c == '"') q = !q;
    if (q) continue;
    commas += c == ',';
    semis += c == ';';
    tabs += c == '\t';
  }
  const char sep = (semis > commas && semis >= tabs) ? ';' : (tabs > commas ? '\t' : ',');
  if (separator) *separator = sep;
  std::vector<std::string> names;
  std::string cur;
  q = false;
  for (char c : line) {
    if (c == '"') {
      q = !q;
      continue;
    }
    if (!q && c == sep) {
      names.emplace_back(trim(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  names.emplace_back(trim(cur));
  return names;
}

// One pass over a CSV for what OGR's reader passes over silently: the line each record starts
// on (quote-aware, so multi-line fields don't shift later line numbers), NUL bytes (OGR cuts the
// value there), records with more fields than the header (OGR drops the extra values) and a
// quote that is never closed (OGR swallows the rest of the file into one field).
struct CsvScan {
  std::vector<int64_t> record_lines;  // 1-based line each record starts on; record 0 = header
  std::vector<uint32_t> field_counts; // per record
  int64_t nul_line = 0;               // first line with a NUL byte; 0 = none
  int64_t open_quote_line = 0;        // line of a quote that is never closed; 0 = none
  uint32_t open_quote_field = 0;      // 0-based field index of that quote
  bool read_error = false;
};

CsvScan scan_csv(const std::string& path, char sep) {
  CsvScan out;
  VSILFILE* f = VSIFOpenL(path.c_str(), "rb");  // VSI: also reads the /vsimem/ UTF-8 copy
  if (!f) {
    out.read_error = true;
    return out;
  }
  int64_t line = 1;
  bool in_quotes = false, at_record_start = true;
  uint32_t fields = 0;
  char buf[1 << 16];
  size_t n;
  while ((n = VSIFReadL(buf, 1, sizeof buf, f)) > 0) {
    for (size_t i = 0; i < n; ++i) {
      const char c = buf[i];
      if (at_record_start && c != '\n' && c != '\r') {
        out.record_lines.push_back(line);
        out.field_counts.push_back(1);
        fields = 1;
        at_record_start = false;
      }
      if (c == '\0' && out.nul_line == 0) out.nul_line = line;
      if (c == '"') {
        in_quotes = !in_quotes;
        if (in_quotes) {
          out.open_quote_line = line;
          out.open_quote_field = fields - 1;
        }
      } else if (c == sep && !in_quotes && !at_record_start) {
        out.field_counts.back() = ++fields;
      } else if (c == '\n') {
        ++line;
        if (!in_quotes) at_record_start = true;
      }
    }
  }
  out.read_error = !VSIFEofL(f);
  VSIFCloseL(f);
  if (!in_quotes) out.open_quote_line = 0;
  return out;
}

// GDAL reads a bare geometry or a single Feature as a one-feature layer; driftmap takes only a
// FeatureCollection. Looks at the top-level "type" within the first bytes (no recursion, so
// deep nesting costs nothing); when it is not there, GDAL's reader decides.
bool looks_like_feature_collection(const std::string& head, Problems& problems, const std::string& path) {
  size_t i = head.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  auto skip_space = [&] {
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\n' || head[i] == '\r')) ++i;
  };
  // Reads the JSON string starting at head[i] == '"'; false when it runs past the head.
  auto read_string = [&](std::string* value) {
    for (++i; i < head.size(); ++i) {
      if (head[i] == '\\') {
        ++i;
        if (value && i < head.size()) *value += head[i];
      } else if (head[i] == '"') {
        ++i;
        return true;
      } else if (value) {
        *value += head[i];
      }
    }
    return false;
  };
  skip_space();
  if (i >= head.size()) return true;
  if (head[i] == '[') {
    problems.error(path, 0, "", "is a JSON array, not a GeoJSON FeatureCollection");
    return false;
  }
  if (head[i] != '{') return true;
  int depth = 0;
  while (i < head.size()) {
    const char c = head[i];
    if (c == '"') {
      std::string key;
      if (!read_string(depth == 1 ? &key : nullptr)) return true;
      if (depth != 1 || key != "type") continue;
      skip_space();
      if (i >= head.size() || head[i] != ':') continue;
      ++i;
      skip_space();
      if (i >= head.size() || head[i] != '"') continue;
      std::string type;
      if (!read_string(&type)) return true;
      if (type == "FeatureCollection") return true;
      problems.error(path, 0, "", "is a GeoJSON " + quote_value(type) +
                                      ", not a FeatureCollection (incidents are the point features of a FeatureCollection)");
      return false;
    }
    if (c == '{' || c == '[') ++depth;
    else if (c == '}' || c == ']') --depth;
    ++i;
  }
  return true;
}

// The whole header record (it may be longer than the sniffed head: 100,000 columns are).
std::string read_header_record(const std::string& path) {
  std::string text;
  VSILFILE* f = VSIFOpenL(path.c_str(), "rb");
  if (!f) return text;
  bool in_quotes = false;
  char buf[1 << 16];
  size_t n;
  while ((n = VSIFReadL(buf, 1, sizeof buf, f)) > 0) {
    for (size_t i = 0; i < n; ++i) {
      if (buf[i] == '"') in_quotes = !in_quotes;
      if (!in_quotes && (buf[i] == '\n' || buf[i] == '\r')) {
        text.append(buf, i);
        VSIFCloseL(f);
        return text;
      }
    }
    text.append(buf, n);
  }
  VSIFCloseL(f);
  return text;
}

bool parse_int(std::string_view s, int32_t& out) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool parse_double(std::string_view s, double& out) {
  if (s.size() > 1 && s[0] == '+' && s[1] != '-' && s[1] != '+') s.remove_prefix(1);  // from_chars refuses "+1.5"
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

struct RowContext {
  const std::string& path;
  int64_t line;
  bool is_feature;
  Problems& problems;
  bool bad = false;
  void error(const std::string& field, const std::string& msg) {
    Problem p{path, line, is_feature, field, msg, Severity::Error};
    problems.add(std::move(p));
    bad = true;
  }
  void warning(const std::string& field, const std::string& msg) {
    problems.add(Problem{path, line, is_feature, field, msg, Severity::Warning});
  }
};

void parse_count(RowContext& ctx, const char* field, std::string_view v, int32_t& out) {
  if (v.empty()) return;
  int32_t n;
  double d;
  if (parse_int(v, n)) {
    if (n < 0) return ctx.error(field, quote_value(v) + " is negative");
    out = n;
  } else if (parse_double(v, d) && std::isfinite(d)) {
    if (d < 0) return ctx.error(field, quote_value(v) + " is negative");
    if (d != std::floor(d)) return ctx.error(field, quote_value(v) + " is not a whole number");
    if (d > 2e9) return ctx.error(field, quote_value(v) + " is too large");
    out = static_cast<int32_t>(d);
  } else {
    ctx.error(field, quote_value(v) + " is not a number");
  }
}

void parse_coordinate(RowContext& ctx, const char* field, std::string_view v, double limit, double& out,
                      bool& ok) {
  ok = false;
  if (v.empty()) return ctx.error(field, "is empty");
  double d;
  if (!parse_double(v, d)) {
    std::string dotted(v);
    std::replace(dotted.begin(), dotted.end(), ',', '.');
    if (dotted != v && parse_double(dotted, d))
      return ctx.error(field, quote_value(v) + " is not a number (decimal comma? write " + dotted + ")");
    return ctx.error(field, quote_value(v) + " is not a number");
  }
  if (!std::isfinite(d)) return ctx.error(field, quote_value(v) + " is not a finite number");
  if (d < -limit || d > limit) {
    const std::string range = limit == 90 ? "-90..90" : "-180..180";
    return ctx.error(field, quote_value(v) + " is out of range " + range);
  }
  out = d;
  ok = true;
}

}  // namespace

bool is_network_path(std::string_view path) {
  static const char* kPrefixes[] = {"/vsicurl", "/vsis3", "/vsigs", "/vsiaz", "/vsiadls", "/vsioss", "/vsiswift",
                                    "/vsiwebhdfs", "/vsihdfs", "http://", "https://", "ftp://", "ftps://"};
  const std::string lower = to_lower_ascii(path);
  for (const char* p : kPrefixes)
    if (lower.find(p) != std::string::npos) return true;
  return false;
}

ParsedRows parse_incident_file(const std::string& path, const LoadOptions& options) {
  ParsedRows out;
  Problems& problems = out.problems;
  std::error_code ec;
  if (is_network_path(path)) {
    problems.error(path, 0, "", "network paths and URLs are not opened (driftmap works offline)");
    return out;
  }
  if (path.starts_with("/vsi")) {
    problems.error(path, 0, "", "GDAL virtual paths are not accepted; give a file path");
    return out;
  }
  if (!fs::exists(path, ec)) {
    problems.error(path, 0, "", "no such file");
    return out;
  }
  if (fs::is_directory(path, ec)) {
    problems.error(path, 0, "", "is a directory, not a file");
    return out;
  }
  if (!fs::is_regular_file(path, ec)) {
    problems.error(path, 0, "", "is not a regular file");
    return out;
  }
  if (fs::file_size(path, ec) == 0) {
    problems.error(path, 0, "", "file is empty");
    return out;
  }
  const std::string head = sniff(path, 1 << 16);
  if (head.empty()) {
    problems.error(path, 0, "", std::string("cannot be read: ") + std::strerror(errno));
    return out;
  }
  // Text is checked for its encoding and, unless UTF-8, read through a UTF-8 copy (issue 8).
  std::string encoding_error;
  int64_t encoding_error_line = 0;
  std::optional<Utf8Source> source = Utf8Source::open(path, &encoding_error, &encoding_error_line);
  if (!source) {
    problems.error(path, encoding_error_line, "", encoding_error);
    return out;
  }
  if (source->is_text()) out.encoding = std::string(to_string(source->encoding()));
  std::string ext = to_lower_ascii(fs::path(path).extension().string());
  const bool looks_csv = ext == ".csv" || ext == ".tsv" || ext == ".txt";
  const bool looks_json = ext == ".geojson" || ext == ".json" || ext == ".geojsonl" || ext == ".geojsons";
  const bool looks_text = looks_csv || looks_json || ext == ".kml";
  if (const size_t nul = head.find('\0'); looks_text && !source->is_text() && nul != std::string::npos) {
    problems.error(path, 1 + std::count(head.begin(), head.begin() + static_cast<std::ptrdiff_t>(nul), '\n'), "",
                   "contains NUL bytes: not a text file driftmap can read");
    return out;
  }
  if (looks_json && !looks_like_feature_collection(source->is_text() ? source->head() : head, problems, path)) return out;

  ensure_gdal();
  GdalErrorCapture capture;
  const char* csv_options[] = {"AUTODETECT_TYPE=NO", "KEEP_GEOM_COLUMNS=YES", "HEADERS=YES",
                               "EMPTY_STRING_AS_NULL=NO", "MAX_LINE_SIZE=-1", nullptr};
  const std::string open_path = (looks_csv && ext != ".csv") ? "CSV:" + source->ogr_path() : source->ogr_path();
  GdalDatasetPtr ds(GDALOpenEx(open_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, kAllowedDrivers,
                               looks_csv ? csv_options : nullptr, nullptr));
  if (!ds) {
    const std::string why = capture.last();
    problems.error(path, 0, "", "cannot be read as an incident file (CSV, GeoJSON, GeoPackage, Shapefile, "
                                "FlatGeobuf or KML)" + (why.empty() ? std::string() : ": " + why));
    return out;
  }
  const std::string driver = GDALGetDriverShortName(GDALGetDatasetDriver(ds.get()));
  const bool is_csv = driver == "CSV";
  if (GDALDatasetGetLayerCount(ds.get()) < 1) {
    problems.error(path, 0, "", "contains no layer");
    return out;
  }
  OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);
  // Without features OGR knows no property names: say that, not "no date column".
  if (!is_csv && OGR_L_GetFeatureCount(layer, TRUE) == 0) {
    problems.error(path, 0, "", "contains no incidents (no features)");
    return out;
  }
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  const int nfields = OGR_FD_GetFieldCount(defn);

  // Column checks.
  std::vector<std::string> columns;
  for (int i = 0; i < nfields; ++i) columns.emplace_back(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
  // The raw header (OGR renames empty and duplicate names) and the whole-file scan.
  char separator = ',';
  const std::vector<std::string> raw_columns = is_csv ? csv_header_names(read_header_record(source->ogr_path()), &separator) : std::vector<std::string>{};
  if (raw_columns.size() > kMaxCsvColumns) {
    problems.error(path, 1, "", "has " + std::to_string(raw_columns.size()) + " columns; driftmap reads at most " +
                                    std::to_string(kMaxCsvColumns));
    return out;
  }
  const CsvScan scan = is_csv ? scan_csv(source->ogr_path(), separator) : CsvScan{};
  out.driver = driver;
  if (is_csv) out.delimiter = separator;
  const SourceFormat format = detect_source_format(columns);
  out.format = format;
  if (is_csv) {
    if (scan.nul_line > 0) {
      problems.error(path, scan.nul_line, "", "contains NUL bytes: not a text file driftmap can read");
      return out;
    }
    if (scan.open_quote_line > 0) {
      const bool in_header = scan.open_quote_line == 1;
      problems.error(path, scan.open_quote_line,
                     !in_header && scan.open_quote_field < raw_columns.size() ? raw_columns[scan.open_quote_field] : "",
                     "quote is never closed (the value runs to the end of the file)");
      return out;
    }
    if (scan.read_error) {
      problems.error(path, 0, "", std::string("cannot be read: ") + std::strerror(errno));
      return out;
    }
  }
  if (is_csv) {
    const auto& raw = raw_columns;
    std::unordered_map<std::string, int> seen;
    for (const auto& n : raw) {
      if (n.empty()) continue;
      if (++seen[to_lower_ascii(n)] == 2) problems.error(path, 1, n, "duplicate column name");
    }
  }
  std::unordered_map<std::string, int> col;  // canonical field → OGR field index
  for (const auto& spec : field_specs()) {
    std::vector<std::string> wanted;
    if (auto it = options.column_map.find(spec.name); it != options.column_map.end()) wanted.push_back(it->second);
    else if (const auto* names = source_format_columns(format, spec.name)) wanted = *names;
    else
      for (const char* n : spec.names) wanted.emplace_back(n);
    for (const auto& w : wanted) {
      for (int i = 0; i < nfields; ++i)
        if (to_lower_ascii(columns[static_cast<size_t>(i)]) == to_lower_ascii(w)) {
          col.emplace(spec.name, i);
          break;
        }
      if (col.count(spec.name)) break;
    }
    if (auto it = options.column_map.find(spec.name); it != options.column_map.end() && !col.count(spec.name))
      problems.error(path, is_csv ? 1 : 0, it->second, "mapped column for " + std::string(spec.name) + " is not in the file");
  }
  const bool has_geometry_column = !is_csv && OGR_FD_GetGeomFieldCount(defn) > 0;
  for (const std::string& need : required_source_columns(format))
    if (std::none_of(columns.begin(), columns.end(), [&](const std::string& c) { return to_lower_ascii(c) == need; }))
      problems.error(path, is_csv ? 1 : 0, need, "column is missing (needed in " + std::string(to_string(format)) + " files)");
  const bool has_gazetteer = options.gazetteer || options.gazetteer_source;
  const bool can_geocode = (has_gazetteer || options.boundaries) &&
                           (col.count("place") || col.count("admin1") || col.count("country"));
  if (format == SourceFormat::Driftmap && !col.count("date_start"))
    problems.error(path, is_csv ? 1 : 0, "date_start", "no date column (expected date_start or date)");
  if (!(col.count("lat") && col.count("lon")) && !has_geometry_column &&
      !(can_geocode && !col.count("lat") && !col.count("lon"))) {
    if (col.count("lat") != col.count("lon"))
      problems.error(path, is_csv ? 1 : 0, col.count("lat") ? "lon" : "lat", "column is missing (the other coordinate is present)");
    else
      problems.error(path, is_csv ? 1 : 0, "lat", "no location columns (expected lat/lon or latitude/longitude, or point geometries)");
  }
  // Columns driftmap does not read: said once, so that a misspelt name is not silently ignored.
  // (ACLED and GTD files have many; they are kept as attributes by convert, not misspelt.)
  if (format == SourceFormat::Driftmap) {
    std::vector<bool> used(static_cast<size_t>(nfields), false);
    for (const auto& [name, index] : col) used[static_cast<size_t>(index)] = true;
    std::vector<std::string> unused;
    for (int i = 0; i < nfields; ++i) {
      const auto k = static_cast<size_t>(i);
      if (used[k]) continue;
      if (raw_columns.size() == columns.size() && raw_columns[k].empty())
        problems.warning(path, 1, "", "column " + std::to_string(i + 1) + " has no name; its values are ignored");
      else
        unused.push_back(columns[k]);
    }
    if (unused.size() == 1) {
      problems.warning(path, is_csv ? 1 : 0, unused[0], "column is not used by driftmap (ignored)");
    } else if (!unused.empty()) {
      std::string list;
      for (size_t i = 0; i < unused.size() && i < 10; ++i) list += (i ? ", " : "") + unused[i];
      if (unused.size() > 10) list += ", ... (" + std::to_string(unused.size() - 10) + " more)";
      problems.warning(path, is_csv ? 1 : 0, "",
                       std::to_string(unused.size()) + " columns are not used by driftmap (ignored): " + list);
    }
  }
  if (problems.has_errors()) return out;

  // Coordinates from a projected source are transformed to WGS84 lon/lat.
  OGRCoordinateTransformationH to_wgs84 = nullptr;
  OGRSpatialReferenceH wgs84 = nullptr;
  if (has_geometry_column) {
    OGRSpatialReferenceH src = OGR_L_GetSpatialRef(layer);
    if (src && !OSRIsGeographic(src)) {
      wgs84 = OSRNewSpatialReference(nullptr);
      OSRImportFromEPSG(wgs84, 4326);
      OSRSetAxisMappingStrategy(wgs84, OAMS_TRADITIONAL_GIS_ORDER);
      to_wgs84 = OCTNewCoordinateTransformation(src, wgs84);
    }
  }

  const std::vector<int64_t>& record_lines = scan.record_lines;
  std::unordered_map<std::string, int64_t> first_line_of_id;
  std::optional<Geocoder> geocoder;
  if (options.gazetteer) geocoder.emplace(options.gazetteer, options.boundaries);
  else if (options.gazetteer_source || options.boundaries)
    geocoder.emplace(GazetteerSource(options.gazetteer_source), options.boundaries);
  std::unordered_map<std::string, int> column_index;  // lower-case name → field, for the format rules
  for (int i = nfields - 1; i >= 0; --i) column_index[to_lower_ascii(columns[static_cast<size_t>(i)])] = i;
  std::vector<int> attribute_fields;  // columns not read into a driftmap field
  if (options.keep_attributes)
    for (int i = 0; i < nfields; ++i)
      if (std::none_of(col.begin(), col.end(), [&](const auto& kv) { return kv.second == i; })) {
        attribute_fields.push_back(i);
        out.attribute_names.push_back(columns[static_cast<size_t>(i)]);
      }
  // Typed date fields (GeoJSON autodetection, GeoPackage DATE) are formatted back to ISO, since
  // OGR's string form ("2024/01/03") is not what the user wrote.
  auto get = [&](OGRFeatureH f, const char* field) -> std::string {
    auto it = col.find(field);
    if (it == col.end() || !OGR_F_IsFieldSetAndNotNull(f, it->second)) return {};
    const OGRFieldType type = OGR_Fld_GetType(OGR_FD_GetFieldDefn(defn, it->second));
    if (type == OFTDate || type == OFTDateTime) {
      int y, m, d, hh, mm, tz;
      float ss;
      if (OGR_F_GetFieldAsDateTimeEx(f, it->second, &y, &m, &d, &hh, &mm, &ss, &tz)) {
        char buf[48];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        return buf;
      }
    }
    return std::string(trim(OGR_F_GetFieldAsString(f, it->second)));
  };

  OGR_L_ResetReading(layer);
  int64_t feature_index = 0;
  while (FeaturePtr fp{OGR_L_GetNextFeature(layer)}) {
    OGRFeatureH f = fp.get();
    ++feature_index;
    int64_t line = feature_index;
    if (is_csv) {
      const auto fid = static_cast<size_t>(OGR_F_GetFID(f));
      line = fid < record_lines.size() ? record_lines[fid] : static_cast<int64_t>(fid) + 1;
    }
    RowContext ctx{path, line, !is_csv, problems};
    if (is_csv) {
      const auto fid = static_cast<size_t>(OGR_F_GetFID(f));
      if (fid < scan.field_counts.size() && !raw_columns.empty() && scan.field_counts[fid] > raw_columns.size())
        ctx.error("", "row has " + std::to_string(scan.field_counts[fid]) + " fields, the header " +
                          std::to_string(raw_columns.size()) + " (the extra values would be lost)");
    }
    Incident inc;
    inc.source_line = line;
    out.located_by.push_back(LocatedBy::Source);
    if (options.keep_attributes) {
      std::vector<std::string> values;
      values.reserve(attribute_fields.size());
      for (int i : attribute_fields)
        values.emplace_back(OGR_F_IsFieldSetAndNotNull(f, i) ? OGR_F_GetFieldAsString(f, i) : "");
      out.attributes.push_back(std::move(values));
    }

    for (int i = 0; i < nfields; ++i) {
      if (!OGR_F_IsFieldSetAndNotNull(f, i)) continue;
      size_t bad = 0;
      if (!is_valid_utf8(OGR_F_GetFieldAsString(f, i), &bad)) {
        ctx.error(columns[static_cast<size_t>(i)],
                  "is not valid UTF-8 (byte " + std::to_string(bad + 1) + "); save the file as UTF-8");
      }
    }
    if (ctx.bad) {
      out.rows.push_back(std::move(inc));
      out.rows.back().id = "\x01invalid";
      continue;
    }

    std::string err;
    const std::string ds_text = get(f, "date_start"), de_text = get(f, "date_end");
    if (format != SourceFormat::Driftmap) {
      // dates come from the format's own columns (apply_source_format below)
    } else if (auto span = parse_date_span(ds_text, de_text, &err)) inc.date = *span;
    else ctx.error(err.find("end \"") == 0 ? "date_end" : (parse_partial_date(ds_text) ? "date_end" : "date_start"), err);

    if (auto b = get(f, "date_basis"); !b.empty()) {
      if (auto db = parse_date_basis(b)) inc.date_basis = *db;
      else ctx.error("date_basis", quote_value(b) + " is not event or reported");
    }
    if (auto p = get(f, "location_precision"); !p.empty()) {
      if (auto lp = parse_location_precision(p)) inc.location_precision = *lp;
      else
        ctx.error("location_precision", quote_value(p) + " is not one of site, city, district, province, country, none");
    }
    // A row whose place no document states has no coordinates, and nothing places it by name.
    const bool no_place = inc.location_precision == LocationPrecision::None;
    bool have_location = false;
    if (no_place) {
      const std::string lat = get(f, "lat"), lon = get(f, "lon");
      if (!lat.empty() || !lon.empty())
        ctx.error(lat.empty() ? "lon" : "lat", "is given but location_precision is none (place not stated); "
                                               "leave lat and lon empty or give the precision of the place");
      if (has_geometry_column && OGR_F_GetGeometryRef(f))
        ctx.error("geometry", "is given but location_precision is none (place not stated)");
      inc.lat_deg = inc.lon_deg = std::numeric_limits<double>::quiet_NaN();
      have_location = true;
    } else if (col.count("lat") && col.count("lon")) {
      const std::string lat = get(f, "lat"), lon = get(f, "lon");
      if (!(lat.empty() && lon.empty() && (has_geometry_column || geocoder))) {
        bool ok_lat, ok_lon;
        parse_coordinate(ctx, "lat", lat, 90, inc.lat_deg, ok_lat);
        parse_coordinate(ctx, "lon", lon, 180, inc.lon_deg, ok_lon);
        if (!ok_lat && ok_lon) {
          double v;
          if (parse_double(lat, v) && std::abs(v) <= 180 && std::abs(inc.lon_deg) <= 90)
            ctx.warning("lat", "looks swapped with lon (lat " + std::string(lat) + ", lon " + std::string(lon) + ")");
        }
        have_location = ok_lat && ok_lon;
      }
    }
    if (!have_location && has_geometry_column && !ctx.bad) {
      OGRGeometryH g = OGR_F_GetGeometryRef(f);
      if (!g) {
        if (!geocoder) ctx.error("geometry", "feature has no geometry and no lat/lon");
      } else {
        OGRwkbGeometryType t = wkbFlatten(OGR_G_GetGeometryType(g));
        if (t == wkbMultiPoint && OGR_G_GetGeometryCount(g) == 1) {
          g = OGR_G_GetGeometryRef(g, 0);
          t = wkbPoint;
        }
        if (t != wkbPoint) {
          ctx.error("geometry", std::string("is a ") + OGRGeometryTypeToName(t) +
                                    "; only point geometries are incidents (give area incidents as points with "
                                    "location_precision province or country)");
        } else {
          double x = OGR_G_GetX(g, 0), y = OGR_G_GetY(g, 0), z = 0;
          if (to_wgs84 && !OCTTransform(to_wgs84, 1, &x, &y, &z)) {
            ctx.error("geometry", "cannot be transformed to WGS84");
          } else if (!std::isfinite(x) || !std::isfinite(y) || std::abs(y) > 90 || std::abs(x) > 180) {
            char buf[96];
            std::snprintf(buf, sizeof buf, "point (%.10g, %.10g) is outside lon -180..180 / lat -90..90", x, y);
            ctx.error("geometry", buf);
          } else {
            inc.lon_deg = x;
            inc.lat_deg = y;
            have_location = true;
          }
        }
      }
    }

    if (auto t = get(f, "event_type"); !t.empty()) {
      if (auto et = parse_event_type(t)) inc.type = *et;
      else
        ctx.error("event_type", quote_value(t) + " is not one of attack, cross_border_attack, external_plot, "
                                            "counter_operation, leader_killed_or_captured, territorial, other");
    }
    parse_count(ctx, "killed", get(f, "killed"), inc.killed);
    parse_count(ctx, "wounded", get(f, "wounded"), inc.wounded);
    if (auto d = to_lower_ascii(get(f, "casualties_disputed")); !d.empty()) {
      if (d == "true" || d == "1" || d == "yes") inc.casualties_disputed = true;
      else if (d == "false" || d == "0" || d == "no") inc.casualties_disputed = false;
      else ctx.error("casualties_disputed", quote_value(d) + " is not true or false");
    }
    inc.id = std::string(get(f, "id"));
    if (!inc.id.empty()) {
      auto [it, inserted] = first_line_of_id.emplace(inc.id, line);
      if (!inserted)
        ctx.error("id", "duplicate id " + quote_value(inc.id) + " (first on " + (is_csv ? "line " : "feature ") +
                            std::to_string(it->second) + ")");
    }
    inc.place = std::string(get(f, "place"));
    inc.admin1 = std::string(get(f, "admin1"));
    inc.country = std::string(get(f, "country"));
    inc.summary = std::string(get(f, "summary"));
    inc.sources = std::string(get(f, "sources"));
    if (format != SourceFormat::Driftmap) {
      auto raw = [&](std::string_view name) -> std::string {
        auto it = column_index.find(to_lower_ascii(name));
        if (it == column_index.end() || !OGR_F_IsFieldSetAndNotNull(f, it->second)) return {};
        return std::string(trim(OGR_F_GetFieldAsString(f, it->second)));
      };
      for (const FieldIssue& issue : apply_source_format(format, raw, inc))
        issue.is_error ? ctx.error(issue.field, issue.message) : ctx.warning(issue.field, issue.message);
      if (geocoder)
        if (auto code = geocoder->country_code(inc.country)) inc.country = *code;
    }
    if (!have_location && geocoder && !ctx.bad) {
      const GeocodeResult g = geocode_incident(*geocoder, inc);
      if (!g.found) {
        ctx.error(g.field, g.error);
      } else {
        out.located_by.back() = g.by;
        const std::string where = "placed at " + std::string(to_string(g.precision)) + " precision from the " +
                                  (g.by == LocatedBy::Gazetteer ? "gazetteer" : g.by == LocatedBy::Admin1 ? "province" : "country") +
                                  ": " + g.matched;
        if (g.fallback.empty()) problems.add(Problem{path, line, !is_csv, "location", where, Severity::Note});
        else ctx.warning("location", g.fallback + "; " + where);
      }
    }
    if (ctx.bad) inc.id = "\x01invalid";  // marker: row had errors (not a valid id)
    out.rows.push_back(std::move(inc));
  }
  if (to_wgs84) OCTDestroyCoordinateTransformation(to_wgs84);
  if (wgs84) OSRDestroySpatialReference(wgs84);
  if (const std::string why = capture.last(); !why.empty() && is_csv)
    problems.error(path, 0, "", "CSV could not be read to the end: " + why);
  if (out.rows.empty() && !problems.has_errors())
    problems.error(path, 0, "", "contains no incidents (only a header)");
  out.file_ok = true;
  return out;
}

LoadResult load_incidents(const std::string& path, const LoadOptions& options) {
  // Large plain CSVs (issue 6); any file with a problem or anything unusual comes back nullopt.
  if (!options.force_ogr)
    if (auto fast = load_incidents_fast_csv(path, options)) return std::move(*fast);
  LoadResult result;
  ParsedRows parsed = parse_incident_file(path, options);
  result.problems = std::move(parsed.problems);
  result.rows_read = parsed.rows.size();
  if (!parsed.file_ok) return result;
  DatasetBuilder b;
  b.reserve(parsed.rows.size());
  for (auto& inc : parsed.rows) {
    if (inc.id == "\x01invalid") {
      ++result.rows_skipped;
      continue;
    }
    b.add(inc);
  }
  if (result.problems.has_errors() && !options.skip_invalid) return result;
  if (b.size() == 0) {
    if (!result.problems.has_errors()) result.problems.error(path, 0, "", "contains no incidents");
    return result;
  }
  result.dataset = std::move(b).build();
  result.dataset->path = path;
  result.dataset->name = fs::path(path).filename().string();
  return result;
}

}  // namespace driftmap::core
