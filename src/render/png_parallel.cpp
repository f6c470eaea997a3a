// Strip-parallel PNG: filter None for rows deflate can match, libpng's adaptive filter choice for
// the others, one reset zlib stream per strip; see png_parallel.hpp for the measurements.
#include "render/png_parallel.hpp"

#include <zlib.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <stdexcept>
#include <thread>
#include <vector>

namespace driftmap::render {

namespace {

// Filtered bytes per strip stay below this: zlib slides its window once the input reaches
// 64 KiB - 262 bytes, which a strip then never does.
constexpr size_t kStripBytes = 65000;

// A row goes through the adaptive filters when more than this share of its pixels equals neither
// the pixel on the left nor the one above. Map rows stay under a tenth, photos are near one.
constexpr size_t kUnmatchedDivisor = 4;

// zlib's parameters for levels 1-3 (its fast matcher) with nice_length 258 instead of 8/16/32.
struct Tuning {
  int good_length, max_lazy, nice_length, max_chain;
};
constexpr Tuning kFastLevels[4] = {{0, 0, 0, 0}, {4, 4, 258, 4}, {4, 5, 258, 8}, {4, 6, 258, 32}};

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

// Adler-32 as zlib computes it, 32 bytes a step: a += each byte, b += a, i.e. per block of 32
// b += 32 * a + sum((32 - k) * byte[k]). Blocks are summed for at most 5552 bytes (zlib's NMAX)
// before the modulo.
uint32_t adler32_update(uint32_t adler, const uint8_t* p, size_t n) {
#if defined(__SSE2__)
  constexpr uint64_t kMod = 65521;
  uint64_t a = adler & 0xffff, b = adler >> 16;
  const __m128i zero = _mm_setzero_si128();
  const __m128i w0 = _mm_setr_epi16(32, 31, 30, 29, 28, 27, 26, 25), w1 = _mm_setr_epi16(24, 23, 22, 21, 20, 19, 18, 17);
  const __m128i w2 = _mm_setr_epi16(16, 15, 14, 13, 12, 11, 10, 9), w3 = _mm_setr_epi16(8, 7, 6, 5, 4, 3, 2, 1);
  while (n >= 32) {
    const size_t blocks = std::min<size_t>(n / 32, 5552 / 32);
    __m128i sum = zero, sum_before = zero, weighted = zero;  // sums in the low 32 bits of each 64-bit lane
    for (size_t k = 0; k < blocks; ++k, p += 32) {
      const __m128i d0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const __m128i d1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16));
      sum_before = _mm_add_epi32(sum_before, sum);
      sum = _mm_add_epi32(sum, _mm_add_epi32(_mm_sad_epu8(d0, zero), _mm_sad_epu8(d1, zero)));
      weighted = _mm_add_epi32(weighted, _mm_madd_epi16(_mm_unpacklo_epi8(d0, zero), w0));
      weighted = _mm_add_epi32(weighted, _mm_madd_epi16(_mm_unpackhi_epi8(d0, zero), w1));
      weighted = _mm_add_epi32(weighted, _mm_madd_epi16(_mm_unpacklo_epi8(d1, zero), w2));
      weighted = _mm_add_epi32(weighted, _mm_madd_epi16(_mm_unpackhi_epi8(d1, zero), w3));
    }
    alignas(16) uint32_t s[4], sb[4], w[4];
    _mm_store_si128(reinterpret_cast<__m128i*>(s), sum);
    _mm_store_si128(reinterpret_cast<__m128i*>(sb), sum_before);
    _mm_store_si128(reinterpret_cast<__m128i*>(w), weighted);
    b += 32 * a * blocks + 32 * (uint64_t(sb[0]) + sb[2]) + (uint64_t(w[0]) + w[1] + w[2] + w[3]);
    a += uint64_t(s[0]) + s[2];
    a %= kMod, b %= kMod;
    n -= blocks * 32;
  }
  return uint32_t(adler32(uLong(b << 16 | a), p, uInt(n)));
#else
  return uint32_t(adler32(adler, p, uInt(n)));
#endif
}

uint32_t pixel(const uint8_t* row, int x) {
  uint32_t v;
  std::memcpy(&v, row + size_t(x) * 4, 4);
  return v;
}

