// Outlines of constant pixel width at any zoom: segments uploaded once, expanded to quads in
// the vertex shader (see shaders/line.vert).
#pragma once
#include <vector>

#include "core/camera.hpp"
#include "render/boundary_mesh.hpp"
#include "render/gl_objects.hpp"
#include "render/style.hpp"

namespace driftmap::render {

// Levels of detail: besides the segments as given, the layer keeps copies of the outlines
// simplified (Douglas–Peucker along each chain of joined segments) with tolerances of
// kLodBaseTolerance_m × 2^k (a level is kept only if it saves 15 % of the segments over the
// previous one), and draws the coarsest whose tolerance is at most half a pixel.
// A zoomed-out view then sends a fraction of the segments through the rasteriser (required for
// panning at interactive rates on software GL) and looks the same.
class LineLayer {
 public:
  static constexpr double kLodBaseTolerance_m = 250;
  static constexpr int kLodLevels = 8;  // at most, besides the original

  // levels_of_detail = false: only the segments as given (a fixed camera needs no coarser copies).
  explicit LineLayer(const std::vector<Segment>& segments, bool levels_of_detail = true);
  // width_px in logical pixels; multiplied by the camera's pixel ratio.
  void draw(const core::Camera& cam, Rgba colour, float width_px);
  size_t segment_count() const { return levels_.empty() ? 0 : size_t(levels_[0].count); }
  // Segments drawn at the camera's scale (the level of detail chosen for it).
  size_t segments_drawn(const core::Camera& cam) const;

 private:
  struct Level {
    double tolerance_m = 0;
    GLint first = 0;  // in segments, into the one buffer
    GLsizei count = 0;
  };
  const Level* level_for(const core::Camera& cam) const;

  Program program_;
  VertexArray vao_;
  Buffer vbo_;
  std::vector<Level> levels_;  // finest (the original) first
  GLint u_world_to_clip_, u_viewport_px_, u_half_width_px_, u_colour_, u_coverage_;
};

}  // namespace driftmap::render
