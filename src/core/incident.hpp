// The vocabulary of an incident: event types, location precision, and a row-shaped Incident
// used for building datasets and for showing details (the Dataset itself stores columns).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/partial_date.hpp"

namespace driftmap::core {

enum class EventType : uint8_t {
  Attack = 0,
  CrossBorderAttack,
  ExternalPlot,
  CounterOperation,
  LeaderKilledOrCaptured,
  Territorial,
  Other,
};
inline constexpr int kEventTypeCount = 7;
std::string_view to_string(EventType);                 // "cross_border_attack"
std::string_view display_name(EventType);              // "Cross-border attack"
std::optional<EventType> parse_event_type(std::string_view);  // exact schema names only

// None: no document states where the incident happened. Such a row has no coordinates; it is
// listed and counted ("place not stated") but never drawn as a point or an area.
enum class LocationPrecision : uint8_t { Site = 0, City, District, Province, Country, None };
inline constexpr int kLocationPrecisionCount = 6;
std::string_view to_string(LocationPrecision);
std::optional<LocationPrecision> parse_location_precision(std::string_view);
// Site/city/district incidents are drawn as points; province/country ones as areas.
inline bool is_area_precision(LocationPrecision p) {
  return p == LocationPrecision::Province || p == LocationPrecision::Country;
}
inline bool is_point_precision(LocationPrecision p) {
  return p == LocationPrecision::Site || p == LocationPrecision::City || p == LocationPrecision::District;
}
inline bool has_stated_place(LocationPrecision p) { return p != LocationPrecision::None; }
// Shown wherever a row's place would be when no document states one.
inline constexpr std::string_view kPlaceNotStated = "place not stated";

// What the date is. Event: the incident's own date. Reported: the date of a report of the
// incident (a headline's publication date); the incident happened on or before it.
enum class DateBasis : uint8_t { Event = 0, Reported };
std::string_view to_string(DateBasis);                    // "event", "reported"
std::optional<DateBasis> parse_date_basis(std::string_view);  // empty = event

inline constexpr int32_t kUnknownCount = -1;

struct Incident {
  std::string id;
  DateSpan date;
  DateBasis date_basis = DateBasis::Event;
  EventType type = EventType::Other;
  std::string place;
  std::string admin1;
  std::string country;  // ISO 3166-1 alpha-3
  LocationPrecision location_precision = LocationPrecision::City;
  double lat_deg = 0;
  double lon_deg = 0;
  int32_t killed = kUnknownCount;
  int32_t wounded = kUnknownCount;
  bool casualties_disputed = false;
  std::string summary;
  std::string sources;  // ';'-separated source ids
  int64_t source_line = 0;  // line/feature in the file it came from
};

}  // namespace driftmap::core