// Pixels (RGBA compared whole) equal neither to their left nor to their upper neighbour; above
// is null for the first row.
size_t unmatched_pixels(const uint8_t* row, const uint8_t* above, int width) {
  if (width <= 0) return 0;
  size_t n = above ? pixel(row, 0) != pixel(above, 0) : 1;
  int x = 1;
#if defined(__SSE2__)
  if (above) {
    __m128i matched = _mm_setzero_si128();
    for (; x + 4 <= width; x += 4) {
      const uint8_t* p = row + size_t(x) * 4;
      const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const __m128i left = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p - 4));
      const __m128i up = _mm_loadu_si128(reinterpret_cast<const __m128i*>(above + size_t(x) * 4));
      matched = _mm_sub_epi32(matched, _mm_or_si128(_mm_cmpeq_epi32(c, left), _mm_cmpeq_epi32(c, up)));  // lanes -1 or 0
    }
    alignas(16) uint32_t m[4];
    _mm_store_si128(reinterpret_cast<__m128i*>(m), matched);
    n += size_t(x - 1) - (size_t(m[0]) + m[1] + m[2] + m[3]);
  }
#endif
  for (; x < width; ++x) n += pixel(row, x) != pixel(row, x - 1) && (!above || pixel(row, x) != pixel(above, x));
  return n;
}

// The row in the output format: RGBA as is, or RGB.
void store_pixels(const uint8_t* rgba, int width, int bpp, uint8_t* out) {
  if (bpp == 4) {
    std::memcpy(out, rgba, size_t(width) * 4);
    return;
  }
  int x = 0;
  for (; x + 1 < width; ++x) std::memcpy(out + size_t(x) * 3, rgba + size_t(x) * 4, 4);  // 4th byte: overwritten next
  if (width > 0) std::memcpy(out + size_t(x) * 3, rgba + size_t(x) * 4, 3);
}

