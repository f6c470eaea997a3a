#include "render/png_writer.hpp"

#include <sys/stat.h>

#include "core/atomic_file.hpp"
#include "render/png_parallel.hpp"

namespace driftmap::render {

bool write_png(const std::string& path, std::span<const uint8_t> rgba, int width, int height, std::string* error,
               bool keep_alpha) {
  auto fail = [&](const std::string& msg) {
    if (error) *error = path + ": " + msg;
    return false;
  };
  if (width < 1 || height < 1 || rgba.size() != size_t(width) * size_t(height) * 4)
    return fail("image buffer does not match " + std::to_string(width) + "x" + std::to_string(height));
  if (path.empty() || path.back() == '/') return fail("not a file name");
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return fail("is a directory");
  PngEncodeOptions opt;
  opt.alpha = keep_alpha || !is_opaque(rgba);
  return core::write_file_atomically(path, encode_png_parallel(rgba, width, height, opt), error);
}

}  // namespace driftmap::render
