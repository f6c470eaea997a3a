// Move-only RAII wrappers for the few kinds of GL objects driftmap uses, and shader program
// building from the sources embedded at build time (cmake/embed_shaders.cmake).
// All of these need a current GL context when created and destroyed.
#pragma once
#include <epoxy/gl.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace driftmap::render {

// Embedded shader text by file name ("points.vert"); empty when there is no such file.
std::string_view shader_source(std::string_view file_name);

struct GlError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// One GL name plus the function that deletes it.
template <void (*Delete)(GLuint)>
class GlHandle {
 public:
  GlHandle() = default;
  explicit GlHandle(GLuint id) : id_(id) {}
  GlHandle(GlHandle&& o) noexcept : id_(std::exchange(o.id_, 0)) {}
  GlHandle& operator=(GlHandle&& o) noexcept {
    if (this != &o) {
      reset();
      id_ = std::exchange(o.id_, 0);
    }
    return *this;
  }
  GlHandle(const GlHandle&) = delete;
  GlHandle& operator=(const GlHandle&) = delete;
  ~GlHandle() { reset(); }

  GLuint id() const { return id_; }
  explicit operator bool() const { return id_ != 0; }
  void reset() {
    if (id_) Delete(id_);
    id_ = 0;
  }

 private:
  GLuint id_ = 0;
};

namespace detail {
void delete_buffer(GLuint id);
void delete_vertex_array(GLuint id);
void delete_texture(GLuint id);
void delete_framebuffer(GLuint id);
void delete_renderbuffer(GLuint id);
void delete_program(GLuint id);
}  // namespace detail

using Buffer = GlHandle<detail::delete_buffer>;
using VertexArray = GlHandle<detail::delete_vertex_array>;
using Texture = GlHandle<detail::delete_texture>;
using Framebuffer = GlHandle<detail::delete_framebuffer>;
using Renderbuffer = GlHandle<detail::delete_renderbuffer>;
using Program = GlHandle<detail::delete_program>;

Buffer make_buffer();
VertexArray make_vertex_array();
Texture make_texture();
Framebuffer make_framebuffer();
Renderbuffer make_renderbuffer();

// Compiles and links the embedded shaders (geometry shader optional). Throws GlError with the
// file name and the driver's log on failure.
Program make_program(std::string_view vert_file, std::string_view frag_file, std::string_view geom_file = {});

}  // namespace driftmap::render
