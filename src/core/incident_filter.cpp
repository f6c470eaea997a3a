// Country and text tests of the incident filter; see incident_filter.hpp.
#include "core/incident_filter.hpp"

#include "core/text.hpp"

namespace driftmap::core {

namespace {
bool contains_folded(std::string_view haystack, const std::string& needle_lower) {
  if (needle_lower.empty()) return true;
  return to_lower_ascii(haystack).find(needle_lower) != std::string::npos;
}
}  // namespace

bool IncidentFilter::passes_country_and_text(const Dataset& d, size_t row) const {
  if (!country.empty() && d.country(row) != country) return false;
  if (text.empty()) return true;
  const bool placed = has_stated_place(d.location_precision()[row]);
  return contains_folded(placed ? d.place(row) : kPlaceNotStated, text) || contains_folded(d.summary(row), text) ||
         contains_folded(d.admin1(row), text);
}

std::string search_text(std::string_view typed) { return to_lower_ascii(trim(typed)); }

std::vector<uint8_t> row_lookup_mask(const IncidentFilter& f, const Dataset& d) {
  std::vector<uint8_t> mask(d.size());
  for (size_t i = 0; i < d.size(); ++i) mask[i] = f.passes_country_and_text(d, i) ? 1 : 0;
  return mask;
}

}  // namespace driftmap::core
