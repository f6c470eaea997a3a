// Strip-parallel PNG: adaptive row filters (the minimum-sum-of-absolute-differences heuristic
// libpng uses) and zlib deflate per strip; see png_parallel.hpp.
#include "render/png_parallel.hpp"

#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

namespace driftmap::render {

namespace {

void put_u32(std::string& s, uint32_t v) {
  const char b[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
  s.append(b, 4);
}

void chunk(std::string& out, const char type[4], const char* data, size_t n) {
  put_u32(out, uint32_t(n));
  const size_t start = out.size();
  out.append(type, 4);
  out.append(data, n);
  put_u32(out, uint32_t(crc32(0, reinterpret_cast<const Bytef*>(out.data() + start), uInt(n + 4))));
}

inline uint8_t paeth(int a, int b, int c) {
  const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  return uint8_t(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
}

// Filters one row (bpp bytes per pixel) into out (1 + len bytes): the filter with the smallest
// sum of |signed residual| wins.
void filter_row(const uint8_t* row, const uint8_t* prev, size_t len, int bpp, uint8_t* out, std::vector<uint8_t>& tmp) {
  tmp.resize(len * 4);
  uint8_t* cand[4] = {tmp.data(), tmp.data() + len, tmp.data() + 2 * len, tmp.data() + 3 * len};
  uint64_t cost[5] = {0, 0, 0, 0, 0};
  for (size_t i = 0; i < len; ++i) {
    const int a = i >= size_t(bpp) ? row[i - bpp] : 0;
    const int b = prev ? prev[i] : 0;
    const int c = prev && i >= size_t(bpp) ? prev[i - bpp] : 0;
    const int x = row[i];
    const uint8_t r1 = uint8_t(x - a), r2 = uint8_t(x - b), r3 = uint8_t(x - ((a + b) >> 1)), r4 = uint8_t(x - paeth(a, b, c));
    cand[0][i] = r1, cand[1][i] = r2, cand[2][i] = r3, cand[3][i] = r4;
    cost[0] += uint64_t(std::abs(int(int8_t(uint8_t(x)))));
    cost[1] += uint64_t(std::abs(int(int8_t(r1))));
    cost[2] += uint64_t(std::abs(int(int8_t(r2))));
    cost[3] += uint64_t(std::abs(int(int8_t(r3))));
    cost[4] += uint64_t(std::abs(int(int8_t(r4))));
  }
  int best = 0;
  for (int k = 1; k < 5; ++k)
    if (cost[k] < cost[best]) best = k;
  out[0] = uint8_t(best);
  std::memcpy(out + 1, best == 0 ? row : cand[best - 1], len);
}

}  // namespace

bool is_opaque(std::span<const uint8_t> rgba) {
  for (size_t i = 3; i < rgba.size(); i += 4)
    if (rgba[i] != 255) return false;
  return true;
}

std::string encode_png_parallel(std::span<const uint8_t> rgba, int width, int height, const PngEncodeOptions& opt) {
  const int bpp = opt.alpha ? 4 : 3;
  const size_t row_len = size_t(width) * size_t(bpp);
  const int strip_rows = std::max(1, opt.strip_rows);
  const int n_strips = (height + strip_rows - 1) / strip_rows;

  struct Strip {
    std::vector<uint8_t> filtered;  // filter byte + row, per row
    std::string deflated;
    uLong adler = 1;
  };
  std::vector<Strip> strips(static_cast<size_t>(n_strips));

  // Filtering is per strip too; the first row of a strip still filters against the row above.
  auto source_row = [&](int y, std::vector<uint8_t>& rgb) -> const uint8_t* {
    const uint8_t* p = rgba.data() + size_t(y) * size_t(width) * 4;
    if (bpp == 4) return p;
    rgb.resize(row_len);
    for (int x = 0; x < width; ++x) std::memcpy(&rgb[size_t(x) * 3], p + size_t(x) * 4, 3);
    return rgb.data();
  };
  auto filter_strip = [&](int s) {
    Strip& st = strips[size_t(s)];
    const int y0 = s * strip_rows, y1 = std::min(height, y0 + strip_rows);
    st.filtered.resize(size_t(y1 - y0) * (row_len + 1));
    std::vector<uint8_t> tmp, cur_rgb, prev_rgb;
    const uint8_t* prev = y0 > 0 ? source_row(y0 - 1, prev_rgb) : nullptr;
    for (int y = y0; y < y1; ++y) {
      const uint8_t* row = source_row(y, cur_rgb);
      filter_row(row, prev, row_len, bpp, st.filtered.data() + size_t(y - y0) * (row_len + 1), tmp);
      if (bpp == 3) {
        std::swap(cur_rgb, prev_rgb);
        prev = prev_rgb.data();
      } else {
        prev = row;
      }
    }
    st.adler = adler32(1, st.filtered.data(), uInt(st.filtered.size()));
  };
  auto deflate_strip = [&](int s) {
    Strip& st = strips[size_t(s)];
    z_stream z{};
    deflateInit2(&z, opt.level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
    if (s > 0) {  // prime with the end of the previous strip's input (same bytes on any machine)
      const auto& p = strips[size_t(s) - 1].filtered;
      const size_t n = std::min<size_t>(p.size(), 32768);
      deflateSetDictionary(&z, p.data() + p.size() - n, uInt(n));
    }
    st.deflated.resize(deflateBound(&z, uLong(st.filtered.size())) + 16);
    z.next_in = st.filtered.data();
    z.avail_in = uInt(st.filtered.size());
    z.next_out = reinterpret_cast<Bytef*>(st.deflated.data());
    z.avail_out = uInt(st.deflated.size());
    deflate(&z, s + 1 == n_strips ? Z_FINISH : Z_SYNC_FLUSH);
    st.deflated.resize(st.deflated.size() - z.avail_out);
    deflateEnd(&z);
  };

  unsigned n_threads = opt.threads ? opt.threads : std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
  n_threads = std::min<unsigned>(n_threads, unsigned(n_strips));
  auto run_all = [&](auto&& job) {
    std::atomic<int> next{0};
    auto work = [&] {
      for (int s; (s = next.fetch_add(1)) < n_strips;) job(s);
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < n_threads; ++t) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
  };
  // Two passes: a strip's dictionary is the previous strip's filtered rows.
  run_all(filter_strip);
  run_all(deflate_strip);

  std::string out("\x89PNG\r\n\x1a\n", 8);
  {
    std::string ihdr;
    put_u32(ihdr, uint32_t(width));
    put_u32(ihdr, uint32_t(height));
    const char rest[5] = {8, char(opt.alpha ? 6 : 2), 0, 0, 0};
    ihdr.append(rest, 5);
    chunk(out, "IHDR", ihdr.data(), ihdr.size());
  }
  // zlib header for a 32 KiB window; FLEVEL only advises, 2 = default.
  std::string idat("\x78\x9c", 2);
  uLong adler = 1;
  for (const Strip& st : strips) adler = adler32_combine(adler, st.adler, z_off_t(st.filtered.size()));
  for (const Strip& st : strips) {
    idat += st.deflated;
    if (idat.size() >= (1u << 20)) {
      chunk(out, "IDAT", idat.data(), idat.size());
      idat.clear();
    }
  }
  put_u32(idat, uint32_t(adler));
  chunk(out, "IDAT", idat.data(), idat.size());
  chunk(out, "IEND", nullptr, 0);
  return out;
}

}  // namespace driftmap::render
