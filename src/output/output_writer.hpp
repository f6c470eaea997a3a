// The interface every output writer implements (one file per format in this folder), and the
// options they share. A writer receives frames from a render::MapExporter: a still format takes
// exactly one, an animation any number. A failure leaves the target as it was; an animation
// shows nothing at the target before finish() returns true (cancel() or destruction before it
// removes what was staged); a still format writes its file atomically when its frame is added.
//
//   auto w = output_format_for(path)->writer();
//   w->open(path, {.width_px = W, .height_px = H}, &error);
//   w->add_frame(exporter, window, &error);   // once per frame
//   w->finish(&error);
#pragma once
#include <string>

#include "core/partial_date.hpp"
#include "render/map_export.hpp"
#include "render/panel_sheet.hpp"

namespace driftmap::output {

struct WriterOptions {
  int width_px = 0, height_px = 0;
  double fps = 4;           // animations
  bool keep_alpha = false;  // raster formats: an alpha channel (transparent exports)
  std::string ffmpeg;       // video: the ffmpeg binary ("" = find_ffmpeg())
};

inline WriterOptions writer_options(int width_px, int height_px) {
  WriterOptions o;
  o.width_px = width_px;
  o.height_px = height_px;
  return o;
}

class OutputWriter {
 public:
  virtual ~OutputWriter() = default;
  // False with *error naming the path when the output cannot be started.
  virtual bool open(const std::string& path, const WriterOptions& options, std::string* error) = 0;
  // Draws the exporter's frame for the window (pixels or scene, as the format needs).
  virtual bool add_frame(render::MapExporter& exporter, core::DayInterval window, std::string* error) = 0;
  // Draws a sheet of panels as the one frame; false with *error where the format holds one map
  // (the table's `panels` column says which formats take a sheet).
  virtual bool add_sheet(render::PanelSheet& sheet, std::string* error);
  virtual bool finish(std::string* error) = 0;
  virtual void cancel() = 0;
  virtual const std::string& target() const = 0;
};

// A still format's writer: exactly one frame, written atomically when it is added.
class StillWriter : public OutputWriter {
 public:
  bool open(const std::string& path, const WriterOptions& options, std::string* error) override;
  bool add_frame(render::MapExporter& exporter, core::DayInterval window, std::string* error) override;
  bool add_sheet(render::PanelSheet& sheet, std::string* error) override;
  bool finish(std::string* error) override;
  void cancel() override {}
  const std::string& target() const override { return path_; }

 protected:
  // Writes the frame to path atomically; false with *error naming the path.
  virtual bool write_frame(render::MapExporter& exporter, core::DayInterval window, const std::string& path,
                           std::string* error) = 0;
  // Writes the sheet to path atomically; by default refused (a format holding one map).
  virtual bool write_sheet(render::PanelSheet& sheet, const std::string& path, std::string* error);
  const WriterOptions& options() const { return options_; }

 private:
  std::string path_;
  WriterOptions options_;
  bool written_ = false;
};

// An animation's writer: frames are the exporter's pixels, added one at a time (a GUI can add a
// few per frame and stay responsive). Staged beside the target until finish().
class ImageSequenceWriter : public OutputWriter {
 public:
  bool add_frame(render::MapExporter& exporter, core::DayInterval window, std::string* error) override {
    return add_image(exporter.render(window), error);
  }
  // Appends one frame (width_px x height_px RGBA). False with *error; the writer is then cancelled.
  virtual bool add_image(const render::RgbaImage& frame, std::string* error) = 0;
  const std::string& target() const override { return out_; }
  size_t frames() const { return frames_; }
  // The temporary file or directory (empty when none is staged).
  const std::string& temp_path() const { return temp_; }

 protected:
  // The checks every sequence makes before staging: cancels what was staged, keeps the options
  // and the target, and refuses an empty name or a frame without a size.
  bool begin(const std::string& target, const WriterOptions& options, std::string* error);
  // Sets *error, cancels, returns false.
  bool fail(std::string message, std::string* error);
  // The checks every add_image makes: the sequence is open (`open`) and the frame has the size it
  // was opened with. Otherwise fails as fail() does, naming the frame.
  bool check_frame(const render::RgbaImage& frame, bool open, std::string* error);

  WriterOptions opt_;
  std::string out_, temp_;
  size_t frames_ = 0;
};

}  // namespace driftmap::output
