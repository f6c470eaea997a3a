// Atomic file output: every file driftmap writes (images, video, GeoJSON, sessions) goes to a
// temporary file in the target's directory and is renamed over the target only once complete,
// so a crash, a full disk or an error never leaves a truncated file or damages the old one.
#pragma once
#include <cstdio>
#include <string>
#include <string_view>

namespace driftmap::core {

class AtomicFile {
 public:
  // Creates "<dir>/.<name>.tmp-XXXXXX" next to path. On failure ok() is false and error() says
  // why, naming path (e.g. "out/a.png: directory out does not exist").
  explicit AtomicFile(std::string path);
  ~AtomicFile();  // removes the temporary file unless commit() succeeded
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  const std::string& path() const { return path_; }
  const std::string& temp_path() const { return temp_path_; }
  // The open descriptor, for writers that want one (e.g. GDAL through temp_path); -1 after a failure.
  int fd() const { return fd_; }

  // Appends bytes; false (and error() set) on failure. Later writes and commit() then fail too.
  bool write(std::string_view bytes);
  // Records a failure from an external writer that used fd(): the target will not be touched.
  void fail(std::string message);
  // Flushes to disk and renames over the target. False with error() set on failure (the
  // temporary file is removed and the target left as it was).
  bool commit();

 private:
  void set_error(const std::string& what, int err);
  std::string path_, temp_path_, error_;
  int fd_ = -1;
  bool committed_ = false;
};

// Writes bytes to path atomically. Returns false and sets *error (naming path) on failure.
bool write_file_atomically(const std::string& path, std::string_view bytes, std::string* error = nullptr);

}  // namespace driftmap::core
