// Filled admin polygons (countries, then the region's provinces) with per-area colours:
// an override colour per area (e.g. a choropleth; alpha 0 = none) and a highlight flag per area
// (active province/country-precision incidents). Geometry is uploaded once.
#pragma once
#include <cstdint>
#include <span>

#include "core/camera.hpp"
#include "render/boundary_mesh.hpp"
#include "render/gl_objects.hpp"
#include "render/style.hpp"

namespace driftmap::render {

class PolygonLayer {
 public:
  explicit PolygonLayer(const BoundaryMesh& mesh);

  // Per-area override colours, indexed by admin0 index and admin1 index; shorter spans leave
  // the rest without override. Alpha is the strength of the override.
  void set_overrides(std::span<const Rgba> admin0, std::span<const Rgba> admin1);
  // Per-area highlight flags (non-zero = highlighted); empty = none.
  void set_highlighted(std::span<const uint32_t> admin0_counts, std::span<const uint32_t> admin1_counts);

  void draw(const core::Camera& cam, const Style& style);

 private:
  struct Part {
    VertexArray vao;
    Buffer vbo, ibo;
    GLsizei index_count = 0;
  };
  Part upload(const std::vector<FillVertex>& v, const std::vector<uint32_t>& i);

  Program program_;
  Part admin0_, admin1_;
  uint32_t n0_, n1_;
  Buffer override_buf_, highlight_buf_;
  Texture override_tex_, highlight_tex_;
  GLint u_world_to_clip_, u_base_, u_highlight_, u_override_, u_highlighted_;
};

}  // namespace driftmap::render
