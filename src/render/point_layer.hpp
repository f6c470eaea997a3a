// Incidents as screen-space circles (instanced quads). Per-incident attributes are uploaded
// once per dataset; a time window is a uniform plus a draw range from Dataset::window(), the
// type filter and minimum toll are uniforms, and other filters are a visibility byte per row.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "core/area_index.hpp"
#include "core/camera.hpp"
#include "core/dataset.hpp"
#include "core/projection.hpp"
#include "render/gl_objects.hpp"
#include "render/style.hpp"

namespace driftmap::render {

class PointLayer {
 public:
  PointLayer();

  // Projects and uploads every row (area-precision rows are uploaded but never drawn, so that
  // row numbers stay draw ranges). Keeps a pointer to d for window ranges: d must outlive the
  // layer or the next set_dataset. nullptr clears.
  void set_dataset(const core::Dataset* d, const core::Projection& proj);
  // One byte per dataset row, non-zero = visible; empty = all visible.
  void set_visibility(std::span<const uint8_t> visible);

  // Projected position of every row (x, y in metres, interleaved), kept on the CPU for the
  // density layer: 8 B per row.
  std::span<const float> projected_xy() const { return xy_m_; }
  // Rows that the draw for window would send to the GPU (an upper bound on the points shown:
  // the window's sorted range plus the long rows before the cutoff). O(log n).
  size_t candidate_count(core::DayInterval window) const;

  // Draws rows overlapping window that pass the type mask and killed_min.
  void draw(const core::Camera& cam, const Style& style, core::DayInterval window, uint32_t type_mask,
            int32_t killed_min);

 private:
  struct Instances {
    VertexArray vao;
    Buffer attrs, visible;
    uint32_t count = 0;
  };
  void fill(Instances& inst, std::span<const uint32_t> rows, const void* attrs, size_t stride);
  void point_attributes(Instances& inst, uint32_t first);

  Program program_;
  const core::Dataset* dataset_ = nullptr;
  std::vector<float> xy_m_;
  Instances sorted_, long_;  // all rows in row order; copies of the long-interval rows
  GLint u_world_to_clip_, u_viewport_px_, u_window_, u_type_mask_, u_killed_min_, u_radius_px_, u_colours_,
      u_edge_colour_, u_edge_px_, u_ring_px_, u_dense_px_;
};

}  // namespace driftmap::render
