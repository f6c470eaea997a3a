// Carries out what the Export dialog asks for, in the app loop with the window's GL context
// current: the live preview texture, single-image exports and animations rendered a few frames
// per GUI frame (cancellable; nothing is left at the target on cancel or failure).
#include "app/export_runner.hpp"

#include <epoxy/gl.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>

#include "output/animation_windows.hpp"
#include "output/output_format.hpp"
#include "output/video_writer.hpp"
#include "render/panel_sheet.hpp"

namespace driftmap::ui {
struct AnimationJob {
  std::unique_ptr<render::MapExporter> exporter;
  std::unique_ptr<output::OutputWriter> writer;
  std::vector<core::MonthRange> windows;
  size_t next = 0;
  std::string note;  // e.g. "ffmpeg not found: PNG frames instead"
};
}  // namespace driftmap::ui

namespace driftmap::app {

using ui::AnimationJob;
using ui::ExportDialogState;
using state::ViewState;
using ui::export_settings;
using ui::export_windows;

namespace {
// Keeps the caller's framebuffer and viewport across an offscreen render.
class KeepFramebuffer {
 public:
  KeepFramebuffer() {
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &fbo_);
    glGetIntegerv(GL_VIEWPORT, viewport_);
  }
  ~KeepFramebuffer() {
    glBindFramebuffer(GL_FRAMEBUFFER, GLuint(fbo_));
    glViewport(viewport_[0], viewport_[1], viewport_[2], viewport_[3]);
  }

 private:
  GLint fbo_ = 0, viewport_[4] = {};
};
}  // namespace

bool render_export_preview(ExportDialogState& d, const ViewState& v, const render::ExportData& data,
                           const std::vector<uint8_t>& visible) {
  d.preview_dirty = false;
  render::ExportSettings s = export_settings(d, v);
  s.visible = visible;
  s.period_box = ui::is_animation(d);  // as the animation's frames show the period
  // The same frame at a small size: the layout scales with the dpi, so scale the dpi too.
  const double full_dpi = s.dpi > 0 ? s.dpi : render::default_dpi(s.width_px, s.height_px);
  const double k = std::min(1.0, 480.0 / std::max(s.width_px, s.height_px));
  s.width_px = std::max(16, int(std::lround(s.width_px * k)));
  s.height_px = std::max(16, int(std::lround(s.height_px * k)));
  s.dpi = std::max(24.0, full_dpi * k);
  if (s.metres_per_px) *s.metres_per_px /= k;
  std::vector<core::DayInterval> periods;
  std::string error;
  if (!ui::export_panels(d, &periods, &error)) periods.clear();  // the dialog shows why; preview one map
  try {
    KeepFramebuffer keep;
    render::RgbaImage img;
    if (periods.empty()) img = render::MapExporter(data, s).render(v.time.window.days());
    else img = render::PanelSheet(data, s, periods).render();
    if (!d.preview_texture) glGenTextures(1, &d.preview_texture);
    glBindTexture(GL_TEXTURE_2D, d.preview_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, img.width, img.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, img.pixels.data());
    d.preview_w = img.width;
    d.preview_h = img.height;
    return true;
  } catch (const std::exception& e) {
    d.status = std::string("preview: ") + e.what();
    d.last_ok = false;
    return false;
  }
}

namespace {

bool start_animation(ExportDialogState& d, const render::ExportSettings& s, const render::ExportData& data) {
  auto job = std::make_shared<AnimationJob>();
  if (!ui::export_months(d, &d.status)) return false;
  job->windows = export_windows(d);
  if (job->windows.empty()) {
    d.status = "no months to animate";
    return false;
  }
  if (job->windows.size() > output::kMaxAnimationFrames) {
    d.status = "more than " + std::to_string(output::kMaxAnimationFrames) +
               " frames (the most driftmap writes): choose a shorter period or a longer step";
    return false;
  }
  output::WriterOptions o = output::writer_options(s.width_px, s.height_px);
  o.fps = std::clamp(double(d.fps), 0.1, 120.0);
  o.keep_alpha = s.transparent;
  std::string out = d.path;
  const output::OutputFormat* format = &ui::export_format(d);
  if (!format->is_directory()) {
    o.ffmpeg = output::find_ffmpeg();
    if (o.ffmpeg.empty()) {
      out = output::frames_fallback_dir(d.path);
      format = output::output_format_for(out);
      job->note = " (ffmpeg not found: install the Debian package 'ffmpeg'; wrote PNG frames instead)";
    }
  }
  render::ExportSettings frames = s;
  frames.period_box = true;
  job->exporter = std::make_unique<render::MapExporter>(data, frames);  // throws ExportError
  job->writer = format->writer();
  if (!job->writer->open(out, o, &d.status)) return false;
  d.job = std::move(job);
  d.frames_done = 0;
  d.frames_total = d.job->windows.size();
  d.progress = 0;
  d.status = "writing " + d.job->writer->target() + "...";
  return true;
}

}  // namespace

