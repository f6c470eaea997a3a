// `driftmap animate`: every step of the viewer's timeline rendered with the export's frame and
// layout (render::MapExporter) and written by the animation format's writer from the table of
// outputs (shared with the viewer's Export dialog): MP4 or GIF through ffmpeg, or numbered PNG
// frames in a directory. The window sequence is output::animation_windows, the viewer's playback
// stepping, so frame i shows what the viewer shows at step i. A failure, Ctrl-C or SIGTERM
// leaves nothing at the target and no temporary file.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "app/cli_args.hpp"
#include "app/progress_bar.hpp"
#include "app/commands.hpp"
#include "app/export_options.hpp"
#include "app/story_animation.hpp"
#include "core/partial_date.hpp"
#include "core/text.hpp"
#include "core/timeline.hpp"
#include "render/gl_objects.hpp"
#include "render/headless_context.hpp"
#include "output/animation_windows.hpp"
#include "output/output_format.hpp"
#include "output/video_writer.hpp"
#include "render/map_export.hpp"

namespace driftmap::app {

namespace {

ArgParser make_parser() {
  ArgParser p("driftmap animate",
              "--out FILE.mp4|FILE.gif|DIR/ [--from DATE] [--to DATE] [--step 1m|1q|1y] [--window 12m|Nm|cumulative] "
              "[--fps N] [--size WxH] ...",
              "Renders the map at every step of the timeline (as the viewer's playback steps) and writes an\n"
              "MP4 or GIF (with ffmpeg) or a directory of PNG frames. Each frame carries its date range.");
  p.option("--out", "FILE.mp4", output::extensions_text(false) + " (DIR/: numbered PNG frames; replaced atomically)")
      .option("--from", "DATE", "first month of the timeline (default: the data's first month)")
      .option("--to", "DATE", "last month of the timeline, inclusive (default: the data's last month)")
      .option("--step", "1m|1q|1y", "how far each frame moves the window (default 1m)")
      .option("--window", "12m|Nm|cumulative", "window length in months, or cumulative from the start (default 12m)")
      .option("--fps", "N", "frames per second (default 4)")
      .flag("--story", "play the story's chapters in order ('driftmap story'), each with its period, frame,\n"
                       "title and caption, held for --hold seconds")
      .option("--hold", "SECONDS", "with --story: how long each chapter stays (default 3)")
      .flag("--progress", "show a progress bar on stderr even when it is not a terminal");
  add_export_options(p);
  p.flag("--help", "show this help");
  return p;
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::string lower(const std::string& s) { return core::to_lower_ascii(s); }

// Ctrl-C and SIGTERM during the frames: the handlers only note the signal; the frame loop then
// cancels the writer (removing its temporary file or directory) and the command re-raises the
// signal with its previous disposition. Installed here, at the command's boundary, and restored
// when the command returns.
volatile sig_atomic_t g_stop_signal = 0;
extern "C" void note_stop_signal(int sig) { g_stop_signal = sig; }

class StopSignals {
 public:
  StopSignals() {
    g_stop_signal = 0;
    struct sigaction sa {};
    sa.sa_handler = note_stop_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int_);
    sigaction(SIGTERM, &sa, &old_term_);
  }
  ~StopSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
    if (g_stop_signal) ::raise(g_stop_signal);  // the usual end of an interrupted process
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  int received() const { return g_stop_signal; }

 private:
  struct sigaction old_int_ {}, old_term_ {};
};

// The animation's format from --out: an animation format, else a usage error that names the
// command writing a still format.
std::optional<int> animation_format(const ArgParser& parser, const std::string& out,
                                    const output::OutputFormat** format) {
  *format = output::output_format_for(out);
  if (*format && !(*format)->is_still()) return std::nullopt;
  const std::string ext = output::extension_of(out);
  const std::string why = *format ? ": " + std::string((*format)->label) + " is a still image (driftmap export writes it)"
                          : ext.empty() ? " has no extension"
                                        : ": unknown extension " + quoted(ext);
  return parser.usage_error("--out: " + quoted(out) + why + " (use " + output::extensions_text(false) + ")");
}

// --step, --window and --fps; a window not given here comes later from the session or the default.
struct TimelineOptions {
  core::StepSize step = core::StepSize::Month;
  std::optional<core::WindowMode> mode;
  std::optional<int32_t> window_months;
  double fps = 4;
};

std::optional<int> parse_timeline_options(const ParsedArgs& args, TimelineOptions* t) {
  if (auto s = args.get("--step")) {
    const std::string v = lower(*s);
    if (v == "1m" || v == "month") t->step = core::StepSize::Month;
    else if (v == "1q" || v == "3m" || v == "quarter") t->step = core::StepSize::Quarter;
    else if (v == "1y" || v == "12m" || v == "year") t->step = core::StepSize::Year;
    else return fail_option("--step: " + quoted(*s) + " is not 1m, 1q or 1y");
  }
  if (auto s = args.get("--window")) {
    const std::string v = lower(*s);
    if (v == "cumulative") {
      t->mode = core::WindowMode::Cumulative;
    } else {
      int n = 0;
      const bool ok = v.size() >= 2 && v.back() == 'm' && std::sscanf(v.c_str(), "%d", &n) == 1 && n >= 1 && n <= 1200 &&
                      std::to_string(n) + "m" == v;
      if (!ok) return fail_option("--window: " + quoted(*s) + " is not Nm (months, e.g. 12m) or cumulative");
      t->mode = core::WindowMode::Sliding;
      t->window_months = n;
    }
  }
  if (auto s = args.get("--fps")) {
    // Decimal only: strtod would read "0x10" as 16 and "inf" as a number.
    const auto r = std::from_chars(s->data(), s->data() + s->size(), t->fps, std::chars_format::fixed);
    if (r.ec != std::errc() || r.ptr != s->data() + s->size() || !(t->fps >= 0.1 && t->fps <= 120))
      return fail_option("--fps: " + quoted(*s) + " is not a number in 0.1..120");
  }
  return std::nullopt;
}

// The window sequence: the viewer's timeline stepping over the data's months (or --from/--to),
// with the window from the options, else the session's, else 12 sliding months.
std::optional<int> animation_window_list(const TimelineOptions& t, const std::optional<core::PartialDate>& from,
                                         const std::optional<core::PartialDate>& to, const ExportInputs& inputs,
                                         std::vector<core::MonthRange>* windows) {
  core::TimelineSpec spec;
  spec.extent = core::dataset_months(inputs.dataset);
  if (from) spec.extent.start_month = core::month_of_day(from->interval().start_day);
  if (to) spec.extent.end_month = core::month_of_day(to->interval().end_day - 1) + 1;
  spec.mode = t.mode.value_or(inputs.has_session ? inputs.session_mode : core::WindowMode::Sliding);
  spec.window_months = t.window_months.value_or(inputs.has_session ? inputs.session_window_months : 12);
  if (spec.extent.length_months() <= 0) return fail_line("no months to animate (the data or --from/--to are empty)");
  *windows = output::animation_windows(spec, t.step);
  if (windows->size() > output::kMaxAnimationFrames)
    return fail_option("the animation would have more than " + std::to_string(output::kMaxAnimationFrames) +
                       " frames (the most driftmap writes): give a shorter --from/--to or a longer --step");
  return std::nullopt;
}

// The writer's options. Without ffmpeg a video cannot be made: the frames go to a directory beside
// the target instead (so the work is not lost), and *out and *format change to it.
output::WriterOptions animation_writer_options(const render::ExportSettings& settings, double fps, std::string* out,
                                               const output::OutputFormat** format) {
  output::WriterOptions options = output::writer_options(settings.width_px, settings.height_px);
  options.fps = fps;
  options.keep_alpha = settings.transparent;
  if (!(*format)->is_directory()) {
    options.ffmpeg = output::find_ffmpeg();
    if (options.ffmpeg.empty()) {
      const std::string dir = output::frames_fallback_dir(*out);
      std::fprintf(stderr, "driftmap: ffmpeg not found (install the Debian package 'ffmpeg'); writing PNG frames to %s instead of %s\n",
                   dir.c_str(), out->c_str());
      *out = dir;
      *format = output::output_format_for(*out);
    }
  }
  return options;
}

// Renders every window into the writer. A stop signal cancels the writer, which removes what it
// had written, so nothing partial is left at the target.
int render_frames(const ExportInputs& inputs, render::ExportSettings& settings, const output::OutputFormat& format,
                  const output::WriterOptions& options, const std::string& out,
                  const std::vector<core::MonthRange>& windows, ProgressBar& progress, const StopSignals& stop) {
  auto fail = [&](const std::string& message) {
    progress.finish();  // the message goes on its own line
    return fail_line(message);
  };
  return run_render_work(
      [&] {
        render::HeadlessContext context;
        // One frame for the whole animation: the framing of every window's incidents.
        if (!windows.empty())
          settings.frame_window = core::DayInterval{windows.front().days().start_day, windows.back().days().end_day};
        render::MapExporter exporter(inputs.data(), settings);
        const auto writer = format.writer();
        std::string error;
        if (!writer->open(out, options, &error)) return fail(error);
        for (size_t i = 0; i < windows.size(); ++i) {
          if (stop.received()) {
            writer->cancel();
            return fail("interrupted: nothing was written to " + out);
          }
          if (!writer->add_frame(exporter, windows[i].days(), &error)) return fail(error);
          progress.update(double(i + 1) / double(windows.size()),
                          std::to_string(i + 1) + "/" + std::to_string(windows.size()) + " frames");
        }
        if (stop.received()) {
          writer->cancel();
          return fail("interrupted: nothing was written to " + out);
        }
        if (!writer->finish(&error)) return fail(error);
        return kExitOk;
      },
      fail);
}

}  // namespace

int cmd_animate(int argc, char** argv) {
  const ArgParser parser = make_parser();
  int exit_code = kExitOk;
  const auto args = parser.parse_command(argc, argv, &exit_code);
  if (!args) return exit_code;
  if (!args->has("--out")) return parser.usage_error("--out FILE.mp4|FILE.gif|DIR/ is required");
  std::string out = *args->get("--out");
  if (out.empty()) return fail_option("--out: the file name is empty");
  const output::OutputFormat* format = nullptr;
  if (auto status = animation_format(parser, out, &format)) return *status;

  TimelineOptions timeline;
  if (auto status = parse_timeline_options(*args, &timeline)) return *status;
  std::optional<core::PartialDate> from, to;
  if (auto status = parse_from_to(*args, &from, &to)) return *status;

  render::ExportSettings settings;
  ExportInputs inputs;
  if (auto status = prepare_export(parser, *args, &settings, &inputs)) return *status;
  settings.period_box = true;
  if (std::string(format->extension) == ".mp4" && (settings.width_px % 2 || settings.height_px % 2))
    return fail_option("--size: " + std::to_string(settings.width_px) + "x" + std::to_string(settings.height_px) +
                     " has an odd side (H.264 in yuv420p needs even sides)");
  std::vector<core::MonthRange> windows;
  if (auto status = animation_window_list(timeline, from, to, inputs, &windows)) return *status;

  const bool show_progress = args->has("--progress") || ::isatty(2);
  ProgressBar progress(show_progress, 0);
  const output::WriterOptions options = animation_writer_options(settings, timeline.fps, &out, &format);

  StopSignals stop;
  if (args->has("--story")) {
    double hold_s = 3;
    if (auto s = args->get("--hold")) {
      const auto r = std::from_chars(s->data(), s->data() + s->size(), hold_s, std::chars_format::fixed);
      if (r.ec != std::errc() || r.ptr != s->data() + s->size() || !(hold_s > 0 && hold_s <= 60))
        return fail_option("--hold: " + quoted(*s) + " is not a number of seconds in 0..60");
    }
    return animate_story(inputs, settings, *format, options, out, std::max(1, int(std::lround(hold_s * timeline.fps))),
                         args->has("--title"), args->has("--subtitle"), progress, [&] { return stop.received() != 0; });
  }
  return render_frames(inputs, settings, *format, options, out, windows, progress, stop);
}

}  // namespace driftmap::app
