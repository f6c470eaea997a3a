// A GL 3.3+ core context without any window or display: EGL on Mesa's surfaceless platform.
// Used by `driftmap export` and the render tests; draw into an OffscreenTarget.
#pragma once
#include <memory>
#include <string>

namespace driftmap::render {

class HeadlessContext {
 public:
  // Creates the context and makes it current on this thread. Throws GlError with a message that
  // names the failing EGL step.
  HeadlessContext();
  ~HeadlessContext();
  HeadlessContext(HeadlessContext&&) noexcept;
  HeadlessContext& operator=(HeadlessContext&&) noexcept;

  void make_current();
  std::string renderer_name() const;  // GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace driftmap::render
