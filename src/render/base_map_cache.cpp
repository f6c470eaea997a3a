// Base map cache: two RGBA8 textures, a shared multisampled renderbuffer to render them with,
// and a full-screen copy.
#include "render/base_map_cache.hpp"

#include <string>

namespace driftmap::render {

BaseMapCache::Key BaseMapCache::Key::of(const core::Camera& cam, int samples, bool opaque, uint64_t version) {
  return {cam.centre_m().x, cam.centre_m().y, cam.metres_per_px(), cam.pixel_ratio(), cam.viewport_w_px(),
          cam.viewport_h_px(), samples, opaque, version};
}

BaseMapCache::BaseMapCache() : program_(make_program("fullscreen.vert", "composite.frag")), vao_(make_vertex_array()) {
  u_layer_ = glGetUniformLocation(program_.id(), "u_layer");
  u_cell_px_ = glGetUniformLocation(program_.id(), "u_cell_px");
}

size_t BaseMapCache::memory_bytes() const {
  const size_t px = size_t(width_) * size_t(height_);
  return px * 4 * 3 + (samples_ > 1 ? px * 4 * size_t(samples_) : 0);
}

void BaseMapCache::ensure_storage(int w, int h, int samples) {
  if (w == width_ && h == height_ && samples == samples_ && fills_.texture) return;
  for (Target* layer : {&fills_, &outlines_, &combined_}) {
    layer->texture = make_texture();
    glBindTexture(GL_TEXTURE_2D, layer->texture.id());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    layer->fbo = make_framebuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, layer->fbo.id());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, layer->texture.id(), 0);
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    if (status != GL_FRAMEBUFFER_COMPLETE)
      throw GlError("base map cache framebuffer is incomplete (status " + std::to_string(status) + ")");
  }
  msaa_fbo_.reset();
  msaa_colour_.reset();
  if (samples > 1) {
    msaa_colour_ = make_renderbuffer();
    glBindRenderbuffer(GL_RENDERBUFFER, msaa_colour_.id());
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, w, h);
    msaa_fbo_ = make_framebuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, msaa_fbo_.id());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, msaa_colour_.id());
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    if (status != GL_FRAMEBUFFER_COMPLETE)
      throw GlError("base map cache multisampled framebuffer is incomplete (status " + std::to_string(status) + ")");
  }
  width_ = w, height_ = h, samples_ = samples;
}

void BaseMapCache::render_layer(Target& layer, Rgba clear, const std::function<void()>& draw) {
  glBindFramebuffer(GL_FRAMEBUFFER, samples_ > 1 ? msaa_fbo_.id() : layer.fbo.id());
  glViewport(0, 0, width_, height_);
  glClearColor(clear.r, clear.g, clear.b, clear.a);
  glClear(GL_COLOR_BUFFER_BIT);
  draw();
  if (samples_ > 1) {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, msaa_fbo_.id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, layer.fbo.id());
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  }
}

void BaseMapCache::build(const Key& key, Rgba background, const std::function<void()>& fills,
                         const std::function<void()>& outlines) {
  GLint draw_fbo = 0, read_fbo = 0, viewport[4] = {};
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw_fbo);
  glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read_fbo);
  glGetIntegerv(GL_VIEWPORT, viewport);
  valid_ = false;
  ensure_storage(key.width_px, key.height_px, key.samples);
  render_layer(fills_, key.opaque ? Rgba{background.r, background.g, background.b, 1.f} : Rgba{0, 0, 0, 0}, fills);
  render_layer(outlines_, Rgba{0, 0, 0, 0}, outlines);
  // Combined = outlines over fills, both premultiplied (the fills are opaque or premultiplied).
  glBindFramebuffer(GL_FRAMEBUFFER, combined_.fbo.id());
  glDisable(GL_BLEND);
  copy(fills_);
  glEnable(GL_BLEND);
  glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  copy(outlines_);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, GLuint(draw_fbo));
  glBindFramebuffer(GL_READ_FRAMEBUFFER, GLuint(read_fbo));
  glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
  key_ = key;
  valid_ = true;
}

void BaseMapCache::copy(const Target& layer, int cell_px) {
  glUseProgram(program_.id());
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, layer.texture.id());
  glUniform1i(u_layer_, 0);
  glUniform1i(u_cell_px_, cell_px);
  glBindVertexArray(vao_.id());
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glBindVertexArray(0);
}

void BaseMapCache::draw(Layer which, bool blend) {
  const Target& layer = which == Layer::Fills ? fills_ : which == Layer::Outlines ? outlines_ : combined_;
  if (!blend && key_.samples == 1) {
    // A same-size, same-format copy: Mesa turns it into a memory copy, far cheaper than a
    // textured full-screen pass on a software rasteriser.
    GLint read_fbo = 0;
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read_fbo);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, layer.fbo.id());
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, GLuint(read_fbo));
    return;
  }
  if (blend) {
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  }
  copy(layer);
}

}  // namespace driftmap::render
