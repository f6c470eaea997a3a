#include "core/encoding.hpp"

#include <cpl_conv.h>
#include <cpl_vsi.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/text.hpp"

namespace driftmap::core {

namespace {

// cp1252 0x80..0x9F; 0 = undefined in cp1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D).
constexpr uint16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};


bool is_cp1252_control(unsigned char b) {
  return (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F;
}

// Byte-at-a-time scan, so that files are checked in chunks without holding them in memory.
struct EncodingScan {
  // UTF-8 validator state: continuation bytes still expected, and the allowed range of the next.
  int need = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  bool utf8_ok = true, cp1252_ok = true, has_nul = false;
  int64_t line = 1, utf8_bad_line = 0, cp1252_bad_line = 0, nul_line = 0;
  unsigned char cp1252_bad_byte = 0;

  void feed(std::string_view s) {
    for (char ch : s) {
      const auto b = static_cast<unsigned char>(ch);
      if (b == 0 && !has_nul) has_nul = true, nul_line = line;
      if (cp1252_ok && ((b >= 0x80 && b <= 0x9F && kCp1252High[b - 0x80] == 0) || is_cp1252_control(b))) {
        cp1252_ok = false;
        cp1252_bad_line = line;
        cp1252_bad_byte = b;
      }
      if (utf8_ok) step_utf8(b);
      if (b == '\n') ++line;
    }
  }
  void finish() {
    if (utf8_ok && need != 0) utf8_ok = false, utf8_bad_line = line;
  }

 private:
  void step_utf8(unsigned char b) {
    if (need > 0) {
      if (b < lo || b > hi) return fail();
      lo = 0x80, hi = 0xBF;
      --need;
      return;
    }
    if (b < 0x80) return;
    if (b >= 0xC2 && b <= 0xDF) need = 1;
    else if (b == 0xE0) need = 2, lo = 0xA0;
    else if (b == 0xED) need = 2, hi = 0x9F;  // no surrogates
    else if (b >= 0xE1 && b <= 0xEF) need = 2;
    else if (b == 0xF0) need = 3, lo = 0x90;
    else if (b >= 0xF1 && b <= 0xF3) need = 3;
    else if (b == 0xF4) need = 3, hi = 0x8F;
    else fail();
  }
  void fail() {
    utf8_ok = false;
    utf8_bad_line = line;
  }
};

std::optional<TextEncoding> decide(const EncodingScan& scan, std::string* error, int64_t* error_line = nullptr) {
  auto hex = [](unsigned b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", b);
    return std::string(buf);
  };
  if (error_line) *error_line = scan.has_nul ? scan.nul_line : scan.cp1252_bad_line;
  if (scan.has_nul) {
    if (error) *error = "contains NUL bytes: not a text file driftmap can read";
    return std::nullopt;
  }
  if (scan.utf8_ok) return TextEncoding::Utf8;
  if (scan.cp1252_ok) return TextEncoding::Cp1252;
  if (error)
    *error = "is neither UTF-8 nor cp1252 text (byte " + hex(scan.cp1252_bad_byte) + " on line " +
             std::to_string(scan.cp1252_bad_line) + "); save it as UTF-8";
  return std::nullopt;
}

std::optional<TextEncoding> bom_encoding(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) return TextEncoding::Utf8Bom;
  if (head.starts_with("\xFF\xFE")) return TextEncoding::Utf16Le;
  if (head.starts_with("\xFE\xFF")) return TextEncoding::Utf16Be;
  return std::nullopt;
}

}  // namespace

std::string_view to_string(TextEncoding e) {
  switch (e) {
    case TextEncoding::Utf8: return "UTF-8";
    case TextEncoding::Utf8Bom: return "UTF-8 with BOM";
    case TextEncoding::Utf16Le: return "UTF-16LE";
    case TextEncoding::Utf16Be: return "UTF-16BE";
    case TextEncoding::Cp1252: return "cp1252";
  }
  return "?";
}

