// Outlines of constant pixel width at any zoom: segments uploaded once, expanded to quads in
// the vertex shader (see shaders/line.vert).
#pragma once
#include <vector>

#include "core/camera.hpp"
#include "render/boundary_mesh.hpp"
#include "render/gl_objects.hpp"
#include "render/style.hpp"

namespace driftmap::render {

class LineLayer {
 public:
  explicit LineLayer(const std::vector<Segment>& segments);
  // width_px in logical pixels; multiplied by the camera's pixel ratio.
  void draw(const core::Camera& cam, Rgba colour, float width_px);
  size_t segment_count() const { return size_t(count_); }

 private:
  Program program_;
  VertexArray vao_;
  Buffer vbo_;
  GLsizei count_ = 0;
  GLint u_world_to_clip_, u_viewport_px_, u_half_width_px_, u_colour_, u_coverage_;
};

}  // namespace driftmap::render
