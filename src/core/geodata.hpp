// Where the bundled data lives: $DRIFTMAP_GEODATA, else next to the executable
// (../share/driftmap/geodata), else the source tree's geodata/ (compiled in).
#pragma once
#include <string>

namespace driftmap::core {

std::string geodata_dir();
std::string geodata_file(const std::string& name);  // geodata_dir() + "/" + name
// ../shared/seeds next to the source tree (for the citation checks); empty if absent.
std::string seeds_dir();

}  // namespace driftmap::core
