// Text encodings of incident files: a BOM (UTF-8, UTF-16LE/BE) decides; otherwise valid UTF-8
// is UTF-8; otherwise the encoding the user named (--encoding), else the one uchardet guesses
// from the bytes (cp1252, cp1251, KOI8-R, cp1256, ...). Transcoding to UTF-8 is done by iconv and
// keeps every line break, so a line number in the UTF-8 text is the line in the original file.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace driftmap::core {

struct TextEncoding {
  std::string name;        // as reported: "UTF-8", "UTF-8 with BOM", "UTF-16LE", "cp1251", "KOI8-R", ...
  std::string iconv_name;  // what iconv reads it as; empty for UTF-8
  bool guessed = false;    // chosen by uchardet from the bytes, not by a BOM, UTF-8 validity or the user
  size_t bom_bytes = 0;
  bool is_utf8() const { return iconv_name.empty(); }
};

// The encoding of bytes. requested: the user's --encoding name ("" = detect). On failure returns
// nullopt with *error (no file prefix) and *error_line (0 = the whole file).
std::optional<TextEncoding> detect_encoding(std::string_view bytes, std::string_view requested = {},
                                            std::string* error = nullptr, int64_t* error_line = nullptr);

// Converts bytes to UTF-8 without BOM. Fails (with *error naming the line) on a byte sequence
// that is not a character of the encoding, or on a NUL character.
bool transcode_to_utf8(std::string_view bytes, const TextEncoding& encoding, std::string& out,
                       std::string* error = nullptr);

// True when iconv knows the encoding name (for checking --encoding up front).
bool is_known_encoding(std::string_view name);

// Bytes ≥ 0x80 in bytes, and the line of the first (0 = none): what a guessed single-byte
// encoding decided, for the warning that says so.
size_t count_high_bytes(std::string_view bytes, int64_t* first_line);

// Binary container formats (GeoPackage/SQLite, FlatGeobuf, Shapefile, zip) by magic number.
bool looks_binary_format(std::string_view head);

}  // namespace driftmap::core
