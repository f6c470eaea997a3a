// Point layer: instance buffers and the range draw.
#include "render/point_layer.hpp"

#include <algorithm>
#include <thread>
#include <vector>

namespace driftmap::render {

namespace {
struct PointInstance {
  float x_m, y_m;
  int32_t start_day, end_day;
  int32_t killed;
  uint8_t type, ring, kind, unused;
};
static_assert(sizeof(PointInstance) == 24);
}  // namespace

PointLayer::PointLayer() : program_(make_program("point.vert", "point.frag")) {
  for (Instances* inst : {&sorted_, &long_}) {
    inst->vao = make_vertex_array();
    inst->attrs = make_buffer();
    inst->visible = make_buffer();
  }
  const GLuint p = program_.id();
  u_world_to_clip_ = glGetUniformLocation(p, "u_world_to_clip");
  u_viewport_px_ = glGetUniformLocation(p, "u_viewport_px");
  u_window_ = glGetUniformLocation(p, "u_window");
  u_type_mask_ = glGetUniformLocation(p, "u_type_mask");
  u_killed_min_ = glGetUniformLocation(p, "u_killed_min");
  u_radius_px_ = glGetUniformLocation(p, "u_radius_px");
  u_colours_ = glGetUniformLocation(p, "u_colours");
  u_edge_colour_ = glGetUniformLocation(p, "u_edge_colour");
  u_edge_px_ = glGetUniformLocation(p, "u_edge_px");
  u_ring_px_ = glGetUniformLocation(p, "u_ring_px");
  u_dense_px_ = glGetUniformLocation(p, "u_dense_px");
}

void PointLayer::set_dataset(const core::Dataset* d, const core::Projection& proj) {
  dataset_ = d;
  xy_m_.clear();
  xy_m_.shrink_to_fit();
  std::vector<PointInstance> all;
  std::vector<PointInstance> longs;
  if (d) {
    const size_t n = d->size();
    xy_m_.resize(2 * n);
    all.resize(n);
    // Rows in contiguous chunks, one per core (ten million rows: PROJ alone takes 0.9 s on one),
    // each projected with its own clone of the projection.
    const unsigned threads = n < 100000 ? 1u : std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
    std::vector<core::Projection> clones;
    for (unsigned t = 1; t < threads; ++t) clones.push_back(proj.clone());
    auto chunk = [&](unsigned t) {
      const core::Projection& p = t == 0 ? proj : clones[t - 1];
      const size_t begin = n * t / threads, end = n * (t + 1) / threads;
      std::vector<double> xy(2 * (end - begin));
      for (size_t i = begin; i < end; ++i) {
        xy[2 * (i - begin)] = d->lon_deg()[i];
        xy[2 * (i - begin) + 1] = d->lat_deg()[i];
      }
      p.forward_inplace(xy.data(), end - begin);
      for (size_t i = begin; i < end; ++i) {
        const float x = float(xy[2 * (i - begin)]), y = float(xy[2 * (i - begin) + 1]);
        xy_m_[2 * i] = x;
        xy_m_[2 * i + 1] = y;
        // A report's date is a bound, not the event's day: hollow like a month-precise date.
        const bool ring = d->start_precision(i) != core::DatePrecision::Day || d->date_reported(i);
        const core::LocationPrecision lp = d->location_precision()[i];
        const uint8_t kind = core::is_point_precision(lp) ? 0 : core::is_area_precision(lp) ? 1 : 2;
        all[i] = {x, y, d->start_day()[i], d->end_day()[i], d->killed()[i], uint8_t(d->type()[i]), uint8_t(ring),
                  kind, 0};
      }
    };
    std::vector<std::thread> workers;
    for (unsigned t = 1; t < threads; ++t) workers.emplace_back(chunk, t);
    chunk(0);
    for (auto& w : workers) w.join();
    for (uint32_t r : d->long_rows()) longs.push_back(all[r]);
  }
  for (auto [inst, data] : {std::pair{&sorted_, &all}, std::pair{&long_, &longs}}) {
    glBindBuffer(GL_ARRAY_BUFFER, inst->attrs.id());
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(data->size() * sizeof(PointInstance)), data->data(), GL_STATIC_DRAW);
    inst->count = uint32_t(data->size());
  }
  set_visibility({});
}

void PointLayer::set_visibility(std::span<const uint8_t> visible) {
  const size_t n = dataset_ ? dataset_->size() : 0;
  std::vector<uint8_t> all(n, 1);
  if (!visible.empty())
    for (size_t i = 0; i < std::min(n, visible.size()); ++i) all[i] = visible[i] ? 1 : 0;
  std::vector<uint8_t> longs;
  if (dataset_)
    for (uint32_t r : dataset_->long_rows()) longs.push_back(all[r]);
  glBindBuffer(GL_ARRAY_BUFFER, sorted_.visible.id());
  glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(all.size()), all.data(), GL_DYNAMIC_DRAW);
  glBindBuffer(GL_ARRAY_BUFFER, long_.visible.id());
  glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(longs.size()), longs.data(), GL_DYNAMIC_DRAW);
}

