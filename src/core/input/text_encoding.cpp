// Encoding detection (uchardet) and transcoding (iconv); see text_encoding.hpp.
#include "core/input/text_encoding.hpp"

#include <iconv.h>
#include <uchardet/uchardet.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <memory>

#include "core/text.hpp"

namespace driftmap::core {

namespace {

std::string hex(unsigned b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", b);
  return buf;
}

int64_t line_at(std::string_view bytes, size_t offset) {
  return 1 + std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(std::min(offset, bytes.size())), '\n');
}

struct IconvCloser {
  void operator()(iconv_t cd) const { iconv_close(cd); }
};
using IconvPtr = std::unique_ptr<std::remove_pointer_t<iconv_t>, IconvCloser>;

IconvPtr open_to_utf8(std::string_view from) {
  iconv_t cd = iconv_open("UTF-8", std::string(from).c_str());
  return IconvPtr(cd == reinterpret_cast<iconv_t>(-1) ? nullptr : cd);
}

// uchardet's charset name as driftmap reports it and iconv reads it. ISO-8859-1 is read as its
// superset cp1252 (as browsers do): files labelled Latin-1 use 0x80-0x9F for cp1252 punctuation.
TextEncoding guessed_encoding(std::string charset) {
  std::transform(charset.begin(), charset.end(), charset.begin(), [](unsigned char c) { return std::toupper(c); });
  TextEncoding e;
  e.guessed = true;
  e.iconv_name = charset == "ISO-8859-1" ? "WINDOWS-1252" : charset;
  e.name = e.iconv_name;
  if (e.name.starts_with("WINDOWS-")) e.name = "cp" + e.name.substr(8);
  return e;
}

std::string guess_charset(std::string_view bytes) {
  uchardet_t ud = uchardet_new();
  uchardet_handle_data(ud, bytes.data(), bytes.size());
  uchardet_data_end(ud);
  std::string charset = uchardet_get_charset(ud);
  uchardet_delete(ud);
  return charset;
}

// A control byte no text file has (NUL included); 0 when there is none.
size_t find_control_byte(std::string_view bytes) {
  for (size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F) return i + 1;
  }
  return 0;
}

std::optional<TextEncoding> bom_encoding(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) return TextEncoding{"UTF-8 with BOM", "", false, 3};
  if (head.starts_with("\xFF\xFE")) return TextEncoding{"UTF-16LE", "UTF-16LE", false, 2};
  if (head.starts_with("\xFE\xFF")) return TextEncoding{"UTF-16BE", "UTF-16BE", false, 2};
  return std::nullopt;
}

std::optional<TextEncoding> requested_encoding(std::string_view bytes, std::string_view name, std::string* error) {
  std::string upper(name);
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  if (upper == "UTF-8" || upper == "UTF8") return TextEncoding{"UTF-8", "", false, bytes.starts_with("\xEF\xBB\xBF") ? 3u : 0u};
  if (!is_known_encoding(name)) {
    if (error) *error = "encoding \"" + std::string(name) + "\" is not known (see `iconv --list`)";
    return std::nullopt;
  }
  return TextEncoding{std::string(name), std::string(name), false, 0};
}

}  // namespace

bool is_known_encoding(std::string_view name) { return open_to_utf8(name) != nullptr; }

