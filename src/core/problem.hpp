// One error type for every loader and option parser: where (file, line or feature, field) and
// what. The CLI prints it, the GUI lists it, tests assert on it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace driftmap::core {

// Note: information that is not a problem (e.g. how a row without coordinates was placed).
enum class Severity : uint8_t { Error, Warning, Note };

struct Problem {
  std::string file;      // path as given by the user; empty for options
  int64_t line = 0;      // 1-based line (CSV) or feature index (OGR sources); 0 = whole file
  bool is_feature = false;  // line holds a feature index ("file: feature 3: ...")
  std::string field;     // column / option name; empty when the whole row or file is at fault
  std::string message;
  Severity severity = Severity::Error;

  // "file:line: field: message" (parts that are empty are left out; warnings say "warning: ").
  std::string to_string() const;
};

struct Problems {
  std::vector<Problem> items;
  void error(std::string file, int64_t line, std::string field, std::string message);
  void warning(std::string file, int64_t line, std::string field, std::string message);
  void note(std::string file, int64_t line, std::string field, std::string message);
  void add(Problem p) { items.push_back(std::move(p)); }
  size_t error_count() const;
  size_t warning_count() const;
  size_t note_count() const;
  bool has_errors() const { return error_count() > 0; }
};

}  // namespace driftmap::core
