// ACLED exports: recognised by event_id_cnty and event_date. Old ("30 July 2023") and ISO dates,
// time_precision (day / week / month) and geo_precision codes.
#include <algorithm>

#include "core/input/schemas/input_schema.hpp"
#include "core/text.hpp"

namespace driftmap::core {

namespace {

bool matches(const std::vector<std::string>& c) {
  return std::count(c.begin(), c.end(), "event_id_cnty") && std::count(c.begin(), c.end(), "event_date");
}

// Fields not listed keep no column (ACLED has no wounded count).
const SchemaColumns kColumns = {
    {"id", {"event_id_cnty"}},   {"date_start", {}},      {"date_end", {}},
    {"event_type", {}},          {"place", {"location"}}, {"admin1", {"admin1"}},
    {"country", {"country"}},    {"location_precision", {}},
    {"lat", {"latitude"}},       {"lon", {"longitude"}},  {"killed", {"fatalities"}},
    {"wounded", {}},             {"casualties_disputed", {}},
    {"summary", {"notes"}},      {"sources", {"source"}},
};

PartialDate day_date(int32_t day) {
  int32_t y;
  unsigned m, dd;
  civil_from_days(day, y, m, dd);
  PartialDate d;
  d.year = y;
  d.month = static_cast<uint8_t>(m);
  d.day = static_cast<uint8_t>(dd);
  d.precision = DatePrecision::Day;
  return d;
}

// "Within a week": driftmap has no week precision, so the row spans the 7 days centred on the
// coded date (ACLED codes such events on a day within the reported week). The span must stay
// within the years driftmap reads (1000-9999), so that what convert writes reads back.
void apply_week(const PartialDate& d, const std::string& text, Incident& inc, std::vector<FieldIssue>& issues) {
  const int32_t day = d.interval().start_day;
  const PartialDate first = day_date(day - 3), last = day_date(day + 3);
  if (first.year < 1000 || last.year > 9999) {
    issues.push_back({"event_date", "\"" + text + "\" with time_precision 2 (a week) reaches outside the years 1000-9999", true});
    return;
  }
  inc.date = DateSpan{first, last};
}

void apply(const ColumnGetter& get, Incident& inc, std::vector<FieldIssue>& issues) {
  const std::string date_text = get("event_date");
  const int time_precision = schema_precision_code(get, "time_precision", 3, issues);
  if (date_text.empty()) {
    issues.push_back({"event_date", "is empty", true});
  } else if (auto d = parse_acled_date(date_text)) {
    inc.date = DateSpan{*d, std::nullopt};
    if (time_precision == 2) {
      apply_week(*d, date_text, inc, issues);
    } else if (time_precision == 3) {
      inc.date.start.precision = DatePrecision::Month;
      inc.date.start.day = 0;
    }
  } else {
    issues.push_back({"event_date", "\"" + date_text + "\" is not a date (expected YYYY-MM-DD or '30 July 2023')", true});
  }

  const std::string type = get("event_type");
  if (auto t = acled_event_type(type)) inc.type = *t;
  else if (!type.empty())
    issues.push_back({"event_type", "\"" + type + "\" is not an ACLED event type; taken as other", false});

  switch (schema_precision_code(get, "geo_precision", 3, issues)) {
    case 1: inc.location_precision = LocationPrecision::City; break;
    case 2: inc.location_precision = LocationPrecision::District; break;
    case 3: inc.location_precision = LocationPrecision::Province; break;
    default: break;
  }
}

}  // namespace

const InputSchema& acled_schema() {
  static const InputSchema s{SourceFormat::Acled, matches, &kColumns, {"event_date"}, apply};
  return s;
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
  if (!month || !parse_schema_int(parts[0], day) || !parse_schema_int(parts[2], year) || year < 1000 || year > 9999 ||
      day < 1 || day > days_in_month(year, static_cast<unsigned>(month)))
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
