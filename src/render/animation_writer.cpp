// AnimationWriter: ffmpeg through a pipe (MP4/GIF) or PNG frames, staged beside the target.
#include "render/animation_writer.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "core/atomic_file.hpp"
#include "render/map_export.hpp"

extern char** environ;

namespace driftmap::render {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string strip_slashes(std::string s) {
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

std::string dir_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string base_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string frame_name(size_t i) {  // i from 1
  char name[32];
  std::snprintf(name, sizeof name, "frame_%05zu.png", i);
  return name;
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

std::optional<AnimationFormat> animation_format_for(const std::string& path) {
  if (path.empty()) return std::nullopt;
  struct stat st {};
  if (path.back() == '/' || (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))) return AnimationFormat::PngFrames;
  const std::string ext = lower(extension_of(path));
  if (ext == ".mp4") return AnimationFormat::Mp4;
  if (ext == ".gif") return AnimationFormat::Gif;
  return std::nullopt;
}

std::vector<core::MonthRange> animation_windows(const core::TimelineSpec& spec, core::StepSize step, size_t max_frames) {
  std::vector<core::MonthRange> windows;
  if (spec.extent.length_months() <= 0 || max_frames == 0) return windows;
  windows.push_back(core::first_window(spec));
  while (windows.size() < max_frames) {
    const core::StepResult r = core::step_window(spec, windows.back(), step, +1, /*loop=*/false);
    if (r.window == windows.back()) break;
    windows.push_back(r.window);
    if (r.at_end) break;
  }
  return windows;
}

std::string find_ffmpeg() {
  if (const char* o = std::getenv("DRIFTMAP_FFMPEG")) return *o && ::access(o, X_OK) == 0 ? o : "";
  const char* path = std::getenv("PATH");
  const std::string p = path ? path : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= p.size()) {
    size_t colon = p.find(':', start);
    if (colon == std::string::npos) colon = p.size();
    const std::string dir = p.substr(start, colon - start);
    const std::string cand = (dir.empty() ? "." : dir) + "/ffmpeg";
    if (::access(cand.c_str(), X_OK) == 0) return cand;
    start = colon + 1;
  }
  return "";
}

std::string frames_fallback_dir(const std::string& out) {
  return out.substr(0, out.size() - extension_of(out).size()) + "_frames/";
}

AnimationWriter::AnimationWriter() = default;
AnimationWriter::~AnimationWriter() { cancel(); }

bool AnimationWriter::fail(std::string message, std::string* error) {
  if (error) *error = std::move(message);
  cancel();
  return false;
}

bool AnimationWriter::open(const std::string& out, const AnimationOptions& options, std::string* error) {
  cancel();
  opt_ = options;
  frames_ = 0;
  out_ = opt_.format == AnimationFormat::PngFrames ? strip_slashes(out) : out;
  if (out_.empty()) return fail("the output name is empty", error);
  if (opt_.width_px < 1 || opt_.height_px < 1) return fail(out_ + ": no frame size", error);

  if (opt_.format == AnimationFormat::PngFrames) {
    const std::string dir = dir_of(out_);
    std::string tmpl = (dir == "." && out_.find('/') == std::string::npos ? std::string() : dir + "/") + "." +
                       base_of(out_) + ".tmp-XXXXXX";
    if (!::mkdtemp(tmpl.data()))
      return fail(out_ + ": cannot create a directory in " + dir + ": " + std::strerror(errno), error);
    temp_ = tmpl;
    open_ = true;
    return true;
  }

  if (opt_.format == AnimationFormat::Mp4 && (opt_.width_px % 2 || opt_.height_px % 2))
    return fail(out_ + ": " + std::to_string(opt_.width_px) + "x" + std::to_string(opt_.height_px) +
                    " has an odd side (H.264 in yuv420p needs even sides)",
                error);
  const std::string ffmpeg = opt_.ffmpeg.empty() ? find_ffmpeg() : opt_.ffmpeg;
  if (ffmpeg.empty()) return fail(out_ + ": ffmpeg not found (install the Debian package 'ffmpeg')", error);
  file_ = std::make_unique<core::AtomicFile>(out_);
  if (!file_->ok()) return fail(file_->error(), error);
  temp_ = file_->temp_path();

  const std::string size = std::to_string(opt_.width_px) + "x" + std::to_string(opt_.height_px);
  char rate[32];
  std::snprintf(rate, sizeof rate, "%g", opt_.fps);
  std::vector<std::string> args{ffmpeg, "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-f", "rawvideo",
                                "-pix_fmt", "rgba", "-s", size, "-r", rate, "-i", "-"};
  if (opt_.format == AnimationFormat::Mp4) {
    for (const char* s : {"-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p", "-movflags",
                          "+faststart", "-f", "mp4"})
      args.push_back(s);
  } else {
    for (const char* s : {"-filter_complex", "[0:v]split[a][b];[a]palettegen=stats_mode=full[p];[b][p]paletteuse", "-f",
                          "gif"})
      args.push_back(s);
  }
  args.push_back(temp_);

  ::signal(SIGPIPE, SIG_IGN);  // a dying ffmpeg makes write() fail instead of killing us
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return fail(std::string("cannot create a pipe: ") + std::strerror(errno), error);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, fds[0], 0);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  std::vector<char*> argv;
  for (auto& s : args) argv.push_back(s.data());
  argv.push_back(nullptr);
  const int rc = posix_spawn(&pid_, ffmpeg.c_str(), &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  ::close(fds[0]);
  if (rc != 0) {
    ::close(fds[1]);
    pid_ = -1;
    return fail(ffmpeg + ": cannot start: " + std::strerror(rc), error);
  }
  fd_ = fds[1];
  open_ = true;
  return true;
}

bool AnimationWriter::write_all(const std::vector<uint8_t>& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += size_t(n);
  }
  return true;
}

