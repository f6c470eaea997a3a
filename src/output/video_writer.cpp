// VideoWriter: ffmpeg through a pipe, the container checked before the rename.
#include "output/video_writer.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <vector>

#include "core/atomic_file.hpp"
#include "output/output_format.hpp"

extern char** environ;

namespace driftmap::output {

namespace {

uint64_t big_endian(const unsigned char* p, int n) {
  uint64_t v = 0;
  for (int i = 0; i < n; ++i) v = v << 8 | p[i];
  return v;
}

std::string incomplete_mp4(std::ifstream& in, uint64_t file_size) {
  bool ftyp = false, moov = false, mdat = false;
  uint64_t at = 0;
  while (at < file_size) {
    unsigned char h[16];
    in.seekg(std::streamoff(at));
    if (file_size - at < 8 || !in.read(reinterpret_cast<char*>(h), 8)) return "a box header is cut off at byte " + std::to_string(at);
    uint64_t size = big_endian(h, 4);
    const std::string type(reinterpret_cast<const char*>(h + 4), 4);
    if (size == 1) {
      if (file_size - at < 16 || !in.read(reinterpret_cast<char*>(h + 8), 8)) return "a box header is cut off";
      size = big_endian(h + 8, 8);
    } else if (size == 0) {
      size = file_size - at;
    }
    if (size < 8 || size > file_size - at) return "box '" + type + "' runs past the end of the file (truncated)";
    ftyp |= type == "ftyp";
    moov |= type == "moov";
    mdat |= type == "mdat";
    at += size;
  }
  if (!ftyp || !moov || !mdat) return std::string("no '") + (!ftyp ? "ftyp" : !moov ? "moov" : "mdat") + "' box (incomplete)";
  return "";
}

}  // namespace

std::string incomplete_video_reason(const std::string& path, VideoFormat format) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return "cannot be read back";
  const auto end = in.tellg();
  if (end <= 0) return "is empty";
  const uint64_t size = uint64_t(end);
  if (format == VideoFormat::Mp4) return incomplete_mp4(in, size);
  unsigned char head[6], tail = 0;
  in.seekg(0);
  if (size < 14 || !in.read(reinterpret_cast<char*>(head), 6)) return "is too short for a GIF";
  if (std::memcmp(head, "GIF89a", 6) != 0 && std::memcmp(head, "GIF87a", 6) != 0) return "has no GIF header";
  in.seekg(std::streamoff(size - 1));
  if (!in.read(reinterpret_cast<char*>(&tail), 1) || tail != 0x3B) return "has no GIF trailer (truncated)";
  return "";
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

VideoWriter::VideoWriter(VideoFormat format) : format_(format) {}
VideoWriter::~VideoWriter() { cancel(); }

bool VideoWriter::open(const std::string& out, const WriterOptions& options, std::string* error) {
  if (!begin(out, options, error)) return false;
  if (format_ == VideoFormat::Mp4 && (opt_.width_px % 2 || opt_.height_px % 2))
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
  if (format_ == VideoFormat::Mp4) {
    for (const char* s : {"-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p", "-movflags",
                          "+faststart", "-f", "mp4"})
      args.push_back(s);
  } else {
    for (const char* s : {"-filter_complex", "[0:v]split[a][b];[a]palettegen=stats_mode=full[p];[b][p]paletteuse", "-f",
                          "gif"})
      args.push_back(s);
  }
  args.push_back(temp_);

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
  return true;
}

bool VideoWriter::write_all(const std::vector<uint8_t>& bytes) {
  // A dying ffmpeg must make write() fail rather than kill the process with SIGPIPE: the signal
  // is blocked on this thread while writing and a pending one is consumed, so the process's own
  // signal settings stay as they are.
  sigset_t pipe_set, old;
  sigemptyset(&pipe_set);
  sigaddset(&pipe_set, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
  size_t done = 0;
  bool ok = true;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      ok = false;
      break;
    }
    done += size_t(n);
  }
  if (!ok) {
    const timespec zero{0, 0};
    sigtimedwait(&pipe_set, nullptr, &zero);
  }
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  return ok;
}

bool VideoWriter::wait_encoder() {
  if (fd_ >= 0) ::close(fd_), fd_ = -1;
  if (pid_ < 0) return false;
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

bool VideoWriter::add_image(const render::RgbaImage& frame, std::string* error) {
  if (!check_frame(frame, fd_ >= 0, error)) return false;
  if (!write_all(frame.pixels)) return fail(out_ + ": ffmpeg stopped reading frames (see its message on stderr)", error);
  ++frames_;
  return true;
}

bool VideoWriter::finish(std::string* error) {
  if (fd_ < 0 || !file_) return fail(out_ + ": the animation is not open", error);
  if (!wait_encoder()) return fail(out_ + ": ffmpeg failed (see its message on stderr)", error);
  if (const std::string why = incomplete_video_reason(temp_, format_); !why.empty())
    return fail(out_ + ": ffmpeg reported success but the video is not whole: " + why + " (disk full?); the previous file is kept",
                error);
  if (!file_->commit()) return fail(file_->error(), error);
  file_.reset();
  temp_.clear();
  return true;
}

void VideoWriter::cancel() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    wait_encoder();
  }
  if (fd_ >= 0) ::close(fd_), fd_ = -1;
  file_.reset();  // removes the temporary video file
  temp_.clear();
}

std::unique_ptr<OutputWriter> make_mp4_writer() { return std::make_unique<VideoWriter>(VideoFormat::Mp4); }
std::unique_ptr<OutputWriter> make_gif_writer() { return std::make_unique<VideoWriter>(VideoFormat::Gif); }

}  // namespace driftmap::output
