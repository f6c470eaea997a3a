#include "core/incident.hpp"

namespace driftmap::core {

namespace {
constexpr std::string_view kTypeNames[kEventTypeCount] = {
    "attack", "cross_border_attack", "external_plot", "counter_operation",
    "leader_killed_or_captured", "territorial", "other"};
constexpr std::string_view kTypeDisplay[kEventTypeCount] = {
    "Attack", "Cross-border attack", "External plot or arrest abroad", "Operation against the group",
    "Leader killed or captured", "Territorial presence", "Other"};
constexpr std::string_view kPrecisionNames[kLocationPrecisionCount] = {"site", "city", "district", "province",
                                                                        "country", "none"};
}  // namespace

std::string_view to_string(EventType t) { return kTypeNames[static_cast<int>(t)]; }
std::string_view display_name(EventType t) { return kTypeDisplay[static_cast<int>(t)]; }

std::optional<EventType> parse_event_type(std::string_view s) {
  for (int i = 0; i < kEventTypeCount; ++i)
    if (s == kTypeNames[i]) return static_cast<EventType>(i);
  return std::nullopt;
}

std::string_view to_string(LocationPrecision p) { return kPrecisionNames[static_cast<int>(p)]; }

std::optional<LocationPrecision> parse_location_precision(std::string_view s) {
  for (int i = 0; i < kLocationPrecisionCount; ++i)
    if (s == kPrecisionNames[i]) return static_cast<LocationPrecision>(i);
  return std::nullopt;
}

std::string_view to_string(DateBasis b) { return b == DateBasis::Reported ? "reported" : "event"; }

std::optional<DateBasis> parse_date_basis(std::string_view s) {
  if (s.empty() || s == "event") return DateBasis::Event;
  if (s == "reported") return DateBasis::Reported;
  return std::nullopt;
}

}  // namespace driftmap::core
