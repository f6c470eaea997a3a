#include "core/input/ogr_incident_reader.hpp"

#include <json-c/json.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <cstdio>

#include "core/input/incident_rows.hpp"
#include "core/ogr_util.hpp"
#include "core/text.hpp"

namespace driftmap::core {

namespace {

const char* kAllowedDrivers[] = {"GeoJSON", "GeoJSONSeq", "GPKG", "ESRI Shapefile", "FlatGeobuf", "KML", "LIBKML",
                                 nullptr};

std::string sql_string(std::string_view s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// A GeoPackage layer backed by a view runs its query on every read, and a recursive query never
// ends: only tables are read.
bool is_geopackage_view(GDALDatasetH ds, OGRLayerH layer) {
  if (std::string_view(GDALGetDriverShortName(GDALGetDatasetDriver(ds))) != "GPKG") return false;
  const std::string sql = "SELECT type FROM sqlite_master WHERE name = " + sql_string(OGR_L_GetName(layer));
  OGRLayerH result = GDALDatasetExecuteSQL(ds, sql.c_str(), nullptr, nullptr);
  if (!result) return false;
  bool view = false;
  if (FeaturePtr f{OGR_L_GetNextFeature(result)})
    view = std::string_view(OGR_F_GetFieldAsString(f.get(), 0)) == "view";
  GDALDatasetReleaseResultSet(ds, result);
  return view;
}

// The layer to read: --layer NAME, else the first; with several, a warning says which was read.
OGRLayerH choose_layer(GDALDatasetH ds, const std::string& path, const LoadOptions& options, Problems& problems) {
  const int n = GDALDatasetGetLayerCount(ds);
  std::string names;
  for (int i = 0; i < n; ++i) names += (i ? ", " : "") + std::string(OGR_L_GetName(GDALDatasetGetLayer(ds, i)));
  if (!options.layer.empty()) {
    OGRLayerH layer = GDALDatasetGetLayerByName(ds, options.layer.c_str());
    if (!layer) problems.error(path, 0, "", "has no layer \"" + options.layer + "\" (layers: " + names + ")");
    return layer;
  }
  if (n < 1) {
    problems.error(path, 0, "", "contains no layer");
    return nullptr;
  }
  OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
  if (n > 1)
    problems.warning(path, 0, "", "has " + std::to_string(n) + " layers; reading \"" + OGR_L_GetName(layer) +
                                      "\" (give --layer NAME for another: " + names + ")");
  return layer;
}

// Coordinates from a projected source become WGS84 lon/lat; a source whose CRS can't be
// transformed is refused rather than drawn in the wrong place.
struct ToWgs84 {
  SpatialReferencePtr wgs84;
  TransformPtr transform;
};
bool make_transform(OGRLayerH layer, const std::string& path, Problems& problems, ToWgs84& out) {
  OGRSpatialReferenceH src = OGR_L_GetSpatialRef(layer);
  if (!src) {
    problems.warning(path, 0, "geometry", "the layer has no coordinate reference system; coordinates are read as WGS84 lon/lat");
    return true;
  }
  if (OSRIsGeographic(src) && !OSRIsLocal(src)) return true;
  const char* name = OSRGetName(src);
  out.wgs84 = make_wgs84_lon_lat();
  if (!OSRIsLocal(src)) out.transform.reset(OCTNewCoordinateTransformation(src, out.wgs84.get()));
  if (!out.transform) {
    problems.error(path, 0, "geometry", std::string("coordinate reference system \"") + (name ? name : "unknown") +
                                            "\" cannot be transformed to WGS84");
    return false;
  }
  return true;
}

// The feature's point in WGS84, or a problem naming the geometry.
bool locate_by_geometry(OGRFeatureH f, const ToWgs84& to_wgs84, bool can_geocode, size_t errors_before,
                        const GdalErrorCapture& capture, Incident& inc, RowReport& r) {
  OGRGeometryH g = OGR_F_GetGeometryRef(f);
  if (!g) {
    if (capture.messages().size() > errors_before) r.error("geometry", "cannot be read (corrupt geometry): " + capture.last());
    else if (!can_geocode) r.error("geometry", "feature has no geometry and no lat/lon");
    return false;
  }
  OGRwkbGeometryType t = wkbFlatten(OGR_G_GetGeometryType(g));
  if (t == wkbMultiPoint && OGR_G_GetGeometryCount(g) == 1) {
    g = OGR_G_GetGeometryRef(g, 0);
    t = wkbPoint;
  }
  if (t != wkbPoint) {
    r.error("geometry", std::string("is a ") + OGRGeometryTypeToName(t) +
                            "; only point geometries are incidents (give area incidents as points with "
                            "location_precision province or country)");
    return false;
  }
  if (OGR_G_IsEmpty(g)) return r.error("geometry", "is an empty point (no coordinates)"), false;
  double x = OGR_G_GetX(g, 0), y = OGR_G_GetY(g, 0), z = 0;
  if (to_wgs84.transform && !OCTTransform(to_wgs84.transform.get(), 1, &x, &y, &z))
    return r.error("geometry", "cannot be transformed to WGS84"), false;
  if (!std::isfinite(x) || !std::isfinite(y) || std::abs(y) > 90 || std::abs(x) > 180) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "point (%.10g, %.10g) is outside lon -180..180 / lat -90..90", x, y);
    return r.error("geometry", buf), false;
  }
  inc.lon_deg = x;
  inc.lat_deg = y;
  return true;
}

// A field as text. Typed date fields (GeoJSON autodetection, GeoPackage DATE) are formatted back
// to ISO, since OGR's string form ("2024/01/03") is not what the user wrote.
std::string field_text(OGRFeatureH f, OGRFeatureDefnH defn, int i) {
  if (!OGR_F_IsFieldSetAndNotNull(f, i)) return {};
  const OGRFieldType type = OGR_Fld_GetType(OGR_FD_GetFieldDefn(defn, i));
  if (type == OFTDate || type == OFTDateTime) {
    int y, m, d, hh, mm, tz;
    float ss;
    if (OGR_F_GetFieldAsDateTimeEx(f, i, &y, &m, &d, &hh, &mm, &ss, &tz)) {
      char buf[48];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
      return buf;
    }
  }
  return OGR_F_GetFieldAsString(f, i);
}

// Stale feature counts (a GeoPackage's gpkg_ogr_contents) must not hide features: reads one.
bool has_a_feature(OGRLayerH layer) {
  OGR_L_ResetReading(layer);
  const bool any = FeaturePtr{OGR_L_GetNextFeature(layer)} != nullptr;
  OGR_L_ResetReading(layer);
  return any;
}

void read_features(const std::string& path, OGRLayerH layer, const ToWgs84& to_wgs84, const LoadOptions& options,
                   IncidentRows& rows, const GdalErrorCapture& capture) {
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  const int nfields = OGR_FD_GetFieldCount(defn);
  const bool can_geocode = options.gazetteer || options.gazetteer_source || options.boundaries;
  std::vector<std::string> values(static_cast<size_t>(nfields));
  int64_t index = 0;
  size_t errors_before = capture.messages().size();
  while (FeaturePtr fp{OGR_L_GetNextFeature(layer)}) {
    if ((index & 0x3FF) == 0 && options.cancelled()) return;
    OGRFeatureH f = fp.get();
    RowReport r = rows.report(++index);
    for (int i = 0; i < nfields; ++i) {
      auto& v = values[static_cast<size_t>(i)];
      v = field_text(f, defn, i);
      size_t bad = 0;
      if (!is_valid_utf8(v, &bad))
        r.error(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)),
                "is not valid UTF-8 (byte " + std::to_string(bad + 1) + "); save the file as UTF-8");
    }
    auto locate = [&](Incident& inc, RowReport& rr, bool place_not_stated) {
      if (!place_not_stated) return locate_by_geometry(f, to_wgs84, can_geocode, errors_before, capture, inc, rr);
      if (OGR_F_GetGeometryRef(f)) rr.error("geometry", "is given but location_precision is none (place not stated)");
      return true;
    };
    rows.add_row(r, [&](int c) { return std::string_view(values[static_cast<size_t>(c)]); }, locate);
    errors_before = capture.messages().size();
  }
  (void)path;
}

