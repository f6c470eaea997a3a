#include "core/input/text_source.hpp"

#include <cpl_vsi.h>

#include <atomic>
#include <filesystem>

namespace driftmap::core {

std::optional<TextSource> TextSource::open(const std::string& path, const std::string& requested_encoding,
                                           std::string* error, int64_t* error_line) {
  if (error_line) *error_line = 0;
  TextSource src;
  src.path_ = src.ogr_path_ = path;
  src.file_ = MappedFile(path);
  if (!src.file_.data()) {
    if (error) *error = "cannot be opened for reading";
    return std::nullopt;
  }
  const std::string_view bytes = src.file_.view();
  if (looks_binary_format(bytes.substr(0, 64))) return src;
  src.is_text_ = true;
  auto enc = detect_encoding(bytes, requested_encoding, error, error_line);
  if (!enc) return std::nullopt;
  src.encoding_ = *enc;
  if (enc->is_utf8() && requested_encoding.empty()) {  // detected as valid UTF-8: read in place
    src.text_ = bytes.substr(enc->bom_bytes);
    return src;
  }
  if (!transcode_to_utf8(bytes, *enc, src.utf8_, error)) return std::nullopt;
  src.text_ = src.utf8_;
  return src;
}

const std::string& TextSource::ogr_path() {
  const bool copy_needed = is_text_ && text_.data() == utf8_.data();
  if (!copy_needed || !vsimem_path_.empty()) return ogr_path_;
  static std::atomic<uint64_t> counter{0};
  vsimem_path_ = "/vsimem/driftmap-utf8-" + std::to_string(++counter) + "/" +
                 std::filesystem::path(path_).filename().string();
  // GDAL reads the buffer in place (no copy, not owned): it lives as long as this object.
  VSILFILE* mem = VSIFileFromMemBuffer(vsimem_path_.c_str(), reinterpret_cast<GByte*>(utf8_.data()), utf8_.size(), FALSE);
  if (mem) {
    VSIFCloseL(mem);
    ogr_path_ = vsimem_path_;
  } else {
    vsimem_path_.clear();
  }
  return ogr_path_;
}

void TextSource::release() {
  if (!vsimem_path_.empty()) VSIUnlink(vsimem_path_.c_str());
  vsimem_path_.clear();
}

TextSource::TextSource(TextSource&& o) noexcept { *this = std::move(o); }

TextSource& TextSource::operator=(TextSource&& o) noexcept {
  if (this == &o) return *this;
  release();
  o.release();  // the /vsimem/ copy points into o's buffer; it is made again on first use
  const bool text_in_copy = o.text_.data() == o.utf8_.data();
  path_ = std::move(o.path_);
  ogr_path_ = path_;
  file_ = std::move(o.file_);
  utf8_ = std::move(o.utf8_);  // moving a std::string keeps a heap buffer, not a short one
  text_ = text_in_copy ? std::string_view(utf8_) : o.text_;
  is_text_ = o.is_text_;
  encoding_ = std::move(o.encoding_);
  o.text_ = {};
  return *this;
}

TextSource::~TextSource() { release(); }

}  // namespace driftmap::core