inline uint8_t paeth(int a, int b, int c) {
  const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  return uint8_t(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
}

inline uint32_t magnitude(uint8_t residual) { return residual < 128 ? residual : 256u - residual; }

// libpng's heuristic: the filter whose residuals have the smallest sum of |signed value|. row and
// prev (zeros above the first row) have bpp zero bytes in front; scratch holds 4 * len bytes.
void filter_adaptive(const uint8_t* row, const uint8_t* prev, size_t len, int bpp, uint8_t* out, uint8_t* scratch) {
  uint8_t* sub = scratch;
  uint8_t* up = scratch + len;
  uint8_t* avg = scratch + 2 * len;
  uint8_t* pae = scratch + 3 * len;
  uint32_t cost[5] = {0, 0, 0, 0, 0};
  // One pass per filter: no branches per byte.
  for (size_t i = 0; i < len; ++i) cost[0] += magnitude(row[i]);
  for (size_t i = 0; i < len; ++i) cost[1] += magnitude(sub[i] = uint8_t(row[i] - row[i - bpp]));
  for (size_t i = 0; i < len; ++i) cost[2] += magnitude(up[i] = uint8_t(row[i] - prev[i]));
  for (size_t i = 0; i < len; ++i) cost[3] += magnitude(avg[i] = uint8_t(row[i] - ((row[i - bpp] + prev[i]) >> 1)));
  for (size_t i = 0; i < len; ++i) cost[4] += magnitude(pae[i] = uint8_t(row[i] - paeth(row[i - bpp], prev[i], prev[i - bpp])));
  int best = 0;
  for (int k = 1; k < 5; ++k)
    if (cost[k] < cost[best]) best = k;
  const uint8_t* chosen[5] = {row, sub, up, avg, pae};
  out[0] = uint8_t(best);
  std::memcpy(out + 1, chosen[best], len);
}

// One raw deflate stream per thread, reset for each strip.
class Deflater {
 public:
  explicit Deflater(int level) : level_(level) {
    if (deflateInit2(&z_, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::bad_alloc();
  }
  ~Deflater() { deflateEnd(&z_); }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  size_t bound(size_t n) { return deflateBound(&z_, uLong(n)) + 64; }  // + the sync flush's empty block

  // Appends the compressed bytes of in to out (sized by bound()); returns their count.
  size_t compress(const uint8_t* in, size_t n, bool last, uint8_t* out, size_t out_size) {
    deflateReset(&z_);
    if (level_ >= 1 && level_ <= 3) {  // deflateReset restores the level's parameters
      const Tuning& t = kFastLevels[level_];
      deflateTune(&z_, t.good_length, t.max_lazy, t.nice_length, t.max_chain);
    }
    z_.next_in = const_cast<Bytef*>(in);
    z_.avail_in = uInt(n);
    z_.next_out = out;
    z_.avail_out = uInt(out_size);
    const int rc = deflate(&z_, last ? Z_FINISH : Z_SYNC_FLUSH);
    if (rc != (last ? Z_STREAM_END : Z_OK) || z_.avail_in != 0) throw std::runtime_error("PNG encoding: zlib deflate failed");
    return out_size - z_.avail_out;
  }

 private:
  z_stream z_{};
  int level_;
};

// How the image is cut into strips, each filtered and deflated on its own.
struct StripPlan {
  int width, height, bpp, level;
  size_t row_len, row_bytes, src_stride;
  int strip_rows, n_strips;
};

struct Strip {
  std::string deflated;
  uint32_t adler = 1;
  size_t size = 0;  // filtered bytes
};

// One worker's encoder, with buffers reused from strip to strip.
class StripEncoder {
 public:
  StripEncoder(const StripPlan& plan, std::span<const uint8_t> rgba)
      : p_(plan), rgba_(rgba), deflater_(plan.level), filtered_(size_t(plan.strip_rows) * plan.row_bytes),
        compressed_(deflater_.bound(filtered_.size())) {}

  // Filters strip s row by row (a row mostly equal to the one above is stored unfiltered, which
  // deflate then matches cheaply; others get the adaptive filter) and deflates it.
  void encode(int s, Strip& st) {
    const int y0 = s * p_.strip_rows, y1 = std::min(p_.height, y0 + p_.strip_rows);
    bool prev_ready = false;  // prev_buf_ holds row y - 1
    for (int y = y0; y < y1; ++y) {
      const uint8_t* row = rgba_.data() + size_t(y) * p_.src_stride;
      const uint8_t* above = y > 0 ? row - p_.src_stride : nullptr;
      uint8_t* out = filtered_.data() + size_t(y - y0) * p_.row_bytes;
      if (unmatched_pixels(row, above, p_.width) * kUnmatchedDivisor <= size_t(p_.width)) {
        out[0] = 0;
        store_pixels(row, p_.width, p_.bpp, out + 1);
        prev_ready = false;
        continue;
      }
      if (scratch_.empty())
        cur_buf_.assign(p_.row_len + 4, 0), prev_buf_.assign(p_.row_len + 4, 0), scratch_.resize(p_.row_len * 4);
      if (!prev_ready) {
        if (above) store_pixels(above, p_.width, p_.bpp, prev_buf_.data() + 4);
        else std::fill(prev_buf_.begin(), prev_buf_.end(), uint8_t(0));
      }
      store_pixels(row, p_.width, p_.bpp, cur_buf_.data() + 4);
      filter_adaptive(cur_buf_.data() + 4, prev_buf_.data() + 4, p_.row_len, p_.bpp, out, scratch_.data());
      std::swap(cur_buf_, prev_buf_);
      prev_ready = true;
    }
    st.size = size_t(y1 - y0) * p_.row_bytes;
    st.adler = adler32_update(1, filtered_.data(), st.size);
    const size_t n =
        deflater_.compress(filtered_.data(), st.size, s + 1 == p_.n_strips, compressed_.data(), compressed_.size());
    st.deflated.assign(reinterpret_cast<const char*>(compressed_.data()), n);
  }

 private:
  const StripPlan& p_;
  std::span<const uint8_t> rgba_;
  Deflater deflater_;
  std::vector<uint8_t> filtered_, compressed_;
  // For the adaptive filters: this row and the one above in the output format, each with 4
  // zero bytes in front (the left neighbours of the first pixel), and the candidates.
  std::vector<uint8_t> cur_buf_, prev_buf_, scratch_;
};

// Encodes all strips on n_threads threads (this one included), each taking the next strip. The
// first failure stops the others after their current strip and is rethrown here.
void encode_strips(const StripPlan& plan, std::span<const uint8_t> rgba, unsigned n_threads,
                   std::vector<Strip>& strips) {
  std::atomic<int> next{0};
  std::vector<std::exception_ptr> errors(n_threads);
  auto guarded = [&](unsigned t) {
    try {
      StripEncoder encoder(plan, rgba);
      for (int s; (s = next.fetch_add(1)) < plan.n_strips;) encoder.encode(s, strips[size_t(s)]);
    } catch (...) {
      errors[t] = std::current_exception();
      next = plan.n_strips;
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < n_threads; ++t) threads.emplace_back(guarded, t);
  guarded(0);
  for (auto& t : threads) t.join();
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
}

// The PNG file: signature, IHDR, the strips' deflate streams joined into one zlib stream (header,
// the blocks, the combined Adler-32) in IDAT chunks of about 1 MiB, and IEND.
std::string assemble_png(const StripPlan& plan, bool alpha, const std::vector<Strip>& strips) {
  std::string out("\x89PNG\r\n\x1a\n", 8);
  {
    std::string ihdr;
    put_u32(ihdr, uint32_t(plan.width));
    put_u32(ihdr, uint32_t(plan.height));
    const char rest[5] = {8, char(alpha ? 6 : 2), 0, 0, 0};
    ihdr.append(rest, 5);
    chunk(out, "IHDR", ihdr.data(), ihdr.size());
  }
  // zlib header: deflate with a 32 KiB window; FLEVEL (advisory) as zlib would set it.
  const int level = plan.level;
  const unsigned flevel = level < 2 ? 0 : level < 6 ? 1 : level == 6 ? 2 : 3;
  const unsigned header = (0x78u << 8 | flevel << 6) + 31 - (0x78u << 8 | flevel << 6) % 31;
  std::string idat{char(header >> 8), char(header & 0xff)};
  uLong adler = 1;
  for (const Strip& st : strips) adler = adler32_combine(adler, st.adler, z_off_t(st.size));
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

}  // namespace

bool is_opaque(std::span<const uint8_t> rgba) {
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i alpha = _mm_set1_epi32(int(0xff000000u));
  for (; i + 64 <= rgba.size(); i += 64) {
    const __m128i* p = reinterpret_cast<const __m128i*>(rgba.data() + i);
    const __m128i all = _mm_and_si128(_mm_and_si128(_mm_loadu_si128(p), _mm_loadu_si128(p + 1)),
                                      _mm_and_si128(_mm_loadu_si128(p + 2), _mm_loadu_si128(p + 3)));
    if (_mm_movemask_epi8(_mm_cmpeq_epi32(_mm_and_si128(all, alpha), alpha)) != 0xffff) return false;
  }
#endif
  for (i += 3; i < rgba.size(); i += 4)
    if (rgba[i] != 255) return false;
  return true;
}

std::string encode_png_parallel(std::span<const uint8_t> rgba, int width, int height, const PngEncodeOptions& opt) {
  StripPlan plan;
  plan.width = width, plan.height = height;
  plan.bpp = opt.alpha ? 4 : 3;
  plan.level = std::clamp(opt.level, 0, 9);
  plan.row_len = size_t(width) * size_t(plan.bpp), plan.row_bytes = plan.row_len + 1;
  plan.strip_rows = opt.strip_rows > 0
                        ? opt.strip_rows
                        : int(std::clamp<size_t>(kStripBytes / plan.row_bytes, 1, size_t(std::max(height, 1))));
  plan.n_strips = (height + plan.strip_rows - 1) / plan.strip_rows;
  plan.src_stride = size_t(width) * 4;

  std::vector<Strip> strips(static_cast<size_t>(plan.n_strips));
  unsigned n_threads = opt.threads ? opt.threads : std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
  n_threads = std::max(1u, std::min<unsigned>(n_threads, unsigned(plan.n_strips)));
  encode_strips(plan, rgba, n_threads, strips);
  return assemble_png(plan, opt.alpha, strips);
}

}  // namespace driftmap::render
