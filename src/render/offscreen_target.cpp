// FBO setup and read-back.
#include "render/offscreen_target.hpp"

#include <algorithm>
#include <cstring>

namespace driftmap::render {

namespace {
Renderbuffer make_colour_buffer(int w, int h, int samples) {
  Renderbuffer rb = make_renderbuffer();
  glBindRenderbuffer(GL_RENDERBUFFER, rb.id());
  if (samples > 1)
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, w, h);
  else
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
  return rb;
}

void attach(const Framebuffer& fbo, const Renderbuffer& rb) {
  glBindFramebuffer(GL_FRAMEBUFFER, fbo.id());
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb.id());
  const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
  if (status != GL_FRAMEBUFFER_COMPLETE) throw GlError("offscreen framebuffer is incomplete (status " + std::to_string(status) + ")");
}
}  // namespace

OffscreenTarget::OffscreenTarget(int width_px, int height_px, int samples)
    : width_(width_px), height_(height_px), samples_(std::max(1, samples)) {
  GLint max_size = 0, max_samples = 1;
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
  glGetIntegerv(GL_MAX_SAMPLES, &max_samples);
  if (width_ < 1 || height_ < 1 || width_ > max_size || height_ > max_size)
    throw GlError("image size " + std::to_string(width_) + "x" + std::to_string(height_) +
                  " is outside what the GL driver supports (1.." + std::to_string(max_size) + " per side)");
  samples_ = std::min(samples_, int(max_samples));
  colour_ = make_colour_buffer(width_, height_, samples_);
  fbo_ = make_framebuffer();
  attach(fbo_, colour_);
  if (samples_ > 1) {
    resolve_colour_ = make_colour_buffer(width_, height_, 1);
    resolve_fbo_ = make_framebuffer();
    attach(resolve_fbo_, resolve_colour_);
  }
  bind();
}

void OffscreenTarget::bind() {
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_.id());
  glViewport(0, 0, width_, height_);
}

void OffscreenTarget::prepare_read_back() { read_back_.assign(size_t(width_) * size_t(height_) * 4, 0); }

std::vector<uint8_t> OffscreenTarget::read_rgba() {
  GLuint read_fbo = fbo_.id();
  if (samples_ > 1) {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_.id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolve_fbo_.id());
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    read_fbo = resolve_fbo_.id();
  }
  glBindFramebuffer(GL_READ_FRAMEBUFFER, read_fbo);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  const size_t row = size_t(width_) * 4;
  std::vector<uint8_t> pixels = std::move(read_back_);
  read_back_ = {};
  pixels.resize(row * size_t(height_));
  glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  // GL's first row is the bottom one: flip in place (a second 4K buffer would cost more in page
  // faults than the copy itself).
  std::vector<uint8_t> tmp(row);
  for (int y = 0, z = height_ - 1; y < z; ++y, --z) {
    uint8_t* a = pixels.data() + size_t(y) * row;
    uint8_t* b = pixels.data() + size_t(z) * row;
    std::memcpy(tmp.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, tmp.data(), row);
  }
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_.id());
  return pixels;
}

}  // namespace driftmap::render
