// File → Open recent, kept across runs: one absolute path per line in
// $XDG_CONFIG_HOME/driftmap/recent (or ~/.config/driftmap/recent), written atomically.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace driftmap::ui {

inline constexpr size_t kMaxRecentFiles = 10;

// The list's file; empty when neither XDG_CONFIG_HOME nor HOME is set.
std::string recent_files_path();

// Reads the list; a missing or unreadable file is an empty list. Blank lines, duplicates and
// lines beyond kMaxRecentFiles are dropped.
std::vector<std::string> read_recent_files(const std::string& path);

// Writes the list (creating the directory); false with *error set on failure.
bool write_recent_files(const std::string& path, const std::vector<std::string>& files, std::string* error = nullptr);

// Puts file first (absolute, as given when it cannot be made absolute), removing an earlier
// entry for it, and keeps at most kMaxRecentFiles.
void remember_recent_file(std::vector<std::string>& files, const std::string& file);

}  // namespace driftmap::ui