// Where GeoJSON text stops being JSON (json-c, the parser GDAL uses): the line and column, and
// what is wrong there. False when the text is valid JSON (GDAL refused it for another reason).
bool report_json_syntax(const std::string& path, std::string_view text, Problems& problems) {
  if (text.empty() || text.size() > size_t(std::numeric_limits<int>::max())) return false;
  json_tokener* tok = json_tokener_new();
  json_object* obj = json_tokener_parse_ex(tok, text.data(), static_cast<int>(text.size()));
  const json_tokener_error err = json_tokener_get_error(tok);
  const size_t end = std::min(json_tokener_get_parse_end(tok), text.size());
  json_tokener_free(tok);
  if (obj) json_object_put(obj);
  if (err == json_tokener_success) return false;
  const int64_t line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end), '\n');
  const size_t line_start = text.rfind('\n', end == 0 ? 0 : end - 1);
  const size_t column = end - (line_start == std::string_view::npos || end == 0 ? 0 : line_start + 1) + 1;
  const std::string what = err == json_tokener_continue ? "the JSON ends before it is complete (truncated?)"
                                                        : std::string("invalid JSON: ") + json_tokener_error_desc(err);
  problems.error(path, line, "", what + " (column " + std::to_string(column) + ", byte " + std::to_string(end + 1) + ")");
  return true;
}

}  // namespace

