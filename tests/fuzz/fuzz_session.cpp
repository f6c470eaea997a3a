// libFuzzer target: the session reader (parse_session over any bytes, and the bounded file read).
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "state/session.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace driftmap;
  const std::string text(reinterpret_cast<const char*>(data), size);
  core::Problems problems;
  const auto session = state::parse_session(text, "fuzz.session", &problems);
  // Invariant: a refused session says why. An accepted one is formatted again (as on saving).
  if (!session && !problems.has_errors()) std::abort();
  for (const auto& p : problems.items) (void)p.to_string();
  if (session) (void)state::format_session(*session);
  return 0;
}
