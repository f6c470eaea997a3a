#include "core/geodata.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace driftmap::core {

namespace fs = std::filesystem;

std::string geodata_dir() {
  if (const char* env = std::getenv("DRIFTMAP_GEODATA"); env && *env) return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = exe.parent_path().parent_path() / "share" / "driftmap" / "geodata";
    if (fs::exists(installed / "boundaries.gpkg", ec)) return installed.string();
  }
  return DRIFTMAP_GEODATA_DIR;
}

std::string geodata_file(const std::string& name) { return geodata_dir() + "/" + name; }

std::string seeds_dir() {
  if (const char* env = std::getenv("DRIFTMAP_SEEDS"); env && *env) return env;
  std::error_code ec;
  const fs::path p = fs::weakly_canonical(DRIFTMAP_SEEDS_DIR, ec);
  if (!ec && fs::is_directory(p, ec)) return p.string();
  return {};
}

}  // namespace driftmap::core