void read_ogr_incidents(const std::string& path, const std::string& ogr_path, std::string_view json_text,
                        const LoadOptions& options, ParsedRows& out) {
  ensure_gdal();
  GdalErrorCapture capture;
  Problems& problems = out.problems;
  GdalDatasetPtr ds(GDALOpenEx(ogr_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, kAllowedDrivers, nullptr, nullptr));
  if (!ds && report_json_syntax(path, json_text, problems)) return;
  if (!ds) {
    const std::string why = capture.last();
    problems.error(path, 0, "", "cannot be read as an incident file (CSV, GeoJSON, GeoPackage, Shapefile, "
                                "FlatGeobuf or KML)" + (why.empty() ? std::string() : ": " + why));
    return;
  }
  out.driver = GDALGetDriverShortName(GDALGetDatasetDriver(ds.get()));
  OGRLayerH layer = choose_layer(ds.get(), path, options, problems);
  if (!layer) return;
  if (is_geopackage_view(ds.get(), layer)) {
    problems.error(path, 0, "", std::string("layer \"") + OGR_L_GetName(layer) +
                                    "\" is a view (a stored query), not a table; driftmap reads tables only "
                                    "(save the view's result as a table)");
    return;
  }
  // Without features OGR knows no property names: say that, not "no date column".
  if (!has_a_feature(layer)) {
    const std::string why = capture.last();
    problems.error(path, 0, "", "contains no incidents (no features)" + (why.empty() ? std::string() : ": " + why));
    return;
  }
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  std::vector<std::string> columns;
  for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) columns.emplace_back(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
  const bool has_geometry = OGR_FD_GetGeomFieldCount(defn) > 0;
  IncidentRows rows(path, options, out, /*rows_are_features=*/true);
  if (!rows.bind_columns(columns, has_geometry)) return;
  ToWgs84 to_wgs84;
  if (has_geometry && !make_transform(layer, path, problems, to_wgs84)) return;
  read_features(path, layer, to_wgs84, options, rows, capture);
  rows.finish();
  out.file_ok = true;
}

}  // namespace driftmap::core
