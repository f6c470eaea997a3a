// Density layer: CPU binning over the window's rows, one integer texture, a ramp shader.
#include "render/density_layer.hpp"

#include <algorithm>
#include <cmath>
#include <thread>

#include "core/incident.hpp"

namespace driftmap::render {

namespace {

// Below this many candidate rows a second thread costs more than it saves.
constexpr size_t kRowsPerThread = 65536;

struct Binner {
  const core::Dataset& d;
  const int32_t* start;
  const int32_t* end;
  const core::LocationPrecision* loc;
  const float* xy;
  core::DayInterval w;
  core::IncidentFilter filter;
  float cx, cy, inv_mpp, half_w, half_h, w_px, h_px, inv_cell;
  int cols;

  void row(uint32_t i, uint32_t* counts) const {
    if (start[i] >= w.end_day || end[i] <= w.start_day) return;
    if (!core::is_point_precision(loc[i])) return;
    if (!filter.passes(d, i)) return;
    const float px = (xy[2 * i] - cx) * inv_mpp + half_w;
    const float py = (xy[2 * i + 1] - cy) * inv_mpp + half_h;
    // Negated comparisons so that NaN positions (unprojectable) fall out too.
    if (!(px >= 0.f && px < w_px && py >= 0.f && py < h_px)) return;
    ++counts[size_t(int(py * inv_cell)) * size_t(cols) + size_t(int(px * inv_cell))];
  }
};

}  // namespace

void bin_points(const core::Dataset& d, std::span<const float> xy_m, const core::Camera& cam,
                const DensityFilter& filter, int cell_px, DensityGrid& grid, unsigned threads) {
  cell_px = std::max(1, cell_px);
  grid.cell_px = cell_px;
  grid.cols = (cam.viewport_w_px() + cell_px - 1) / cell_px;
  grid.rows = (cam.viewport_h_px() + cell_px - 1) / cell_px;
  const size_t cells = size_t(grid.cols) * size_t(grid.rows);
  grid.counts.assign(cells, 0);
  grid.max_count = 0;
  grid.total = 0;
  if (d.empty() || xy_m.size() < 2 * d.size() || filter.window.end_day <= filter.window.start_day) return;

  core::IncidentFilter rows = filter.incident_filter();
  if (rows.visible.size() < d.size()) rows.visible = {};  // a mask of another dataset: every row
  const Binner b{d,
                 d.start_day().data(),
                 d.end_day().data(),
                 d.location_precision().data(),
                 xy_m.data(),
                 filter.window,
                 rows,
                 float(cam.centre_m().x),
                 float(cam.centre_m().y),
                 float(1.0 / cam.metres_per_px()),
                 float(0.5 * cam.viewport_w_px()),
                 float(0.5 * cam.viewport_h_px()),
                 float(cam.viewport_w_px()),
                 float(cam.viewport_h_px()),
                 1.f / float(cell_px),
                 grid.cols};
  const core::WindowRange range = d.window(filter.window);
  const auto longs = d.long_rows();
  const auto starts = d.start_day();
  const size_t n_range = range.last - range.first;
  const unsigned n_threads = unsigned(std::clamp<size_t>(n_range / kRowsPerThread, 1, std::max(1u, threads)));

  std::vector<std::vector<uint32_t>> extra(n_threads - 1, std::vector<uint32_t>(cells, 0));
  auto work = [&](unsigned t) {
    uint32_t* counts = t == 0 ? grid.counts.data() : extra[t - 1].data();
    const auto lo = uint32_t(range.first + n_range * t / n_threads);
    const auto hi = uint32_t(range.first + n_range * (t + 1) / n_threads);
    for (uint32_t i = lo; i < hi; ++i) b.row(i, counts);
    if (t == 0)
      for (uint32_t i : longs) {
        if (starts[i] > range.long_cutoff_day) break;
        b.row(i, counts);
      }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < n_threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& th : pool) th.join();

  uint32_t* out = grid.counts.data();
  for (const auto& e : extra)
    for (size_t c = 0; c < cells; ++c) out[c] += e[c];
  uint32_t mx = 0;
  uint64_t total = 0;
  for (size_t c = 0; c < cells; ++c) {
    mx = std::max(mx, out[c]);
    total += out[c];
  }
  grid.max_count = mx;
  grid.total = total;
}

DensityLayer::DensityLayer()
    : program_(make_program("screen_quads.vert", "composite.frag")),
      vao_(make_vertex_array()),
      vbo_(make_buffer()),
      texture_(make_texture()) {
  u_layer_ = glGetUniformLocation(program_.id(), "u_layer");
  u_cell_px_ = glGetUniformLocation(program_.id(), "u_cell_px");
  u_viewport_px_ = glGetUniformLocation(program_.id(), "u_viewport_px");
  glBindVertexArray(vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, vbo_.id());
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
  glBindVertexArray(0);
}

// The screen is covered in tiles of kTileCells² cells; only tiles holding a point are drawn
// (runs of them along a row as one rectangle), so empty sea and desert cost nothing. A 4K
// frame is 8 M pixels: a full-screen pass is tens of milliseconds on a software rasteriser.
void DensityLayer::cover_tiles(int viewport_w_px, int viewport_h_px) {
  constexpr int kTileCells = 16;
  const int cols = grid_.cols, rows = grid_.rows, cell = grid_.cell_px;
  const int tiles_x = (cols + kTileCells - 1) / kTileCells, tiles_y = (rows + kTileCells - 1) / kTileCells;
  std::vector<uint8_t> used(size_t(tiles_x) * size_t(tiles_y), 0);
  for (int r = 0; r < rows; ++r) {
    const uint32_t* row = grid_.counts.data() + size_t(r) * size_t(cols);
    uint8_t* tile_row = used.data() + size_t(r / kTileCells) * size_t(tiles_x);
    for (int c = 0; c < cols; ++c)
      if (row[c]) tile_row[c / kTileCells] = 1;
  }
  quads_.clear();
  for (int ty = 0; ty < tiles_y; ++ty)
    for (int tx = 0; tx < tiles_x;) {
      if (!used[size_t(ty) * size_t(tiles_x) + size_t(tx)]) {
        ++tx;
        continue;
      }
      int end = tx;
      while (end < tiles_x && used[size_t(ty) * size_t(tiles_x) + size_t(end)]) ++end;
      const float x0 = float(tx * kTileCells * cell), x1 = float(std::min(end * kTileCells * cell, viewport_w_px));
      const float y0 = float(ty * kTileCells * cell), y1 = float(std::min((ty + 1) * kTileCells * cell, viewport_h_px));
      for (float v : {x0, y0, x1, y0, x0, y1, x0, y1, x1, y0, x1, y1}) quads_.push_back(v);
      tx = end;
    }
  glBindBuffer(GL_ARRAY_BUFFER, vbo_.id());
  glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(quads_.size() * sizeof(float)), quads_.data(), GL_STREAM_DRAW);
  viewport_w_px_ = viewport_w_px;
  viewport_h_px_ = viewport_h_px;
}

