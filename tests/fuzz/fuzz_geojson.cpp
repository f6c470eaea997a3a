// libFuzzer target: the GeoJSON import path (OGR's GeoJSON driver, geometry checks).
#include "fuzz_input_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  driftmap::fuzz::load_bytes(data, size, ".geojson");
  return 0;
}