bool run_export(ExportDialogState& d, const ViewState& v, const render::ExportData& data,
                const std::vector<uint8_t>& visible) {
  d.export_requested = false;
  d.cancel_requested = false;
  d.last_ok = false;
  if (d.job) return true;  // one at a time
  render::ExportSettings s = export_settings(d, v);
  s.visible = visible;
  if (d.path.empty()) {
    d.status = "no file name";
    return false;
  }
  const output::OutputFormat& format = ui::export_format(d);
  if (format.is_directory() && d.path.back() != '/') d.path += '/';
  if (output::output_format_for(d.path) != &format) {
    d.status = d.path + ": the name does not match the format (use " +
               (format.is_directory() ? std::string("a name ending in /") : std::string(format.extension)) + ")";
    return false;
  }
  std::string error;
  std::vector<core::DayInterval> periods;
  if (!ui::export_panels(d, &periods, &d.status)) return false;
  bool ok = false;
  try {
    if (ui::is_animation(d)) return start_animation(d, s, data);
    KeepFramebuffer keep;
    const auto writer = format.writer();
    std::optional<render::PanelSheet> sheet;
    std::optional<render::MapExporter> ex;
    if (periods.empty()) ex.emplace(data, s);
    else sheet.emplace(data, s, periods);
    ok = writer->open(d.path, output::writer_options(s.width_px, s.height_px), &error) &&
         (sheet ? writer->add_sheet(*sheet, &error) : writer->add_frame(*ex, v.time.window.days(), &error)) &&
         writer->finish(&error);
  } catch (const std::exception& e) {
    error = e.what();
    d.job.reset();
  }
  d.status = ok ? "wrote " + d.path : error;
  d.last_ok = ok;
  return ok;
}

void cancel_export(ExportDialogState& d, const std::string& why) {
  if (!d.job) return;
  d.job->writer->cancel();
  d.job.reset();
  d.progress = -1;
  d.cancel_requested = false;
  d.last_ok = false;
  d.status = why;
}

bool step_export(ExportDialogState& d, double budget_ms) {
  if (!d.job) return true;
  if (d.cancel_requested) {
    cancel_export(d, "cancelled: nothing was written");
    return true;
  }
  AnimationJob& job = *d.job;
  const auto t0 = std::chrono::steady_clock::now();
  std::string error;
  try {
    KeepFramebuffer keep;
    do {
      if (!job.writer->add_frame(*job.exporter, job.windows[job.next].days(), &error)) break;
      ++job.next;
    } while (job.next < job.windows.size() &&
             std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() < budget_ms);
  } catch (const std::exception& e) {
    error = e.what();
  }
  if (!error.empty()) {
    cancel_export(d, error);
    return false;
  }
  d.frames_done = job.next;
  d.progress = float(double(job.next) / double(job.windows.size()));
  if (job.next < job.windows.size()) return true;
  const bool ok = job.writer->finish(&error);
  const std::string target = job.writer->target(), note = job.note;
  d.job.reset();
  d.progress = -1;
  d.last_ok = ok;
  d.status = ok ? "wrote " + target + " (" + std::to_string(d.frames_total) + " frames)" + note : error;
  return ok;
}

void release_export_dialog(ExportDialogState& d) {
  cancel_export(d, "cancelled");
  if (d.preview_texture) glDeleteTextures(1, &d.preview_texture);
  d.preview_texture = 0;
}

}  // namespace driftmap::app
