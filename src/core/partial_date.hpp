// Dates as the sources state them: a year, a month or a day, with an optional end. Each maps to
// a half-open interval of days since 1970-01-01, which is what time windows compare.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace driftmap::core {

enum class DatePrecision : uint8_t { Day = 0, Month = 1, Year = 2 };

// Half-open [start_day, end_day), days since 1970-01-01 (negative before).
struct DayInterval {
  int32_t start_day = 0;
  int32_t end_day = 0;
  int32_t length_days() const { return end_day - start_day; }
  bool overlaps(const DayInterval& o) const { return start_day < o.end_day && o.start_day < end_day; }
  bool operator==(const DayInterval&) const = default;
};

struct PartialDate {
  int32_t year = 0;
  uint8_t month = 0;  // 1..12, 0 when precision is Year
  uint8_t day = 0;    // 1..31, 0 unless precision is Day
  DatePrecision precision = DatePrecision::Year;

  DayInterval interval() const;   // the whole year / month / day
  std::string to_iso() const;     // "2016", "2016-07", "2016-07-12"
  std::string to_display() const; // "2016", "Jul 2016", "12 Jul 2016"
  bool operator==(const PartialDate&) const = default;
};

// Strict ISO parse of "YYYY", "YYYY-MM" or "YYYY-MM-DD" (years 1000..9999). On failure returns
// nullopt and sets *error to a message naming the value, e.g. "2022-13-45": month 13 is out of range.
std::optional<PartialDate> parse_partial_date(std::string_view text, std::string* error = nullptr);

// A start with an optional end (inclusive of the end's whole period).
struct DateSpan {
  PartialDate start;
  std::optional<PartialDate> end;
  DayInterval interval() const;  // [start.interval().start, (end ? end : start).interval().end)
  std::string to_iso() const;    // "2016-07" or "2016-07/2016-09"
};

// Parses start and optional end (empty end = none); fails when the end is wholly before the start.
std::optional<DateSpan> parse_date_span(std::string_view start, std::string_view end, std::string* error = nullptr);

// Civil calendar helpers (proleptic Gregorian).
int32_t days_from_civil(int32_t y, unsigned m, unsigned d);
// "Jan" .. "Dec" for m = 1 .. 12: the one month-name table of every display.
const char* month_abbrev(unsigned m);
void civil_from_days(int32_t z, int32_t& y, unsigned& m, unsigned& d);
int32_t days_in_month(int32_t y, unsigned m);
// Day number → "2022-07-30".
std::string day_to_iso(int32_t day);

}  // namespace driftmap::core
