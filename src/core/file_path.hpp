// Splitting a path into its directory and file name, the way the output writers need it: a
// bare name lives in ".", "/x" in "/".
#pragma once
#include <string>

namespace driftmap::core {

inline std::string dir_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

inline std::string base_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace driftmap::core