bool AnimationWriter::wait_encoder() {
  if (fd_ >= 0) ::close(fd_), fd_ = -1;
  if (pid_ < 0) return false;
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

bool AnimationWriter::add_frame(const RgbaImage& frame, std::string* error) {
  if (!open_) return fail(out_ + ": the animation is not open", error);
  if (frame.width != opt_.width_px || frame.height != opt_.height_px ||
      frame.pixels.size() != size_t(frame.width) * size_t(frame.height) * 4)
    return fail(out_ + ": frame " + std::to_string(frames_ + 1) + " is " + std::to_string(frame.width) + "x" +
                    std::to_string(frame.height) + ", expected " + std::to_string(opt_.width_px) + "x" +
                    std::to_string(opt_.height_px),
                error);
  if (opt_.format == AnimationFormat::PngFrames) {
    std::string why;
    if (!write_png_file(temp_ + "/" + frame_name(frames_ + 1), frame, opt_.keep_alpha, &why))
      return fail(out_ + ": " + why, error);
  } else if (!write_all(frame.pixels)) {
    return fail(out_ + ": ffmpeg stopped reading frames (see its message on stderr)", error);
  }
  ++frames_;
  return true;
}

bool AnimationWriter::finish(std::string* error) {
  if (!open_) return fail(out_ + ": the animation is not open", error);
  if (opt_.format != AnimationFormat::PngFrames) {
    if (!wait_encoder()) return fail(out_ + ": ffmpeg failed (see its message on stderr)", error);
    if (!file_->commit()) return fail(file_->error(), error);
    file_.reset();
    temp_.clear();
    open_ = false;
    return true;
  }
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
      const std::string name = frame_name(i);
      if (::rename((temp_ + "/" + name).c_str(), (out_ + "/" + name).c_str()) != 0)
        return fail(out_ + "/" + name + ": cannot move the frame into place: " + std::strerror(errno), error);
    }
    for (const auto& e : fs::directory_iterator(out_, ec))
      if (frame_number(e.path().filename().string()) > frames_) fs::remove(e.path(), ec);
    fs::remove_all(temp_, ec);
  }
  temp_.clear();
  open_ = false;
  return true;
}

void AnimationWriter::cancel() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    wait_encoder();
  }
  if (fd_ >= 0) ::close(fd_), fd_ = -1;
  file_.reset();  // removes the temporary video file
  if (opt_.format == AnimationFormat::PngFrames && !temp_.empty()) {
    std::error_code ec;
    fs::remove_all(temp_, ec);
  }
  temp_.clear();
  open_ = false;
}

}  // namespace driftmap::render
