// The map, drawn into whatever framebuffer is bound (the GUI's window or an OffscreenTarget):
// filled admin polygons, admin-1 and country outlines, and incident points. Same code for the
// viewer and `driftmap export`.
//
// Usage (a GL 3.3 core context must be current for every call, and for the destructor):
//   render::MapRenderer map(boundaries, projection, render::Style::light(), {.area_of_interest = box});
//   map.set_dataset(&dataset, &area_index);     // once per dataset (uploads the points)
//   map.set_visibility(bytes);                   // when country/text filters change (optional)
//   map.set_area_colours(admin0_rgba, admin1_rgba); // e.g. a choropleth (optional)
//   each frame: map.draw(camera, {.window = w, .type_mask = m, .killed_min = k});
// Nothing is rebuilt per frame: the window, type mask and toll are uniforms. When the camera is
// the same as on the previous draw, the boundaries are kept as textures and composed (see
// BaseMapCache); when the window holds very many points they are binned into a density grid on
// the CPU (see DensityLayer) instead of being rasterised one by one. The boundaries,
// projection, dataset and area index are referenced, not copied: they must outlive the renderer
// (or, for the dataset and index, the next set_dataset).
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "core/area_index.hpp"
#include "core/boundaries.hpp"
#include "core/camera.hpp"
#include "core/dataset.hpp"
#include "core/projection.hpp"
#include "render/boundary_mesh.hpp"
#include "render/style.hpp"

namespace driftmap::render {

struct MapRendererOptions {
  // Lon/lat box outside which boundary geometry is dropped (polygons are clipped to it). Keep it
  // generous (the data's extent plus tens of degrees); invalid = the whole world, which is slow
  // to triangulate at Natural Earth 1:10m detail.
  core::GeoBox area_of_interest;
  // Boundary simplification tolerance in metres (Douglas–Peucker; 0 keeps every vertex). The
  // export uses half a pixel; the viewer, which zooms in, should keep 0 or a small value.
  double simplify_m = 0;
  // Coarser copies of the outlines for zoomed-out views (see LineLayer). A fixed camera (an
  // export, whose mesh is already simplified for its scale) never uses them.
  bool outline_levels_of_detail = true;
  bool provinces = true;  // false: countries alone (BoundaryMeshOptions::provinces)
};

struct DrawParams {
  core::DayInterval window;  // incidents overlapping [start_day, end_day) are drawn
  uint32_t type_mask = (1u << core::kEventTypeCount) - 1;  // bit per core::EventType
  int32_t killed_min = 0;    // hide incidents with fewer killed (unknown counts as 0)
  bool clear = true;         // clear to the style's background first
  bool points = true;
  bool area_highlights = true;  // fill areas of active province/country-precision incidents
  // Above this many candidate points in the window (PointLayer::candidate_count: the window's
  // rows before the exact filters) the points are drawn as a density grid (DensityLayer) whose
  // cost does not grow with overdraw; 0 = always a grid, SIZE_MAX = always one mark per point.
  // At a pixel ratio r > 1 each candidate counts r² times (its mark covers r² as many pixels).
  size_t density_threshold = kDefaultDensityThreshold;
  // Keep the boundary fills and outlines in offscreen textures while the camera, viewport and
  // style stay the same (see BaseMapCache); false rasterises them on every draw.
  bool cache_base = true;

  // Where the marks stop being affordable on llvmpipe: 0.4–0.7 µs per point (so 100k points
  // cost 40–70 ms) against ~5 ms for the grid at any count up to 10^6 (BENCHMARKS.md). Beyond
  // about 65k points in a full-HD view the marks are 1-px dots already (PointLayer's level of
  // detail), which the grid shows better.
  static constexpr size_t kDefaultDensityThreshold = 100'000;
};

// What the last draw() did (for legends and measurements).
struct DrawInfo {
  bool base_from_cache = false;  // fills and outlines were copied from the cache
  bool density = false;          // points were drawn as a density grid
  uint32_t density_max_count = 0;  // points in the fullest cell: the top of the legend's log scale
  int density_cell_px = 0;         // cell size in framebuffer pixels
  uint64_t density_points = 0;     // points counted into the grid (inside the viewport)
};

class MapRenderer {
 public:
  MapRenderer(const core::Boundaries& boundaries, const core::Projection& projection, Style style,
              const MapRendererOptions& options = {});
  // From a mesh built beforehand with build_boundary_mesh() (pure CPU: the viewer can build it
  // on a worker thread; a world view takes ~0.5-1.5 s of CPU at Natural Earth 1:10m).
  MapRenderer(const BoundaryMesh& mesh, const core::Projection& projection, Style style);
  ~MapRenderer();
  MapRenderer(MapRenderer&&) noexcept;
  MapRenderer& operator=(MapRenderer&&) noexcept;

  void set_style(const Style& style);
  const Style& style() const;

  // Uploads the incidents (projected with the renderer's projection). areas may be null (no
  // highlights). nullptr dataset clears.
  void set_dataset(const core::Dataset* dataset, const core::AreaIndex* areas);
  // One byte per dataset row (non-zero = shown) for filters other than type and toll; empty = all.
  void set_visibility(std::span<const uint8_t> visible);
  // Per-area override colours by admin0/admin1 index (alpha = strength, 0 = none). Empty spans clear.
  void set_area_colours(std::span<const Rgba> admin0, std::span<const Rgba> admin1);

  // Draws into the bound framebuffer with glViewport(0, 0, camera viewport size). Leaves
  // GL_BLEND enabled (straight alpha), program 0, VAO 0; uses texture units 0 and 1.
  void draw(const core::Camera& camera, const DrawParams& params);

  // Counts of active area-precision incidents per area as of the last draw() (for count badges).
  const core::AreaCounts& area_counts() const;
  const DrawInfo& last_draw() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace driftmap::render
