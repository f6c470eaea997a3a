#include "core/boundaries.hpp"

#include <ogr_srs_api.h>

#include <cstdio>
#include <filesystem>
#include <unordered_set>

#include "core/csv_table.hpp"
#include "core/disk_cache.hpp"
#include "core/geodata.hpp"
#include "core/ogr_util.hpp"
#include "core/text.hpp"

namespace driftmap::core {

namespace {

Ring read_ring(OGRGeometryH ring) {
  Ring r;
  const int n = OGR_G_GetPointCount(ring);
  r.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) r.push_back({OGR_G_GetX(ring, i), OGR_G_GetY(ring, i)});
  if (r.size() > 1 && r.front().x == r.back().x && r.front().y == r.back().y) r.pop_back();
  return r;
}

void read_polygon(OGRGeometryH g, MultiPolygon& out) {
  Polygon p;
  const int rings = OGR_G_GetGeometryCount(g);
  for (int i = 0; i < rings; ++i) {
    Ring r = read_ring(OGR_G_GetGeometryRef(g, i));
    if (r.size() < 3) continue;
    if (i == 0) p.outer = std::move(r);
    else p.holes.push_back(std::move(r));
  }
  if (!p.outer.empty()) out.push_back(std::move(p));
}

MultiPolygon read_shape(OGRGeometryH g) {
  MultiPolygon m;
  if (!g) return m;
  switch (wkbFlatten(OGR_G_GetGeometryType(g))) {
    case wkbPolygon: read_polygon(g, m); break;
    case wkbMultiPolygon:
    case wkbGeometryCollection:
      for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i) {
        OGRGeometryH sub = OGR_G_GetGeometryRef(g, i);
        if (wkbFlatten(OGR_G_GetGeometryType(sub)) == wkbPolygon) read_polygon(sub, m);
      }
      break;
    default: break;
  }
  return m;
}

std::string field_string(OGRFeatureH f, const char* name) {
  const int i = OGR_F_GetFieldIndex(f, name);
  return (i >= 0 && OGR_F_IsFieldSetAndNotNull(f, i)) ? OGR_F_GetFieldAsString(f, i) : "";
}

double field_double(OGRFeatureH f, const char* name, double fallback) {
  const int i = OGR_F_GetFieldIndex(f, name);
  return (i >= 0 && OGR_F_IsFieldSetAndNotNull(f, i)) ? OGR_F_GetFieldAsDouble(f, i) : fallback;
}

bool read_layer(GDALDatasetH ds, const std::string& path, const char* layer_name, int level,
                std::vector<AdminArea>& out, Problems* problems) {
  OGRLayerH layer = GDALDatasetGetLayerByName(ds, layer_name);
  if (!layer) {
    if (problems) problems->error(path, 0, layer_name, "layer is missing");
    return false;
  }
  OGR_L_ResetReading(layer);
  while (FeaturePtr f{OGR_L_GetNextFeature(layer)}) {
    AdminArea a;
    a.level = level;
    a.name = field_string(f.get(), "name");
    a.iso_a3 = field_string(f.get(), "iso_a3");
    a.country = level == 0 ? a.name : field_string(f.get(), "country");
    a.shape = read_shape(OGR_F_GetGeometryRef(f.get()));
    if (a.shape.empty()) continue;
    for (const auto& p : a.shape)
      for (const auto& v : p.outer) a.bbox.extend(v.x, v.y);
    a.label_lonlat = {field_double(f.get(), "label_lon", a.bbox.centre_lon()),
                      field_double(f.get(), "label_lat", a.bbox.centre_lat())};
    out.push_back(std::move(a));
  }
  return true;
}

// ---- the parsed-layers cache ------------------------------------------------------------------

constexpr char kCacheMagic[8] = {'D', 'M', 'B', 'O', 'U', 'N', 'D', '1'};
constexpr size_t kCacheFiles = 4;

// The GeoPackage as a file: absolute path, size and modification time (what make and ccache's
// direct mode trust), plus the layer choice and the layout of the values stored.
std::optional<uint64_t> file_key(const std::string& path, bool split_fata) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return std::nullopt;
  const auto mtime = std::filesystem::last_write_time(path, ec);
  if (ec) return std::nullopt;
  const auto absolute = std::filesystem::absolute(path, ec);
  if (ec) return std::nullopt;
  Hash64 h;
  h.text(absolute.string());
  h.value(uint64_t(size));
  h.value(int64_t(mtime.time_since_epoch().count()));
  h.value(split_fata);
  h.value(sizeof(AdminArea));
  return h.h;
}

