// The default frame of a map: where a window's incidents are, robust to far-away ones. The main
// cluster (found by density in kilometres, not by the lon/lat extent) fills the frame; incidents
// well outside it become outliers, shown as labelled markers or insets; country-level incidents
// outside the frame are listed rather than widening it over a continent. The projection suits
// the frame: an equal-area azimuthal one centred on a regional frame, Equal Earth when the frame
// truly spans continents. One framing serves an export, a whole animation and the viewer's fit.
//
//   std::vector<core::FramePoint> pts = ...;          // one per incident with a stated place
//   core::Framing f = core::frame_incidents(pts, {.aspect = 16.0 / 9.0});
//   core::Projection p = f.make_projection();
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/area_index.hpp"
#include "core/boundaries.hpp"
#include "core/dataset.hpp"
#include "core/incident.hpp"
#include "core/projection.hpp"

namespace driftmap::core {

struct FramePoint {
  double lon_deg = 0, lat_deg = 0;
  LocationPrecision precision = LocationPrecision::City;
  std::optional<GeoBox> area;  // province-level: the province's box (the frame covers it)
  std::string name;            // the place as the data names it ("Kerman", "Afghanistan")
  std::string country;         // ISO 3166-1 alpha-3
};

struct FramingOptions {
  double aspect = 16.0 / 9.0;  // width / height of the map frame; <= 0: no aspect adjustment
  // Cells of the density grid (degrees): incidents at one place count together, so a million
  // rows cost a pass, not a million-squared distance table.
  double cell_deg = 0.25;
};

// A group of incidents well outside the main frame: a marker or inset names it.
struct FrameOutlier {
  std::string name;          // "Krasnogorsk" or "Mangalore, Tamil Nadu" for a group
  double lon_deg = 0, lat_deg = 0;  // weighted centre of the group
  GeoBox box;                // the group's extent (with a small margin): an inset's locator box
  int count = 0;
};

// A country-level incident set outside the frame: listed, not painted.
struct FrameListed {
  std::string name;     // as the data names it
  std::string country;  // ISO code
  int count = 0;
};

enum class FrameProjection { LocalEqualArea, EqualEarth };

struct Framing {
  GeoBox frame;                // lon/lat box to show (margin and aspect included)
  FrameProjection projection = FrameProjection::LocalEqualArea;
  double centre_lon = 65, centre_lat = 34;  // projection centre (rounded for stable outputs)
  std::vector<FrameOutlier> outliers;       // nearest first
  std::vector<FrameListed> listed;          // most incidents first
  bool from_data = false;                   // false: no located incident, a fallback frame

  Projection make_projection() const;
  // The frame's box in the frame's projection (edges sampled), metres.
  std::pair<Vec2, Vec2> projected_frame(const Projection& p) const;
  // The same frame with only the outliers and listed countries these points reach (one window's
  // incidents, when the frame serves an animation's or a sheet's other periods too), counted anew.
  Framing reached_by(const std::vector<FramePoint>& points) const;
};

// Great-circle distance on the mean Earth sphere.
double distance_km(double lon1, double lat1, double lon2, double lat2);

// The frame for these incidents (any order). With none located, `fallback` framed as given.
Framing frame_incidents(const std::vector<FramePoint>& points, const FramingOptions& options = {},
                        const GeoBox& fallback = GeoBox{60, 23, 75, 38});

// The place a label or marker shows: the last part of a descriptive place ("Crocus City Hall,
// Krasnogorsk" → "Krasnogorsk"), without a parenthesis ("Takhar (launch site)" → "Takhar").
std::string short_place_name(std::string_view place);

// One FramePoint per incident overlapping `window` that passes the filter: province-level ones
// carry their province's box, country-level ones are named by their country (areas may be null).
std::vector<FramePoint> frame_points(const Dataset& d, DayInterval window, const IncidentFilter& filter,
                                     const Boundaries& b, const AreaIndex* areas);

// The thresholds, named so that tests and the docs can state them.
struct FramingRules {
  static constexpr double kLinkKm = 750;         // incidents this close join one cluster
  static constexpr double kClusterRadiusKm = 2500;  // a cluster reaches no farther from its core
  static constexpr double kAbsorbAreaFactor = 2.0;  // an outlier joins if the frame grows <= 2x
  static constexpr double kMinFrameKm = 400;     // the smallest frame side
  static constexpr double kMarginFraction = 0.08;   // air each side, of the larger side
  static constexpr double kWorldSpanKm = 7000;   // wider than this: Equal Earth
  static constexpr double kMajorityShare = 0.5;  // the cluster must hold more than this share
};

}  // namespace driftmap::core
