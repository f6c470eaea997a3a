// Map colours and sizes. Two presets, light and dark; event types use the Okabe–Ito palette
// (distinguishable with the common colour-vision deficiencies).
#pragma once
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "core/incident.hpp"

namespace driftmap::render {

struct Rgba {
  float r = 0, g = 0, b = 0, a = 1;
  static constexpr Rgba hex(uint32_t rgb, float alpha = 1.f) {
    return {float((rgb >> 16) & 0xFF) / 255.f, float((rgb >> 8) & 0xFF) / 255.f, float(rgb & 0xFF) / 255.f, alpha};
  }
  // Each channel as 0..255 (rounded); for pixel tests and the CPU text overlay.
  std::array<uint8_t, 4> to_bytes() const;
};

// Straight-alpha "over": what a fill of `top` over opaque `bottom` looks like.
Rgba blend_over(Rgba bottom, Rgba top);

struct Style {
  Rgba background;       // sea / outside every country
  Rgba land;             // countries
  Rgba land_region;      // provinces of the region (admin1 layer)
  Rgba admin1_outline;
  Rgba country_outline;
  Rgba area_highlight;   // provinces/countries with area-precision incidents in the window (alpha = strength)
  // Countries with country-precision incidents. The presets make it area_highlight; the viewer
  // makes it a light tint, so that one country-level statement does not flood a whole country.
  Rgba area_highlight_country;
  // > 0: province highlights are diagonal stripes this many logical px apart, so that what is
  // under them (the CTC choropleth) stays readable; 0 = a solid fill (the presets).
  float area_highlight_hatch_px = 0;
  Rgba point_edge;       // thin edge around points so they stand out on any fill
  std::array<Rgba, core::kEventTypeCount> event_colour;
  Rgba text;
  Rgba text_panel;       // translucent box behind overlay text
  Rgba extent_box;       // a locator map's box around the main frame (reads on land and sea)
  Rgba badge_fill, badge_text;
  // Density grid (many points): colour stops from the fewest to the most points per cell, on a
  // log scale, evenly spaced; alpha included. Sequential and perceptually ordered.
  std::array<Rgba, 5> density_ramp;

  float admin1_outline_px = 0.8f;   // logical pixels (scaled by the pixel ratio)
  float country_outline_px = 1.6f;
  float point_min_radius_px = 3.0f;  // also the radius for unknown tolls
  float point_radius_per_sqrt_killed_px = 1.6f;
  float point_max_radius_px = 24.0f;
  float ring_width_px = 1.6f;        // month/year-precision incidents are drawn as rings
  float point_edge_px = 0.8f;

  static Style light();
  static Style dark();
  Rgba colour(core::EventType t) const { return event_colour[size_t(t)]; }
  // A point's radius for its toll (as shaders/point.vert draws it), in pixels at pixel_ratio.
  double point_radius_px(int32_t killed, double pixel_ratio) const {
    const double r = killed > 0 ? point_min_radius_px + point_radius_per_sqrt_killed_px * std::sqrt(double(killed))
                                : point_min_radius_px;
    return std::min<double>(r, point_max_radius_px) * pixel_ratio;
  }
};

// The density grid's colour for a cell whose count is the fraction t (0..1) of the way from 1 to
// the grid's largest count on a log scale, t = log(count) / log(max count): style.density_ramp
// interpolated, alpha included. The map and legends use it alike.
Rgba density_colour(const Style& style, float t);

}  // namespace driftmap::render
