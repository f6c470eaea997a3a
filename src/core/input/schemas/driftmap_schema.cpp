// driftmap's own schema (geodata/README.md): every field read from its own column by the row
// decoder (row_decoder.cpp), so this schema matches any file and derives nothing.
#include "core/input/schemas/input_schema.hpp"

namespace driftmap::core {

const InputSchema& driftmap_schema() {
  static const InputSchema s{SourceFormat::Driftmap, [](const std::vector<std::string>&) { return true; }, nullptr,
                             {}, nullptr};
  return s;
}

}  // namespace driftmap::core
