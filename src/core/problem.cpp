#include "core/problem.hpp"

#include "core/text.hpp"

namespace driftmap::core {

// Values, names and paths come from files: printed escaped (a terminal escape sequence in a
// value must not retitle or clear the terminal) and a field name shortened.
std::string Problem::to_string() const {
  std::string s;
  if (!file.empty()) {
    s += printable(file);
    if (line > 0 && is_feature) s += ": feature " + std::to_string(line);
    else if (line > 0) s += ":" + std::to_string(line);
    s += ": ";
  }
  if (severity == Severity::Warning) s += "warning: ";
  if (severity == Severity::Note) s += "note: ";
  if (!field.empty()) s += printable(field.size() > 60 ? field.substr(0, 57) + "..." : field) + ": ";
  s += printable(message);
  return s;
}

void Problems::error(std::string file, int64_t line, std::string field, std::string message) {
  items.push_back({std::move(file), line, false, std::move(field), std::move(message), Severity::Error});
}

void Problems::warning(std::string file, int64_t line, std::string field, std::string message) {
  items.push_back({std::move(file), line, false, std::move(field), std::move(message), Severity::Warning});
}

size_t Problems::error_count() const {
  size_t n = 0;
  for (const auto& p : items) n += p.severity == Severity::Error;
  return n;
}

size_t Problems::warning_count() const {
  size_t n = 0;
  for (const auto& p : items) n += p.severity == Severity::Warning;
  return n;
}

size_t Problems::note_count() const {
  size_t n = 0;
  for (const auto& p : items) n += p.severity == Severity::Note;
  return n;
}

void Problems::note(std::string file, int64_t line, std::string field, std::string message) {
  items.push_back({std::move(file), line, false, std::move(field), std::move(message), Severity::Note});
}

}  // namespace driftmap::core
