// Export dialog: the ImGui panel and the two requests it makes (preview, export).
#include "ui/export_dialog.hpp"

#include <epoxy/gl.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/atomic_file.hpp"

namespace driftmap::ui {

namespace {

const char* kSizeNames[] = {"1920 x 1080", "3840 x 2160", "A4 portrait", "A3 portrait", "A4 landscape", "A3 landscape",
                            "Custom"};
const char* kKindNames[] = {"PNG", "GeoTIFF", "SVG"};
const char* kKindExt[] = {".png", ".tif", ".svg"};

bool input_text(const char* label, std::string& s) {
  char buf[512];
  std::snprintf(buf, sizeof buf, "%s", s.c_str());
  if (!ImGui::InputText(label, buf, sizeof buf)) return false;
  s = buf;
  return true;
}

}  // namespace

void export_size_px(const ExportDialogState& d, int* w, int* h, double* dpi) {
  struct Paper {
    double w_mm, h_mm;
  };
  *dpi = 0;
  switch (d.size) {
    case ExportSize::HD: *w = 1920, *h = 1080; return;
    case ExportSize::UHD: *w = 3840, *h = 2160; return;
    case ExportSize::Custom:
      *w = std::clamp(d.custom_w, 16, 16384), *h = std::clamp(d.custom_h, 16, 16384);
      return;
    default: break;
  }
  static const Paper kPaper[] = {{210, 297}, {297, 420}, {297, 210}, {420, 297}};
  const Paper p = kPaper[int(d.size) - int(ExportSize::A4)];
  *dpi = std::clamp(d.dpi, 24, 2400);
  *w = int(std::lround(p.w_mm / 25.4 * *dpi));
  *h = int(std::lround(p.h_mm / 25.4 * *dpi));
}

render::ExportSettings export_settings(const ExportDialogState& d, const ViewState& v) {
  render::ExportSettings s;
  export_size_px(d, &s.width_px, &s.height_px, &s.dpi);
  s.dark = d.dark;
  s.transparent = d.transparent;
  s.title = d.title;
  s.subtitle = d.subtitle;
  s.legend = d.legend;
  s.scalebar = d.scalebar;
  s.north_arrow = d.north_arrow;
  s.ctc_shares = v.show_ctc_shift;
  // The viewer's view: centre and scale (per logical pixel) in its projection, as a session saves them.
  s.centre_m = v.camera.centre_m();
  s.metres_per_px = v.camera.metres_per_px() * v.camera.pixel_ratio();
  s.type_mask = 0;
  for (int t = 0; t < core::kEventTypeCount; ++t)
    if (v.filters.types[size_t(t)]) s.type_mask |= 1u << t;
  s.killed_min = v.filters.killed_min;
  return s;
}

void export_dialog(ExportDialogState& d, ViewState& v) {
  if (!d.open) return;
  ImGui::SetNextWindowSize(ImVec2(460, 0), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Export", &d.open)) {
    ImGui::End();
    return;
  }
  bool changed = false;
  int size = int(d.size);
  changed |= ImGui::Combo("Size", &size, kSizeNames, IM_ARRAYSIZE(kSizeNames));
  d.size = ExportSize(size);
  if (d.size == ExportSize::Custom) {
    changed |= ImGui::InputInt("Width (px)", &d.custom_w);
    changed |= ImGui::InputInt("Height (px)", &d.custom_h);
  } else if (d.size >= ExportSize::A4) {
    changed |= ImGui::InputInt("DPI", &d.dpi);
  }
  int kind = int(d.kind);
  if (ImGui::Combo("Format", &kind, kKindNames, IM_ARRAYSIZE(kKindNames))) {
    d.kind = ExportKind(kind);
    const auto dot = d.path.find_last_of('.');
    d.path = (dot == std::string::npos ? d.path : d.path.substr(0, dot)) + kKindExt[kind];
  }
  input_text("File", d.path);
  changed |= input_text("Title", d.title);
  changed |= input_text("Subtitle", d.subtitle);
  changed |= ImGui::Checkbox("Legend", &d.legend);
  ImGui::SameLine();
  changed |= ImGui::Checkbox("Scale bar", &d.scalebar);
  ImGui::SameLine();
  changed |= ImGui::Checkbox("North arrow", &d.north_arrow);
  changed |= ImGui::Checkbox("Dark style", &d.dark);
  ImGui::SameLine();
  changed |= ImGui::Checkbox("Transparent background", &d.transparent);
  if (changed) d.preview_dirty = true;

  if (d.preview_texture && d.preview_w > 0) {
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(d.preview_texture)),
                 ImVec2(w, w * float(d.preview_h) / float(d.preview_w)));
  }
  if (d.progress >= 0) {
    ImGui::ProgressBar(d.progress);
    if (ImGui::Button("Cancel")) d.cancel_requested = true;
  } else if (ImGui::Button("Export")) {
    d.export_requested = true;
  }
  if (!d.status.empty()) ImGui::TextWrapped("%s", d.status.c_str());
  ImGui::End();
}

