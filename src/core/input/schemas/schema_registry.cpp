// The list of input schemas and the helpers they share; see input_schema.hpp.
#include <charconv>

#include "core/input/schemas/input_schema.hpp"
#include "core/text.hpp"

namespace driftmap::core {

const std::vector<const InputSchema*>& input_schemas() {
  static const std::vector<const InputSchema*> all = {&acled_schema(), &gtd_schema(), &driftmap_schema()};
  return all;
}

const InputSchema& detect_input_schema(const std::vector<std::string>& columns) {
  std::vector<std::string> lower;
  lower.reserve(columns.size());
  for (const auto& c : columns) lower.push_back(to_lower_ascii(c));
  for (const InputSchema* s : input_schemas())
    if (s->matches(lower)) return *s;
  return driftmap_schema();
}

std::string_view to_string(SourceFormat f) {
  switch (f) {
    case SourceFormat::Driftmap: return "driftmap";
    case SourceFormat::Acled: return "ACLED";
    case SourceFormat::Gtd: return "GTD";
  }
  return "?";
}

namespace {
const InputSchema& schema_of(SourceFormat format) {
  for (const InputSchema* s : input_schemas())
    if (s->format == format) return *s;
  return driftmap_schema();
}
}  // namespace

SourceFormat detect_source_format(const std::vector<std::string>& columns) {
  return detect_input_schema(columns).format;
}

const std::vector<std::string>* source_format_columns(SourceFormat format, std::string_view field) {
  const SchemaColumns* t = schema_of(format).columns;
  if (!t) return nullptr;
  static const std::vector<std::string> kNone;
  auto it = t->find(field);
  return it == t->end() ? &kNone : &it->second;
}

std::vector<std::string> required_source_columns(SourceFormat format) { return schema_of(format).required_columns; }

std::vector<FieldIssue> apply_source_format(SourceFormat format, const ColumnGetter& get, Incident& inc) {
  std::vector<FieldIssue> issues;
  if (auto apply = schema_of(format).apply) apply(get, inc, issues);
  return issues;
}

bool parse_schema_int(std::string_view s, int& out) {
  if (s.ends_with(".0")) s.remove_suffix(2);
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size();
}

int schema_precision_code(const ColumnGetter& get, const char* column, int max, std::vector<FieldIssue>& issues) {
  const std::string v = get(column);
  if (v.empty()) return 0;
  int n = 0;
  if (parse_schema_int(v, n) && n >= 1 && n <= max) return n;
  issues.push_back({column, "\"" + v + "\" is not a code 1-" + std::to_string(max), true});
  return -1;
}

}  // namespace driftmap::core
