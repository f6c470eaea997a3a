#include "core/dataset_checks.hpp"

#include <algorithm>
#include <cctype>
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

std::string_view precision_name_of(DatePrecision p) {
  return p == DatePrecision::Day ? "day" : p == DatePrecision::Month ? "month" : "year";
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

std::vector<StatedFigure> parse_stated_figures(std::string_view text) {
  std::vector<StatedFigure> out;
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
    if (!any) continue;
    std::string lower = to_lower_ascii(trim(part));
    StatedFigure f{sum, StatedFigure::Body};
    if (lower.starts_with("headline:")) {
      f.kind = StatedFigure::Headline;
      lower = std::string(trim(std::string_view(lower).substr(9)));
    }
    if (lower.starts_with("including")) f.kind = StatedFigure::Part;
    for (const char* bound : {"nearly ", "almost ", "up to ", "fewer than ", "less than ", "under "})
      if (lower.starts_with(bound)) f.kind = StatedFigure::UpperBound;
    out.push_back(f);
  }
  return out;
}

std::vector<long> stated_figures(std::string_view text) {
  std::vector<long> out;
  for (const StatedFigure& f : parse_stated_figures(text))
    if (f.kind == StatedFigure::Body || f.kind == StatedFigure::Headline) out.push_back(f.value);
  return out;
}

