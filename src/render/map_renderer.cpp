// MapRenderer: owns the layers and the per-window highlight state.
#include "render/map_renderer.hpp"
#include "render/mesh_cache.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "render/base_map_cache.hpp"
#include "render/boundary_mesh.hpp"
#include "render/density_layer.hpp"
#include "render/line_layer.hpp"
#include "render/point_layer.hpp"
#include "render/polygon_layer.hpp"

namespace driftmap::render {

struct MapRenderer::Impl {
  Impl(const core::Projection* p, Style s) : projection(p), style(s) {}
  const core::Projection* projection;
  Style style;
  std::optional<PolygonLayer> fills;
  std::optional<LineLayer> admin1_lines, country_lines;
  PointLayer points;
  std::optional<DensityLayer> density;  // created on first use
  std::optional<BaseMapCache> cache;    // created on first use
  // The base map's inputs as of the previous draw: the cache is built on the second draw with
  // the same ones, so that a moving camera (panning, one-off exports) pays nothing for it.
  std::optional<BaseMapCache::Key> previous;
  uint64_t base_version = 0;  // bumped when the style or area colours change
  DrawInfo info;
  const core::Dataset* dataset = nullptr;
  const core::AreaIndex* areas = nullptr;
  std::vector<uint8_t> visible;
  core::AreaCounts counts;
  // What the highlight buffer currently shows, to recount only when something changed.
  struct Key {
    core::DayInterval window;
    uint32_t type_mask = 0;
    int32_t killed_min = 0;
    bool operator==(const Key&) const = default;
  };
  std::optional<Key> counted;

