#include "core/input/csv_incident_reader.hpp"

#include "core/input/csv_tokenizer.hpp"
#include "core/input/incident_rows.hpp"
#include "core/text.hpp"

namespace driftmap::core {

namespace {

// Far more than any incident table; bounds the work a malformed header can cause.
constexpr size_t kMaxCsvColumns = 200000;

// A quote that is never closed swallows the rest of the file: the one problem worth reporting.
void report_unclosed_quote(const std::string& path, const CsvTokenizer& t, const std::vector<std::string>& header,
                           ParsedRows& out) {
  out.rows.clear();
  out.located_by.clear();
  out.attributes.clear();
  out.problems.items.clear();
  const bool in_header = header.empty();
  const size_t field = t.unclosed_quote_field();
  out.problems.error(path, t.unclosed_quote_line(), !in_header && field < header.size() ? header[field] : "",
                     "quote is never closed (the value runs to the end of the file)");
}

// Whole-file problems a person needs named: nothing after a BOM, only blank lines.
bool report_empty_text(const std::string& path, std::string_view text, ParsedRows& out) {
  if (!trim(text).empty()) return false;
  out.problems.error(path, 0, "", text.empty() ? "contains only a byte order mark (no header, no rows)"
                                               : "contains only blank lines (no header, no rows)");
  return true;
}

}  // namespace

void read_csv_incidents(const std::string& path, std::string_view text, const LoadOptions& options, ParsedRows& out) {
  if (report_empty_text(path, text, out)) return;
  const char delimiter = detect_delimiter(text);
  out.driver = "CSV";
  out.delimiter = delimiter;
  CsvTokenizer t(text, delimiter);
  std::vector<std::string> header;
  if (!t.next()) return report_unclosed_quote(path, t, header, out);
  if (t.fields().size() > kMaxCsvColumns) {
    out.problems.error(path, 1, "", "has " + std::to_string(t.fields().size()) + " columns; driftmap reads at most " +
                                        std::to_string(kMaxCsvColumns));
    return;
  }
  header.reserve(t.fields().size());
  for (std::string_view name : t.fields()) header.emplace_back(trim(name));
  IncidentRows rows(path, options, out, /*rows_are_features=*/false);
  if (!rows.bind_columns(header, /*has_geometry=*/false)) {
    return;
  }
  for (size_t n = 0; t.next(); ++n) {
    if ((n & 0x3FF) == 0 && options.cancelled()) return;
    const auto& fields = t.fields();
    RowReport r = rows.report(t.line());
    if (fields.size() > header.size())
      r.error("", "row has " + std::to_string(fields.size()) + " fields, the header " + std::to_string(header.size()) +
                      " (the extra values would be lost)");
    rows.add_row(r, [&](int c) { return size_t(c) < fields.size() ? fields[size_t(c)] : std::string_view(); });
  }
  if (t.unclosed_quote()) return report_unclosed_quote(path, t, header, out);
  rows.finish();
  out.file_ok = true;
}

}  // namespace driftmap::core
