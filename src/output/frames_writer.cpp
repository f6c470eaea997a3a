// FramesWriter: PNG frames staged in a temporary directory.
#include "output/frames_writer.hpp"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "core/file_path.hpp"
#include "render/png_writer.hpp"

namespace driftmap::output {

namespace fs = std::filesystem;
using core::base_of;
using core::dir_of;

namespace {

std::string strip_slashes(std::string s) {
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

// "frame_NNNNN.png" → N, else 0.
size_t frame_number(const std::string& name) {
  if (name.size() != 15 || name.rfind("frame_", 0) != 0 || name.substr(11) != ".png") return 0;
  size_t n = 0;
  for (size_t i = 6; i < 11; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(name[i]))) return 0;
    n = n * 10 + size_t(name[i] - '0');
  }
  return n;
}

}  // namespace

std::string frame_file_name(size_t i) {
  char name[32];
  std::snprintf(name, sizeof name, "frame_%05zu.png", i);
  return name;
}

FramesWriter::~FramesWriter() { cancel(); }

bool FramesWriter::open(const std::string& path, const WriterOptions& options, std::string* error) {
  if (!begin(strip_slashes(path), options, error)) return false;
  const std::string dir = dir_of(out_);
  std::string tmpl = (dir == "." && out_.find('/') == std::string::npos ? std::string() : dir + "/") + "." +
                     base_of(out_) + ".tmp-XXXXXX";
  if (!::mkdtemp(tmpl.data()))
    return fail(out_ + ": cannot create a directory in " + dir + ": " + std::strerror(errno), error);
  temp_ = tmpl;
  return true;
}

bool FramesWriter::add_image(const render::RgbaImage& frame, std::string* error) {
  if (!check_frame(frame, !temp_.empty(), error)) return false;
  std::string why;
  if (!render::write_png(temp_ + "/" + frame_file_name(frames_ + 1), frame.pixels, frame.width, frame.height, &why,
                         opt_.keep_alpha))
    return fail(out_ + ": " + why, error);
  ++frames_;
  return true;
}

bool FramesWriter::finish(std::string* error) {
  if (temp_.empty()) return fail(out_ + ": the animation is not open", error);
  // A new directory: one rename. An existing one: the frames are moved into it one by one
  // (replacing same-named frames), and older frames beyond the new count are removed; other
  // files there are left alone.
  std::error_code ec;
  if (!fs::exists(out_, ec)) {
    if (::rename(temp_.c_str(), out_.c_str()) != 0)
      return fail(out_ + ": cannot rename the frames directory into place: " + std::strerror(errno), error);
  } else {
    if (!fs::is_directory(out_, ec)) return fail(out_ + ": exists and is not a directory", error);
    for (size_t i = 1; i <= frames_; ++i) {
      const std::string name = frame_file_name(i);
      if (::rename((temp_ + "/" + name).c_str(), (out_ + "/" + name).c_str()) != 0)
        return fail(out_ + "/" + name + ": cannot move the frame into place: " + std::strerror(errno), error);
    }
    for (const auto& e : fs::directory_iterator(out_, ec))
      if (frame_number(e.path().filename().string()) > frames_) fs::remove(e.path(), ec);
    fs::remove_all(temp_, ec);
  }
  temp_.clear();
  return true;
}

void FramesWriter::cancel() {
  if (!temp_.empty()) {
    std::error_code ec;
    fs::remove_all(temp_, ec);
  }
  temp_.clear();
}

std::unique_ptr<OutputWriter> make_frames_writer() { return std::make_unique<FramesWriter>(); }

}  // namespace driftmap::output
