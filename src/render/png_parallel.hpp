// Parallel PNG encoding (a 4K export spends much of its time compressing). The image is
// cut into fixed horizontal strips of under 64 KiB of filtered rows (5 rows of a 3840 px RGB
// image); each thread takes strips in turn, filters their rows and deflates them with its own
// zlib stream, reset for every strip and ended with a sync flush (the last with the final block).
// The raw deflate streams are concatenated behind one zlib header with the Adler-32 of the whole,
// joined from the strips' sums with adler32_combine. The strip height depends only on the width
// and the pixel format, never on the thread count, so the bytes are the same on any machine.
//
// Why, measured on a 3840x2160 light map export (BENCHMARKS.md, "Export"; 2 threads):
// - Filter None for rows whose pixels mostly repeat their left or upper neighbour, i.e. all but
//   a few rows of a map: deflate then matches flat colour one pixel back and repeated rows one
//   row back, and the file is a quarter smaller than with adaptive filters (which turn
//   antialiased edges into noise), with no filter arithmetic. Other rows (photos, gradients)
//   still get libpng's adaptive choice (minimum sum of |residual|), which halves their size.
// - Strips under 64 KiB: zlib keeps its 32 KiB window in a 64 KiB buffer and slides it
//   (rehashing 64K table entries) each time it fills; a shorter stream never slides, needs no
//   dictionary, and is filtered and deflated in one pass while in cache: 23 ms instead of 29 ms
//   for 64-row strips primed with the previous strip, for 4 % more bytes.
// - zlib level 2 with nice_length 258 (zlib stops at 16): map rows match over hundreds of
//   bytes, so searching on to the longest match is 5 % smaller at the same speed. Level 3 is
//   slower and larger, level 1 as fast and 2 % larger; Z_RLE needs the adaptive filters and
//   was a quarter larger and slower.
// - Adler-32 with SSE2 (zlib's scalar adler32 added 5 ms to the 45 ms single-thread encode).
// Before this (64-row primed strips, adaptive filters, level 3): 95 ms and 1.54 MB; now 23 ms
// and 1.12 MB.
#pragma once
#include <cstdint>
#include <span>
#include <string>

namespace driftmap::render {

struct PngEncodeOptions {
  int level = 2;         // zlib level; levels 1-3 search for the longest match (see above)
  bool alpha = true;     // false: written as RGB (alpha dropped; only for opaque images)
  int strip_rows = 0;    // rows per independently compressed strip; 0: as many as fit in 64 KiB
  unsigned threads = 0;  // 0 = hardware concurrency (at most 8)
};

// rgba: width*height*4 bytes, first row = top. Returns the PNG file's bytes (no time or text
// chunks: deterministic).
std::string encode_png_parallel(std::span<const uint8_t> rgba, int width, int height, const PngEncodeOptions& options = {});

// True when every pixel's alpha is 255.
bool is_opaque(std::span<const uint8_t> rgba);

}  // namespace driftmap::render
