// Instanced segment quads.
#include "render/line_layer.hpp"

#include <algorithm>

namespace driftmap::render {

LineLayer::LineLayer(const std::vector<Segment>& segments) : program_(make_program("line.vert", "line.frag")) {
  vao_ = make_vertex_array();
  vbo_ = make_buffer();
  glBindVertexArray(vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, vbo_.id());
  glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(segments.size() * sizeof(Segment)), segments.data(), GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, sizeof(Segment), nullptr);
  glVertexAttribDivisor(0, 1);
  glBindVertexArray(0);
  count_ = GLsizei(segments.size());
  const GLuint p = program_.id();
  u_world_to_clip_ = glGetUniformLocation(p, "u_world_to_clip");
  u_viewport_px_ = glGetUniformLocation(p, "u_viewport_px");
  u_half_width_px_ = glGetUniformLocation(p, "u_half_width_px");
  u_colour_ = glGetUniformLocation(p, "u_colour");
  u_coverage_ = glGetUniformLocation(p, "u_coverage");
}

void LineLayer::draw(const core::Camera& cam, Rgba colour, float width_px) {
  if (!count_ || width_px <= 0) return;
  const float w = width_px * float(cam.pixel_ratio());
  glUseProgram(program_.id());
  const auto m = cam.world_to_clip();
  glUniformMatrix3fv(u_world_to_clip_, 1, GL_FALSE, m.data());
  glUniform2f(u_viewport_px_, float(cam.viewport_w_px()), float(cam.viewport_h_px()));
  // Lines thinner than a pixel are drawn one pixel wide with proportionally less opacity.
  glUniform1f(u_half_width_px_, std::max(w, 1.f) * 0.5f);
  glUniform1f(u_coverage_, std::min(w, 1.f));
  glUniform4f(u_colour_, colour.r, colour.g, colour.b, colour.a);
  glBindVertexArray(vao_.id());
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, count_);
  glBindVertexArray(0);
}

}  // namespace driftmap::render
