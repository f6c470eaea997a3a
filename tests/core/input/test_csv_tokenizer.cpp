#include "core/input/csv_tokenizer.hpp"

#include <catch2/catch.hpp>

using namespace driftmap::core;

namespace {
struct Record {
  int64_t line;
  std::vector<std::string> fields;
  bool operator==(const Record&) const = default;
};
std::vector<Record> records(std::string_view text, char delimiter = ',') {
  CsvTokenizer t(text, delimiter);
  std::vector<Record> out;
  while (t.next()) out.push_back({t.line(), {t.fields().begin(), t.fields().end()}});
  return out;
}
}  // namespace

TEST_CASE("records start on the line of their first byte, counting lines inside quoted fields") {
  CHECK(records("h\n\"a\nb\"\nc\n") == std::vector<Record>{{1, {"h"}}, {2, {"a\nb"}}, {4, {"c"}}});
}

TEST_CASE("quotes are removed, a doubled quote inside quotes is one quote") {
  CHECK(records("\"a,b\",\"say \"\"hi\"\"\",x\"y\"z\n") == std::vector<Record>{{1, {"a,b", "say \"hi\"", "xyz"}}});
}

TEST_CASE("CRLF, LF and a lone CR all end a record, and blank lines are skipped but counted") {
  CHECK(records("a,b\r\n1,2\r3,4\n\n5,6") ==
        std::vector<Record>{{1, {"a", "b"}}, {2, {"1", "2"}}, {3, {"3", "4"}}, {5, {"5", "6"}}});
  CsvTokenizer t("a\rb\n", ',');
  while (t.next()) {
  }
  CHECK(t.saw_lone_cr());
}

TEST_CASE("an empty last field and another delimiter are kept") {
  CHECK(records("a;;\n", ';') == std::vector<Record>{{1, {"a", "", ""}}});
}

TEST_CASE("a quote never closed names the line and field where it opened") {
  CsvTokenizer t("id,s\na,\"x\nb,c\n", ',');
  CHECK(t.next());
  CHECK_FALSE(t.next());
  CHECK(t.unclosed_quote());
  CHECK(t.unclosed_quote_line() == 2);
  CHECK(t.unclosed_quote_field() == 1);
}

TEST_CASE("the header names are trimmed and the BOM skipped") {
  CHECK(csv_header_names("\xEF\xBB\xBF id , date\nx,y\n", ',') == std::vector<std::string>{"id", "date"});
}