std::optional<TextEncoding> detect_encoding(std::string_view bytes, std::string* error) {
  if (auto bom = bom_encoding(bytes)) {
    if (*bom != TextEncoding::Utf8Bom) return bom;
    EncodingScan scan;
    scan.feed(bytes.substr(3));
    scan.finish();
    if (scan.utf8_ok && !scan.has_nul) return bom;
    if (error) *error = "starts with a UTF-8 byte order mark but is not valid UTF-8 (line " +
                        std::to_string(scan.has_nul ? scan.nul_line : scan.utf8_bad_line) + ")";
    return std::nullopt;
  }
  EncodingScan scan;
  scan.feed(bytes);
  scan.finish();
  return decide(scan, error);
}

std::string cp1252_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) out += ch;
    else if (b <= 0x9F) append_utf8(out, kCp1252High[b - 0x80] ? kCp1252High[b - 0x80] : 0xFFFD);
    else append_utf8(out, b);  // 0xA0..0xFF equal Latin-1
  }
  return out;
}

bool transcode_to_utf8(std::string_view bytes, TextEncoding encoding, std::string& out, std::string* error) {
  out.clear();
  switch (encoding) {
    case TextEncoding::Utf8: out.assign(bytes); return true;
    case TextEncoding::Utf8Bom:
      out.assign(bytes.starts_with("\xEF\xBB\xBF") ? bytes.substr(3) : bytes);
      return true;
    case TextEncoding::Cp1252: out = cp1252_to_utf8(bytes); return true;
    case TextEncoding::Utf16Le:
    case TextEncoding::Utf16Be: break;
  }
  const bool le = encoding == TextEncoding::Utf16Le;
  size_t i = (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) ? 2 : 0;
  if ((bytes.size() - i) % 2 != 0) {
    if (error) *error = "is UTF-16 but has an odd number of bytes (truncated?)";
    return false;
  }
  out.reserve((bytes.size() - i) / 2 + 16);
  int64_t line = 1;
  auto unit = [&](size_t k) -> uint32_t {
    const auto a = static_cast<unsigned char>(bytes[k]), b = static_cast<unsigned char>(bytes[k + 1]);
    return le ? (a | (b << 8)) : ((a << 8) | b);
  };
  for (; i < bytes.size(); i += 2) {
    uint32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size()) {
      const uint32_t lo = unit(i + 2);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        i += 2;
      }
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      if (error) *error = "is UTF-16 with an unpaired surrogate on line " + std::to_string(line);
      return false;
    }
    if (cp == 0) {
      if (error) *error = "contains NUL characters on line " + std::to_string(line) + ": not a text file driftmap can read";
      return false;
    }
    if (cp == '\n') ++line;
    append_utf8(out, cp);
  }
  return true;
}

char detect_delimiter(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  size_t commas = 0, semis = 0, tabs = 0;
  bool q = false;
  for (char c : text) {
    if (c == '"') q = !q;
    if (q) continue;
    if (c == '\n' || c == '\r') break;
    commas += c == ',';
    semis += c == ';';
    tabs += c == '\t';
  }
  if (semis > commas && semis >= tabs) return ';';
  if (tabs > commas) return '\t';
  return ',';
}

std::string delimiter_name(char d) {
  if (d == '\t') return "tab";
  return std::string("'") + d + "'";
}


bool looks_binary_format(std::string_view head) {
  return head.starts_with(std::string_view("SQLite format 3\0", 16)) ||
         head.starts_with(std::string_view("fgb\x03", 4)) ||
         head.starts_with(std::string_view("\x00\x00\x27\x0A", 4)) ||  // Shapefile .shp
         head.starts_with(std::string_view("PK\x03\x04", 4));         // zip (KMZ, zipped sources)
}

// ---- Utf8Source ----------------------------------------------------------------------------

