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

GeocodeResult Geocoder::locate(std::string_view place, std::string_view admin1, std::string_view country) const {
  place = trim(place);
  admin1 = trim(admin1);
  country = trim(country);
  GeocodeResult r;
  std::string fallback;

  std::string iso;
  if (!country.empty()) {
    if (auto code = country_code(country)) iso = *code;
    else fallback = "country " + quoted(country) + " is not a known country";
  }
  std::optional<size_t> a1;
  if (!admin1.empty() && boundaries_) {
    a1 = boundaries_->find_admin1(admin1, iso);
    if (!a1 && !iso.empty()) {
      // The province may be given in another country than the row says; don't guess.
      fallback = "admin1 " + quoted(admin1) + " is not a province of " + iso;
    } else if (!a1) {
      fallback = "admin1 " + quoted(admin1) + " is not a known province";
    } else if (iso.empty()) {
      // Without a country, a province name used in two countries (Punjab) is ambiguous.
      std::vector<std::string> in;
      for (const std::string& c : admin1_countries_)
        if (auto i = boundaries_->find_admin1(admin1, c)) in.push_back(boundaries_->admin1()[*i].name + " (" + c + ")");
      if (in.size() > 1 && place.empty()) {
        std::string list;
        for (size_t i = 0; i < in.size(); ++i) list += (i ? "; " : "") + in[i];
        r.field = "admin1";
        r.error = quoted(admin1) + " is ambiguous: " + list + " (give country to choose)";
        return r;
      }
      if (in.size() > 1) a1.reset();  // leave the choice to the place name
      else iso = boundaries_->admin1()[*a1].iso_a3;
    }
  }

  if (!place.empty() && gazetteer()) {
    std::vector<const Place*> cands;
    for (const Place* p : gazetteer()->lookup(place)) {
      if (!iso.empty() && p->iso_a3 != iso) continue;
      if (a1 && fold_name(p->admin1) != fold_name(boundaries_->admin1()[*a1].name)) continue;
      bool same = false;
      for (const Place* q : cands)
        same |= q->iso_a3 == p->iso_a3 && fold_name(q->admin1) == fold_name(p->admin1) && distance_km(*p, *q) < kSamePlaceKm;
      if (!same) cands.push_back(p);
    }
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
    std::string where = a1 ? " in " + boundaries_->admin1()[*a1].name : (!iso.empty() ? " in " + iso : "");
    fallback = "place " + quoted(place) + " is not in the gazetteer" + where;
  }

  if (a1) {
    const AdminArea& a = boundaries_->admin1()[*a1];
    r.found = true;
    r.lon_deg = a.label_lonlat.x;
    r.lat_deg = a.label_lonlat.y;
    r.precision = LocationPrecision::Province;
    r.by = LocatedBy::Admin1;
    r.matched = a.name + " (" + a.iso_a3 + ")";
    r.admin1 = a.name;
    r.iso_a3 = a.iso_a3;
    r.fallback = fallback;
    return r;
  }
  if (!iso.empty() && boundaries_) {
    if (auto c = boundaries_->find_admin0(iso)) {
      const AdminArea& a = boundaries_->admin0()[*c];
      r.found = true;
      r.lon_deg = a.label_lonlat.x;
      r.lat_deg = a.label_lonlat.y;
      r.precision = LocationPrecision::Country;
      r.by = LocatedBy::Country;
      r.matched = a.name;
      r.iso_a3 = a.iso_a3;
      r.fallback = fallback;
      return r;
    }
  }
  if (place.empty() && admin1.empty() && country.empty()) {
    r.field = "lat";
    r.error = "no coordinates and no place, admin1 or country to locate the row by";
  } else {
    r.field = !place.empty() ? "place" : (!admin1.empty() ? "admin1" : "country");
    r.error = "cannot be located: " + (fallback.empty() ? "no gazetteer or boundaries to look it up in" : fallback);
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
