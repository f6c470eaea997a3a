// Administrative boundaries from geodata/boundaries.gpkg (Natural Earth 1:10m): all countries
// (admin0) and the region's provinces (admin1), with the alias table for name lookup.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/geometry.hpp"
#include "core/problem.hpp"

namespace driftmap::core {

struct AdminArea {
  std::string name;     // canonical English name ("Khyber Pakhtunkhwa")
  std::string iso_a3;   // country code
  std::string country;  // country name
  int level = 0;        // 0 = country, 1 = province/state
  Vec2 label_lonlat;    // point on surface
  GeoBox bbox;
  MultiPolygon shape;   // lon/lat degrees
};

class Boundaries {
 public:
  // Loads layers admin0 and admin1 (or admin1_split when split_fata) plus the alias CSV. The
  // parsed layers are kept in cache_dir(), keyed by the GeoPackage's path, size and modification
  // time: reading them back takes a few milliseconds instead of OGR's twenty.
  static std::optional<Boundaries> load(const std::string& gpkg_path, const std::string& aliases_csv,
                                        Problems* problems, bool split_fata = false);
  // The bundled boundaries (geodata/boundaries.gpkg and its admin1 aliases): how the viewer,
  // export, stats, bench and the readers that place rows by name all load them.
  static std::optional<Boundaries> load_bundled(Problems* problems);

  // A hash of every area's name, code and geometry (keys of caches built from them).
  uint64_t geometry_key() const { return geometry_key_; }

  const std::vector<AdminArea>& admin0() const { return admin0_; }
  const std::vector<AdminArea>& admin1() const { return admin1_; }

  // Case-, diacritic- and alias-insensitive lookup; iso_a3 narrows ambiguous names.
  std::optional<size_t> find_admin1(std::string_view name, std::string_view iso_a3 = {}) const;
  // By ISO alpha-3 code or by name.
  std::optional<size_t> find_admin0(std::string_view code_or_name) const;
  // Index of the area containing the point (lon/lat), if any.
  std::optional<size_t> admin1_at(double lon_deg, double lat_deg) const;
  std::optional<size_t> admin0_at(double lon_deg, double lat_deg) const;

 private:
  std::vector<AdminArea> admin0_, admin1_;
  std::unordered_multimap<std::string, size_t> admin1_by_key_;  // folded name/alias → index
  std::unordered_map<std::string, size_t> admin0_by_key_;
  uint64_t geometry_key_ = 0;
};

}  // namespace driftmap::core
