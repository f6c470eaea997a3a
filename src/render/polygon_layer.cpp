// Polygon fill layer: two indexed meshes and two texture buffers of per-area values.
#include "render/polygon_layer.hpp"

#include <algorithm>
#include <vector>

namespace driftmap::render {

PolygonLayer::PolygonLayer(const BoundaryMesh& mesh)
    : program_(make_program("fill.vert", "fill.frag")), n0_(mesh.admin0_count), n1_(mesh.admin1_count) {
  admin0_ = upload(mesh.admin0_vertices, mesh.admin0_indices);
  admin1_ = upload(mesh.admin1_vertices, mesh.admin1_indices);
  const size_t n = std::max<size_t>(1, size_t(n0_) + n1_);
  auto make_tbo = [n](Buffer& buf, Texture& tex, GLenum format, size_t bytes_per_area) {
    buf = make_buffer();
    glBindBuffer(GL_TEXTURE_BUFFER, buf.id());
    std::vector<uint8_t> zeros(n * bytes_per_area, 0);
    glBufferData(GL_TEXTURE_BUFFER, GLsizeiptr(zeros.size()), zeros.data(), GL_DYNAMIC_DRAW);
    tex = make_texture();
    glBindTexture(GL_TEXTURE_BUFFER, tex.id());
    glTexBuffer(GL_TEXTURE_BUFFER, format, buf.id());
  };
  make_tbo(override_buf_, override_tex_, GL_RGBA8, 4);
  make_tbo(highlight_buf_, highlight_tex_, GL_R8, 1);
  const GLuint p = program_.id();
  u_world_to_clip_ = glGetUniformLocation(p, "u_world_to_clip");
  u_base_ = glGetUniformLocation(p, "u_base");
  u_highlight_ = glGetUniformLocation(p, "u_highlight");
  u_override_ = glGetUniformLocation(p, "u_override");
  u_highlighted_ = glGetUniformLocation(p, "u_highlighted");
}

PolygonLayer::Part PolygonLayer::upload(const std::vector<FillVertex>& v, const std::vector<uint32_t>& i) {
  Part part;
  part.vao = make_vertex_array();
  part.vbo = make_buffer();
  part.ibo = make_buffer();
  glBindVertexArray(part.vao.id());
  glBindBuffer(GL_ARRAY_BUFFER, part.vbo.id());
  glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(v.size() * sizeof(FillVertex)), v.data(), GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(FillVertex), reinterpret_cast<void*>(offsetof(FillVertex, x_m)));
  glEnableVertexAttribArray(1);
  glVertexAttribIPointer(1, 2, GL_UNSIGNED_INT, sizeof(FillVertex), reinterpret_cast<void*>(offsetof(FillVertex, area_id)));
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, part.ibo.id());
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(i.size() * sizeof(uint32_t)), i.data(), GL_STATIC_DRAW);
  part.index_count = GLsizei(i.size());
  glBindVertexArray(0);
  return part;
}

void PolygonLayer::set_overrides(std::span<const Rgba> admin0, std::span<const Rgba> admin1) {
  std::vector<uint8_t> px((size_t(n0_) + n1_) * 4, 0);
  auto put = [&](std::span<const Rgba> src, size_t offset, size_t limit) {
    for (size_t i = 0; i < std::min(src.size(), limit); ++i) {
      const auto b = src[i].to_bytes();
      std::copy(b.begin(), b.end(), px.begin() + long((offset + i) * 4));
    }
  };
  put(admin0, 0, n0_);
  put(admin1, n0_, n1_);
  if (px.empty()) return;
  glBindBuffer(GL_TEXTURE_BUFFER, override_buf_.id());
  glBufferSubData(GL_TEXTURE_BUFFER, 0, GLsizeiptr(px.size()), px.data());
}

void PolygonLayer::set_highlighted(std::span<const uint32_t> admin0_counts, std::span<const uint32_t> admin1_counts) {
  std::vector<uint8_t> px(size_t(n0_) + n1_, 0);
  for (size_t i = 0; i < std::min<size_t>(admin0_counts.size(), n0_); ++i) px[i] = admin0_counts[i] ? 255 : 0;
  for (size_t i = 0; i < std::min<size_t>(admin1_counts.size(), n1_); ++i) px[n0_ + i] = admin1_counts[i] ? 255 : 0;
  if (px.empty()) return;
  glBindBuffer(GL_TEXTURE_BUFFER, highlight_buf_.id());
  glBufferSubData(GL_TEXTURE_BUFFER, 0, GLsizeiptr(px.size()), px.data());
}

void PolygonLayer::draw(const core::Camera& cam, const Style& style) {
  glUseProgram(program_.id());
  const auto m = cam.world_to_clip();
  glUniformMatrix3fv(u_world_to_clip_, 1, GL_FALSE, m.data());
  glUniform4f(u_highlight_, style.area_highlight.r, style.area_highlight.g, style.area_highlight.b, style.area_highlight.a);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_BUFFER, override_tex_.id());
  glUniform1i(u_override_, 0);
  glActiveTexture(GL_TEXTURE1);
  glBindTexture(GL_TEXTURE_BUFFER, highlight_tex_.id());
  glUniform1i(u_highlighted_, 1);
  glActiveTexture(GL_TEXTURE0);
  auto draw_part = [&](const Part& part, const Rgba& base) {
    if (!part.index_count) return;
    glUniform4f(u_base_, base.r, base.g, base.b, base.a);
    glBindVertexArray(part.vao.id());
    glDrawElements(GL_TRIANGLES, part.index_count, GL_UNSIGNED_INT, nullptr);
  };
  draw_part(admin0_, style.land);
  draw_part(admin1_, style.land_region);
  glBindVertexArray(0);
}

}  // namespace driftmap::render