uint64_t hash_geometry(const std::vector<AdminArea>& admin0, const std::vector<AdminArea>& admin1) {
  Hash64 f;
  for (const auto* areas : {&admin0, &admin1}) {
    f.value(areas->size());
    for (const auto& a : *areas) {
      f.text(a.name);
      f.text(a.iso_a3);
      f.value(a.shape.size());
      for (const auto& p : a.shape) {
        f.value(p.outer.size());
        f.bytes(p.outer.data(), p.outer.size() * sizeof(Vec2));
        f.value(p.holes.size());
        for (const auto& hole : p.holes) {
          f.value(hole.size());
          f.bytes(hole.data(), hole.size() * sizeof(Vec2));
        }
      }
    }
  }
  return f.h;
}

void write_areas(BinaryWriter& w, const std::vector<AdminArea>& areas) {
  w.value(uint64_t(areas.size()));
  for (const auto& a : areas) {
    w.text(a.name);
    w.text(a.iso_a3);
    w.text(a.country);
    w.value(int32_t(a.level));
    w.value(a.label_lonlat);
    w.value(a.bbox);
    w.value(uint64_t(a.shape.size()));
    for (const auto& p : a.shape) {
      w.vector(p.outer);
      w.value(uint64_t(p.holes.size()));
      for (const auto& h : p.holes) w.vector(h);
    }
  }
}

bool read_areas(BinaryReader& r, std::vector<AdminArea>* areas) {
  uint64_t n = 0;
  if (!r.value(&n)) return false;
  for (uint64_t i = 0; i < n; ++i) {
    AdminArea a;
    int32_t level = 0;
    uint64_t polys = 0;
    if (!r.text(&a.name) || !r.text(&a.iso_a3) || !r.text(&a.country) || !r.value(&level) ||
        !r.value(&a.label_lonlat) || !r.value(&a.bbox) || !r.value(&polys))
      return false;
    a.level = level;
    for (uint64_t k = 0; k < polys; ++k) {
      Polygon p;
      uint64_t holes = 0;
      if (!r.vector(&p.outer) || !r.value(&holes)) return false;
      for (uint64_t h = 0; h < holes; ++h) {
        Ring ring;
        if (!r.vector(&ring)) return false;
        p.holes.push_back(std::move(ring));
      }
      a.shape.push_back(std::move(p));
    }
    areas->push_back(std::move(a));
  }
  return true;
}

// Both layers from the GeoPackage (admin1_split keeps FATA apart from Khyber Pakhtunkhwa).
bool read_gpkg_layers(const std::string& gpkg_path, bool split_fata, std::vector<AdminArea>& admin0,
                      std::vector<AdminArea>& admin1, Problems* problems) {
  ensure_gdal();
  GdalErrorCapture capture;
  const char* drivers[] = {"GPKG", nullptr};
  GdalDatasetPtr ds(GDALOpenEx(gpkg_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
  if (!ds) {
    if (problems) problems->error(gpkg_path, 0, "", "cannot be opened as GeoPackage: " + capture.last());
    return false;
  }
  return read_layer(ds.get(), gpkg_path, "admin0", 0, admin0, problems) &&
         read_layer(ds.get(), gpkg_path, split_fata ? "admin1_split" : "admin1", 1, admin1, problems);
}

// Adds each alias of aliases.csv under the provinces it names (only in its country when given).
void add_aliases(const CsvTable& table, const std::vector<AdminArea>& admin1,
                 const std::unordered_set<std::string>& canonical_keys,
                 std::unordered_multimap<std::string, size_t>& by_key) {
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const std::string target = fold_name(table.get(r, "admin1"));
    const std::string_view iso = table.get(r, "iso_a3");
    const std::string key = fold_name(table.get(r, "alias"));
    // An area's own name wins over an alias (FATA in the split layer is not Khyber Pakhtunkhwa).
    if (canonical_keys.count(key)) continue;
    auto range = by_key.equal_range(target);
    std::vector<size_t> targets;
    for (auto it = range.first; it != range.second; ++it)
      if (iso.empty() || admin1[it->second].iso_a3 == iso) targets.push_back(it->second);
    // Aliases for areas absent from this layer (e.g. FATA in the merged layer) are not errors.
    for (size_t idx : targets) {
      bool dup = false;
      auto existing = by_key.equal_range(key);
      for (auto it = existing.first; it != existing.second; ++it) dup |= it->second == idx;
      if (!dup) by_key.emplace(key, idx);
    }
  }
}

}  // namespace

