// A GL 3.3+ core context without any window or display: EGL on Mesa's surfaceless platform.
// Used by `driftmap export` and the render tests; draw into an OffscreenTarget.
#pragma once
#include <future>
#include <memory>
#include <string>

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
  std::string renderer_name() const;  // GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Starts creating a context (Bind::Later) on a worker thread: EGL initialisation loads the
// driver, tens of milliseconds that can overlap loading the data. get() the result (it rethrows
// GlError), then make_current() on the thread that draws.
std::future<HeadlessContext> create_headless_context_async();

}  // namespace driftmap::render