  void update_area_highlights(const DrawParams& p);
  void draw_base_map(const core::Camera& camera, const DrawParams& p);
  void draw_incidents(const core::Camera& camera, const DrawParams& p);
};

namespace {

// Straight alpha for colour; destination alpha stays opaque (premultiplied in the cache).
void straight_alpha() {
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}

}  // namespace

MapRenderer::MapRenderer(const core::Boundaries& boundaries, const core::Projection& projection, Style style,
                         const MapRendererOptions& options)
    : impl_(std::make_unique<Impl>(&projection, style)) {
  const BoundaryMesh mesh =
      load_or_build_boundary_mesh(boundaries, projection,
                                  {options.area_of_interest, options.simplify_m, options.provinces});
  impl_->fills.emplace(mesh);
  impl_->admin1_lines.emplace(mesh.admin1_segments, options.outline_levels_of_detail);
  impl_->country_lines.emplace(mesh.country_segments, options.outline_levels_of_detail);
}

MapRenderer::MapRenderer(const BoundaryMesh& mesh, const core::Projection& projection, Style style)
    : impl_(std::make_unique<Impl>(&projection, style)) {
  impl_->fills.emplace(mesh);
  impl_->admin1_lines.emplace(mesh.admin1_segments);
  impl_->country_lines.emplace(mesh.country_segments);
}

MapRenderer::~MapRenderer() = default;
MapRenderer::MapRenderer(MapRenderer&&) noexcept = default;
MapRenderer& MapRenderer::operator=(MapRenderer&&) noexcept = default;

void MapRenderer::set_style(const Style& style) {
  impl_->style = style;
  ++impl_->base_version;
}
const Style& MapRenderer::style() const { return impl_->style; }

void MapRenderer::set_dataset(const core::Dataset* dataset, const core::AreaIndex* areas) {
  impl_->dataset = dataset;
  impl_->areas = areas;
  impl_->visible.clear();
  impl_->points.set_dataset(dataset, *impl_->projection);
  impl_->counted.reset();
  impl_->counts = {};
  impl_->fills->set_highlighted({}, {});
}

void MapRenderer::set_visibility(std::span<const uint8_t> visible) {
  impl_->visible.assign(visible.begin(), visible.end());
  impl_->points.set_visibility(visible);
  impl_->counted.reset();
}

void MapRenderer::set_area_colours(std::span<const Rgba> admin0, std::span<const Rgba> admin1) {
  impl_->fills->set_overrides(admin0, admin1);
  ++impl_->base_version;
}

const core::AreaCounts& MapRenderer::area_counts() const { return impl_->counts; }
const DrawInfo& MapRenderer::last_draw() const { return impl_->info; }

// The areas with incidents in the window are highlighted; they are recounted only when the
// window or the filter changed.
void MapRenderer::Impl::update_area_highlights(const DrawParams& p) {
  Impl& m = *this;
  const Impl::Key key{p.window, p.type_mask, p.killed_min};
  if (p.area_highlights && m.dataset && m.areas && m.counted != key) {
    core::IncidentFilter filter{.type_mask = p.type_mask, .killed_min = p.killed_min, .visible = m.visible};
    m.counts = m.areas->counts_in_window(*m.dataset, p.window, filter);
    m.fills->set_highlighted(m.counts.admin0, m.counts.admin1, m.counts.admin0_types, m.counts.admin1_types);
    m.counted = key;
  } else if (!p.area_highlights && m.counted) {
    m.fills->set_highlighted({}, {});
    m.counts = {};
    m.counted.reset();
  }
}

// Base map: fills, highlighted areas, outlines; from the cache when the camera stood still.
void MapRenderer::Impl::draw_base_map(const core::Camera& camera, const DrawParams& p) {
  Impl& m = *this;
  GLint samples = 0;
  glGetIntegerv(GL_SAMPLES, &samples);
  const auto base_key = BaseMapCache::Key::of(camera, std::max(1, int(samples)), p.clear, m.base_version);
  auto draw_fills = [&](bool highlights) {
    glDisable(GL_BLEND);
    m.fills->draw(camera, m.style, highlights);
  };
  auto draw_outlines = [&] {
    straight_alpha();
    m.admin1_lines->draw(camera, m.style.admin1_outline, m.style.admin1_outline_px);
    m.country_lines->draw(camera, m.style.country_outline, m.style.country_outline_px);
  };
  bool cached = false;
  if (p.cache_base) {
    if (!m.cache) m.cache.emplace();
    cached = m.cache->valid_for(base_key);
    if (!cached && m.previous == base_key) {
      m.cache->build(base_key, m.style.background, [&] { draw_fills(false); }, draw_outlines);
      cached = true;
    }
  } else if (m.cache) {
    m.cache->invalidate();
  }
  m.previous = base_key;
  if (cached) {
    // Without highlighted areas: one copy of outlines-over-fills. With them: the fills (opaque
    // over the background, or premultiplied over what is there), the highlighted areas' own
    // triangles on top with the same shader as the full fill, then the outlines.
    glDisable(GL_BLEND);
    if (!m.fills->any_highlighted()) {
      m.cache->draw(BaseMapCache::Layer::Combined, !p.clear);
    } else {
      m.cache->draw(BaseMapCache::Layer::Fills, !p.clear);
      glDisable(GL_BLEND);
      m.fills->draw_highlighted(camera, m.style);
      m.cache->draw(BaseMapCache::Layer::Outlines, true);
    }
    straight_alpha();
  } else {
    if (p.clear) {
      glClearColor(m.style.background.r, m.style.background.g, m.style.background.b, 1.f);
      glClear(GL_COLOR_BUFFER_BIT);
    }
    draw_fills(true);
    // Hand each layer to the GL driver as soon as it is issued: llvmpipe shades vertices and bins
    // triangles on this thread but rasterises on its own threads, which then work on the fills
    // while this thread prepares the outlines (4K export: -15 ms; a no-op cost on a GPU).
    glFlush();
    draw_outlines();
    glFlush();
  }
  m.info.base_from_cache = cached;
}

// Incidents: one mark each, or a density grid when there are too many.
void MapRenderer::Impl::draw_incidents(const core::Camera& camera, const DrawParams& p) {
  Impl& m = *this;
  // A mark costs the rasteriser in proportion to its area, which grows with the pixel ratio
  // squared (a 4K export at ratio 2): each candidate then weighs that much against the threshold.
  const double weight = std::max(1.0, camera.pixel_ratio() * camera.pixel_ratio());
  if (double(m.points.candidate_count(p.window)) * weight > double(p.density_threshold)) {
    if (!m.density) m.density.emplace();
    const int cell_px = std::max(1, int(std::lround(2.0 * camera.pixel_ratio())));
    m.density->update(*m.dataset, m.points.projected_xy(), camera,
                      {p.window, p.type_mask, p.killed_min, m.visible}, cell_px, m.style);
    m.density->draw();
    straight_alpha();
    const DensityGrid& g = m.density->grid();
    m.info.density = true;
    m.info.density_max_count = g.max_count;
    m.info.density_cell_px = g.cell_px;
    m.info.density_points = g.total;
  } else {
    m.points.draw(camera, m.style, p.window, p.type_mask, p.killed_min);
  }
}

void MapRenderer::draw(const core::Camera& camera, const DrawParams& p) {
  Impl& m = *impl_;
  m.update_area_highlights(p);
  glViewport(0, 0, camera.viewport_w_px(), camera.viewport_h_px());
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  m.info = {};
  m.draw_base_map(camera, p);
  if (p.points && m.dataset) m.draw_incidents(camera, p);
  glUseProgram(0);
}

}  // namespace driftmap::render
