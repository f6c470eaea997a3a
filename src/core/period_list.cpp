// Parsing and naming the periods of a sheet of small multiples.
#include "core/period_list.hpp"

#include "core/text.hpp"

namespace driftmap::core {

namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// One item: "2022", "2022-03", "2022-03-05" or "START/END".
std::optional<DayInterval> parse_period(std::string_view item, std::string* error) {
  const size_t slash = item.find('/');
  const std::string_view start = trimmed(item.substr(0, slash));
  const std::string_view end = slash == std::string_view::npos ? std::string_view{} : trimmed(item.substr(slash + 1));
  if (slash != std::string_view::npos && (start.empty() || end.empty())) {
    if (error) *error = "\"" + std::string(item) + "\" needs a start and an end (START/END)";
    return std::nullopt;
  }
  const auto span = parse_date_span(start, end, error);
  if (!span) return std::nullopt;
  return span->interval();
}

}  // namespace

std::optional<std::vector<DayInterval>> parse_period_list(std::string_view text, std::string* error) {
  std::vector<DayInterval> out;
  size_t number = 0;
  for (size_t pos = 0;; ++number) {
    const size_t comma = text.find(',', pos);
    const std::string_view item = trimmed(text.substr(pos, comma == std::string_view::npos ? text.npos : comma - pos));
    const std::string where = "item " + std::to_string(number + 1);
    if (item.empty()) {
      if (error) *error = where + " is empty (periods are separated by single commas, e.g. 2020,2022)";
      return std::nullopt;
    }
    std::string why;
    const auto period = parse_period(item, &why);
    if (!period) {
      if (error) *error = where + " \"" + printable_line(item) + "\": " + why;
      return std::nullopt;
    }
    out.push_back(*period);
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  if (out.size() > kMaxPanels) {
    if (error) *error = std::to_string(out.size()) + " periods: a sheet holds at most " + std::to_string(kMaxPanels);
    return std::nullopt;
  }
  return out;
}

std::string period_text(DayInterval days) {
  int32_t y0, y1;
  unsigned m0, m1, d0, d1;
  civil_from_days(days.start_day, y0, m0, d0);
  civil_from_days(days.end_day - 1, y1, m1, d1);
  const bool whole_months = d0 == 1 && int32_t(d1) == days_in_month(y1, m1);
  const auto month = [](int32_t y, unsigned m) { return std::string(month_abbrev(m)) + " " + std::to_string(y); };
  if (whole_months && m0 == 1 && m1 == 12)
    return y0 == y1 ? std::to_string(y0) : std::to_string(y0) + " – " + std::to_string(y1);
  if (whole_months) {
    if (y0 == y1 && m0 == m1) return month(y0, m0);
    if (y0 == y1) return std::string(month_abbrev(m0)) + " – " + month(y1, m1);
    return month(y0, m0) + " – " + month(y1, m1);
  }
  const auto day = [&](int32_t y, unsigned m, unsigned d) { return std::to_string(d) + " " + month(y, m); };
  if (days.length_days() == 1) return day(y0, m0, d0);
  return day(y0, m0, d0) + " – " + day(y1, m1, d1);
}

}  // namespace driftmap::core
