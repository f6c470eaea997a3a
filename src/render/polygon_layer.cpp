// Polygon fill layer: two indexed meshes and two texture buffers of per-area values.
#include "render/polygon_layer.hpp"

#include <algorithm>
#include <vector>

namespace driftmap::render {

PolygonLayer::FillProgram::FillProgram(const char* frag) : program(make_program("fill.vert", frag)) {
  const GLuint p = program.id();
  u_world_to_clip = glGetUniformLocation(p, "u_world_to_clip");
  u_base = glGetUniformLocation(p, "u_base");
  u_highlight = glGetUniformLocation(p, "u_highlight");
  u_override = glGetUniformLocation(p, "u_override");
  u_highlighted = glGetUniformLocation(p, "u_highlighted");
  u_highlight_country = glGetUniformLocation(p, "u_highlight_country");
  u_hatch_px = glGetUniformLocation(p, "u_hatch_px");
  u_type_colour = glGetUniformLocation(p, "u_type_colour");
}

PolygonLayer::PolygonLayer(const BoundaryMesh& mesh)
    : flat_("fill.frag"), hatched_("fill_hatched.frag"), n0_(mesh.admin0_count), n1_(mesh.admin1_count) {
  admin0_ = upload(mesh.admin0_vertices, mesh.admin0_indices);
  admin1_ = upload(mesh.admin1_vertices, mesh.admin1_indices);
  runs0_ = area_runs(mesh.admin0_vertices, mesh.admin0_indices);
  runs1_ = area_runs(mesh.admin1_vertices, mesh.admin1_indices);
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

// build_boundary_mesh() appends each area's triangles in one piece, so the runs are few (one per
// area and part); a mesh from elsewhere just yields more, shorter runs.
std::vector<PolygonLayer::Run> PolygonLayer::area_runs(const std::vector<FillVertex>& v,
                                                       const std::vector<uint32_t>& idx) {
  std::vector<Run> runs;
  for (uint32_t t = 0; t + 3 <= idx.size(); t += 3) {
    const FillVertex& a = v[idx[t]];
    if (!runs.empty() && runs.back().area_id == a.area_id && runs.back().parent_id == a.parent_id &&
        runs.back().first + runs.back().count == t)
      runs.back().count += 3;
    else
      runs.push_back({a.area_id, a.parent_id, t, 3});
  }
  return runs;
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

// A byte per area: 0 none, the event types' bits (0..6) when known, else 255 (highlighted, types
// not given: the hatch takes the highlight colour).
void PolygonLayer::set_highlighted(std::span<const uint32_t> admin0_counts, std::span<const uint32_t> admin1_counts,
                                   std::span<const uint8_t> admin0_types, std::span<const uint8_t> admin1_types) {
  std::vector<uint8_t> px(size_t(n0_) + n1_, 0);
  auto flag = [](std::span<const uint32_t> counts, std::span<const uint8_t> types, size_t i) -> uint8_t {
    if (!counts[i]) return 0;
    return i < types.size() && types[i] != 0 && types[i] < 128 ? types[i] : 255;
  };
  for (size_t i = 0; i < std::min<size_t>(admin0_counts.size(), n0_); ++i) px[i] = flag(admin0_counts, admin0_types, i);
  for (size_t i = 0; i < std::min<size_t>(admin1_counts.size(), n1_); ++i)
    px[n0_ + i] = flag(admin1_counts, admin1_types, i);
  auto lit = [&](uint32_t id) { return id < px.size() && px[id] != 0; };
  any_highlighted_ = false;
  for (auto [runs, out] : {std::pair{&runs0_, &highlighted0_}, std::pair{&runs1_, &highlighted1_}}) {
    out->counts.clear();
    out->offsets.clear();
    for (const Run& r : *runs)
      if (lit(r.area_id) || lit(r.parent_id)) {
        out->counts.push_back(GLsizei(r.count));
        out->offsets.push_back(reinterpret_cast<const void*>(size_t(r.first) * sizeof(uint32_t)));
      }
    any_highlighted_ |= !out->counts.empty();
  }
  if (px.empty()) return;
  glBindBuffer(GL_TEXTURE_BUFFER, highlight_buf_.id());
  glBufferSubData(GL_TEXTURE_BUFFER, 0, GLsizeiptr(px.size()), px.data());
}

PolygonLayer::FillProgram& PolygonLayer::bind_program(bool hatched, const core::Camera& cam, const Style& style,
                                                      bool highlights) {
  FillProgram& prog = hatched ? hatched_ : flat_;
  glUseProgram(prog.program.id());
  const auto m = cam.world_to_clip();
  glUniformMatrix3fv(prog.u_world_to_clip, 1, GL_FALSE, m.data());
  glUniform4f(prog.u_highlight, style.area_highlight.r, style.area_highlight.g, style.area_highlight.b,
              highlights ? style.area_highlight.a : 0.f);
  const Rgba& hc = style.area_highlight_country;
  glUniform4f(prog.u_highlight_country, hc.r, hc.g, hc.b, highlights ? hc.a : 0.f);
  glUniform1f(prog.u_hatch_px, style.area_highlight_hatch_px * float(cam.pixel_ratio()));
  if (prog.u_type_colour >= 0) {
    float colours[3 * core::kEventTypeCount];
    for (int t = 0; t < core::kEventTypeCount; ++t) {
      const Rgba c = style.colour(static_cast<core::EventType>(t));
      colours[3 * t] = c.r, colours[3 * t + 1] = c.g, colours[3 * t + 2] = c.b;
    }
    glUniform3fv(prog.u_type_colour, core::kEventTypeCount, colours);
  }
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_BUFFER, override_tex_.id());
  glUniform1i(prog.u_override, 0);
  glActiveTexture(GL_TEXTURE1);
  glBindTexture(GL_TEXTURE_BUFFER, highlight_tex_.id());
  glUniform1i(prog.u_highlighted, 1);
  glActiveTexture(GL_TEXTURE0);
  return prog;
}

void PolygonLayer::draw(const core::Camera& cam, const Style& style, bool highlights) {
  FillProgram& prog = bind_program(false, cam, style, highlights);
  auto draw_part = [&](const Part& part, const Rgba& base) {
    if (!part.index_count) return;
    glUniform4f(prog.u_base, base.r, base.g, base.b, base.a);
    glBindVertexArray(part.vao.id());
    glDrawElements(GL_TRIANGLES, part.index_count, GL_UNSIGNED_INT, nullptr);
  };
  draw_part(admin0_, style.land);
  draw_part(admin1_, style.land_region);
  glBindVertexArray(0);
  // Hatched province highlights: the flat pass drew them as solid highlights; stripes on top.
  if (highlights && any_highlighted_ && style.area_highlight_hatch_px > 0)
    draw_runs(bind_program(true, cam, style, true), style);
}

void PolygonLayer::draw_runs(FillProgram& prog, const Style& style) {
  auto draw_part = [&](const Part& part, const Highlighted& h, const Rgba& base) {
    if (h.counts.empty()) return;
    glUniform4f(prog.u_base, base.r, base.g, base.b, base.a);
    glBindVertexArray(part.vao.id());
    glMultiDrawElements(GL_TRIANGLES, h.counts.data(), GL_UNSIGNED_INT, h.offsets.data(), GLsizei(h.counts.size()));
  };
  draw_part(admin0_, highlighted0_, style.land);
  draw_part(admin1_, highlighted1_, style.land_region);
  glBindVertexArray(0);
}

bool PolygonLayer::draw_highlighted(const core::Camera& cam, const Style& style) {
  if (!any_highlighted_) return false;
  draw_runs(bind_program(style.area_highlight_hatch_px > 0, cam, style, true), style);
  return true;
}

}  // namespace driftmap::render
