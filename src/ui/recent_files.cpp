// The recent-files list on disk; see recent_files.hpp.
#include "ui/recent_files.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/bounded_file.hpp"

namespace driftmap::ui {

namespace fs = std::filesystem;

std::string recent_files_path() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg && *xdg == '/') return (fs::path(xdg) / "driftmap" / "recent").string();
  const char* home = std::getenv("HOME");
  if (home && *home) return (fs::path(home) / ".config" / "driftmap" / "recent").string();
  return {};
}

std::vector<std::string> read_recent_files(const std::string& path) {
  std::vector<std::string> out;
  if (path.empty()) return out;
  // Bounded like a session: a list of a few paths, never a whole large or endless file.
  const auto text = core::read_bounded_file(path, size_t(1) << 20, nullptr);
  if (!text) return out;
  std::istringstream in(*text);
  std::string line;
  while (out.size() < kMaxRecentFiles && std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || std::find(out.begin(), out.end(), line) != out.end()) continue;
    out.push_back(line);
  }
  return out;
}

bool write_recent_files(const std::string& path, const std::vector<std::string>& files, std::string* error) {
  if (path.empty()) {
    if (error) *error = "no configuration directory (neither XDG_CONFIG_HOME nor HOME is set)";
    return false;
  }
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  if (ec) {
    if (error) *error = fs::path(path).parent_path().string() + ": " + ec.message();
    return false;
  }
  std::string text;
  for (const std::string& f : files)
    if (!f.empty() && f.find('\n') == std::string::npos) text += f + "\n";
  return core::write_file_atomically(path, text, error);
}

void remember_recent_file(std::vector<std::string>& files, const std::string& file) {
  std::error_code ec;
  fs::path abs = fs::absolute(file, ec);
  const std::string f = ec ? file : abs.lexically_normal().string();
  if (f.empty() || f.find('\n') != std::string::npos) return;
  std::erase(files, f);
  files.insert(files.begin(), f);
  if (files.size() > kMaxRecentFiles) files.resize(kMaxRecentFiles);
}

}  // namespace driftmap::ui
