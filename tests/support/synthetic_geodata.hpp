// Test support: a geodata directory with the hand-made boundaries of tests/data/render (two
// square countries, four provinces) as the GeoPackage that core::Boundaries::load reads.
// Header-only so that the core, render and app test executables can all use it.
#pragma once
#include <gdal.h>
#include <gdal_utils.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "core/boundaries.hpp"
#include "core/dataset.hpp"
#include "core/incident.hpp"

namespace driftmap::testing {

inline std::string test_data(const std::string& name) { return std::string(DRIFTMAP_TEST_DATA) + "/" + name; }

// A fresh temporary directory (removed by the destructor).
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "driftmap-test-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path, ec);
  }
  std::string file(const std::string& name) const { return (path / name).string(); }
  size_t entries() const {
    return static_cast<size_t>(std::distance(std::filesystem::directory_iterator(path), std::filesystem::directory_iterator()));
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

// Writes dir/boundaries.gpkg (layers admin0, admin1) and dir/admin1_aliases.csv.
inline void write_synthetic_geodata(const std::string& dir) {
  GDALAllRegister();
  const std::string gpkg = dir + "/boundaries.gpkg";
  bool first = true;
  for (const char* layer : {"admin0", "admin1"}) {
    GDALDatasetH src = GDALOpenEx(test_data(std::string("render/") + layer + ".geojson").c_str(), GDAL_OF_VECTOR,
                                  nullptr, nullptr, nullptr);
    if (!src) throw std::runtime_error(std::string("cannot open test data ") + layer);
    const char* argv_create[] = {"-f", "GPKG", "-nln", layer, "-nlt", "MULTIPOLYGON", nullptr};
    const char* argv_update[] = {"-update", "-nln", layer, "-nlt", "MULTIPOLYGON", nullptr};
    GDALVectorTranslateOptions* opt =
        GDALVectorTranslateOptionsNew(const_cast<char**>(first ? argv_create : argv_update), nullptr);
    int err = 0;
    GDALDatasetH dst = first ? GDALVectorTranslate(gpkg.c_str(), nullptr, 1, &src, opt, &err)
                             : GDALVectorTranslate(nullptr, GDALOpenEx(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE,
                                                                       nullptr, nullptr, nullptr),
                                                   1, &src, opt, &err);
    GDALVectorTranslateOptionsFree(opt);
    GDALClose(src);
    if (!dst || err) throw std::runtime_error("cannot write " + gpkg);
    GDALClose(dst);
    first = false;
  }
  std::filesystem::copy_file(test_data("render/admin1_aliases.csv"), dir + "/admin1_aliases.csv",
                             std::filesystem::copy_options::overwrite_existing);
}

// The synthetic boundaries, loaded once per test process.
inline const core::Boundaries& synthetic_boundaries() {
  static const core::Boundaries b = [] {
    TempDir dir;
    write_synthetic_geodata(dir.path.string());
    core::Problems problems;
    auto loaded = core::Boundaries::load(dir.file("boundaries.gpkg"), dir.file("admin1_aliases.csv"), &problems);
    if (!loaded) {
      std::string msg = "synthetic boundaries failed to load:";
      for (const auto& p : problems.items) msg += " " + p.to_string();
      throw std::runtime_error(msg);
    }
    return std::move(*loaded);
  }();
  return b;
}

// An incident for hand-made datasets. date: "2022-03-04" / "2022-03" / "2022".
inline core::Incident incident(std::string id, const char* date, core::EventType type, double lon, double lat,
                               int32_t killed = core::kUnknownCount,
                               core::LocationPrecision prec = core::LocationPrecision::City,
                               std::string admin1 = {}, std::string country = {}, const char* date_end = "") {
  core::Incident inc;
  inc.id = std::move(id);
  auto span = core::parse_date_span(date, date_end);
  if (!span) throw std::runtime_error(std::string("bad test date ") + date);
  inc.date = *span;
  inc.type = type;
  inc.lon_deg = lon;
  inc.lat_deg = lat;
  inc.killed = killed;
  inc.location_precision = prec;
  inc.admin1 = std::move(admin1);
  inc.country = std::move(country);
  return inc;
}

}  // namespace driftmap::testing
