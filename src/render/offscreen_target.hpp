// A framebuffer object to render into without a window: multisampled colour (+ resolve) of a
// fixed size, and read-back as top-down RGBA8 rows (the order PNG wants).
#pragma once
#include <cstdint>
#include <vector>

#include "render/gl_objects.hpp"

namespace driftmap::render {

class OffscreenTarget {
 public:
  // samples = 1 disables multisampling; larger values are clamped to GL_MAX_SAMPLES.
  OffscreenTarget(int width_px, int height_px, int samples = 4);

  int width() const { return width_; }
  int height() const { return height_; }
  int samples() const { return samples_; }

  // Binds the (multisampled) draw framebuffer and sets the viewport to the whole target.
  void bind();
  // Resolves the samples and returns width*height*4 bytes, first row = top of the image.
  std::vector<uint8_t> read_rgba();

 private:
  int width_, height_, samples_;
  Framebuffer fbo_, resolve_fbo_;
  Renderbuffer colour_, resolve_colour_;
};

}  // namespace driftmap::render
