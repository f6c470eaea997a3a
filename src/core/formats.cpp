#include "core/formats.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "core/text.hpp"

namespace driftmap::core {

namespace {

bool has_column(const std::vector<std::string>& columns, std::string_view name) {
  return std::any_of(columns.begin(), columns.end(),
                     [&](const std::string& c) { return to_lower_ascii(c) == name; });
}

using ColumnTable = std::map<std::string, std::vector<std::string>, std::less<>>;

// Fields not listed keep no column (e.g. ACLED has no wounded count).
const ColumnTable& acled_columns() {
  static const ColumnTable t = {
      {"id", {"event_id_cnty"}},   {"date_start", {}},      {"date_end", {}},
      {"event_type", {}},          {"place", {"location"}}, {"admin1", {"admin1"}},
      {"country", {"country"}},    {"location_precision", {}},
      {"lat", {"latitude"}},       {"lon", {"longitude"}},  {"killed", {"fatalities"}},
      {"wounded", {}},             {"casualties_disputed", {}},
      {"summary", {"notes"}},      {"sources", {"source"}},
  };
  return t;
}

const ColumnTable& gtd_columns() {
  static const ColumnTable t = {
      {"id", {"eventid"}},        {"date_start", {}},       {"date_end", {}},
      {"event_type", {}},         {"place", {"city"}},      {"admin1", {"provstate"}},
      {"country", {"country_txt"}}, {"location_precision", {}},
      {"lat", {"latitude"}},      {"lon", {"longitude"}},   {"killed", {"nkill"}},
      {"wounded", {"nwound"}},    {"casualties_disputed", {}},
      {"summary", {"summary"}},   {"sources", {}},
  };
  return t;
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

bool parse_int(std::string_view s, int& out) {
  // GTD and ACLED numeric columns sometimes come as "3.0" from spreadsheet round trips.
  if (s.ends_with(".0")) s.remove_suffix(2);
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size();
}

PartialDate day_date(int32_t day) {
  PartialDate d;
  int32_t y;
  unsigned m, dd;
  civil_from_days(day, y, m, dd);
  d.year = y;
  d.month = static_cast<uint8_t>(m);
  d.day = static_cast<uint8_t>(dd);
  d.precision = DatePrecision::Day;
  return d;
}

// A 1..3 code; 0 when the column is empty; -1 when it is not one of them.
int precision_code(const ColumnGetter& get, const char* column, int max, std::vector<FieldIssue>& issues) {
  const std::string v = get(column);
  if (v.empty()) return 0;
  int n = 0;
  if (parse_int(v, n) && n >= 1 && n <= max) return n;
  issues.push_back({column, quoted(v) + " is not a code 1-" + std::to_string(max), true});
  return -1;
}

void apply_acled(const ColumnGetter& get, Incident& inc, std::vector<FieldIssue>& issues) {
  const std::string date_text = get("event_date");
  const int time_precision = precision_code(get, "time_precision", 3, issues);
  if (date_text.empty()) {
    issues.push_back({"event_date", "is empty", true});
  } else if (auto d = parse_acled_date(date_text)) {
    inc.date = DateSpan{*d, std::nullopt};
    if (time_precision == 2) {
      // "Within a week": driftmap has no week precision, so the row spans the 7 days centred on
      // the coded date (ACLED codes such events on a day within the reported week).
      const int32_t day = d->interval().start_day;
      inc.date = DateSpan{day_date(day - 3), day_date(day + 3)};
    } else if (time_precision == 3) {
      inc.date.start.precision = DatePrecision::Month;
      inc.date.start.day = 0;
    }
  } else {
    issues.push_back({"event_date", quoted(date_text) + " is not a date (expected YYYY-MM-DD or '30 July 2023')", true});
  }

  const std::string type = get("event_type");
  if (auto t = acled_event_type(type)) inc.type = *t;
  else if (!type.empty())
    issues.push_back({"event_type", quoted(type) + " is not an ACLED event type; taken as other", false});

  switch (precision_code(get, "geo_precision", 3, issues)) {
    case 1: inc.location_precision = LocationPrecision::City; break;
    case 2: inc.location_precision = LocationPrecision::District; break;
    case 3: inc.location_precision = LocationPrecision::Province; break;
    default: break;
  }
}

void apply_gtd(const ColumnGetter& get, Incident& inc, std::vector<FieldIssue>& issues) {
  int year = 0, month = 0, day = 0;
  const std::string y = get("iyear"), m = get("imonth"), d = get("iday");
  bool ok = true;
  if (!parse_int(y, year) || year < 1000 || year > 9999) {
    issues.push_back({"iyear", y.empty() ? "is empty" : quoted(y) + " is not a year", true});
    ok = false;
  }
  // 0 (or empty) means unknown: the date is then only as precise as what is known.
  if (!m.empty() && (!parse_int(m, month) || month < 0 || month > 12)) {
    issues.push_back({"imonth", quoted(m) + " is not a month 0-12 (0 = unknown)", true});
    ok = false;
  }
  if (!d.empty() && (!parse_int(d, day) || day < 0 || day > 31)) {
    issues.push_back({"iday", quoted(d) + " is not a day 0-31 (0 = unknown)", true});
    ok = false;
  }
  if (ok && month > 0 && day > days_in_month(year, static_cast<unsigned>(month))) {
    issues.push_back({"iday", quoted(d) + " is past the end of " + std::to_string(year) + "-" +
                                  (month < 10 ? "0" : "") + std::to_string(month), true});
    ok = false;
  }
  if (ok) {
    PartialDate p;
    p.year = year;
    if (month > 0) {
      p.month = static_cast<uint8_t>(month);
      p.precision = day > 0 ? DatePrecision::Day : DatePrecision::Month;
      if (day > 0) p.day = static_cast<uint8_t>(day);
    } else {
      p.precision = DatePrecision::Year;  // a day without a month says nothing more
    }
    inc.date = DateSpan{p, std::nullopt};
  }
  inc.type = EventType::Attack;  // every GTD row is a terrorist attack

  switch (precision_code(get, "specificity", 5, issues)) {
    case 1: inc.location_precision = LocationPrecision::City; break;
    case 2:
    case 3: inc.location_precision = LocationPrecision::District; break;
    case 4: inc.location_precision = LocationPrecision::Province; break;
    case 5: inc.location_precision = LocationPrecision::Country; break;
    default: break;
  }
  // GTD writes "Unknown" where the city or province is not known.
  if (fold_name(inc.place) == "unknown") inc.place.clear();
  if (fold_name(inc.admin1) == "unknown") inc.admin1.clear();
}

}  // namespace

std::string_view to_string(SourceFormat f) {
  switch (f) {
    case SourceFormat::Driftmap: return "driftmap";
    case SourceFormat::Acled: return "ACLED";
    case SourceFormat::Gtd: return "GTD";
  }
  return "?";
}

SourceFormat detect_source_format(const std::vector<std::string>& columns) {
  if (has_column(columns, "event_id_cnty") && has_column(columns, "event_date")) return SourceFormat::Acled;
  if (has_column(columns, "eventid") && has_column(columns, "iyear") && has_column(columns, "imonth") &&
      has_column(columns, "iday"))
    return SourceFormat::Gtd;
  return SourceFormat::Driftmap;
}

const std::vector<std::string>* source_format_columns(SourceFormat format, std::string_view field) {
  const ColumnTable* t = format == SourceFormat::Acled ? &acled_columns()
                         : format == SourceFormat::Gtd ? &gtd_columns()
                                                       : nullptr;
  if (!t) return nullptr;
  static const std::vector<std::string> kNone;
  auto it = t->find(field);
  return it == t->end() ? &kNone : &it->second;
}

std::vector<std::string> required_source_columns(SourceFormat format) {
  switch (format) {
    case SourceFormat::Acled: return {"event_date"};
    case SourceFormat::Gtd: return {"iyear"};
    case SourceFormat::Driftmap: break;
  }
  return {};
}

std::vector<FieldIssue> apply_source_format(SourceFormat format, const ColumnGetter& get, Incident& inc) {
  std::vector<FieldIssue> issues;
  if (format == SourceFormat::Acled) apply_acled(get, inc, issues);
  else if (format == SourceFormat::Gtd) apply_gtd(get, inc, issues);
  return issues;
}

std::optional<PartialDate> parse_acled_date(std::string_view text) {
  text = trim(text);
  if (auto iso = parse_partial_date(text); iso && iso->precision == DatePrecision::Day) return iso;
  // "30 July 2023", "30-July-2023", "30 Jul 2023".
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || text[i] == ' ' || text[i] == '-') {
      if (i > start) parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  if (parts.size() != 3) return std::nullopt;
  static const char* kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                  "july",    "august",   "september", "october", "november", "december"};
  const std::string name = to_lower_ascii(parts[1]);
  int month = 0;
  for (int i = 0; i < 12; ++i) {
    const std::string_view full = kMonths[i];
    if (name == full || (name.size() >= 3 && full.starts_with(name))) month = i + 1;
  }
  int day = 0, year = 0;
  if (!month || !parse_int(parts[0], day) || !parse_int(parts[2], year) || year < 1000 || year > 9999 || day < 1 ||
      day > days_in_month(year, static_cast<unsigned>(month)))
    return std::nullopt;
  PartialDate d;
  d.year = year;
  d.month = static_cast<uint8_t>(month);
  d.day = static_cast<uint8_t>(day);
  d.precision = DatePrecision::Day;
  return d;
}

std::optional<EventType> acled_event_type(std::string_view text) {
  const std::string t = fold_name(text);
  if (t == "battles" || t == "explosions remote violence" || t == "violence against civilians")
    return EventType::Attack;
  if (t == "strategic developments" || t == "riots" || t == "protests") return EventType::Other;
  return std::nullopt;
}

}  // namespace driftmap::core
