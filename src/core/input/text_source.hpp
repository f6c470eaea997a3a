// An incident file's bytes as the readers need them: for text, the whole text in UTF-8 (a view of
// the mapped file when it is UTF-8, else a transcoded copy) and the encoding it was read as; for
// OGR, a path to open (the file itself, or a GDAL /vsimem/ UTF-8 copy with the same file name so
// that drivers still go by extension, removed with this object). Move-only.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/input/mapped_file.hpp"
#include "core/input/text_encoding.hpp"

namespace driftmap::core {

class TextSource {
 public:
  // Maps and checks the file. requested_encoding: the user's --encoding ("" = detect). On failure
  // returns nullopt with *error (no file prefix) and *error_line (0 = the whole file).
  static std::optional<TextSource> open(const std::string& path, const std::string& requested_encoding,
                                        std::string* error, int64_t* error_line = nullptr);
  TextSource(TextSource&& o) noexcept;
  TextSource& operator=(TextSource&& o) noexcept;
  TextSource(const TextSource&) = delete;
  TextSource& operator=(const TextSource&) = delete;
  ~TextSource();

  bool is_text() const { return is_text_; }
  const TextEncoding& encoding() const { return encoding_; }
  std::string_view text() const { return text_; }  // UTF-8 without BOM; empty for binary formats
  std::string_view bytes() const { return file_.view(); }  // the file as it is
  // The path OGR should open; creates the /vsimem/ copy on first use when the text was transcoded.
  const std::string& ogr_path();

 private:
  TextSource() = default;
  void release();
  std::string path_, ogr_path_, vsimem_path_;
  MappedFile file_;
  std::string utf8_;       // the transcoded text, when not UTF-8
  std::string_view text_;  // into file_ or utf8_
  bool is_text_ = false;
  TextEncoding encoding_;
};

}  // namespace driftmap::core
