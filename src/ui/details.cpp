#include "ui/details.hpp"

#include "core/dataset_checks.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cctype>

namespace driftmap::ui {

std::string_view precision_name(core::DatePrecision p) {
  switch (p) {
    case core::DatePrecision::Day: return "day";
    case core::DatePrecision::Month: return "month";
    case core::DatePrecision::Year: return "year";
  }
  return "day";
}

std::string date_text(const core::DateSpan& d) {
  const auto p = d.start.precision;
  std::string s = d.start.to_display();
  if (d.end && !(*d.end == d.start)) s += " \u2013 " + d.end->to_display();
  switch (p) {
    case core::DatePrecision::Day: s += d.end ? " (day precision)" : " (exact day)"; break;
    case core::DatePrecision::Month: s += " (month only; the day is not reported)"; break;
    case core::DatePrecision::Year: s += " (year only; month and day are not reported)"; break;
  }
  return s;
}

std::string date_text(const core::Incident& inc) {
  if (inc.date_basis != core::DateBasis::Reported) return date_text(inc.date);
  return "reported " + inc.date.start.to_display() +
         "; the incident happened on or before that date (a report's date, not the event's)";
}

std::string place_text(const core::Incident& inc) {
  if (!core::has_stated_place(inc.location_precision)) return std::string(core::kPlaceNotStated);
  std::string where = inc.place;
  if (!inc.admin1.empty() && inc.admin1 != inc.place) where += (where.empty() ? "" : ", ") + inc.admin1;
  if (!inc.country.empty()) where += (where.empty() ? "" : ", ") + inc.country;
  return where;
}

std::optional<int> first_number(std::string_view stated) {
  size_t i = 0;
  while (i < stated.size() && !std::isdigit(static_cast<unsigned char>(stated[i]))) ++i;
  if (i == stated.size()) return std::nullopt;
  long v = 0;
  while (i < stated.size() && (std::isdigit(static_cast<unsigned char>(stated[i])) || stated[i] == ',')) {
    if (stated[i] != ',') v = v * 10 + (stated[i] - '0');
    if (v > 100000000) return std::nullopt;
    ++i;
  }
  return static_cast<int>(v);
}

std::string casualty_text(int32_t dataset_value, const std::vector<std::string>& stated_values, const char* what) {
  // Totals and lower bounds make the range; a part of a total ("including 2 employees") or a
  // bound from above ("nearly 80") is no count of its own and is quoted instead.
  std::vector<long> figures;
  std::string other;
  for (const auto& s : stated_values)
    for (auto part : core::split(s, ';'))
      for (const core::StatedFigure& f : core::parse_stated_figures(part)) {
        if (f.kind == core::StatedFigure::Body || f.kind == core::StatedFigure::Headline) figures.push_back(f.value);
        else other += (other.empty() ? "" : "; ") + std::string(core::trim(part));
      }
  if (dataset_value >= 0) figures.push_back(dataset_value);
  if (figures.empty()) return std::string("unknown ") + what + (other.empty() ? "" : " (stated: " + other + ")");
  const auto [lo, hi] = std::minmax_element(figures.begin(), figures.end());
  if (*lo == *hi) return std::to_string(*lo) + " " + what;
  return std::to_string(*lo) + "\u2013" + std::to_string(*hi) + " " + what + "; documents disagree";
}

std::string casualty_text(const core::Incident& inc, const std::vector<const core::Citation*>& citations, bool killed) {
  std::vector<std::string> stated;
  for (const auto* c : citations) stated.push_back(killed ? c->killed_as_stated : c->wounded_as_stated);
  return casualty_text(killed ? inc.killed : inc.wounded, stated, killed ? "killed" : "wounded");
}

std::string short_date(const core::Incident& inc) {
  std::string date = inc.date.start.to_display();
  if (inc.date.end && !(*inc.date.end == inc.date.start)) date += "\u2013" + inc.date.end->to_display();
  if (inc.date_basis == core::DateBasis::Reported) date = "reported " + date;
  return date;
}

std::string list_line(const core::Incident& inc) {
  const std::string date = short_date(inc);
  const std::string place = core::has_stated_place(inc.location_precision) ? inc.place : std::string(core::kPlaceNotStated);
  return date + " \u00b7 " + std::string(core::display_name(inc.type)) + " \u00b7 " + place;
}

std::vector<std::string> tooltip_lines(const core::Incident& inc) {
  std::vector<std::string> lines;
  lines.push_back(std::string(core::display_name(inc.type)));
  lines.push_back(place_text(inc));
  lines.push_back(date_text(inc));
  const std::string k = inc.killed >= 0 ? std::to_string(inc.killed) : "unknown";
  const std::string w = inc.wounded >= 0 ? std::to_string(inc.wounded) : "unknown";
  lines.push_back(k + " killed, " + w + " wounded" + (inc.casualties_disputed ? " (disputed)" : ""));
  return lines;
}

}  // namespace driftmap::ui
