// GL object creation/deletion and shader program linking.
#include "render/gl_objects.hpp"

#include <algorithm>
#include <vector>

namespace driftmap::render {

namespace detail {
void delete_buffer(GLuint id) { glDeleteBuffers(1, &id); }
void delete_vertex_array(GLuint id) { glDeleteVertexArrays(1, &id); }
void delete_texture(GLuint id) { glDeleteTextures(1, &id); }
void delete_framebuffer(GLuint id) { glDeleteFramebuffers(1, &id); }
void delete_renderbuffer(GLuint id) { glDeleteRenderbuffers(1, &id); }
void delete_program(GLuint id) { glDeleteProgram(id); }
}  // namespace detail

Buffer make_buffer() {
  GLuint id = 0;
  glGenBuffers(1, &id);
  return Buffer(id);
}
VertexArray make_vertex_array() {
  GLuint id = 0;
  glGenVertexArrays(1, &id);
  return VertexArray(id);
}
Texture make_texture() {
  GLuint id = 0;
  glGenTextures(1, &id);
  return Texture(id);
}
Framebuffer make_framebuffer() {
  GLuint id = 0;
  glGenFramebuffers(1, &id);
  return Framebuffer(id);
}
Renderbuffer make_renderbuffer() {
  GLuint id = 0;
  glGenRenderbuffers(1, &id);
  return Renderbuffer(id);
}

namespace {

struct ShaderObject {
  GLuint id = 0;
  ~ShaderObject() {
    if (id) glDeleteShader(id);
  }
};

void compile(ShaderObject& s, GLenum kind, std::string_view file) {
  const std::string_view src = shader_source(file);
  if (src.empty()) throw GlError("shader '" + std::string(file) + "' is not embedded in this build");
  s.id = glCreateShader(kind);
  const GLchar* text = src.data();
  const GLint len = GLint(src.size());
  glShaderSource(s.id, 1, &text, &len);
  glCompileShader(s.id);
  GLint ok = 0;
  glGetShaderiv(s.id, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    GLint log_len = 0;
    glGetShaderiv(s.id, GL_INFO_LOG_LENGTH, &log_len);
    std::vector<char> log(size_t(std::max(log_len, 1)));
    glGetShaderInfoLog(s.id, GLsizei(log.size()), nullptr, log.data());
    throw GlError("shader '" + std::string(file) + "' failed to compile: " + log.data());
  }
}

}  // namespace

Program make_program(std::string_view vert_file, std::string_view frag_file, std::string_view geom_file) {
  ShaderObject vs, fs, gs;
  compile(vs, GL_VERTEX_SHADER, vert_file);
  compile(fs, GL_FRAGMENT_SHADER, frag_file);
  if (!geom_file.empty()) compile(gs, GL_GEOMETRY_SHADER, geom_file);
  Program p(glCreateProgram());
  glAttachShader(p.id(), vs.id);
  glAttachShader(p.id(), fs.id);
  if (gs.id) glAttachShader(p.id(), gs.id);
  glLinkProgram(p.id());
  GLint ok = 0;
  glGetProgramiv(p.id(), GL_LINK_STATUS, &ok);
  if (!ok) {
    GLint log_len = 0;
    glGetProgramiv(p.id(), GL_INFO_LOG_LENGTH, &log_len);
    std::vector<char> log(size_t(std::max(log_len, 1)));
    glGetProgramInfoLog(p.id(), GLsizei(log.size()), nullptr, log.data());
    throw GlError("program " + std::string(vert_file) + "+" + std::string(frag_file) + " failed to link: " + log.data());
  }
  return p;
}

}  // namespace driftmap::render
