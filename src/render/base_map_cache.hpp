// The boundary fills and outlines change only with the camera, viewport, style and area
// colours, not with the time window or filters. This cache keeps them as two offscreen
// textures (fills; outlines with premultiplied alpha) so that a frame whose camera did not move
// is composed from two full-screen copies instead of re-rasterising every boundary triangle
// and segment (playback and scrubbing must stay interactive on software GL).
//
// The layers are rendered with the same sample count as the framebuffer they will be copied
// to and resolved, so the composed frame matches a direct drawing up to rounding at
// anti-aliased edges.
#pragma once
#include <cstdint>
#include <functional>

#include "core/camera.hpp"
#include "render/gl_objects.hpp"
#include "render/style.hpp"

namespace driftmap::render {

class BaseMapCache {
 public:
  // What the cached pixels depend on.
  struct Key {
    double centre_x_m = 0, centre_y_m = 0, metres_per_px = 0, pixel_ratio = 0;
    int width_px = 0, height_px = 0, samples = 0;
    bool opaque = true;     // fills layer drawn over the background (else over transparent black)
    uint64_t version = 0;   // bumped by the owner when the style or area colours change
    bool operator==(const Key&) const = default;
    static Key of(const core::Camera& cam, int samples, bool opaque, uint64_t version);
  };

  BaseMapCache();

  bool valid_for(const Key& key) const { return valid_ && key_ == key; }
  void invalidate() { valid_ = false; }

  // Renders the layers: fills() over `background` (opaque keys; else over transparent black),
  // then outlines() over transparent black (they must blend so that the result is premultiplied:
  // glBlendFuncSeparate(SRC_ALPHA, ONE_MINUS_SRC_ALPHA, ONE, ONE_MINUS_SRC_ALPHA) does). Restores
  // the caller's framebuffer bindings and viewport.
  void build(const Key& key, Rgba background, const std::function<void()>& fills,
             const std::function<void()>& outlines);

  // Which picture to copy: fills alone, outlines alone, or outlines over fills (one copy for
  // frames without highlighted areas).
  enum class Layer { Fills, Outlines, Combined };
  // Copies a layer onto the bound framebuffer (viewport = the key's size): as is (blend = false;
  // for opaque keys a plain framebuffer blit when the target is not multisampled), or
  // premultiplied "over" what is there. Leaves GL_BLEND as it found it only when blending is
  // not asked for; otherwise enabled with glBlendFunc(ONE, ONE_MINUS_SRC_ALPHA).
  void draw(Layer which, bool blend);

  size_t memory_bytes() const;

 private:
  struct Target {
    Texture texture;
    Framebuffer fbo;
  };
  void ensure_storage(int w, int h, int samples);
  void render_layer(Target& layer, Rgba clear, const std::function<void()>& draw);
  void copy(const Target& layer, int cell_px = 1);

  Program program_;
  VertexArray vao_;
  GLint u_layer_, u_cell_px_;
  Target fills_, outlines_, combined_;
  Framebuffer msaa_fbo_;
  Renderbuffer msaa_colour_;
  int width_ = 0, height_ = 0, samples_ = 0;
  Key key_;
  bool valid_ = false;
};

}  // namespace driftmap::render
