// Parallel PNG encoding (issue 5: a 4K export spends most of its time compressing). The image is
// cut into fixed horizontal strips; each strip's rows are filtered and deflated by its own thread
// into a raw deflate stream primed with the previous strip's last 32 KiB (as pigz does), ended
// with a sync flush (the last with the final block); the streams are concatenated behind one
// zlib header with the Adler-32 of the whole, combined with adler32_combine. The strip height is
// fixed (never derived from the thread count), so the bytes are the same on any machine.
#pragma once
#include <cstdint>
#include <span>
#include <string>

namespace driftmap::render {

struct PngEncodeOptions {
  int level = 3;         // zlib level (see png_parallel.cpp for the measurements)
  bool alpha = true;     // false: written as RGB (alpha dropped; only for opaque images)
  int strip_rows = 64;   // rows per independently compressed strip
  unsigned threads = 0;  // 0 = hardware concurrency (at most 8)
};

// rgba: width*height*4 bytes, first row = top. Returns the PNG file's bytes (no time or text
// chunks: deterministic).
std::string encode_png_parallel(std::span<const uint8_t> rgba, int width, int height, const PngEncodeOptions& options = {});

// True when every pixel's alpha is 255.
bool is_opaque(std::span<const uint8_t> rgba);

}  // namespace driftmap::render
