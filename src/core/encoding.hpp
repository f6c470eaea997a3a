// Text encodings of incident files (issue 8): detection of UTF-8 (with or without BOM), UTF-16
// LE/BE (with BOM) and cp1252, detection of the CSV delimiter, and transcoding to UTF-8 so that
// OGR always reads UTF-8. Transcoding keeps every line break, so a line number in the UTF-8 text
// is the line number in the original file.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv_lines.hpp"

namespace driftmap::core {

enum class TextEncoding : uint8_t { Utf8, Utf8Bom, Utf16Le, Utf16Be, Cp1252 };
std::string_view to_string(TextEncoding);  // "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE", "cp1252"

// Encoding of a whole text. Without a BOM: valid UTF-8 → Utf8; otherwise cp1252 when every byte
// is a defined cp1252 character and no control characters other than tab/CR/LF/FF occur.
// Returns nullopt and sets *error ("byte 0x81 on line 3 is neither UTF-8 nor cp1252") otherwise.
std::optional<TextEncoding> detect_encoding(std::string_view bytes, std::string* error = nullptr);

// Converts bytes in the given encoding to UTF-8 without BOM. Fails (with *error naming the line)
// on an unpaired UTF-16 surrogate or an odd UTF-16 byte count.
bool transcode_to_utf8(std::string_view bytes, TextEncoding encoding, std::string& out, std::string* error = nullptr);
// cp1252 → UTF-8 for a single value (undefined bytes become U+FFFD).
std::string cp1252_to_utf8(std::string_view bytes);

// The delimiter of a CSV header line (quote-aware count of ',', ';' and tab; ',' on ties).
char detect_delimiter(std::string_view utf8_text);
// "','", "';'", "tab".
std::string delimiter_name(char delimiter);

// Binary container formats (GeoPackage/SQLite, FlatGeobuf, Shapefile, zip) by magic number.
bool looks_binary_format(std::string_view head);

// A file as OGR should read it: the file itself when it is UTF-8 text or a binary format, or a
// GDAL /vsimem/ copy transcoded to UTF-8 (same file name, so drivers still go by extension),
// removed when this object is destroyed. Move-only.
class Utf8Source {
 public:
  // Reads and checks the file. On failure returns nullopt with *error (no file or line prefix)
  // and *error_line (the line at fault; 0 for the whole file).
  static std::optional<Utf8Source> open(const std::string& path, std::string* error, int64_t* error_line = nullptr);
  Utf8Source(Utf8Source&& o) noexcept;
  Utf8Source& operator=(Utf8Source&& o) noexcept;
  Utf8Source(const Utf8Source&) = delete;
  Utf8Source& operator=(const Utf8Source&) = delete;
  ~Utf8Source();

  const std::string& ogr_path() const { return ogr_path_; }  // path or /vsimem/...
  bool is_text() const { return is_text_; }
  bool transcoded() const { return !vsimem_path_.empty(); }
  TextEncoding encoding() const { return encoding_; }
  // The first 64 KiB as UTF-8 (text files only), for header checks.
  const std::string& head() const { return head_; }
  // Record start lines; from the transcoded text when there is one, else read from the file.
  std::vector<int64_t> csv_record_lines() const;

 private:
  Utf8Source() = default;
  std::string path_, ogr_path_, vsimem_path_, head_;
  bool is_text_ = false;
  TextEncoding encoding_ = TextEncoding::Utf8;
};

}  // namespace driftmap::core
