// The export's annotations, drawn on the CPU image after read-back: title (top left), legend
// (top right), count badges on highlighted areas, and the date-range and attribution lines
// (bottom left). Sizes scale with the image height so a 4K export looks like a 1080p one.
#pragma once
#include <string>
#include <vector>

#include "render/style.hpp"
#include "render/text_raster.hpp"

namespace driftmap::render {

struct Badge {
  float x_px, y_px;  // image pixels, top-left origin
  unsigned count;
};

struct Overlay {
  std::string title;           // empty = none
  std::string date_line;       // "1 Jan 2022 – 30 Jun 2023 · 412 incidents"
  std::string attribution = "Boundaries: Natural Earth. Places: GeoNames (CC BY 4.0).";
  bool legend = true;
  std::vector<Badge> badges;
};

// Draws every part; fonts come from `regular` and `bold` (bold may equal regular).
void draw_overlay(RgbaImage& img, const Overlay& overlay, const Style& style, TextRasterizer& regular,
                  TextRasterizer& bold);

}  // namespace driftmap::render
