// Global Terrorism Database extracts: recognised by eventid, iyear, imonth and iday. Unknown
// day or month (0) give month or year precision; specificity codes give location precision.
#include <algorithm>

#include "core/input/schemas/input_schema.hpp"
#include "core/text.hpp"

namespace driftmap::core {

namespace {

bool matches(const std::vector<std::string>& c) {
  for (const char* name : {"eventid", "iyear", "imonth", "iday"})
    if (!std::count(c.begin(), c.end(), name)) return false;
  return true;
}

const SchemaColumns kColumns = {
    {"id", {"eventid"}},        {"date_start", {}},       {"date_end", {}},
    {"event_type", {}},         {"place", {"city"}},      {"admin1", {"provstate"}},
    {"country", {"country_txt"}}, {"location_precision", {}},
    {"lat", {"latitude"}},      {"lon", {"longitude"}},   {"killed", {"nkill"}},
    {"wounded", {"nwound"}},    {"casualties_disputed", {}},
    {"summary", {"summary"}},   {"sources", {}},
};

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// Year, month and day columns into a date; 0 (or empty) month or day means unknown.
void apply_date(const ColumnGetter& get, Incident& inc, std::vector<FieldIssue>& issues) {
  int year = 0, month = 0, day = 0;
  const std::string y = get("iyear"), m = get("imonth"), d = get("iday");
  bool ok = true;
  if (!parse_schema_int(y, year) || year < 1000 || year > 9999) {
    issues.push_back({"iyear", y.empty() ? "is empty" : quoted(y) + " is not a year", true});
    ok = false;
  }
  if (!m.empty() && (!parse_schema_int(m, month) || month < 0 || month > 12)) {
    issues.push_back({"imonth", quoted(m) + " is not a month 0-12 (0 = unknown)", true});
    ok = false;
  }
  if (!d.empty() && (!parse_schema_int(d, day) || day < 0 || day > 31)) {
    issues.push_back({"iday", quoted(d) + " is not a day 0-31 (0 = unknown)", true});
    ok = false;
  }
  if (ok && month > 0 && day > days_in_month(year, static_cast<unsigned>(month))) {
    issues.push_back({"iday", quoted(d) + " is past the end of " + std::to_string(year) + "-" +
                                  (month < 10 ? "0" : "") + std::to_string(month), true});
    ok = false;
  }
  if (!ok) return;
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

void apply(const ColumnGetter& get, Incident& inc, std::vector<FieldIssue>& issues) {
  apply_date(get, inc, issues);
  inc.type = EventType::Attack;  // every GTD row is a terrorist attack
  switch (schema_precision_code(get, "specificity", 5, issues)) {
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

const InputSchema& gtd_schema() {
  static const InputSchema s{SourceFormat::Gtd, matches, &kColumns, {"iyear"}, apply};
  return s;
}

}  // namespace driftmap::core
