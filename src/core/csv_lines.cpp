#include "core/csv_lines.hpp"

#include <fstream>

namespace driftmap::core {

void CsvRecordLines::feed(std::string_view chunk) {
  for (char c : chunk) {
    if (at_record_start_ && c != '\n' && c != '\r') {
      starts_.push_back(line_);
      at_record_start_ = false;
    }
    if (c == '"') {
      in_quotes_ = !in_quotes_;
    } else if (c == '\n') {
      ++line_;
      if (!in_quotes_) at_record_start_ = true;
    }
  }
}

std::vector<int64_t> csv_record_lines_of(std::string_view text) {
  CsvRecordLines scan;
  scan.feed(text);
  return std::move(scan.starts());
}

std::vector<int64_t> csv_record_lines(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  CsvRecordLines scan;
  std::string buf(1 << 16, '\0');
  while (f) {
    f.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    scan.feed(std::string_view(buf.data(), static_cast<size_t>(f.gcount())));
  }
  return std::move(scan.starts());
}

}  // namespace driftmap::core
