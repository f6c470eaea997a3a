// The one CSV tokenizer: splits text into records and fields, with the line each record starts
// on, for every CSV driftmap reads (incident files, the fast reader's chunks, side tables).
// Quoting follows what spreadsheets write and OGR reads: a '"' opens or closes quoting anywhere in
// a field, '""' inside quotes is one '"', and quoted fields may span lines. Records end at LF, CRLF
// or a lone CR (old Mac files); blank lines are skipped but counted. A quote still open at the end
// of the text is reported with the line and field where it was opened.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace driftmap::core {

class CsvTokenizer {
 public:
  CsvTokenizer(std::string_view text, char delimiter, int64_t first_line = 1);

  // Reads the next record; false at the end of the text (and after an unclosed quote).
  bool next();
  // The record's fields (unquoted; views into the text or into this tokenizer's buffers, valid
  // until the next call of next()).
  const std::vector<std::string_view>& fields() const { return fields_; }
  int64_t line() const { return line_; }          // line the current record starts on
  int64_t end_line() const { return end_line_; }  // line it ends on (later when a field spans lines)
  // Byte offset just past the current record (its line break included).
  size_t offset() const { return pos_; }

  bool unclosed_quote() const { return unclosed_quote_line_ > 0; }
  int64_t unclosed_quote_line() const { return unclosed_quote_line_; }
  size_t unclosed_quote_field() const { return unclosed_quote_field_; }
  bool saw_lone_cr() const { return saw_lone_cr_; }

 private:
  size_t read_field(size_t index);  // returns the byte at which the field ended (delimiter/EOL)

  std::string_view text_;
  char delimiter_;
  std::array<bool, 256> stops_;  // bytes that end an unquoted run
  size_t pos_ = 0;
  int64_t next_line_;
  int64_t line_ = 0, end_line_ = 0;
  std::vector<std::string_view> fields_;
  std::deque<std::string> buffers_;  // per field, for values that had quotes removed (stable when grown)
  int64_t unclosed_quote_line_ = 0;
  size_t unclosed_quote_field_ = 0;
  bool saw_lone_cr_ = false;
};

// The delimiter of a CSV header line: the most frequent of ',', ';' and tab outside quotes
// (',' on ties).
char detect_delimiter(std::string_view text);
// "','", "';'", "tab".
std::string delimiter_name(char delimiter);

// The header record's names (trimmed; BOM skipped), for one tokenizer everywhere.
std::vector<std::string> csv_header_names(std::string_view text, char delimiter);

}  // namespace driftmap::core
