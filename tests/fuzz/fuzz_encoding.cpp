// libFuzzer target: the text encoding reader (BOM, UTF-8 check, uchardet guess, iconv transcoding).
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/input/text_encoding.hpp"
#include "core/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace driftmap::core;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (const char* requested : {"", "cp1251", "UTF-16LE", "UTF-8"}) {
    std::string error, out;
    int64_t line = 0;
    const auto enc = detect_encoding(bytes, requested, &error, &line);
    // Invariants: a refusal says why; an accepted text transcodes to valid UTF-8 or says why not.
    if (!enc) {
      if (error.empty()) std::abort();
      continue;
    }
    if (transcode_to_utf8(bytes, *enc, out, &error)) {
      if (!is_valid_utf8(out)) std::abort();
      if (out.find('\0') != std::string::npos) std::abort();
    } else if (error.empty()) {
      std::abort();
    }
  }
  return 0;
}
