// `driftmap animate`: every step of the viewer's timeline rendered with the export's frame and
// layout (render::MapExporter) and encoded by Debian's ffmpeg (raw RGBA frames through a pipe)
// into MP4 (H.264, yuv420p) or GIF (palettegen/paletteuse), or written as numbered PNG frames
// into a directory. The window sequence comes from core/timeline.hpp, the code the viewer's
// playback steps with, so frame i shows what the viewer shows at step i. Outputs are written to
// a temporary file in the target directory and renamed; a failure leaves nothing at the target.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "app/cli_args.hpp"
#include "app/commands.hpp"
#include "app/export_options.hpp"
#include "core/atomic_file.hpp"
#include "core/partial_date.hpp"
#include "core/timeline.hpp"
#include "render/gl_objects.hpp"
#include "render/headless_context.hpp"
#include "render/map_export.hpp"

extern char** environ;

namespace driftmap::app {

namespace {

ArgParser make_parser() {
  ArgParser p("driftmap animate",
              "--out FILE.mp4|FILE.gif|DIR/ [--from DATE] [--to DATE] [--step 1m|1q|1y] [--window 12m|Nm|cumulative] "
              "[--fps N] [--size WxH] ...",
              "Renders the map at every step of the timeline (as the viewer's playback steps) and writes an\n"
              "MP4 or GIF (with ffmpeg) or a directory of PNG frames. Each frame carries its date range.");
  p.option("--out", "FILE.mp4", "FILE.mp4, FILE.gif, or DIR/ for numbered PNG frames (replaced atomically)")
      .option("--from", "DATE", "first month of the timeline (default: the data's first month)")
      .option("--to", "DATE", "last month of the timeline, inclusive (default: the data's last month)")
      .option("--step", "1m|1q|1y", "how far each frame moves the window (default 1m)")
      .option("--window", "12m|Nm|cumulative", "window length in months, or cumulative from the start (default 12m)")
      .option("--fps", "N", "frames per second (default 4)")
      .flag("--progress", "show a progress bar on stderr even when it is not a terminal");
  add_export_options(p);
  p.flag("--help", "show this help");
  return p;
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::string lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Full path of an executable on PATH (DRIFTMAP_FFMPEG overrides; empty = none).
std::string find_program(const char* name) {
  if (const char* o = std::getenv("DRIFTMAP_FFMPEG")) return *o && ::access(o, X_OK) == 0 ? o : "";
  const char* path = std::getenv("PATH");
  std::string p = path ? path : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= p.size()) {
    size_t colon = p.find(':', start);
    if (colon == std::string::npos) colon = p.size();
    const std::string dir = p.substr(start, colon - start);
    const std::string cand = (dir.empty() ? "." : dir) + "/" + name;
    if (::access(cand.c_str(), X_OK) == 0) return cand;
    start = colon + 1;
  }
  return "";
}

class Progress {
 public:
  Progress(size_t total, bool enabled) : total_(total), enabled_(enabled) {}
  void update(size_t done) {
    if (!enabled_) return;
    const int width = 30;
    const int filled = total_ ? int(double(done) / double(total_) * width) : width;
    std::fprintf(stderr, "\r[%s%s] %zu/%zu frames", std::string(size_t(filled), '#').c_str(),
                 std::string(size_t(width - filled), '.').c_str(), done, total_);
    if (done == total_) std::fputc('\n', stderr);
    std::fflush(stderr);
  }