std::optional<Boundaries> Boundaries::load(const std::string& gpkg_path, const std::string& aliases_csv,
                                           Problems* problems, bool split_fata) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(gpkg_path, ec)) {
    if (problems) problems->error(gpkg_path, 0, "", "boundaries file not found");
    return std::nullopt;
  }
  // The areas come from a cache file keyed by the GeoPackage and the layer choice when there is
  // one, else from the GeoPackage (then written to the cache for the next run).
  Boundaries b;
  const std::string dir = cache_dir();
  const std::optional<uint64_t> key = dir.empty() ? std::nullopt : file_key(gpkg_path, split_fata);
  std::string cache_file;
  if (key) {
    char name[40];
    std::snprintf(name, sizeof name, "/%016llx.boundaries", static_cast<unsigned long long>(*key));
    cache_file = dir + name;
  }
  bool cached = false;
  if (key)
    if (auto file = read_cache_file(cache_file, kCacheMagic, *key)) {
      BinaryReader r(file->body());
      cached = r.value(&b.geometry_key_) && read_areas(r, &b.admin0_) && read_areas(r, &b.admin1_) && r.at_end();
      if (!cached) b = Boundaries{};
    }
  if (!cached) {
    if (!read_gpkg_layers(gpkg_path, split_fata, b.admin0_, b.admin1_, problems)) return std::nullopt;
    b.geometry_key_ = hash_geometry(b.admin0_, b.admin1_);
    if (key) {
      BinaryWriter w;
      w.value(b.geometry_key_);
      write_areas(w, b.admin0_);
      write_areas(w, b.admin1_);
      std::filesystem::create_directories(dir, ec);
      if (!ec && write_cache_file(cache_file, kCacheMagic, *key, w.out)) prune_cache_files(dir, ".boundaries", kCacheFiles);
    }
  }

  for (size_t i = 0; i < b.admin0_.size(); ++i) {
    b.admin0_by_key_.emplace(to_lower_ascii(b.admin0_[i].iso_a3), i);
    b.admin0_by_key_.emplace(fold_name(b.admin0_[i].name), i);
  }
  std::unordered_set<std::string> canonical_keys;
  for (size_t i = 0; i < b.admin1_.size(); ++i) {
    canonical_keys.insert(fold_name(b.admin1_[i].name));
    b.admin1_by_key_.emplace(fold_name(b.admin1_[i].name), i);
  }
  if (!aliases_csv.empty()) {
    auto table = read_csv_table(aliases_csv, {"alias", "admin1", "iso_a3"}, problems);
    if (!table) return std::nullopt;
    add_aliases(*table, b.admin1_, canonical_keys, b.admin1_by_key_);
  }
  return b;
}

std::optional<size_t> Boundaries::find_admin1(std::string_view name, std::string_view iso_a3) const {
  const auto range = admin1_by_key_.equal_range(fold_name(name));
  std::optional<size_t> any;
  for (auto it = range.first; it != range.second; ++it) {
    if (!iso_a3.empty() && admin1_[it->second].iso_a3 == iso_a3) return it->second;
    if (!any) any = it->second;
  }
  if (!iso_a3.empty() && any && admin1_[*any].iso_a3 != iso_a3) return std::nullopt;
  return any;
}

std::optional<size_t> Boundaries::find_admin0(std::string_view code_or_name) const {
  auto it = admin0_by_key_.find(to_lower_ascii(code_or_name));
  if (it == admin0_by_key_.end()) it = admin0_by_key_.find(fold_name(code_or_name));
  if (it == admin0_by_key_.end()) return std::nullopt;
  return it->second;
}

namespace {
std::optional<size_t> area_at(const std::vector<AdminArea>& areas, double lon, double lat) {
  for (size_t i = 0; i < areas.size(); ++i) {
    const GeoBox& b = areas[i].bbox;
    if (lon < b.min_lon || lon > b.max_lon || lat < b.min_lat || lat > b.max_lat) continue;
    if (point_in_multipolygon(areas[i].shape, {lon, lat})) return i;
  }
  return std::nullopt;
}
}  // namespace

std::optional<size_t> Boundaries::admin1_at(double lon, double lat) const { return area_at(admin1_, lon, lat); }
std::optional<size_t> Boundaries::admin0_at(double lon, double lat) const { return area_at(admin0_, lon, lat); }

std::optional<Boundaries> Boundaries::load_bundled(Problems* problems) {
  return load(geodata_file("boundaries.gpkg"), geodata_file("admin1_aliases.csv"), problems);
}

}  // namespace driftmap::core