std::optional<TextEncoding> detect_encoding(std::string_view bytes, std::string_view requested, std::string* error,
                                            int64_t* error_line) {
  if (error_line) *error_line = 0;
  if (auto bom = bom_encoding(bytes); bom && requested.empty()) {
    if (!bom->is_utf8()) return bom;
    size_t bad = 0;
    if (is_valid_utf8(bytes.substr(3), &bad) && bytes.find('\0') == std::string_view::npos) return bom;
    if (error) *error = "starts with a UTF-8 byte order mark but is not valid UTF-8";
    if (error_line) *error_line = line_at(bytes, bytes.find('\0') != std::string_view::npos ? bytes.find('\0') : bad + 3);
    return std::nullopt;
  }
  if (const size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    if (error) *error = "contains NUL bytes: not a text file driftmap can read";
    if (error_line) *error_line = line_at(bytes, nul);
    return std::nullopt;
  }
  if (!requested.empty()) return requested_encoding(bytes, requested, error);
  if (is_valid_utf8(bytes)) return TextEncoding{"UTF-8", "", false, 0};
  if (const size_t at = find_control_byte(bytes)) {
    const auto b = static_cast<unsigned char>(bytes[at - 1]);
    if (error) *error = "is not text (control byte " + hex(b) + " on line " + std::to_string(line_at(bytes, at - 1)) +
                        "); save it as UTF-8";
    if (error_line) *error_line = line_at(bytes, at - 1);
    return std::nullopt;
  }
  const std::string charset = guess_charset(bytes);
  // The bytes are known not to be UTF-8 here: a UTF-8 or ASCII guess is no answer.
  const bool utf8_guess = charset == "UTF-8" || charset == "ASCII";
  if (charset.empty() || utf8_guess || !is_known_encoding(charset)) {
    if (error) *error = "is not UTF-8 and its encoding could not be recognised; save it as UTF-8 or give --encoding NAME";
    return std::nullopt;
  }
  TextEncoding guess = guessed_encoding(charset);
  // Short Latin texts often fit several code pages; when cp1252 gives the very same text, it is
  // named (the most common one), so the report does not depend on uchardet's tie-breaking.
  if (guess.iconv_name != "WINDOWS-1252") {
    const TextEncoding cp1252 = guessed_encoding("WINDOWS-1252");
    std::string a, b;
    if (transcode_to_utf8(bytes, guess, a) && transcode_to_utf8(bytes, cp1252, b) && a == b) return cp1252;
  }
  return guess;
}

bool transcode_to_utf8(std::string_view bytes, const TextEncoding& encoding, std::string& out, std::string* error) {
  bytes.remove_prefix(std::min(encoding.bom_bytes, bytes.size()));
  if (encoding.is_utf8()) {
    size_t bad = 0;
    if (!is_valid_utf8(bytes, &bad)) {
      if (error) *error = "is not valid UTF-8 (byte " + hex(static_cast<unsigned char>(bytes[bad])) + " on line " +
                          std::to_string(line_at(bytes, bad)) + ")";
      return false;
    }
    out.assign(bytes);
    return true;
  }
  IconvPtr cd = open_to_utf8(encoding.iconv_name);
  if (!cd) {
    if (error) *error = "encoding \"" + encoding.name + "\" is not known";
    return false;
  }
  out.assign(bytes.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size(), done = 0;
  while (in_left > 0) {
    char* dst = out.data() + done;
    size_t out_left = out.size() - done;
    const size_t r = iconv(cd.get(), &in, &in_left, &dst, &out_left);
    done = out.size() - out_left;
    if (r != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    const int64_t line = 1 + std::count(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(done), '\n');
    if (error)
      *error = errno == EILSEQ ? "byte " + hex(static_cast<unsigned char>(*in)) + " on line " + std::to_string(line) +
                                     " is not a " + encoding.name + " character; save the file as UTF-8 or give --encoding NAME"
                               : "ends in the middle of a " + encoding.name + " character on line " +
                                     std::to_string(line) + " (truncated?)";
    return false;
  }
  out.resize(done);
  if (size_t bad = 0; !is_valid_utf8(out, &bad)) {  // iconv passes some malformed input through
    if (error) *error = "is not valid " + encoding.name + " text (line " + std::to_string(line_at(out, bad)) + ")";
    return false;
  }
  if (const size_t nul = out.find('\0'); nul != std::string::npos) {
    if (error) *error = "contains NUL characters on line " + std::to_string(line_at(out, nul)) +
                        ": not a text file driftmap can read";
    return false;
  }
  return true;
}

size_t count_high_bytes(std::string_view bytes, int64_t* first_line) {
  size_t n = 0;
  if (first_line) *first_line = 0;
  for (size_t i = 0; i < bytes.size(); ++i)
    if (static_cast<unsigned char>(bytes[i]) >= 0x80 && n++ == 0 && first_line) *first_line = line_at(bytes, i);
  return n;
}

bool looks_binary_format(std::string_view head) {
  return head.starts_with(std::string_view("SQLite format 3\0", 16)) ||
         head.starts_with(std::string_view("fgb\x03", 4)) ||
         head.starts_with(std::string_view("\x00\x00\x27\x0A", 4)) ||  // Shapefile .shp
         head.starts_with(std::string_view("PK\x03\x04", 4));         // zip (KMZ, zipped sources)
}

}  // namespace driftmap::core
