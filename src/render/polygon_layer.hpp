// Filled admin polygons (countries, then the region's provinces) with per-area colours:
// an override colour per area (e.g. a choropleth; alpha 0 = none) and a highlight flag per area
// (active province/country-precision incidents). Geometry is uploaded once.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

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
  // Per-area highlight flags (non-zero = highlighted); empty = none. With the areas' event types
  // (a bit per core::EventType), hatched provinces stripe each type in its colour.
  void set_highlighted(std::span<const uint32_t> admin0_counts, std::span<const uint32_t> admin1_counts,
                       std::span<const uint8_t> admin0_types = {}, std::span<const uint8_t> admin1_types = {});

  // highlights = false draws every area as if none were highlighted (the base map cache).
  void draw(const core::Camera& cam, const Style& style, bool highlights = true);
  // Draws only the triangles of highlighted areas (and of provinces whose country is
  // highlighted), with the same colours as draw(): over a cached drawing of the unhighlighted
  // fills this gives the same picture as draw(). Returns false when nothing is highlighted.
  bool draw_highlighted(const core::Camera& cam, const Style& style);
  bool any_highlighted() const { return any_highlighted_; }

 private:
  struct Part {
    VertexArray vao;
    Buffer vbo, ibo;
    GLsizei index_count = 0;
  };
  // A contiguous range of a part's index buffer whose triangles all belong to one area.
  struct Run {
    uint32_t area_id, parent_id;
    uint32_t first, count;  // in indices
  };
  Part upload(const std::vector<FillVertex>& v, const std::vector<uint32_t>& i);
  static std::vector<Run> area_runs(const std::vector<FillVertex>& v, const std::vector<uint32_t>& i);
  // The fill programs: flat (one colour per triangle, the fast path on a software rasteriser)
  // and hatched (province highlights as stripes, per pixel; drawn only over highlighted areas).
  struct FillProgram {
    Program program;
    GLint u_world_to_clip, u_base, u_highlight, u_override, u_highlighted, u_highlight_country, u_hatch_px,
        u_type_colour;
    explicit FillProgram(const char* frag);
  };
  FillProgram& bind_program(bool hatched, const core::Camera& cam, const Style& style, bool highlights);
  void draw_runs(FillProgram& prog, const Style& style);

  FillProgram flat_, hatched_;
  Part admin0_, admin1_;
  uint32_t n0_, n1_;
  Buffer override_buf_, highlight_buf_;
  Texture override_tex_, highlight_tex_;
  std::vector<Run> runs0_, runs1_;
  // Index ranges to draw for the current highlights (glMultiDrawElements arguments), per part.
  struct Highlighted {
    std::vector<GLsizei> counts;
    std::vector<const void*> offsets;
  };
  Highlighted highlighted0_, highlighted1_;
  bool any_highlighted_ = false;
};

}  // namespace driftmap::render
