#include "core/dataset_checks.hpp"

#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/text.hpp"

namespace driftmap::core {

namespace {

// Distance in km from a point to an area's boundary, in a local equirectangular frame.
double distance_km(const AdminArea& a, double lon, double lat) {
  const double kx = 111.320 * std::cos(lat * M_PI / 180.0), ky = 110.574;
  MultiPolygon local = a.shape;
  for (auto& p : local) {
    for (auto& v : p.outer) v = {(v.x - lon) * kx, (v.y - lat) * ky};
    for (auto& h : p.holes)
      for (auto& v : h) v = {(v.x - lon) * kx, (v.y - lat) * ky};
  }
  return distance_to_boundary(local, {0, 0});
}

bool inside_with_tolerance(const AdminArea& a, double lon, double lat, double* km_out) {
  if (point_in_multipolygon(a.shape, {lon, lat})) return true;
  const double tol_deg = kBorderToleranceKm / 100.0;  // generous bbox pre-check
  if (lon < a.bbox.min_lon - tol_deg || lon > a.bbox.max_lon + tol_deg || lat < a.bbox.min_lat - tol_deg ||
      lat > a.bbox.max_lat + tol_deg) {
    if (km_out) *km_out = -1;
    return false;
  }
  const double km = distance_km(a, lon, lat);
  if (km_out) *km_out = km;
  return km <= kBorderToleranceKm;
}

std::string km_text(double km) {
  if (km < 0) return "far";
  std::ostringstream s;
  s.precision(1);
  s << std::fixed << km << " km";
  return s.str();
}

}  // namespace

void check_incident_places(const std::string& path, const std::vector<Incident>& rows, const Boundaries& b,
                           Problems& problems) {
  for (const Incident& inc : rows) {
    const int64_t line = inc.source_line;
    if (!has_stated_place(inc.location_precision)) {
      // Nothing to check against the boundaries; a country or province would make it a located row.
      if (!inc.admin1.empty() || !inc.country.empty())
        problems.error(path, line, inc.admin1.empty() ? "country" : "admin1",
                       "is given but location_precision is none (place not stated); use the precision of the "
                       "named place");
      continue;
    }
    std::optional<size_t> country;
    if (!inc.country.empty()) {
      country = b.find_admin0(inc.country);
      if (!country) problems.error(path, line, "country", "\"" + inc.country + "\" is not a known country code or name");
    }
    std::optional<size_t> province;
    if (!inc.admin1.empty()) {
      province = b.find_admin1(inc.admin1, country ? b.admin0()[*country].iso_a3 : std::string_view{});
      if (!province)
        problems.error(path, line, "admin1",
                       "\"" + inc.admin1 + "\" does not resolve to a province" +
                           (country ? " of " + b.admin0()[*country].name : std::string()) +
                           " (see geodata/admin1_aliases.csv)");
    } else if (inc.location_precision == LocationPrecision::Province) {
      problems.error(path, line, "admin1", "is empty but location_precision is province");
    }
    if (province) {
      double km = 0;
      if (!inside_with_tolerance(b.admin1()[*province], inc.lon_deg, inc.lat_deg, &km))
        problems.error(path, line, "lat/lon",
                       "point is outside " + b.admin1()[*province].name + " (" + km_text(km) + " from its border)");
    }
    if (country) {
      double km = 0;
      if (!inside_with_tolerance(b.admin0()[*country], inc.lon_deg, inc.lat_deg, &km)) {
        std::string msg = "point is outside " + b.admin0()[*country].name + " (" + km_text(km) + " from its border)";
        if (inside_with_tolerance(b.admin0()[*country], inc.lat_deg, inc.lon_deg, nullptr))
          msg += "; lat and lon look swapped";
        problems.error(path, line, "lat/lon", msg);
      }
    }
    if (!country && inc.admin1.empty() && !b.admin0_at(inc.lon_deg, inc.lat_deg)) {
      if (b.admin0_at(inc.lat_deg, inc.lon_deg))
        problems.warning(path, line, "lat/lon", "point is in no country, but would be with lat and lon swapped");
    }
  }
}

std::vector<long> stated_figures(std::string_view text) {
  std::vector<long> out;
  for (auto part : split(text, ';')) {
    long sum = 0;
    bool any = false;
    for (size_t i = 0; i < part.size();) {
      if (part[i] >= '0' && part[i] <= '9') {
        long v = 0;
        while (i < part.size() && ((part[i] >= '0' && part[i] <= '9') || part[i] == ',')) {
          if (part[i] != ',') v = v * 10 + (part[i] - '0');
          ++i;
        }
        sum += v;
        any = true;
      } else {
        ++i;
      }
    }
    if (any) out.push_back(sum);
  }
  return out;
}

std::string normalise_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const bool is_nbsp = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || is_nbsp) {
      space = true;
      if (is_nbsp) ++i;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

void check_bundle_citations(const std::string& incidents_path, const std::vector<Incident>& rows,
                            const Bundle& bundle, const std::string& citations_path, const std::string& seeds_dir,
                            Problems& problems) {
  std::map<std::string, const Incident*> by_id;
  for (const auto& inc : rows) by_id[inc.id] = &inc;
  std::map<std::string, std::string> documents;  // source_id → normalised text
  if (seeds_dir.empty()) {
    problems.warning(citations_path, 0, "quote",
                     "source documents (../shared/seeds) not found: verbatim quote checks skipped");
  } else {
    for (const auto& s : bundle.sources) {
      std::ifstream f(seeds_dir + "/" + s.file, std::ios::binary);
      if (!f) {
        problems.error(citations_path, 0, "source_id", "document " + s.file + " of source " + s.source_id + " not found in " + seeds_dir);
        continue;
      }
      std::stringstream buf;
      buf << f.rdbuf();
      documents[s.source_id] = normalise_whitespace(buf.str());
    }
  }
  std::map<std::string, std::vector<const Citation*>> by_incident;
  std::set<std::pair<std::string, std::string>> pairs;
  for (const auto& c : bundle.citations) {
    if (!by_id.count(c.incident_id))
      problems.error(citations_path, c.line, "incident_id", "\"" + c.incident_id + "\" is not an incident id");
    if (!bundle.source(c.source_id))
      problems.error(citations_path, c.line, "source_id", "\"" + c.source_id + "\" is not in sources.csv");
    if (!pairs.insert({c.incident_id, c.source_id}).second)
      problems.error(citations_path, c.line, "source_id", "second citation of the same document for this incident");
    size_t chars = 0;
    for (unsigned char ch : c.quote) chars += (ch & 0xC0) != 0x80;
    if (chars < 40 || chars > 300)
      problems.error(citations_path, c.line, "quote", "is " + std::to_string(chars) + " characters (40-300 required)");
    if (auto it = documents.find(c.source_id); it != documents.end()) {
      if (it->second.find(normalise_whitespace(c.quote)) == std::string::npos)
        problems.error(citations_path, c.line, "quote", "is not a verbatim passage of " + bundle.source(c.source_id)->file);
    }
    by_incident[c.incident_id].push_back(&c);
  }
  for (const auto& inc : rows) {
    const auto& cites = by_incident[inc.id];
    if (cites.empty()) {
      problems.error(incidents_path, inc.source_line, "id", "incident \"" + inc.id + "\" has no citation");
      continue;
    }
    std::set<std::string> cited_sources, listed_sources;
    for (const Citation* c : cites) cited_sources.insert(c->source_id);
    for (auto s : split(inc.sources, ';'))
      if (!trim(s).empty()) listed_sources.emplace(trim(s));
    if (cited_sources != listed_sources)
      problems.error(incidents_path, inc.source_line, "sources", "does not equal the set of citing documents");
    auto check_toll = [&](const char* field, int32_t value, auto member) -> bool {
      std::set<long> figures;
      for (const Citation* c : cites)
        for (long v : stated_figures(c->*member)) figures.insert(v);
      const long expected = figures.empty() ? kUnknownCount : *figures.begin();
      if (value != expected)
        problems.error(incidents_path, inc.source_line, field,
                       std::to_string(value) + " is not the lowest stated figure (" +
                           (figures.empty() ? std::string("none stated") : std::to_string(expected)) + ")");
      return figures.size() > 1;
    };
    const bool killed_differ = check_toll("killed", inc.killed, &Citation::killed_as_stated);
    const bool wounded_differ = check_toll("wounded", inc.wounded, &Citation::wounded_as_stated);
    if (inc.casualties_disputed != (killed_differ || wounded_differ))
      problems.error(incidents_path, inc.source_line, "casualties_disputed",
                     inc.casualties_disputed ? "is true but the documents state the same figures"
                                             : "is false but the documents state different figures");
  }
}

}  // namespace driftmap::core
