#include "core/geocoder.hpp"

#include <algorithm>
#include <cmath>

#include "core/text.hpp"

namespace driftmap::core {

namespace {

// Gazetteer rows for the same town appear in more than one file (places.csv pins the towns the
// bundled data uses, gazetteer.csv has all of them): rows in the same country and province
// within this distance are one place.
constexpr double kSamePlaceKm = 10.0;

double distance_km(const Place& a, const Place& b) {
  constexpr double kPi = 3.14159265358979323846, kEarthKm = 6371.0;
  const double la1 = a.lat_deg * kPi / 180, la2 = b.lat_deg * kPi / 180;
  const double dla = la2 - la1, dlo = (b.lon_deg - a.lon_deg) * kPi / 180;
  const double h = std::sin(dla / 2) * std::sin(dla / 2) + std::cos(la1) * std::cos(la2) * std::sin(dlo / 2) * std::sin(dlo / 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(h)));
}

std::string describe(const Place& p) {
  std::string s = p.name + " (";
  if (!p.admin1.empty()) s += p.admin1 + ", ";
  s += p.iso_a3 + ")";
  return s;
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

}  // namespace

std::string_view to_string(LocatedBy b) {
  switch (b) {
    case LocatedBy::Source: return "source";
    case LocatedBy::Gazetteer: return "gazetteer";
    case LocatedBy::Admin1: return "admin1";
    case LocatedBy::Country: return "country";
  }
  return "?";
}

Geocoder::Geocoder(const Gazetteer* gazetteer, const Boundaries* boundaries)
    : Geocoder(GazetteerSource([gazetteer] { return gazetteer; }), boundaries) {}

Geocoder::Geocoder(GazetteerSource gazetteer, const Boundaries* boundaries)
    : source_(std::move(gazetteer)), boundaries_(boundaries) {
  if (!boundaries_) return;
  for (const AdminArea& a : boundaries_->admin1())
    if (std::find(admin1_countries_.begin(), admin1_countries_.end(), a.iso_a3) == admin1_countries_.end())
      admin1_countries_.push_back(a.iso_a3);
}

std::optional<std::string> Geocoder::country_code(std::string_view name_or_code) const {
  name_or_code = trim(name_or_code);
  if (name_or_code.empty()) return std::nullopt;
  if (boundaries_) {
    if (auto i = boundaries_->find_admin0(name_or_code)) return boundaries_->admin0()[*i].iso_a3;
    return std::nullopt;
  }
  if (name_or_code.size() == 3) {
    std::string code(name_or_code);
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return code;
  }
  return std::nullopt;
}

const Gazetteer* Geocoder::gazetteer() const {
  if (!asked_ && source_) gazetteer_ = source_();
  asked_ = true;
  return gazetteer_;
}

namespace {

// What the row's country and province narrow the search to, and why a more precise step failed.
struct Narrowing {
  std::string iso;               // the country's ISO code, when known
  std::optional<size_t> a1;      // the province, when known and unambiguous
  std::string fallback;          // why a finer location was not found (shown with the coarser one)
};

// The province step. Returns an error result when a province named without country or place is
// used in several countries (Punjab): guessing would put the row in the wrong country.
std::optional<GeocodeResult> narrow_to_province(const Boundaries& boundaries,
                                                const std::vector<std::string>& admin1_countries,
                                                std::string_view admin1, std::string_view place, Narrowing& n) {
  n.a1 = boundaries.find_admin1(admin1, n.iso);
  if (!n.a1 && !n.iso.empty()) {
    // The province may be given in another country than the row says; don't guess.
    n.fallback = "admin1 " + quoted(admin1) + " is not a province of " + n.iso;
  } else if (!n.a1) {
    n.fallback = "admin1 " + quoted(admin1) + " is not a known province";
  } else if (n.iso.empty()) {
    std::vector<std::string> in;
    for (const std::string& c : admin1_countries)
      if (auto i = boundaries.find_admin1(admin1, c)) in.push_back(boundaries.admin1()[*i].name + " (" + c + ")");
    if (in.size() > 1 && place.empty()) {
      std::string list;
      for (size_t i = 0; i < in.size(); ++i) list += (i ? "; " : "") + in[i];
      GeocodeResult r;
      r.field = "admin1";
      r.error = quoted(admin1) + " is ambiguous: " + list + " (give country to choose)";
      return r;
    }
    if (in.size() > 1) n.a1.reset();  // leave the choice to the place name
    else n.iso = boundaries.admin1()[*n.a1].iso_a3;
  }
  return std::nullopt;
}

// The gazetteer step: one place (after merging entries for the same town) is a match, several are
// an error listing them, none leaves the fallback reason and nullopt.
std::optional<GeocodeResult> match_place(const Gazetteer& gazetteer, const Boundaries* boundaries,
                                         std::string_view place, Narrowing& n) {
  std::vector<const Place*> cands;
  for (const Place* p : gazetteer.lookup(place)) {
    if (!n.iso.empty() && p->iso_a3 != n.iso) continue;
    if (n.a1 && fold_name(p->admin1) != fold_name(boundaries->admin1()[*n.a1].name)) continue;
    bool same = false;
    for (const Place* q : cands)
      same |= q->iso_a3 == p->iso_a3 && fold_name(q->admin1) == fold_name(p->admin1) && distance_km(*p, *q) < kSamePlaceKm;
    if (!same) cands.push_back(p);
  }
  GeocodeResult r;
  if (cands.size() == 1) {
    const Place& p = *cands[0];
    r.found = true;
    r.lat_deg = p.lat_deg;
    r.lon_deg = p.lon_deg;
    r.precision = LocationPrecision::City;
    r.by = LocatedBy::Gazetteer;
    r.matched = describe(p);
    r.admin1 = p.admin1;
    r.iso_a3 = p.iso_a3;
    return r;
  }
  if (cands.size() > 1) {
    std::string list;
    for (size_t i = 0; i < cands.size() && i < 6; ++i) list += (i ? "; " : "") + describe(*cands[i]);
    if (cands.size() > 6) list += "; and " + std::to_string(cands.size() - 6) + " more";
    r.field = "place";
    r.error = quoted(place) + " is ambiguous: " + list + " (give country or admin1 to choose)";
    return r;
  }
  std::string where = n.a1 ? " in " + boundaries->admin1()[*n.a1].name : (!n.iso.empty() ? " in " + n.iso : "");
  n.fallback = "place " + quoted(place) + " is not in the gazetteer" + where;
  return std::nullopt;
}

// A row located at an area's label point (a province or a country), with the reason a finer
// location was not found.
GeocodeResult area_result(const AdminArea& a, LocationPrecision precision, LocatedBy by, const std::string& fallback) {
  GeocodeResult r;
  r.found = true;
  r.lon_deg = a.label_lonlat.x;
  r.lat_deg = a.label_lonlat.y;
  r.precision = precision;
  r.by = by;
  r.iso_a3 = a.iso_a3;
  r.fallback = fallback;
  return r;
}

}  // namespace

GeocodeResult Geocoder::locate(std::string_view place, std::string_view admin1, std::string_view country) const {
  place = trim(place);
  admin1 = trim(admin1);
  country = trim(country);
  // From the finest to the coarsest: place, province, country.
  Narrowing n;
  if (!country.empty()) {
    if (auto code = country_code(country)) n.iso = *code;
    else n.fallback = "country " + quoted(country) + " is not a known country";
  }
  if (!admin1.empty() && boundaries_)
    if (auto error = narrow_to_province(*boundaries_, admin1_countries_, admin1, place, n)) return *error;
  if (!place.empty() && gazetteer())
    if (auto r = match_place(*gazetteer(), boundaries_, place, n)) return *r;
  if (n.a1) {
    const AdminArea& a = boundaries_->admin1()[*n.a1];
    GeocodeResult r = area_result(a, LocationPrecision::Province, LocatedBy::Admin1, n.fallback);
    r.matched = a.name + " (" + a.iso_a3 + ")";
    r.admin1 = a.name;
    return r;
  }
  if (!n.iso.empty() && boundaries_) {
    if (auto c = boundaries_->find_admin0(n.iso)) {
      const AdminArea& a = boundaries_->admin0()[*c];
      GeocodeResult r = area_result(a, LocationPrecision::Country, LocatedBy::Country, n.fallback);
      r.matched = a.name;
      return r;
    }
  }
  GeocodeResult r;
  if (place.empty() && admin1.empty() && country.empty()) {
    r.field = "lat";
    r.error = "no coordinates and no place, admin1 or country to locate the row by";
  } else {
    r.field = !place.empty() ? "place" : (!admin1.empty() ? "admin1" : "country");
    r.error = "cannot be located: " + (n.fallback.empty() ? "no gazetteer or boundaries to look it up in" : n.fallback);
  }
  return r;
}

GeocodeResult geocode_incident(const Geocoder& geocoder, Incident& inc) {
  GeocodeResult r = geocoder.locate(inc.place, inc.admin1, inc.country);
  if (!r.found) return r;
  inc.lat_deg = r.lat_deg;
  inc.lon_deg = r.lon_deg;
  inc.location_precision = r.precision;
  if (inc.admin1.empty() && !r.admin1.empty()) inc.admin1 = r.admin1;
  if (!r.iso_a3.empty()) inc.country = r.iso_a3;
  return r;
}

}  // namespace driftmap::core
