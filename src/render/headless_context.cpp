// EGL surfaceless context creation (no GPU or display needed: Mesa llvmpipe works).
#include "render/headless_context.hpp"

#include <epoxy/egl.h>
#include <epoxy/gl.h>

#include <cstdio>

#include "render/gl_objects.hpp"

namespace driftmap::render {

struct HeadlessContext::Impl {
  EGLDisplay dpy = EGL_NO_DISPLAY;
  EGLContext ctx = EGL_NO_CONTEXT;
  // The display is the process's one surfaceless display, shared by every context: it is not
  // terminated here, which would end the other contexts too.
  ~Impl() {
    if (dpy == EGL_NO_DISPLAY || ctx == EGL_NO_CONTEXT) return;
    if (eglGetCurrentContext() == ctx) eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    eglDestroyContext(dpy, ctx);
  }
};

namespace {
[[noreturn]] void fail(const char* step) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "EGL: %s failed (error 0x%04x)", step, unsigned(eglGetError()));
  throw GlError(buf);
}
}  // namespace

HeadlessContext::HeadlessContext(Bind bind) : impl_(std::make_unique<Impl>()) {
  if (!epoxy_has_egl_extension(EGL_NO_DISPLAY, "EGL_MESA_platform_surfaceless"))
    throw GlError("EGL: the Mesa surfaceless platform (EGL_MESA_platform_surfaceless) is not available");
  impl_->dpy = eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
  if (impl_->dpy == EGL_NO_DISPLAY) fail("eglGetPlatformDisplayEXT(surfaceless)");
  EGLint major = 0, minor = 0;
  if (!eglInitialize(impl_->dpy, &major, &minor)) {
    impl_->dpy = EGL_NO_DISPLAY;
    fail("eglInitialize");
  }
  if (!eglBindAPI(EGL_OPENGL_API)) fail("eglBindAPI(OpenGL)");
  const EGLint config_attribs[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
  EGLConfig config = nullptr;
  EGLint n = 0;
  // Surfaceless contexts may have no config at all (EGL_KHR_no_config_context).
  if (!eglChooseConfig(impl_->dpy, config_attribs, &config, 1, &n) || n == 0) config = EGL_NO_CONFIG_KHR;
  const EGLint ctx_attribs[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                                EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
  impl_->ctx = eglCreateContext(impl_->dpy, config, EGL_NO_CONTEXT, ctx_attribs);
  if (impl_->ctx == EGL_NO_CONTEXT) fail("eglCreateContext(OpenGL 3.3 core)");
  if (bind == Bind::Now) make_current();
}

HeadlessContext::~HeadlessContext() = default;
HeadlessContext::HeadlessContext(HeadlessContext&&) noexcept = default;
HeadlessContext& HeadlessContext::operator=(HeadlessContext&&) noexcept = default;

void HeadlessContext::release() {
  if (!eglMakeCurrent(impl_->dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT)) fail("eglMakeCurrent(none)");
}

void HeadlessContext::make_current() {
  if (!eglMakeCurrent(impl_->dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, impl_->ctx)) fail("eglMakeCurrent");
}

std::string HeadlessContext::renderer_name() const {
  const auto* s = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  return s ? s : "";
}

HeadlessCanvas::HeadlessCanvas(HeadlessContext c, std::unique_ptr<OffscreenTarget> t)
    : context(std::move(c)), target(std::move(t)) {}

HeadlessCanvas::~HeadlessCanvas() {
  if (!target) return;
  try {
    context.make_current();
    target.reset();
  } catch (const GlError&) {
    (void)target.release();  // no usable context: its objects go with it
  }
}

std::future<HeadlessCanvas> create_headless_canvas_async(int width_px, int height_px) {
  return std::async(std::launch::async, [width_px, height_px] {
    HeadlessContext context;
    std::unique_ptr<OffscreenTarget> target;
    if (width_px > 0 && height_px > 0) {
      target = std::make_unique<OffscreenTarget>(width_px, height_px, 1);
      target->prepare_read_back();
    }
    HeadlessCanvas canvas(std::move(context), std::move(target));
    canvas.context.release();
    return canvas;
  });
}

}  // namespace driftmap::render
