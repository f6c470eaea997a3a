// The one CSV tokenizer; see csv_tokenizer.hpp for the quoting rules.
#include "core/input/csv_tokenizer.hpp"

#include <array>

#include "core/text.hpp"

namespace driftmap::core {

namespace {

// Bytes that end an unquoted run: the delimiter, a quote, CR and LF.
std::array<bool, 256> stop_bytes(char delimiter) {
  std::array<bool, 256> t{};
  t[static_cast<unsigned char>(delimiter)] = t['"'] = t['\r'] = t['\n'] = true;
  return t;
}

}  // namespace

CsvTokenizer::CsvTokenizer(std::string_view text, char delimiter, int64_t first_line)
    : text_(text), delimiter_(delimiter), stops_(stop_bytes(delimiter)), next_line_(first_line) {}

bool CsvTokenizer::next() {
  fields_.clear();
  if (unclosed_quote_line_) return false;
  // Blank lines separate nothing: skipped, but counted.
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    else if (text_[pos_] == '\r') saw_lone_cr_ = true;
    ++pos_;
    ++next_line_;
  }
  if (pos_ >= text_.size()) return false;
  line_ = next_line_;
  for (size_t index = 0;; ++index) {
    const size_t end = read_field(index);
    if (unclosed_quote_line_) {
      fields_.clear();
      return false;
    }
    if (end >= text_.size()) {
      pos_ = end;
      break;
    }
    const char c = text_[end];
    if (c == delimiter_) {
      pos_ = end + 1;
      continue;
    }
    // End of line: CRLF, LF or a lone CR.
    pos_ = end + 1;
    if (c == '\r') {
      if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      else saw_lone_cr_ = true;
    }
    end_line_ = next_line_;
    ++next_line_;
    return true;
  }
  end_line_ = next_line_;
  return true;
}

size_t CsvTokenizer::read_field(size_t index) {
  const size_t n = text_.size();
  size_t i = pos_;
  // Common case: an unquoted field is a view into the text.
  while (i < n && !stops_[static_cast<unsigned char>(text_[i])]) ++i;
  if (i >= n || text_[i] != '"') {
    fields_.push_back(text_.substr(pos_, i - pos_));
    return i;
  }
  // A field with quotes: copied without them.
  if (buffers_.size() <= index) buffers_.resize(index + 1);
  std::string& buf = buffers_[index];
  buf.assign(text_.substr(pos_, i - pos_));
  bool quoted = false;
  int64_t opened_on = 0;
  for (; i < n; ++i) {
    const char c = text_[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < n && text_[i + 1] == '"') {
          buf.push_back('"');
          ++i;
        } else {
          quoted = false;
        }
        continue;
      }
      if (c == '\n') ++next_line_;
      buf.push_back(c);
      continue;
    }
    if (c == '"') {
      quoted = true;
      opened_on = next_line_;
      continue;
    }
    if (c == delimiter_ || c == '\n' || c == '\r') break;
    buf.push_back(c);
  }
  if (quoted) {
    unclosed_quote_line_ = opened_on;
    unclosed_quote_field_ = index;
  }
  fields_.push_back(buf);
  return i;
}

char detect_delimiter(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  size_t commas = 0, semis = 0, tabs = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    commas += c == ',';
    semis += c == ';';
    tabs += c == '\t';
  }
  if (semis > commas && semis >= tabs) return ';';
  if (tabs > commas) return '\t';
  return ',';
}

std::string delimiter_name(char d) {
  if (d == '\t') return "tab";
  return std::string("'") + d + "'";
}

std::vector<std::string> csv_header_names(std::string_view text, char delimiter) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  CsvTokenizer t(text, delimiter);
  std::vector<std::string> names;
  if (!t.next()) return names;
  names.reserve(t.fields().size());
  for (std::string_view f : t.fields()) names.emplace_back(trim(f));
  return names;
}

}  // namespace driftmap::core
