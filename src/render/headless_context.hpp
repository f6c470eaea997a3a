// A GL 3.3+ core context without any window or display: EGL on Mesa's surfaceless platform.
// Used by `driftmap export`, `animate` and the render tests; draw into an OffscreenTarget.
#pragma once
#include <future>
#include <memory>
#include <string>

#include "render/offscreen_target.hpp"

namespace driftmap::render {

class HeadlessContext {
 public:
  enum class Bind { Now, Later };
  // Creates the context and makes it current on this thread (Bind::Later: not current anywhere;
  // another thread may then call make_current(), e.g. when the context was created on a worker
  // while the data loaded). Throws GlError with a message that names the failing EGL step.
  explicit HeadlessContext(Bind bind = Bind::Now);
  ~HeadlessContext();
  HeadlessContext(HeadlessContext&&) noexcept;
  HeadlessContext& operator=(HeadlessContext&&) noexcept;

  void make_current();
  void release();  // not current on this thread any more (another may make it current)
  std::string renderer_name() const;  // GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A context and an offscreen target for a one-off render.
struct HeadlessCanvas {
  HeadlessContext context;
  std::unique_ptr<OffscreenTarget> target;  // null when no size was given
  HeadlessCanvas(HeadlessContext c, std::unique_ptr<OffscreenTarget> t);
  HeadlessCanvas(HeadlessCanvas&&) noexcept = default;
  ~HeadlessCanvas();  // frees the target with its context current
};

// Makes a HeadlessCanvas (a target of width x height with one sample and its read-back buffer,
// or none when either is 0) on a worker thread, current nowhere: EGL initialisation loads the
// driver and a 4K target's memory is faulted in, tens of milliseconds that can overlap loading
// the data. get() it (it rethrows GlError), then context.make_current() on the thread that draws.
std::future<HeadlessCanvas> create_headless_canvas_async(int width_px, int height_px);

}  // namespace driftmap::render
