// PNG files: render::encode_png_parallel's bytes (deterministic: no time or text chunks) written
// atomically with core::write_file_atomically (a temporary file next to the target, renamed into
// place only when complete; on failure the target is left as it was and no temporary file
// remains). The one PNG writer: exports, animation frames, the viewer's screenshots, bench.
#pragma once
#include <cstdint>
#include <span>
#include <string>

namespace driftmap::render {

// rgba: width*height*4 bytes, first row = top of the image. Stored as RGB when every pixel is
// opaque and keep_alpha is false, else RGBA. Returns false and sets *error to a message naming
// the path on failure.
bool write_png(const std::string& path, std::span<const uint8_t> rgba, int width, int height, std::string* error,
               bool keep_alpha = false);

}  // namespace driftmap::render