namespace {
// Long rows are sorted by row, hence by start day: the ones up to the cutoff are a prefix.
uint32_t long_prefix(const core::Dataset& d, const core::WindowRange& range) {
  const auto longs = d.long_rows();
  const auto starts = d.start_day();
  return uint32_t(std::partition_point(longs.begin(), longs.end(),
                                       [&](uint32_t r) { return starts[r] <= range.long_cutoff_day; }) -
                  longs.begin());
}
}  // namespace

size_t PointLayer::candidate_count(core::DayInterval window) const {
  if (!dataset_ || dataset_->empty() || window.end_day <= window.start_day) return 0;
  const core::WindowRange range = dataset_->window(window);
  return size_t(long_prefix(*dataset_, range)) + (range.last - range.first);
}

// GL 3.3 has no base instance: the attribute pointers start at row `first` instead.
void PointLayer::point_attributes(Instances& inst, uint32_t first) {
  glBindVertexArray(inst.vao.id());
  glBindBuffer(GL_ARRAY_BUFFER, inst.attrs.id());
  const size_t base = size_t(first) * sizeof(PointInstance);
  auto at = [base](size_t off) { return reinterpret_cast<void*>(base + off); };
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(PointInstance), at(offsetof(PointInstance, x_m)));
  glEnableVertexAttribArray(1);
  glVertexAttribIPointer(1, 2, GL_INT, sizeof(PointInstance), at(offsetof(PointInstance, start_day)));
  glEnableVertexAttribArray(2);
  glVertexAttribIPointer(2, 1, GL_INT, sizeof(PointInstance), at(offsetof(PointInstance, killed)));
  glEnableVertexAttribArray(3);
  glVertexAttribIPointer(3, 4, GL_UNSIGNED_BYTE, sizeof(PointInstance), at(offsetof(PointInstance, type)));
  glBindBuffer(GL_ARRAY_BUFFER, inst.visible.id());
  glEnableVertexAttribArray(4);
  glVertexAttribIPointer(4, 1, GL_UNSIGNED_BYTE, 1, reinterpret_cast<void*>(size_t(first)));
  for (GLuint a = 0; a <= 4; ++a) glVertexAttribDivisor(a, 1);
}

void PointLayer::draw(const core::Camera& cam, const Style& style, core::DayInterval window, uint32_t type_mask,
                      int32_t killed_min) {
  if (!dataset_ || dataset_->empty() || window.end_day <= window.start_day) return;
  const core::WindowRange range = dataset_->window(window);
  const uint32_t long_count = long_prefix(*dataset_, range);

  glUseProgram(program_.id());
  const auto m = cam.world_to_clip();
  const float ratio = float(cam.pixel_ratio());
  glUniformMatrix3fv(u_world_to_clip_, 1, GL_FALSE, m.data());
  glUniform2f(u_viewport_px_, float(cam.viewport_w_px()), float(cam.viewport_h_px()));
  glUniform2i(u_window_, window.start_day, window.end_day);
  glUniform1ui(u_type_mask_, type_mask);
  glUniform1i(u_killed_min_, killed_min);
  glUniform3f(u_radius_px_, style.point_min_radius_px * ratio, style.point_radius_per_sqrt_killed_px * ratio,
              style.point_max_radius_px * ratio);
  float colours[core::kEventTypeCount * 4];
  for (int t = 0; t < core::kEventTypeCount; ++t) {
    const Rgba c = style.event_colour[size_t(t)];
    colours[4 * t] = c.r, colours[4 * t + 1] = c.g, colours[4 * t + 2] = c.b, colours[4 * t + 3] = c.a;
  }
  glUniform4fv(u_colours_, core::kEventTypeCount, colours);
  glUniform4f(u_edge_colour_, style.point_edge.r, style.point_edge.g, style.point_edge.b, style.point_edge.a);
  glUniform1f(u_edge_px_, style.point_edge_px * ratio);
  glUniform1f(u_ring_px_, style.ring_width_px * ratio);
  // Level of detail (ten million rows at slider speed): when the window holds more candidate points than one per 32 screen
  // pixels, discs would overdraw each other many times and cost seconds per frame on software
  // GL. Each point is then one vertex (GL_POINTS) drawn as a small translucent dot instead of a
  // 4-vertex quad of ~100 fragments; overlaps still show density. The dots are drawn as plain
  // (non-instanced) vertices: llvmpipe pays a fixed cost per instance that dominates otherwise.
  const double candidates = double(long_count) + double(range.last - range.first);
  const bool dense = candidates * 32.0 > double(cam.viewport_w_px()) * double(cam.viewport_h_px());
  glUniform1f(u_dense_px_, dense ? std::max(1.0f, ratio) : 0.0f);
  if (dense) glEnable(GL_PROGRAM_POINT_SIZE);
  auto draw_rows = [&](Instances& inst, uint32_t first, uint32_t count) {
    point_attributes(inst, first);
    if (dense) {
      for (GLuint a = 0; a <= 4; ++a) glVertexAttribDivisor(a, 0);
      glDrawArrays(GL_POINTS, 0, GLsizei(count));
    } else {
      glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, GLsizei(count));
    }
  };
  if (long_count > 0) draw_rows(long_, 0, long_count);
  if (range.last > range.first) draw_rows(sorted_, range.first, range.last - range.first);
  if (dense) glDisable(GL_PROGRAM_POINT_SIZE);
  glBindVertexArray(0);
}

}  // namespace driftmap::render
