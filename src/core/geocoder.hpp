// Offline geocoding by name: a row without coordinates is placed from its place name
// through the gazetteer (city precision), else from its admin-1 name through the boundaries
// (label point, province precision), else from its country (admin-0 label point, country
// precision). Matching ignores case, diacritics and punctuation and uses the gazetteer's and the
// boundaries' alias tables (Jalālābād = Jalalabad, Termiz = Tirmiz, K.P. = Khyber Pakhtunkhwa).
// A name shared by places in different countries or provinces (Jalalabad) is narrowed by the
// row's country and admin1; if it is still ambiguous the row is refused, naming the candidates.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/boundaries.hpp"
#include "core/gazetteer.hpp"
#include "core/incident.hpp"

namespace driftmap::core {

// How a row got its coordinates.
enum class LocatedBy : uint8_t { Source = 0, Gazetteer, Admin1, Country };
std::string_view to_string(LocatedBy);  // "source", "gazetteer", "admin1", "country"

struct GeocodeResult {
  bool found = false;
  double lat_deg = 0, lon_deg = 0;
  LocationPrecision precision = LocationPrecision::Country;
  LocatedBy by = LocatedBy::Source;
  std::string matched;   // "Jalalabad (Nangarhar, AFG)", "Nangarhar (AFG)", "Afghanistan"
  std::string admin1;    // canonical admin-1 of the match, when known
  std::string iso_a3;    // country of the match, when known
  std::string fallback;  // set when a given finer name was not found: why the coarser level is used
  std::string field;     // when !found: the field at fault
  std::string error;     // when !found: why
};

// Produces the gazetteer when first needed (nullptr when there is none).
using GazetteerSource = std::function<const Gazetteer*()>;

class Geocoder {
 public:
  // Either may be null; then that level is skipped.
  Geocoder(const Gazetteer* gazetteer, const Boundaries* boundaries);
  // The gazetteer is asked for on the first place-name lookup only, so files whose rows all
  // carry coordinates never pay for reading it.
  Geocoder(GazetteerSource gazetteer, const Boundaries* boundaries);

  GeocodeResult locate(std::string_view place, std::string_view admin1, std::string_view country) const;

  // ISO alpha-3 code for a country name or code ("Afghanistan", "afg" → "AFG"); nullopt if unknown.
  std::optional<std::string> country_code(std::string_view name_or_code) const;

 private:
  const Gazetteer* gazetteer() const;
  GazetteerSource source_;
  mutable const Gazetteer* gazetteer_ = nullptr;
  mutable bool asked_ = false;
  const Boundaries* boundaries_;
  std::vector<std::string> admin1_countries_;  // countries that have admin-1 areas
};

// Places a row that has no coordinates; sets lat/lon, location_precision and empty admin1 and
// country (ISO code) from the match. Returns the result for the caller to report.
GeocodeResult geocode_incident(const Geocoder& geocoder, Incident& inc);

}  // namespace driftmap::core
