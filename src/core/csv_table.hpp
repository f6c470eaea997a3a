// A small CSV table (all values as strings, with line numbers) read with the one CSV tokenizer,
// for the bundled side tables (citations, sources, aggregates, regions, places, aliases).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/problem.hpp"

namespace driftmap::core {

struct CsvTable {
  std::string path;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<int64_t> lines;  // 1-based file line of each row (header is line 1)

  int column(std::string_view name) const;  // -1 when absent
  std::string_view get(size_t row, std::string_view column) const;  // "" when absent
};

// Reads a UTF-8 CSV with a header. Problems (missing file, not CSV, missing required columns)
// are appended to *problems; returns nullopt when the file can't be used.
std::optional<CsvTable> read_csv_table(const std::string& path, const std::vector<std::string>& required_columns,
                                       Problems* problems);

}  // namespace driftmap::core