 private:
  size_t total_;
  bool enabled_;
};

// ffmpeg reading raw RGBA frames on its stdin.
class Encoder {
 public:
  bool start(const std::string& ffmpeg, const std::vector<std::string>& args, std::string* error) {
    int fds[2];
    if (::pipe(fds) != 0) {
      *error = std::string("cannot create a pipe: ") + std::strerror(errno);
      return false;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[0], 0);
    posix_spawn_file_actions_addclose(&fa, fds[1]);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    std::vector<std::string> storage{ffmpeg};
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& s : storage) argv.push_back(s.data());
    argv.push_back(nullptr);
    const int rc = posix_spawn(&pid_, ffmpeg.c_str(), &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    ::close(fds[0]);
    if (rc != 0) {
      ::close(fds[1]);
      pid_ = -1;
      *error = ffmpeg + ": cannot start: " + std::strerror(rc);
      return false;
    }
    fd_ = fds[1];
    return true;
  }
  bool write(const std::vector<uint8_t>& bytes) {
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
  // Closes the pipe and waits; true when ffmpeg exited with 0.
  bool finish() {
    if (fd_ >= 0) ::close(fd_), fd_ = -1;
    if (pid_ < 0) return false;
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
  }
  ~Encoder() {
    if (pid_ > 0) ::kill(pid_, SIGTERM);
    finish();
  }

 private:
  pid_t pid_ = -1;
  int fd_ = -1;
};

}  // namespace

int cmd_animate(int argc, char** argv) {
  const ArgParser parser = make_parser();
  std::string error;
  const auto args = parser.parse(argc - 1, argv + 1, &error);
  if (!args) return parser.usage_error(error);
  if (args->has("--help")) {
    std::fputs(parser.help().c_str(), stdout);
    return kExitOk;
  }
  if (!args->has("--out")) return parser.usage_error("--out FILE.mp4|FILE.gif|DIR/ is required");
  std::string out = *args->get("--out");
  if (out.empty()) return fail_line("--out: the file name is empty");

  enum class Kind { Mp4, Gif, Frames } kind;
  struct stat st_out {};
  const bool is_dir = out.back() == '/' || (::stat(out.c_str(), &st_out) == 0 && S_ISDIR(st_out.st_mode));
  const std::string ext = lower(render::extension_of(out));
  if (is_dir) kind = Kind::Frames;
  else if (ext == ".mp4") kind = Kind::Mp4;
  else if (ext == ".gif") kind = Kind::Gif;
  else
    return parser.usage_error("--out: " + quoted(out) +
                              (ext.empty() ? " has no extension" : ": unknown extension " + quoted(ext)) +
                              " (use .mp4, .gif, or DIR/ for PNG frames)");

  // ---- timeline options ----------------------------------------------------------------------
  core::StepSize step = core::StepSize::Month;
  if (auto s = args->get("--step")) {
    const std::string v = lower(*s);
    if (v == "1m" || v == "month") step = core::StepSize::Month;
    else if (v == "1q" || v == "3m" || v == "quarter") step = core::StepSize::Quarter;
    else if (v == "1y" || v == "12m" || v == "year") step = core::StepSize::Year;
    else return fail_line("--step: " + quoted(*s) + " is not 1m, 1q or 1y");
  }
  std::optional<core::WindowMode> mode;
  std::optional<int32_t> window_months;
  if (auto s = args->get("--window")) {
    const std::string v = lower(*s);
    if (v == "cumulative") {
      mode = core::WindowMode::Cumulative;
    } else {
      int n = 0;
      const bool ok = v.size() >= 2 && v.back() == 'm' && std::sscanf(v.c_str(), "%d", &n) == 1 && n >= 1 && n <= 1200 &&
                      std::to_string(n) + "m" == v;
      if (!ok) return fail_line("--window: " + quoted(*s) + " is not Nm (months, e.g. 12m) or cumulative");
      mode = core::WindowMode::Sliding;
      window_months = n;
    }
  }
  double fps = 4;
  if (auto s = args->get("--fps")) {
    char* end = nullptr;
    fps = std::strtod(s->c_str(), &end);
    if (end != s->c_str() + s->size() || !(fps >= 0.1 && fps <= 120)) return fail_line("--fps: " + quoted(*s) + " is not a number in 0.1..120");
  }
  std::optional<core::PartialDate> from, to;
  for (auto [name, target] : {std::pair{"--from", &from}, std::pair{"--to", &to}}) {
    if (auto s = args->get(name)) {
      std::string why;
      *target = core::parse_partial_date(*s, &why);
      if (!*target)
        return fail_line(std::string(name) + ": " + (why.empty() ? quoted(*s) + " is not a date (YYYY, YYYY-MM or YYYY-MM-DD)" : why));
    }
  }
  if (from && to && to->interval().end_day <= from->interval().start_day)
    return fail_line("--to: " + to->to_iso() + " is before --from " + from->to_iso());

  render::ExportSettings settings;
  ExportInputs inputs;
  if (auto status = prepare_export(parser, *args, &settings, &inputs)) return *status;
  if (kind == Kind::Mp4 && (settings.width_px % 2 || settings.height_px % 2))
    return fail_line("--size: " + std::to_string(settings.width_px) + "x" + std::to_string(settings.height_px) +
                     " has an odd side (H.264 in yuv420p needs even sides)");

  // ---- the window sequence: the viewer's timeline stepping -------------------------------------
  core::TimelineSpec spec;
  spec.extent = core::dataset_months(inputs.dataset);
  if (from) spec.extent.start_month = core::month_of_day(from->interval().start_day);
  if (to) spec.extent.end_month = core::month_of_day(to->interval().end_day - 1) + 1;
  spec.mode = mode.value_or(inputs.has_session ? inputs.session_mode : core::WindowMode::Sliding);
  spec.window_months = window_months.value_or(inputs.has_session ? inputs.session_window_months : 12);
  if (spec.extent.length_months() <= 0) return fail_line("no months to animate (the data or --from/--to are empty)");
  std::vector<core::MonthRange> windows{core::first_window(spec)};
  while (windows.size() < 100000) {
    const core::StepResult r = core::step_window(spec, windows.back(), step, +1, /*loop=*/false);
    if (r.window == windows.back()) break;
    windows.push_back(r.window);
    if (r.at_end) break;
  }

  const bool show_progress = args->has("--progress") || ::isatty(2);
  Progress progress(windows.size(), show_progress);
  const std::string ffmpeg = kind == Kind::Frames ? "" : find_program("ffmpeg");
  std::string frames_dir;
  if (kind == Kind::Frames) {
    frames_dir = out;
  } else if (ffmpeg.empty()) {
    frames_dir = out.substr(0, out.size() - ext.size()) + "_frames/";
    std::fprintf(stderr, "driftmap: ffmpeg not found (install the Debian package 'ffmpeg'); writing PNG frames to %s instead of %s\n",
                 frames_dir.c_str(), out.c_str());
  }
  if (!frames_dir.empty()) {
    while (frames_dir.size() > 1 && frames_dir.back() == '/') frames_dir.pop_back();
    if (::mkdir(frames_dir.c_str(), 0777) != 0 && errno != EEXIST)
      return fail_line(frames_dir + ": cannot create the directory: " + std::strerror(errno));
  }

  try {
    render::HeadlessContext context;
    render::MapExporter exporter(inputs.data(), settings);
    if (frames_dir.empty()) {
      ::signal(SIGPIPE, SIG_IGN);  // a dying ffmpeg makes write() fail instead of killing us
      core::AtomicFile file(out);
      if (!file.ok()) return fail_line(file.error());
      const std::string size = std::to_string(settings.width_px) + "x" + std::to_string(settings.height_px);
      char rate[32];
      std::snprintf(rate, sizeof rate, "%g", fps);
      std::vector<std::string> a{"-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-f", "rawvideo", "-pix_fmt",
                                 "rgba", "-s", size, "-r", rate, "-i", "-"};
      if (kind == Kind::Mp4) {
        for (const char* s : {"-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p",
                              "-movflags", "+faststart", "-f", "mp4"})
          a.push_back(s);
      } else {
        for (const char* s : {"-filter_complex", "[0:v]split[a][b];[a]palettegen=stats_mode=full[p];[b][p]paletteuse",
                              "-f", "gif"})
          a.push_back(s);
      }
      a.push_back(file.temp_path());
      Encoder enc;
      if (!enc.start(ffmpeg, a, &error)) return fail_line(error);
      for (size_t i = 0; i < windows.size(); ++i) {
        const render::RgbaImage img = exporter.render(windows[i].days());
        if (!enc.write(img.pixels)) {
          enc.finish();
          return fail_line(out + ": ffmpeg stopped reading frames (see its message above)");
        }
        progress.update(i + 1);
      }
      if (!enc.finish()) return fail_line(out + ": ffmpeg failed (see its message above)");
      if (!file.commit()) return fail_line(file.error());
    } else {
      char name[32];
      for (size_t i = 0; i < windows.size(); ++i) {
        const render::RgbaImage img = exporter.render(windows[i].days());
        std::snprintf(name, sizeof name, "/frame_%05zu.png", i + 1);
        if (!render::write_png_file(frames_dir + name, img, exporter.keeps_alpha(), &error)) return fail_line(error);
        progress.update(i + 1);
      }
    }
  } catch (const render::ExportError& e) {
    return fail_line(e.what());
  } catch (const render::GlError& e) {
    return fail_line(std::string("rendering failed: ") + e.what());
  }
  return kExitOk;
}

}  // namespace driftmap::app