int32_t carried_figure(const std::vector<std::string_view>& stated) {
  long body = -1, headline = -1;
  for (std::string_view s : stated)
    for (const StatedFigure& f : parse_stated_figures(s)) {
      if (f.kind != StatedFigure::Body && f.kind != StatedFigure::Headline) continue;  // not a total
      long& lowest = f.kind == StatedFigure::Body ? body : headline;
      if (lowest < 0 || f.value < lowest) lowest = f.value;
    }
  const long v = body >= 0 ? body : headline;
  return v >= 0 ? static_cast<int32_t>(v) : kUnknownCount;
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
      std::vector<std::string_view> stated;
      for (const Citation* c : cites) {
        stated.push_back(c->*member);
        for (const StatedFigure& f : parse_stated_figures(c->*member))
          if (f.kind != StatedFigure::Part) figures.insert(f.value);  // "nearly 80" vs 97 disagree too
      }
      const int32_t expected = carried_figure(stated);
      if (value != expected)
        problems.error(incidents_path, inc.source_line, field,
                       std::to_string(value) + " is not the lowest stated figure (" +
                           (expected == kUnknownCount ? std::string("none stated") : std::to_string(expected)) + ")");
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

// ---- Provenance rules (bundled project) -------------------------------------------------------

namespace {

// " word word " form of a text, so that " name " finds whole words only; a possessive "'s" is
// split off ("Lahore's Factory Area" names Lahore).
std::string padded_fold(std::string_view s) {
  std::string t(s);
  for (const std::string_view apostrophe : {"'s", "\u2019s"})
    for (size_t at = t.find(apostrophe); at != std::string::npos; at = t.find(apostrophe, at + 2))
      t.replace(at, apostrophe.size(), " s");
  return " " + fold_name(t) + " ";
}

std::vector<std::string_view> words_of(std::string_view folded) {
  std::vector<std::string_view> out;
  for (auto w : split(folded, ' '))
    if (!w.empty()) out.push_back(w);
  return out;
}

// Does a quote name the incident's located unit (city, province or country)?
bool quote_names_place(const Incident& inc, const Bundle& bundle, const Boundaries& b, const std::string& folded) {
  if (is_point_precision(inc.location_precision)) {
    const std::string place = padded_fold(inc.place);
    for (const BundlePlace& p : bundle.places) {
      if (p.admin1 != inc.admin1 || p.country != inc.country) continue;
      std::vector<std::string> names{p.name};
      names.insert(names.end(), p.aliases.begin(), p.aliases.end());
      bool this_place = false;
      for (const auto& n : names) this_place |= place.find(padded_fold(n)) != std::string::npos;
      if (!this_place) continue;
      for (const auto& n : names)
        if (folded.find(padded_fold(n)) != std::string::npos) return true;
    }
    return false;
  }
  const auto country = b.find_admin0(inc.country);
  const auto province = inc.location_precision == LocationPrecision::Province
                            ? b.find_admin1(inc.admin1, inc.country) : std::nullopt;
  const auto words = words_of(folded);
  for (size_t i = 0; i < words.size(); ++i) {
    std::string gram;
    for (size_t n = 0; n < 4 && i + n < words.size(); ++n) {
      gram += (n ? " " : "") + std::string(words[i + n]);
      if (province ? b.find_admin1(gram, inc.country) == province : country && b.find_admin0(gram) == country)
        return true;
    }
  }
  return false;
}

constexpr const char* kMonths[12] = {"january", "february", "march",     "april",   "may",      "june",
                                     "july",    "august",   "september", "october", "november", "december"};

bool is_month_word(std::string_view w, int month) {
  const std::string_view full = kMonths[month - 1];
  return w == full || (w.size() >= 3 && full.starts_with(w) && (w.size() == 3 || w == "sept"));
}

// Does a text state the date's finest part: the year; the month (by name) and year; the day,
// month and year?
bool text_states_date(std::string_view text, const PartialDate& d) {
  const std::string folded = fold_name(text);
  const auto words = words_of(folded);
  const std::string year = std::to_string(d.year);
  bool has_year = false, has_month = false, has_day = false;
  for (size_t i = 0; i < words.size(); ++i) {
    has_year |= words[i] == year;
    if (d.precision == DatePrecision::Year || !is_month_word(words[i], d.month)) continue;
    has_month = true;
    for (size_t j : {i - 1, i + 1})  // "26 July", "July 26"
      if (j < words.size()) {
        std::string_view w = words[j];
        for (const char* suffix : {"st", "nd", "rd", "th"})
          if (w.size() > 2 && w.ends_with(suffix)) w.remove_suffix(2);
        has_day |= w == std::to_string(d.day) || (d.day < 10 && w == "0" + std::to_string(d.day));
      }
  }
  switch (d.precision) {
    case DatePrecision::Year: return has_year;
    case DatePrecision::Month: return has_year && has_month;
    case DatePrecision::Day: return has_year && has_month && has_day;
  }
  return false;
}

bool is_casualty_word(std::string_view w) {
  for (const char* k : {"killed", "killing", "kills", "kill", "dead", "deaths", "death", "died", "injured", "injuring",
                        "injuries", "wounded", "wounding", "casualties"})
    if (w == k) return true;
  return false;
}

bool is_number_word(std::string_view w) {
  for (const char* k : {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred"})
    if (w == k) return true;
  return false;
}

// Numbers a quote gives beside a casualty word ("killing four people", "145 dead"), leaving out
// years and days of dates.
std::vector<std::string> casualty_numbers(std::string_view quote) {
  std::string digits_joined;  // "1,200" → "1200"; reference markers such as "[18]" dropped
  for (size_t i = 0; i < quote.size(); ++i) {
    if (quote[i] == '[') {
      const size_t close = quote.find(']', i);
      if (close != std::string_view::npos &&
          std::all_of(quote.begin() + i + 1, quote.begin() + close, [](char c) { return c >= '0' && c <= '9'; })) {
        i = close;
        continue;
      }
    }
    digits_joined += quote[i];
  }
  for (size_t i = 1; i + 1 < digits_joined.size(); ++i)
    if (digits_joined[i] == ',' && std::isdigit(static_cast<unsigned char>(digits_joined[i - 1])) &&
        std::isdigit(static_cast<unsigned char>(digits_joined[i + 1])))
      digits_joined.erase(i, 1);
  const std::string folded = fold_name(digits_joined);
  const auto words = words_of(folded);
  auto is_month = [&](size_t j) {
    if (j >= words.size()) return false;
    for (int m = 1; m <= 12; ++m)
      if (is_month_word(words[j], m)) return true;
    return false;
  };
  std::vector<std::string> out;
  for (size_t k = 0; k < words.size(); ++k) {
    if (!is_casualty_word(words[k])) continue;
    for (size_t j = k >= 3 ? k - 3 : 0; j < words.size() && j <= k + 4; ++j) {
      const std::string_view w = words[j];
      const bool digits = !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!digits && !is_number_word(w)) continue;
      if (digits && w.size() == 4 && (w.starts_with("19") || w.starts_with("20"))) continue;  // a year
      if (digits && (is_month(j - 1) || is_month(j + 1))) continue;                         // a day
      if (std::find(out.begin(), out.end(), w) == out.end()) out.emplace_back(w);
    }
  }
  return out;
}

}  // namespace

void check_bundle_provenance(const std::string& incidents_path, const std::vector<Incident>& rows,
                             const Bundle& bundle, const Boundaries& boundaries, Problems& problems) {
  std::map<std::string, std::vector<const Citation*>> by_incident;
  for (const auto& c : bundle.citations) by_incident[c.incident_id].push_back(&c);
  std::set<std::string> ids;
  for (const auto& inc : rows) ids.insert(inc.id);
  for (const auto& n : bundle.notes) {
    if (!ids.count(n.incident_id))
      problems.error("provenance.csv", n.line, "incident_id", "\"" + n.incident_id + "\" is not an incident id");
    if (n.field != "place" && n.field != "date" && n.field != "killed" && n.field != "wounded")
      problems.error("provenance.csv", n.line, "field", "\"" + n.field + "\" is not place, date, killed or wounded");
  }
  for (const auto& inc : rows) {
    const auto& cites = by_incident[inc.id];
    if (cites.empty()) continue;  // reported by check_bundle_citations
    const int64_t line = inc.source_line;
    if (has_stated_place(inc.location_precision) && !bundle.note(inc.id, "place")) {
      bool named = false;
      for (const Citation* c : cites) named |= quote_names_place(inc, bundle, boundaries, padded_fold(c->quote));
      if (!named)
        problems.error(incidents_path, line, "place",
                       "no quote of \"" + inc.id + "\" names its " + std::string(to_string(inc.location_precision)) +
                           " and provenance.csv does not say how the place was resolved");
    }
    if (!bundle.note(inc.id, "date")) {
      const bool none_stated = std::all_of(cites.begin(), cites.end(), [](const Citation* c) {
        return to_lower_ascii(c->date_as_stated).starts_with("not stated");
      });
      if (none_stated && inc.date_basis != DateBasis::Reported)
        problems.error(incidents_path, line, "date_basis",
                       "no document states the date of \"" + inc.id + "\": it is a report's date (reported)");
      std::vector<std::pair<const char*, PartialDate>> parts{{"date_start", inc.date.start}};
      if (inc.date.end) parts.emplace_back("date_end", *inc.date.end);
      for (const auto& [field, d] : parts) {
        bool stated = false;
        for (const Citation* c : cites)
          stated |= text_states_date(c->quote, d) || text_states_date(c->date_as_stated, d);
        if (!stated)
          problems.error(incidents_path, line, field,
                         d.to_iso() + " of \"" + inc.id + "\" is finer than any citation states (" +
                             std::string(precision_name_of(d.precision)) + ") and provenance.csv has no date note");
      }
    }
    for (const Citation* c : cites) {
      const std::string stated = " " + fold_name(c->killed_as_stated + " " + c->wounded_as_stated) + " ";
      for (const std::string& n : casualty_numbers(c->quote)) {
        if (stated.find(" " + n + " ") != std::string::npos) continue;
        if (bundle.note(inc.id, "killed") || bundle.note(inc.id, "wounded")) continue;
        problems.error("citations.csv", c->line, "killed_as_stated",
                       "the quote gives \"" + n + "\" beside a casualty word but " + c->source_id +
                           "'s stated figures for \"" + inc.id + "\" do not record it");
      }
    }
  }
}

}  // namespace driftmap::core
