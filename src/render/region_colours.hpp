// Colours of the article's region groups (map fill, legend swatch, chart bar): each group's own
// colour from regions.csv, with the map fill's opacity rising with the reported share. A group
// named by a statement without a number gets one fixed, marked strength (and an outline in SVG).
#pragma once
#include <algorithm>
#include <cstddef>

#include "core/bundle.hpp"
#include "render/style.hpp"

namespace driftmap::render {

inline Rgba region_colour(const core::Region& region) {
  return Rgba::hex(region.colour_rgb.value_or(0x707070));
}

// 0 % is faint, 60 % and more the strongest fill; always strong enough to read over the
// area-incident tint it is drawn on top of.
inline Rgba region_share_fill(const core::Region& region, double share_percent) {
  Rgba c = region_colour(region);
  c.a = static_cast<float>(0.3 + 0.55 * std::clamp(share_percent / 60.0, 0.0, 1.0));
  return c;
}

inline Rgba region_statement_fill(const core::Region& region) {
  Rgba c = region_colour(region);
  c.a = 0.6f;
  return c;
}

}  // namespace driftmap::render

#include <vector>

#include "core/article_figures.hpp"

namespace driftmap::render {

// The fill of a region group shown with figure f: by its share, or marked for a statement.
inline Rgba figure_fill(const core::Bundle& b, const core::WindowFigure& f) {
  const core::Region& region = b.regions[f.region];
  return f.is_statement() ? region_statement_fill(region) : region_share_fill(region, f.share->value);
}

// Per-admin1 override colours for the figures (alpha 0 = none); region_areas from
// core::region_areas. Empty when no figure applies.
inline std::vector<Rgba> figure_fills(const core::Bundle& b, const std::vector<core::WindowFigure>& figs,
                                      const std::vector<std::vector<size_t>>& region_areas, size_t admin1_count) {
  std::vector<Rgba> out;
  if (figs.empty()) return out;
  out.assign(admin1_count, Rgba{0, 0, 0, 0});
  for (const core::WindowFigure& f : figs)
    for (size_t a : region_areas[f.region])
      if (out[a].a == 0) out[a] = figure_fill(b, f);  // best overlap first: it wins a shared area
  return out;
}

}  // namespace driftmap::render