bool render_export_preview(ExportDialogState& d, const ViewState& v, const render::ExportData& data,
                           const std::vector<uint8_t>& visible) {
  d.preview_dirty = false;
  render::ExportSettings s = export_settings(d, v);
  s.visible = visible;
  // The same frame at a small size: the layout scales with the dpi, so scale the dpi too.
  const double full_dpi = s.dpi > 0 ? s.dpi : render::default_dpi(s.width_px, s.height_px);
  const double k = std::min(1.0, 480.0 / std::max(s.width_px, s.height_px));
  s.width_px = std::max(16, int(std::lround(s.width_px * k)));
  s.height_px = std::max(16, int(std::lround(s.height_px * k)));
  s.dpi = std::max(24.0, full_dpi * k);
  if (s.metres_per_px) *s.metres_per_px /= k;
  try {
    GLint fbo = 0, viewport[4];
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &fbo);
    glGetIntegerv(GL_VIEWPORT, viewport);
    render::MapExporter ex(data, s);
    const render::RgbaImage img = ex.render(v.time.window.days());
    glBindFramebuffer(GL_FRAMEBUFFER, GLuint(fbo));
    glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
    if (!d.preview_texture) glGenTextures(1, &d.preview_texture);
    glBindTexture(GL_TEXTURE_2D, d.preview_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, img.width, img.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, img.pixels.data());
    d.preview_w = img.width;
    d.preview_h = img.height;
    return true;
  } catch (const std::exception& e) {
    d.status = std::string("preview: ") + e.what();
    return false;
  }
}

bool run_export(ExportDialogState& d, const ViewState& v, const render::ExportData& data,
                const std::vector<uint8_t>& visible) {
  d.export_requested = false;
  render::ExportSettings s = export_settings(d, v);
  s.visible = visible;
  const auto format = render::export_format_for(d.path);
  if (!format) {
    d.status = d.path + ": unknown extension (use .png, .tif/.tiff or .svg)";
    return false;
  }
  std::string error;
  bool ok = false;
  try {
    GLint fbo = 0, viewport[4];
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &fbo);
    glGetIntegerv(GL_VIEWPORT, viewport);
    render::MapExporter ex(data, s);
    const core::DayInterval w = v.time.window.days();
    if (*format == render::ExportFormat::Svg) {
      ok = core::write_file_atomically(d.path, ex.svg(w), &error);
    } else {
      const render::RgbaImage img = ex.render(w);
      ok = *format == render::ExportFormat::Png
               ? render::write_png_file(d.path, img, ex.keeps_alpha(), &error)
               : render::write_geotiff_file(d.path, img, ex.camera(), ex.projection(), ex.keeps_alpha(), &error);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, GLuint(fbo));
    glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
  } catch (const std::exception& e) {
    error = e.what();
  }
  d.status = ok ? "wrote " + d.path : error;
  return ok;
}

}  // namespace driftmap::ui