// Colours are looked up on the CPU (a table for the common small counts) and uploaded as one
// premultiplied RGBA8 texel per cell: the GPU pass is then a plain copy, which llvmpipe does in
// a fraction of the time a per-pixel log and ramp would take.
void DensityLayer::colour_cells(const Style& style) {
  const size_t cells = grid_.counts.size();
  rgba_.resize(cells);
  auto premultiplied = [](Rgba c) {
    auto byte = [](float v) { return uint32_t(std::lround(std::clamp(v, 0.f, 1.f) * 255.f)); };
    return byte(c.r * c.a) | byte(c.g * c.a) << 8 | byte(c.b * c.a) << 16 | byte(c.a) << 24;
  };
  const float inv_log_max = grid_.max_count > 1 ? 1.f / std::log(float(grid_.max_count)) : 0.f;
  auto colour_of = [&](uint32_t c) { return premultiplied(density_colour(style, std::log(float(c)) * inv_log_max)); };
  lut_.resize(std::min<size_t>(grid_.max_count, 4096) + 1);
  lut_[0] = 0;
  for (uint32_t c = 1; c < lut_.size(); ++c) lut_[c] = colour_of(c);
  const uint32_t* counts = grid_.counts.data();
  uint32_t* out = rgba_.data();
  const size_t lut_n = lut_.size();
  for (size_t i = 0; i < cells; ++i) out[i] = counts[i] < lut_n ? lut_[counts[i]] : colour_of(counts[i]);
}

void DensityLayer::update(const core::Dataset& d, std::span<const float> xy_m, const core::Camera& cam,
                          const DensityFilter& filter, int cell_px, const Style& style) {
  bin_points(d, xy_m, cam, filter, cell_px, grid_);
  colour_cells(style);
  cover_tiles(cam.viewport_w_px(), cam.viewport_h_px());
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, texture_.id());
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  if (tex_cols_ != grid_.cols || tex_rows_ != grid_.rows) {
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, grid_.cols, grid_.rows, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba_.data());
    tex_cols_ = grid_.cols;
    tex_rows_ = grid_.rows;
  } else {
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, grid_.cols, grid_.rows, GL_RGBA, GL_UNSIGNED_BYTE, rgba_.data());
  }
}

void DensityLayer::draw() {
  if (grid_.total == 0 || quads_.empty()) return;
  glEnable(GL_BLEND);
  glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glUseProgram(program_.id());
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, texture_.id());
  glUniform1i(u_layer_, 0);
  glUniform1i(u_cell_px_, grid_.cell_px);
  glUniform2f(u_viewport_px_, float(viewport_w_px_), float(viewport_h_px_));
  glBindVertexArray(vao_.id());
  glDrawArrays(GL_TRIANGLES, 0, GLsizei(quads_.size() / 2));
  glBindVertexArray(0);
}

}  // namespace driftmap::render
