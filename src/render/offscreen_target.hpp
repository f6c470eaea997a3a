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
  // Allocates the next read_rgba()'s buffer now, on this thread: its pages (33 MB at 4K, about
  // 13 ms of page faults) are then faulted in off the critical path, e.g. by the worker thread
  // that made the context.
  void prepare_read_back();

 private:
  int width_, height_, samples_;
  Framebuffer fbo_, resolve_fbo_;
  Renderbuffer colour_, resolve_colour_;
  std::vector<uint8_t> read_back_;  // from prepare_read_back(), moved out by read_rgba()
};

}  // namespace driftmap::render
