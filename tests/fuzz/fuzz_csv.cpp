// libFuzzer target: the CSV incident reader (sniffing, OGR's CSV driver, row parsing).
#include "fuzz_input_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  driftmap::fuzz::load_bytes(data, size, ".csv");
  return 0;
}
