#include "core/csv_table.hpp"

#include <filesystem>

#include "core/input/csv_tokenizer.hpp"
#include "core/input/mapped_file.hpp"
#include "core/text.hpp"

namespace driftmap::core {

int CsvTable::column(std::string_view name) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name) return static_cast<int>(i);
  return -1;
}

std::string_view CsvTable::get(size_t row, std::string_view name) const {
  const int c = column(name);
  if (c < 0 || row >= rows.size()) return {};
  return rows[row][static_cast<size_t>(c)];
}

std::optional<CsvTable> read_csv_table(const std::string& path, const std::vector<std::string>& required,
                                       Problems* problems) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    if (problems) problems->error(path, 0, "", std::filesystem::exists(path, ec) ? "not a regular file" : "no such file");
    return std::nullopt;
  }
  const MappedFile file(path);
  std::string_view text = file.view();
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  size_t bad = 0;
  if (!is_valid_utf8(text, &bad)) {
    if (problems) problems->error(path, 0, "", "is not UTF-8 text (byte " + std::to_string(bad + 1) + ")");
    return std::nullopt;
  }
  CsvTokenizer t(text, detect_delimiter(text));
  CsvTable table;
  table.path = path;
  if (t.next())
    for (std::string_view name : t.fields()) table.columns.emplace_back(trim(name));
  bool ok = true;
  for (const auto& r : required)
    if (table.column(r) < 0) {
      if (problems) problems->error(path, 1, r, "required column is missing");
      ok = false;
    }
  if (!ok) return std::nullopt;
  while (t.next()) {
    std::vector<std::string> row(table.columns.size());
    for (size_t i = 0; i < row.size() && i < t.fields().size(); ++i) row[i] = t.fields()[i];
    table.lines.push_back(t.line());
    table.rows.push_back(std::move(row));
  }
  if (t.unclosed_quote()) {
    if (problems) problems->error(path, t.unclosed_quote_line(), "", "quote is never closed (the value runs to the end of the file)");
    return std::nullopt;
  }
  return table;
}

}  // namespace driftmap::core
