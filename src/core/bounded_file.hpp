// Reads a small file whole without trusting it: only a regular file is read (a directory, FIFO,
// device or socket is refused by what it is; a FIFO never blocks the open), and never more than a
// stated limit, whatever the file claims or grows to. For session files and the recent-files list.
#pragma once
#include <cstddef>
#include <optional>
#include <string>

namespace driftmap::core {

// The file's bytes, or nullopt with *error ("is a directory, not a file", "is larger than 1 MiB", ...).
std::optional<std::string> read_bounded_file(const std::string& path, size_t max_bytes, std::string* error);

}  // namespace driftmap::core
