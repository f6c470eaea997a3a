// MapRenderer: owns the layers and the per-window highlight state.
#include "render/map_renderer.hpp"

#include <optional>

#include "render/boundary_mesh.hpp"
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
};

MapRenderer::MapRenderer(const core::Boundaries& boundaries, const core::Projection& projection, Style style,
                         const MapRendererOptions& options)
    : impl_(std::make_unique<Impl>(&projection, style)) {
  const BoundaryMesh mesh = build_boundary_mesh(boundaries, projection, {options.area_of_interest, options.simplify_m});
  impl_->fills.emplace(mesh);
  impl_->admin1_lines.emplace(mesh.admin1_segments);
  impl_->country_lines.emplace(mesh.country_segments);
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

void MapRenderer::set_style(const Style& style) { impl_->style = style; }
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
}

const core::AreaCounts& MapRenderer::area_counts() const { return impl_->counts; }

void MapRenderer::draw(const core::Camera& camera, const DrawParams& p) {
  Impl& m = *impl_;
  const Impl::Key key{p.window, p.type_mask, p.killed_min};
  if (p.area_highlights && m.dataset && m.areas && m.counted != key) {
    core::IncidentFilter filter{p.type_mask, p.killed_min, m.visible};
    m.counts = m.areas->counts_in_window(*m.dataset, p.window, filter);
    m.fills->set_highlighted(m.counts.admin0, m.counts.admin1);
    m.counted = key;
  } else if (!p.area_highlights && m.counted) {
    m.fills->set_highlighted({}, {});
    m.counts = {};
    m.counted.reset();
  }

  glViewport(0, 0, camera.viewport_w_px(), camera.viewport_h_px());
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  if (p.clear) {
    glClearColor(m.style.background.r, m.style.background.g, m.style.background.b, 1.f);
    glClear(GL_COLOR_BUFFER_BIT);
  }
  glDisable(GL_BLEND);
  m.fills->draw(camera, m.style);
  // Straight alpha for colour; destination alpha stays opaque.
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  m.admin1_lines->draw(camera, m.style.admin1_outline, m.style.admin1_outline_px);
  m.country_lines->draw(camera, m.style.country_outline, m.style.country_outline_px);
  if (p.points) m.points.draw(camera, m.style, p.window, p.type_mask, p.killed_min);
  glUseProgram(0);
}

}  // namespace driftmap::render
