// Incidents as a density grid: when a window holds far more points than a software
// rasteriser can draw in a frame, the visible points are counted on the CPU into screen cells of
// a few pixels and the counts drawn as one texture with a colour ramp on a log scale. The cost
// is O(points in the window) with a small constant and independent of how they overlap; the
// GPU sees one full-screen triangle.
//
// Binning uses exactly the point layer's test: window overlap, core::IncidentFilter (type mask,
// minimum killed, the visibility byte), point (not area) precision, and the position inside the
// viewport.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "core/camera.hpp"
#include "core/dataset.hpp"
#include "core/incident_filter.hpp"
#include "render/gl_objects.hpp"
#include "render/style.hpp"

namespace driftmap::render {

// Which rows count (the same filters as PointLayer::draw and MapRenderer's DrawParams).
struct DensityFilter {
  core::DayInterval window;
  uint32_t type_mask = core::kAllEventTypes;
  int32_t killed_min = 0;
  std::span<const uint8_t> visible;  // one byte per row, non-zero = shown; empty = all
  // The window aside, the rows core::IncidentFilter lets through.
  core::IncidentFilter incident_filter() const {
    return {.type_mask = type_mask, .killed_min = killed_min, .visible = visible};
  }
};

// Counts per screen cell. Cell (0, 0) is at the bottom-left of the viewport (GL window
// coordinates); the cell of framebuffer pixel (x, y from the bottom) is (x / cell_px, y / cell_px).
struct DensityGrid {
  int cols = 0, rows = 0;
  int cell_px = 1;
  std::vector<uint32_t> counts;  // rows * cols, row-major from the bottom
  uint32_t max_count = 0;
  uint64_t total = 0;  // points counted (inside the viewport)
  uint32_t at(int col, int row) const { return counts[size_t(row) * size_t(cols) + size_t(col)]; }
};

// Bins the rows of d that pass filter into grid (resized to the camera's viewport), using
// xy_m (projected x, y per row, interleaved: PointLayer::projected_xy()). Splits the rows over
// up to `threads` threads, each with its own grid, summed at the end.
void bin_points(const core::Dataset& d, std::span<const float> xy_m, const core::Camera& cam,
                const DensityFilter& filter, int cell_px, DensityGrid& grid, unsigned threads = 2);

class DensityLayer {
 public:
  DensityLayer();
  // Recounts (see bin_points), colours the cells with style's ramp and uploads them.
  void update(const core::Dataset& d, std::span<const float> xy_m, const core::Camera& cam,
              const DensityFilter& filter, int cell_px, const Style& style);
  // Draws the last grid over the bound framebuffer (viewport = the camera's). Leaves blending
  // enabled with glBlendFunc(ONE, ONE_MINUS_SRC_ALPHA) (the texture is premultiplied).
  void draw();
  const DensityGrid& grid() const { return grid_; }

 private:
  void colour_cells(const Style& style);
  void cover_tiles(int viewport_w_px, int viewport_h_px);

  Program program_;
  VertexArray vao_;
  Buffer vbo_;  // rectangles over the tiles that hold points (framebuffer pixels)
  std::vector<float> quads_;
  int viewport_w_px_ = 0, viewport_h_px_ = 0;
  Texture texture_;
  int tex_cols_ = 0, tex_rows_ = 0;
  DensityGrid grid_;
  std::vector<uint32_t> rgba_, lut_;  // premultiplied RGBA8 per cell; colour per small count
  GLint u_layer_, u_cell_px_, u_viewport_px_;
};

}  // namespace driftmap::render
