// The 1-based file line on which each CSV record starts (record 0 = the header), found by one
// quote-aware scan, so that multi-line quoted fields don't shift the line numbers reported for
// later rows. Used by every CSV reader (OGR path, transcoded copies, side tables).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace driftmap::core {

class CsvRecordLines {
 public:
  void feed(std::string_view chunk);  // call with consecutive pieces of the file
  std::vector<int64_t>& starts() { return starts_; }

 private:
  std::vector<int64_t> starts_;
  int64_t line_ = 1;
  bool in_quotes_ = false, at_record_start_ = true;
};

std::vector<int64_t> csv_record_lines_of(std::string_view text);
// Reads the file in chunks; empty when it can't be read.
std::vector<int64_t> csv_record_lines(const std::string& path);

}  // namespace driftmap::core