std::optional<Utf8Source> Utf8Source::open(const std::string& path, std::string* error, int64_t* error_line) {
  if (error_line) *error_line = 0;
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    if (error) *error = "cannot be opened for reading";
    return std::nullopt;
  }
  std::string chunk(1 << 16, '\0');
  f.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
  chunk.resize(static_cast<size_t>(f.gcount()));
  Utf8Source src;
  src.path_ = src.ogr_path_ = path;
  if (looks_binary_format(chunk)) return src;
  src.is_text_ = true;

  std::optional<TextEncoding> enc = bom_encoding(chunk);
  if (!enc || *enc == TextEncoding::Utf8Bom) {
    // Stream the rest: a valid UTF-8 file is never held in memory whole.
    EncodingScan scan;
    scan.feed(enc ? std::string_view(chunk).substr(3) : std::string_view(chunk));
    std::string buf(1 << 20, '\0');
    while (f) {
      f.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      scan.feed(std::string_view(buf.data(), static_cast<size_t>(f.gcount())));
    }
    scan.finish();
    if (enc) {  // BOM: must be UTF-8
      if (!scan.utf8_ok || scan.has_nul) {
        if (error) *error = "starts with a UTF-8 byte order mark but is not valid UTF-8 (line " +
                            std::to_string(scan.has_nul ? scan.nul_line : scan.utf8_bad_line) + ")";
        return std::nullopt;
      }
    } else {
      enc = decide(scan, error, error_line);
      if (!enc) return std::nullopt;
    }
  }
  src.encoding_ = *enc;
  if (*enc == TextEncoding::Utf8 || *enc == TextEncoding::Utf8Bom) {
    src.head_ = chunk;  // OGR's CSV and GeoJSON drivers skip a UTF-8 BOM themselves
    if (src.head_.starts_with("\xEF\xBB\xBF")) src.head_.erase(0, 3);
    return src;
  }

  // Transcode the whole file into a /vsimem/ buffer owned by GDAL until unlinked.
  f.clear();
  f.seekg(0);
  std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  std::string utf8;
  if (!transcode_to_utf8(bytes, *enc, utf8, error)) return std::nullopt;
  static std::atomic<uint64_t> counter{0};
  src.vsimem_path_ = "/vsimem/driftmap-utf8-" + std::to_string(++counter) + "/" +
                     std::filesystem::path(path).filename().string();
  auto* data = static_cast<GByte*>(VSIMalloc(utf8.size() ? utf8.size() : 1));
  if (!data) {
    if (error) *error = "is too large to convert to UTF-8 in memory";
    return std::nullopt;
  }
  std::copy(utf8.begin(), utf8.end(), data);
  VSILFILE* mem = VSIFileFromMemBuffer(src.vsimem_path_.c_str(), data, utf8.size(), TRUE);
  if (!mem) {
    VSIFree(data);
    if (error) *error = "cannot be converted to UTF-8 in memory";
    return std::nullopt;
  }
  VSIFCloseL(mem);
  src.ogr_path_ = src.vsimem_path_;
  src.head_ = utf8.substr(0, 1 << 16);
  return src;
}

Utf8Source::Utf8Source(Utf8Source&& o) noexcept { *this = std::move(o); }

Utf8Source& Utf8Source::operator=(Utf8Source&& o) noexcept {
  if (this != &o) {
    if (!vsimem_path_.empty()) VSIUnlink(vsimem_path_.c_str());
    path_ = std::move(o.path_);
    ogr_path_ = std::move(o.ogr_path_);
    vsimem_path_ = std::move(o.vsimem_path_);
    head_ = std::move(o.head_);
    is_text_ = o.is_text_;
    encoding_ = o.encoding_;
    o.vsimem_path_.clear();
  }
  return *this;
}

Utf8Source::~Utf8Source() {
  if (!vsimem_path_.empty()) VSIUnlink(vsimem_path_.c_str());
}

std::vector<int64_t> Utf8Source::csv_record_lines() const {
  if (!vsimem_path_.empty()) {
    vsi_l_offset size = 0;
    GByte* data = VSIGetMemFileBuffer(vsimem_path_.c_str(), &size, FALSE);
    if (data) return csv_record_lines_of(std::string_view(reinterpret_cast<const char*>(data), size));
    return {};
  }
  return core::csv_record_lines(path_);
}

}  // namespace driftmap::core
