#include "core/incident_loader.hpp"

#include <ogr_srs_api.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unordered_map>

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
  };
  return specs;
}

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
std::vector<std::string> csv_header_names(const std::string& head) {
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

bool parse_int(std::string_view s, int32_t& out) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool parse_double(std::string_view s, double& out) {
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
  if (!parse_double(v, d)) return ctx.error(field, quote_value(v) + " is not a number");
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
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) {
    problems.error(path, 0, "", "is UTF-16 encoded; save it as UTF-8");
    return out;
  }
  if (head.find('\0') != std::string::npos) {
    problems.error(path, 0, "", "contains NUL bytes: not a text file driftmap can read");
    return out;
  }

  ensure_gdal();
  GdalErrorCapture capture;
  std::string ext = to_lower_ascii(fs::path(path).extension().string());
  const bool looks_csv = ext == ".csv" || ext == ".tsv" || ext == ".txt";
  const char* csv_options[] = {"AUTODETECT_TYPE=NO", "KEEP_GEOM_COLUMNS=YES", "HEADERS=YES",
                               "EMPTY_STRING_AS_NULL=NO", "MAX_LINE_SIZE=-1", nullptr};
  const std::string open_path = (looks_csv && ext != ".csv") ? "CSV:" + path : path;
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
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  const int nfields = OGR_FD_GetFieldCount(defn);

  // Column checks.
  std::vector<std::string> columns;
  for (int i = 0; i < nfields; ++i) columns.emplace_back(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
  if (is_csv) {
    const auto raw = csv_header_names(head);
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
  if (!col.count("date_start"))
    problems.error(path, is_csv ? 1 : 0, "date_start", "no date column (expected date_start or date)");
  if (!(col.count("lat") && col.count("lon")) && !has_geometry_column) {
    if (col.count("lat") != col.count("lon"))
      problems.error(path, is_csv ? 1 : 0, col.count("lat") ? "lon" : "lat", "column is missing (the other coordinate is present)");
    else
      problems.error(path, is_csv ? 1 : 0, "lat", "no location columns (expected lat/lon or latitude/longitude, or point geometries)");
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

  const std::vector<int64_t> record_lines = is_csv ? csv_record_lines(path) : std::vector<int64_t>{};
  std::unordered_map<std::string, int64_t> first_line_of_id;
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
        char buf[16];
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
    Incident inc;
    inc.source_line = line;

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
    if (auto span = parse_date_span(ds_text, de_text, &err)) inc.date = *span;
    else ctx.error(err.find("end \"") == 0 ? "date_end" : (parse_partial_date(ds_text) ? "date_end" : "date_start"), err);

    bool have_location = false;
    if (col.count("lat") && col.count("lon")) {
      const std::string lat = get(f, "lat"), lon = get(f, "lon");
      if (!(lat.empty() && lon.empty() && has_geometry_column)) {
        bool ok_lat, ok_lon;
        parse_coordinate(ctx, "lat", lat, 90, inc.lat_deg, ok_lat);
        parse_coordinate(ctx, "lon", lon, 180, inc.lon_deg, ok_lon);
        if (!ok_lat && ok_lon) {
          double v;
          if (parse_double(lat, v) && std::abs(v) <= 180 && std::abs(inc.lon_deg) <= 90)
            ctx.error("lat", "looks swapped with lon (lat " + std::string(lat) + ", lon " + std::string(lon) + ")");
        }
        have_location = ok_lat && ok_lon;
      }
    }
    if (!have_location && has_geometry_column && !ctx.bad) {
      OGRGeometryH g = OGR_F_GetGeometryRef(f);
      if (!g) {
        ctx.error("geometry", "feature has no geometry and no lat/lon");
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
            ctx.error("geometry", "point (" + std::to_string(x) + ", " + std::to_string(y) + ") is outside lon -180..180 / lat -90..90");
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
    if (auto p = get(f, "location_precision"); !p.empty()) {
      if (auto lp = parse_location_precision(p)) inc.location_precision = *lp;
      else ctx.error("location_precision", quote_value(p) + " is not one of site, city, district, province, country");
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
