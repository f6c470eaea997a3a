// libFuzzer target: the date parser. Input "START" or "START/END"; checks that whatever parses
// round-trips through to_iso() and gives a non-empty interval, and that failures say why.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/partial_date.hpp"

using namespace driftmap::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string error;
  if (auto d = parse_partial_date(text, &error)) {
    if (d->to_iso() != text) std::abort();
    if (d->interval().length_days() < 1) std::abort();
    if (!parse_partial_date(d->to_iso())) std::abort();
    (void)d->to_display();
  } else if (error.empty()) {
    std::abort();
  }
  const size_t slash = text.find('/');
  const std::string_view start = text.substr(0, slash);
  const std::string_view end = slash == std::string_view::npos ? std::string_view{} : text.substr(slash + 1);
  error.clear();
  if (auto span = parse_date_span(start, end, &error)) {
    const DayInterval i = span->interval();
    if (i.length_days() < 1) std::abort();
    if (day_to_iso(i.start_day).size() != 10) std::abort();
    (void)span->to_iso();
  } else if (error.empty()) {
    std::abort();
  }
  return 0;
}
