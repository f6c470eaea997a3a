// The map's own layers (sea, countries, provinces, outlines, incidents) as scene marks, for the
// outputs that write geometry (SVG, PDF). Raster outputs draw the same layers on the GPU from
// the same data (render::MapRenderer); the paths are projected and simplified like its meshes.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "core/area_index.hpp"
#include "core/boundaries.hpp"
#include "core/camera.hpp"
#include "core/dataset.hpp"
#include "core/projection.hpp"
#include "render/scene.hpp"
#include "render/style.hpp"

namespace driftmap::render {

struct MapSceneInputs {
  const core::Boundaries* boundaries = nullptr;
  const core::Dataset* dataset = nullptr;
  const core::Camera* camera = nullptr;
  const core::Projection* projection = nullptr;
  const Style* style = nullptr;
  core::GeoBox area_of_interest;  // boundaries outside it are skipped, those across it clipped
  double simplify_m = 0;           // Douglas–Peucker tolerance of the projected rings
  bool transparent = false;        // no sea
  const core::AreaCounts* counts = nullptr;  // areas with area-level incidents are highlighted
  std::span<const Rgba> admin1_fill;         // per-province overlay colour (alpha 0 = none)
  std::span<const uint32_t> points;          // incident rows drawn as points
};

void add_map_layers(Scene& scene, const MapSceneInputs& in);

}  // namespace driftmap::render
