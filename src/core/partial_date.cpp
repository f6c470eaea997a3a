#include "core/partial_date.hpp"

#include <cstdio>

namespace driftmap::core {

// Howard Hinnant's civil-date algorithms.
int32_t days_from_civil(int32_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int32_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int32_t>(doe) - 719468;
}

void civil_from_days(int32_t z, int32_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int32_t>(yoe) + era * 400 + (m <= 2);
}

int32_t days_in_month(int32_t y, unsigned m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return (m == 2 && leap) ? 29 : kDays[m - 1];
}

std::string day_to_iso(int32_t day) {
  int32_t y;
  unsigned m, d;
  civil_from_days(day, y, m, d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

DayInterval PartialDate::interval() const {
  switch (precision) {
    case DatePrecision::Day: {
      const int32_t s = days_from_civil(year, month, day);
      return {s, s + 1};
    }
    case DatePrecision::Month:
      return {days_from_civil(year, month, 1),
              month == 12 ? days_from_civil(year + 1, 1, 1) : days_from_civil(year, month + 1u, 1)};
    case DatePrecision::Year:
      break;
  }
  return {days_from_civil(year, 1, 1), days_from_civil(year + 1, 1, 1)};
}

std::string PartialDate::to_iso() const {
  char buf[16];
  switch (precision) {
    case DatePrecision::Day: std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year, month, day); break;
    case DatePrecision::Month: std::snprintf(buf, sizeof buf, "%04d-%02u", year, month); break;
    case DatePrecision::Year: std::snprintf(buf, sizeof buf, "%04d", year); break;
  }
  return buf;
}

const char* month_abbrev(unsigned m) {
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return m >= 1 && m <= 12 ? kMonths[m - 1] : "?";
}

std::string PartialDate::to_display() const {
  char buf[32];
  switch (precision) {
    case DatePrecision::Day: std::snprintf(buf, sizeof buf, "%u %s %04d", day, month_abbrev(month), year); break;
    case DatePrecision::Month: std::snprintf(buf, sizeof buf, "%s %04d", month_abbrev(month), year); break;
    case DatePrecision::Year: std::snprintf(buf, sizeof buf, "%04d", year); break;
  }
  return buf;
}

namespace {

bool parse_digits(std::string_view s, int& out) {
  if (s.empty()) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

// Quotes the value, cut to its first 57 bytes when long (a 20 MB field is not repeated back).
void set_error(std::string* error, std::string_view text, const std::string& why) {
  if (!error) return;
  const std::string shown = text.size() > 60 ? std::string(text.substr(0, 57)) + "..." : std::string(text);
  *error = "\"" + shown + "\" " + why;
}

}  // namespace

std::optional<PartialDate> parse_partial_date(std::string_view text, std::string* error) {
  // static: this runs once per row of a ten-million-row file; no allocation per call.
  static const std::string expected = "is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)";
  if (text.empty()) {
    if (error) *error = "date is empty (expected YYYY, YYYY-MM or YYYY-MM-DD)";
    return std::nullopt;
  }
  PartialDate d;
  int year = 0, month = 0, day = 0;
  if (text.size() == 4) {
    if (!parse_digits(text, year)) return set_error(error, text, expected), std::nullopt;
    d.precision = DatePrecision::Year;
  } else if (text.size() == 7 && text[4] == '-') {
    if (!parse_digits(text.substr(0, 4), year) || !parse_digits(text.substr(5, 2), month))
      return set_error(error, text, expected), std::nullopt;
    d.precision = DatePrecision::Month;
  } else if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    if (!parse_digits(text.substr(0, 4), year) || !parse_digits(text.substr(5, 2), month) ||
        !parse_digits(text.substr(8, 2), day))
      return set_error(error, text, expected), std::nullopt;
    d.precision = DatePrecision::Day;
  } else {
    return set_error(error, text, expected), std::nullopt;
  }
  if (year < 1000) return set_error(error, text, "has a year before 1000"), std::nullopt;
  if (d.precision != DatePrecision::Year && (month < 1 || month > 12))
    return set_error(error, text, "has month " + std::to_string(month) + ", out of range 1-12"), std::nullopt;
  if (d.precision == DatePrecision::Day && (day < 1 || day > days_in_month(year, month)))
    return set_error(error, text,
                     "has day " + std::to_string(day) + ", out of range for that month (1-" +
                         std::to_string(days_in_month(year, month)) + ")"),
           std::nullopt;
  d.year = year;
  d.month = static_cast<uint8_t>(month);
  d.day = static_cast<uint8_t>(day);
  return d;
}

DayInterval DateSpan::interval() const {
  const DayInterval s = start.interval();
  return {s.start_day, end ? end->interval().end_day : s.end_day};
}

std::string DateSpan::to_iso() const { return end ? start.to_iso() + "/" + end->to_iso() : start.to_iso(); }

std::optional<DateSpan> parse_date_span(std::string_view start, std::string_view end, std::string* error) {
  auto s = parse_partial_date(start, error);
  if (!s) return std::nullopt;
  DateSpan span{*s, std::nullopt};
  if (!end.empty()) {
    auto e = parse_partial_date(end, error);
    if (!e) return std::nullopt;
    // An end that only overlaps the start ("2023-05-10" to "2023-05") still ends after it.
    if (e->interval().end_day <= s->interval().start_day) {
      if (error) *error = "end \"" + std::string(end) + "\" is before start \"" + std::string(start) + "\"";  // both valid dates: short
      return std::nullopt;
    }
    span.end = *e;
  }
  return span;
}

}  // namespace driftmap::core
