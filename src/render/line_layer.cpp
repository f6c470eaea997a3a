// Instanced segment quads.
#include "render/line_layer.hpp"

#include <algorithm>

#include "core/geometry.hpp"

namespace driftmap::render {

namespace {

// Douglas–Peucker on an open run of points (first and last kept; a closed ring, first == last,
// works too: distances are then to the first point). Appends the kept points' segments.
void simplify_chain(const std::vector<Segment>& chain, double tol_m, std::vector<Segment>& out) {
  std::vector<core::Vec2> pts;
  pts.reserve(chain.size() + 1);
  pts.push_back({chain.front().x0_m, chain.front().y0_m});
  for (const Segment& s : chain) pts.push_back({s.x1_m, s.y1_m});
  std::vector<char> keep(pts.size(), 0);
  keep.front() = keep.back() = 1;
  core::douglas_peucker(pts, 0, pts.size() - 1, tol_m * tol_m, keep);
  size_t prev = 0;
  for (size_t i = 1; i < pts.size(); ++i)
    if (keep[i]) {
      out.push_back({float(pts[prev].x), float(pts[prev].y), float(pts[i].x), float(pts[i].y)});
      prev = i;
    }
}

// The segments as chains (runs where each segment starts where the previous one ended),
// each simplified with tolerance tol_m.
std::vector<Segment> simplify_segments(const std::vector<Segment>& segments, double tol_m) {
  std::vector<Segment> out, chain;
  for (size_t i = 0; i < segments.size(); ++i) {
    const Segment& s = segments[i];
    if (!chain.empty() && (chain.back().x1_m != s.x0_m || chain.back().y1_m != s.y0_m)) {
      simplify_chain(chain, tol_m, out);
      chain.clear();
    }
    chain.push_back(s);
  }
  if (!chain.empty()) simplify_chain(chain, tol_m, out);
  return out;
}

}  // namespace

LineLayer::LineLayer(const std::vector<Segment>& segments, bool levels_of_detail)
    : program_(make_program("line.vert", "line.frag")) {
  std::vector<Segment> all = segments;
  levels_.push_back({0, 0, GLsizei(segments.size())});
  double tol = kLodBaseTolerance_m;
  for (int k = 0; k < kLodLevels && levels_of_detail && !segments.empty(); ++k, tol *= 2) {
    std::vector<Segment> coarse = simplify_segments(segments, tol);
    // Not worth a level if it barely saves anything over the previous one.
    if (double(coarse.size()) > 0.85 * double(levels_.back().count)) continue;
    levels_.push_back({tol, GLint(all.size()), GLsizei(coarse.size())});
    all.insert(all.end(), coarse.begin(), coarse.end());
  }
  vao_ = make_vertex_array();
  vbo_ = make_buffer();
  glBindVertexArray(vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, vbo_.id());
  glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(all.size() * sizeof(Segment)), all.data(), GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribDivisor(0, 1);
  glBindVertexArray(0);
  const GLuint p = program_.id();
  u_world_to_clip_ = glGetUniformLocation(p, "u_world_to_clip");
  u_viewport_px_ = glGetUniformLocation(p, "u_viewport_px");
  u_half_width_px_ = glGetUniformLocation(p, "u_half_width_px");
  u_colour_ = glGetUniformLocation(p, "u_colour");
  u_coverage_ = glGetUniformLocation(p, "u_coverage");
}

const LineLayer::Level* LineLayer::level_for(const core::Camera& cam) const {
  const Level* best = nullptr;
  for (const Level& l : levels_)
    if (l.tolerance_m <= 0.5 * cam.metres_per_px()) best = &l;  // levels_ is finest first
  return best;
}

size_t LineLayer::segments_drawn(const core::Camera& cam) const {
  const Level* l = level_for(cam);
  return l ? size_t(l->count) : 0;
}

void LineLayer::draw(const core::Camera& cam, Rgba colour, float width_px) {
  const Level* level = level_for(cam);
  if (!level || !level->count || width_px <= 0) return;
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
  // GL 3.3 has no base instance: the attribute pointer starts at the level's first segment.
  glBindBuffer(GL_ARRAY_BUFFER, vbo_.id());
  glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, sizeof(Segment),
                        reinterpret_cast<void*>(size_t(level->first) * sizeof(Segment)));
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, level->count);
  glBindVertexArray(0);
}

}  // namespace driftmap::render
