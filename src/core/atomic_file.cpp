#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "core/file_path.hpp"

namespace driftmap::core {

void AtomicFile::set_error(const std::string& what, int err) {
  if (!error_.empty()) return;  // keep the first cause
  error_ = path_ + ": " + what + (err ? std::string(": ") + std::strerror(err) : std::string());
}

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  const std::string base = base_of(path_);
  if (path_.empty() || base.empty() || base == "." || base == "..") {
    set_error("not a file name", 0);
    return;
  }
  const std::string dir = dir_of(path_);
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) {
    if (errno == ENOENT) set_error("directory " + dir + " does not exist", 0);
    else set_error("cannot use directory " + dir, errno);
    return;
  }
  if (!S_ISDIR(st.st_mode)) {
    set_error(dir + " is not a directory", 0);
    return;
  }
  if (::stat(path_.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    set_error("is a directory", 0);
    return;
  }
  std::string tmpl = dir + "/." + base + ".tmp-XXXXXX";
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  fd_ = ::mkostemp(buf.data(), O_CLOEXEC);
  if (fd_ < 0) {
    set_error("cannot create a file in " + dir, errno);
    return;
  }
  temp_path_ = buf.data();
  // mkstemp makes 0600; give the file what a plain create would (0666 & ~umask), or keep the
  // permissions of the file being replaced.
  mode_t mode;
  if (::stat(path_.c_str(), &st) == 0) {
    mode = st.st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  ::fchmod(fd_, mode);
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && !temp_path_.empty()) ::unlink(temp_path_.c_str());
}

bool AtomicFile::write(std::string_view bytes) {
  if (!ok() || committed_) return false;
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    const ssize_t n = ::write(fd_, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      set_error("write failed", errno);
      return false;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  return true;
}

void AtomicFile::fail(std::string message) {
  if (error_.empty()) error_ = path_ + ": " + std::move(message);
}

bool AtomicFile::commit() {
  if (committed_) return true;
  if (!ok()) return false;
  if (::fsync(fd_) != 0) set_error("cannot flush to disk", errno);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) set_error("close failed", errno);
  if (ok() && ::rename(temp_path_.c_str(), path_.c_str()) != 0) set_error("cannot replace", errno);
  if (!ok()) return false;
  committed_ = true;
  // Make the rename itself durable.
  const int dfd = ::open(dir_of(path_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return true;
}

bool write_file_atomically(const std::string& path, std::string_view bytes, std::string* error) {
  AtomicFile f(path);
  if (f.write(bytes) && f.commit()) return true;
  if (error) *error = f.error();
  return false;
}

}  // namespace driftmap::core
