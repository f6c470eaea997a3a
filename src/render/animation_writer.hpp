// Animation output shared by `driftmap animate` and the viewer's Export dialog (issue 5): the
// frame sequence (the viewer's timeline stepping, core/timeline.hpp) and the writer that turns
// RGBA frames into an MP4 (H.264, yuv420p) or GIF through Debian's ffmpeg (raw frames on a pipe),
// or into a directory of numbered PNG frames. Frames can be added one at a time, so a GUI can
// render a few per frame and stay responsive. Nothing appears at the target until finish():
// video goes to a temporary file beside it, PNG frames into a temporary directory beside it,
// renamed at the end; cancel(), a failure or destruction before finish() removes them.
// No GL and no UI here: the caller renders the frames (render::MapExporter).
//
//   AnimationWriter w;
//   if (!w.open("out.mp4", {.format = AnimationFormat::Mp4, .width_px = W, .height_px = H}, &err)) ...
//   for (auto& win : animation_windows(spec, step)) w.add_frame(exporter.render(win.days()), &err);
//   w.finish(&err);
#pragma once
#include <sys/types.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/timeline.hpp"
#include "render/text_raster.hpp"

namespace driftmap::core {
class AtomicFile;
}

namespace driftmap::render {

enum class AnimationFormat { Mp4, Gif, PngFrames };

// By the path: a trailing '/' or an existing directory = PNG frames; else .mp4 or .gif
// (case-insensitive); nullopt for anything else.
std::optional<AnimationFormat> animation_format_for(const std::string& path);

// The windows frame i shows: first_window(spec), then step_window(+1, no loop) until the end,
// exactly as the viewer's playback steps. At most max_frames windows.
std::vector<core::MonthRange> animation_windows(const core::TimelineSpec& spec, core::StepSize step,
                                                size_t max_frames = 100000);

// Full path of ffmpeg (DRIFTMAP_FFMPEG overrides; "" when none is found).
std::string find_ffmpeg();
// Where PNG frames go instead of FILE.mp4/FILE.gif when ffmpeg is missing: "FILE_frames/".
std::string frames_fallback_dir(const std::string& out);

struct AnimationOptions {
  AnimationFormat format = AnimationFormat::Mp4;
  int width_px = 0, height_px = 0;
  double fps = 4;
  bool keep_alpha = false;  // PNG frames only
  std::string ffmpeg;       // "" = find_ffmpeg() (video only)
};

class AnimationWriter {
 public:
  AnimationWriter();
  ~AnimationWriter();  // cancel() unless finish() succeeded
  AnimationWriter(const AnimationWriter&) = delete;
  AnimationWriter& operator=(const AnimationWriter&) = delete;

  // Creates the temporary output next to out (and starts ffmpeg for video). False with *error
  // naming out on failure (an unknown directory, ffmpeg missing, an odd side for MP4).
  bool open(const std::string& out, const AnimationOptions& options, std::string* error);
  // Appends one frame (width_px x height_px RGBA). False with *error on failure; the writer is
  // then cancelled.
  bool add_frame(const RgbaImage& frame, std::string* error);
  // Completes the output and moves it to the target. False with *error on failure (nothing left).
  bool finish(std::string* error);
  // Stops ffmpeg and removes every temporary file; the target is left as it was.
  void cancel();

  bool is_open() const { return open_; }
  size_t frames() const { return frames_; }
  const std::string& target() const { return out_; }      // as given (frames: without a trailing '/')
  const std::string& temp_path() const { return temp_; }  // the temporary file or directory

 private:
  bool fail(std::string message, std::string* error);
  bool write_all(const std::vector<uint8_t>& bytes);
  bool wait_encoder();  // closes the pipe, waits; true when ffmpeg exited with 0

  AnimationOptions opt_;
  std::string out_, temp_;
  std::unique_ptr<core::AtomicFile> file_;  // video
  pid_t pid_ = -1;
  int fd_ = -1;
  size_t frames_ = 0;
  bool open_ = false;
};

}  // namespace driftmap::render
