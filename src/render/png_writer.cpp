// libpng encoding and the atomic write.
#include "render/png_writer.hpp"

#include <fcntl.h>
#include <png.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <vector>

namespace driftmap::render {

namespace {

struct Sink {
  std::string* memory = nullptr;  // encode to memory
  int fd = -1;                    // or to a file descriptor
  bool failed = false;
  int saved_errno = 0;
  std::vector<uint8_t> pending;  // buffered writes for fd
};

void sink_flush(Sink& s) {
  size_t done = 0;
  while (!s.failed && done < s.pending.size()) {
    ssize_t n = ::write(s.fd, s.pending.data() + done, s.pending.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      s.failed = true;
      s.saved_errno = errno;
    } else {
      done += size_t(n);
    }
  }
  s.pending.clear();
}

void write_fn(png_structp png, png_bytep data, png_size_t len) {
  auto* s = static_cast<Sink*>(png_get_io_ptr(png));
  if (s->memory) {
    s->memory->append(reinterpret_cast<const char*>(data), len);
    return;
  }
  s->pending.insert(s->pending.end(), data, data + len);
  if (s->pending.size() >= (1u << 20)) sink_flush(*s);
}
void flush_fn(png_structp) {}

// Returns an empty string on success, else libpng's message.
std::string encode(Sink& sink, std::span<const uint8_t> rgba, int width, int height, int level) {
  static thread_local std::string png_message;
  png_message.clear();
  png_structp png = png_create_write_struct(
      PNG_LIBPNG_VER_STRING, nullptr,
      [](png_structp p, png_const_charp msg) {
        png_message = msg ? msg : "libpng error";
        png_longjmp(p, 1);
      },
      [](png_structp, png_const_charp) {});
  if (!png) return "out of memory";
  png_infop info = png_create_info_struct(png);
  if (!info) {
    png_destroy_write_struct(&png, nullptr);
    return "out of memory";
  }
  std::vector<png_const_bytep> rows(static_cast<size_t>(height));
  for (int y = 0; y < height; ++y) rows[size_t(y)] = rgba.data() + size_t(y) * size_t(width) * 4;
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return png_message.empty() ? "libpng error" : png_message;
  }
  png_set_write_fn(png, &sink, write_fn, flush_fn);
  png_set_compression_level(png, level);
  png_set_IHDR(png, info, png_uint_32(width), png_uint_32(height), 8, PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  png_write_rows(png, const_cast<png_bytepp>(rows.data()), png_uint_32(height));
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  return {};
}

std::string dir_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string base_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

std::string encode_png(std::span<const uint8_t> rgba, int width, int height, int compression_level) {
  std::string out;
  Sink sink;
  sink.memory = &out;
  if (!encode(sink, rgba, width, height, compression_level).empty()) out.clear();
  return out;
}

bool write_png(const std::string& path, std::span<const uint8_t> rgba, int width, int height, std::string* error,
               int compression_level) {
  auto fail = [&](const std::string& msg) {
    if (error) *error = path + ": " + msg;
    return false;
  };
  if (width < 1 || height < 1 || rgba.size() != size_t(width) * size_t(height) * 4)
    return fail("image buffer does not match " + std::to_string(width) + "x" + std::to_string(height));
  if (path.empty() || path.back() == '/') return fail("not a file name");
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return fail("is a directory");

  // The temporary file lives in the target's directory so that rename() is atomic.
  std::string tmp = dir_of(path) + "/." + base_of(path) + ".XXXXXX";
  std::vector<char> tmpl(tmp.begin(), tmp.end());
  tmpl.push_back('\0');
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return fail(std::string("cannot create a file in ") + dir_of(path) + ": " + std::strerror(errno));
  tmp = tmpl.data();
  // mkstemp makes 0600; give the file the permissions a plain create would (0666 & ~umask).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);

  Sink sink;
  sink.fd = fd;
  std::string msg = encode(sink, rgba, width, height, compression_level);
  if (msg.empty()) sink_flush(sink);
  if (msg.empty() && sink.failed) msg = std::string("write failed: ") + std::strerror(sink.saved_errno);
  if (msg.empty() && ::fsync(fd) != 0) msg = std::string("write failed: ") + std::strerror(errno);
  if (::close(fd) != 0 && msg.empty()) msg = std::string("close failed: ") + std::strerror(errno);
  if (msg.empty() && ::rename(tmp.c_str(), path.c_str()) != 0) msg = std::string("cannot replace: ") + std::strerror(errno);
  if (!msg.empty()) {
    ::unlink(tmp.c_str());
    return fail(msg);
  }
  return true;
}

}  // namespace driftmap::render
