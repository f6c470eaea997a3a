// Export dialog: the ImGui panel and the pure choices behind it (sizes, settings, frame windows).
// The GL work it asks for (preview, export, animation frames) is done by app/export_runner.
#include "ui/export_dialog.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "core/atomic_file.hpp"
#include "core/period_list.hpp"
#include "imgui_stdlib.h"
#include "output/animation_windows.hpp"

namespace driftmap::ui {

namespace {

const char* kSizeNames[] = {"1920 x 1080 (HD)", "3840 x 2160 (4K)", "A4 portrait", "A3 portrait", "A4 landscape",
                            "A3 landscape", "Custom"};
const char* kStepNames[] = {"1 month", "1 quarter", "1 year"};

// A titled separator (ImGui 1.86 has no SeparatorText).
void section(const char* title) {
  ImGui::Spacing();
  ImGui::TextDisabled("%s", title);
  ImGui::Separator();
}

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, s < 10 ? "%.1f s" : "%.0f s", s);
  return buf;
}

}  // namespace

const output::OutputFormat& export_format(const ExportDialogState& d) {
  const auto& formats = output::output_formats();
  return formats[std::min(d.format, formats.size() - 1)];
}

bool choose_export_format(ExportDialogState& d, const std::string& path) {
  const output::OutputFormat* f = output::output_format_for(path);
  if (!f) return false;
  d.format = output::format_index(*f);
  d.path = path;
  return true;
}

void open_export_dialog(ExportDialogState& d, const ViewState& v) {
  if (!d.open && !d.job) {
    d.step = v.time.step;
    d.mode = v.time.mode;
    d.window_months = std::max(1, int(v.time.window_months));
  }
  d.open = true;
  d.preview_dirty = true;
}

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
  // The viewer's view: the map area the window shows, else centre and scale (per logical pixel)
  // as a session saves them; both in the viewer's projection.
  s.centre_m = v.camera.centre_m();
  s.metres_per_px = v.camera.metres_per_px() * v.camera.pixel_ratio();
  s.view_box_m = d.view_box_m;
  s.type_mask = type_mask(v.filters);
  s.killed_min = v.filters.killed_min;
  return s;
}

bool export_panels(const ExportDialogState& d, std::vector<core::DayInterval>* periods, std::string* error) {
  periods->clear();
  if (d.panels.find_first_not_of(" \t") == std::string::npos || is_animation(d)) return true;
  const output::OutputFormat& f = export_format(d);
  if (!f.panels) {
    *error = std::string("Panels: ") + f.label + " holds one georeferenced map; a sheet of panels is written to " +
             output::panel_extensions_text();
    return false;
  }
  auto parsed = core::parse_period_list(d.panels, error);
  if (!parsed) {
    *error = "Panels: " + *error;
    return false;
  }
  *periods = std::move(*parsed);
  return true;
}

std::optional<core::MonthRange> export_months(const ExportDialogState& d, std::string* error) {
  core::MonthRange months = d.extent;
  std::string why;
  if (d.from.find_first_not_of(' ') != std::string::npos) {
    const auto from = core::parse_partial_date(d.from, &why);
    if (!from) return *error = "From: " + why, std::nullopt;
    months.start_month = core::month_of_day(from->interval().start_day);
  }
  if (d.to.find_first_not_of(' ') != std::string::npos) {
    const auto to = core::parse_partial_date(d.to, &why);
    if (!to) return *error = "To: " + why, std::nullopt;
    months.end_month = core::month_of_day(to->interval().end_day - 1) + 1;
  }
  if (months.end_month <= months.start_month)
    return *error = "To is before From: no months to animate", std::nullopt;
  return months;
}

std::vector<core::MonthRange> export_windows(const ExportDialogState& d) {
  std::string error;
  const auto months = export_months(d, &error);
  if (!months) return {};
  core::TimelineSpec spec;
  spec.extent = *months;
  spec.mode = d.mode;
  spec.window_months = std::clamp(d.window_months, 1, 1200);
  return output::animation_windows(spec, d.step);
}

namespace {

// A form row: the label at the left, the next widget filling the rest from label_w.
void label_row(float label_w, const char* label) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine(label_w);
  ImGui::SetNextItemWidth(-1);
}

// Format, size (with custom pixels or print resolution), the resulting pixel size, and the file.
// Returns whether a choice that changes the preview was edited.
bool format_and_size_rows(ExportDialogState& d, float label_w) {
  bool changed = false;
  label_row(label_w, "Format");
  if (ImGui::BeginCombo("##format", export_format(d).label)) {
    const auto& formats = output::output_formats();
    for (size_t i = 0; i < formats.size(); ++i)
      if (ImGui::Selectable(formats[i].label, i == d.format) && i != d.format) {
        d.format = i;
        d.path = output::with_extension(d.path, formats[i]);
        changed = true;
      }
    ImGui::EndCombo();
  }
  int size = int(d.size);
  label_row(label_w, "Size");
  changed |= ImGui::Combo("##size", &size, kSizeNames, IM_ARRAYSIZE(kSizeNames));
  d.size = ExportSize(size);
  if (d.size == ExportSize::Custom) {
    label_row(label_w, "Width x height");
    int wh[2] = {d.custom_w, d.custom_h};
    if (ImGui::InputInt2("##custom", wh, ImGuiInputTextFlags_EnterReturnsTrue) || ImGui::IsItemDeactivatedAfterEdit()) {
      d.custom_w = std::clamp(wh[0], 16, 16384);
      d.custom_h = std::clamp(wh[1], 16, 16384);
      changed = true;
    }
  } else if (d.size >= ExportSize::A4) {
    label_row(label_w, "Resolution");
    if (ImGui::InputInt("##dpi", &d.dpi, 50, 100)) {
      d.dpi = std::clamp(d.dpi, 24, 2400);
      changed = true;
    }
  }
  {
    int w = 0, h = 0;
    double dpi = 0;
    export_size_px(d, &w, &h, &dpi);
    ImGui::SetCursorPosX(label_w);
    if (dpi > 0) ImGui::TextDisabled("%d x %d px at %.0f dpi", w, h, dpi);
    else ImGui::TextDisabled("%d x %d px", w, h);
  }
  label_row(label_w, "File");
  ImGui::InputText("##file", &d.path);
  return changed;
}

// Stills: the periods of a sheet of panels, and what is wrong with them.
bool panels_row(ExportDialogState& d, float label_w) {
  label_row(label_w, "Panels");
  ImGui::InputTextWithHint("##panels", "one map; or periods: 2020,2022,2024", &d.panels);
  const bool changed = ImGui::IsItemDeactivatedAfterEdit();
  std::vector<core::DayInterval> periods;
  std::string error;
  ImGui::SetCursorPosX(label_w);
  if (!export_panels(d, &periods, &error)) ImGui::TextDisabled("%s", error.c_str());
  else if (!periods.empty()) ImGui::TextDisabled("%zu panels, one frame and scale", periods.size());
  return changed;
}

// Step, window and frame rate of an animation, with the frame count it gives.
bool animation_rows(ExportDialogState& d, float label_w, float em) {
  bool changed = false;
  section("Animation");
  // From/To: the hints show the data's first and last months, used when a field is empty.
  const auto iso_month = [](core::MonthIndex m) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d", core::year_of_month(m), int(m - core::month_index(core::year_of_month(m), 1)) + 1);
    return std::string(buf);
  };
  label_row(label_w, "From");
  ImGui::SetNextItemWidth(7 * em);
  ImGui::InputTextWithHint("##from", iso_month(d.extent.start_month).c_str(), &d.from);
  changed |= ImGui::IsItemDeactivatedAfterEdit();
  ImGui::SameLine();
  ImGui::TextUnformatted("to");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(7 * em);
  ImGui::InputTextWithHint("##to", iso_month(d.extent.end_month - 1).c_str(), &d.to);
  changed |= ImGui::IsItemDeactivatedAfterEdit();
  std::string error;
  if (!export_months(d, &error)) {
    ImGui::SetCursorPosX(label_w);
    ImGui::TextDisabled("%s", error.c_str());
  }
  int step = int(d.step);
  label_row(label_w, "Step");
  changed |= ImGui::Combo("##step", &step, kStepNames, IM_ARRAYSIZE(kStepNames));
  d.step = core::StepSize(step);
  label_row(label_w, "Window");
  int mode = int(d.mode);
  const char* kModes[] = {"sliding", "cumulative"};
  ImGui::SetNextItemWidth(8 * em);
  if (ImGui::Combo("##mode", &mode, kModes, 2)) {
    d.mode = core::WindowMode(mode);
    changed = true;
  }
  if (d.mode == core::WindowMode::Sliding) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(7 * em);
    if (ImGui::InputInt("##months", &d.window_months, 1, 12)) {
      d.window_months = std::clamp(d.window_months, 1, 1200);
      changed = true;
    }
    ImGui::SameLine();
    ImGui::TextUnformatted("months");
  }
  if (!export_format(d).is_directory()) {
    label_row(label_w, "Frames/second");
    ImGui::SliderFloat("##fps", &d.fps, 0.5f, 30.f, "%.1f");
  }
  const size_t n = export_windows(d).size();
  ImGui::SetCursorPosX(label_w);
  if (n > output::kMaxAnimationFrames)
    ImGui::TextDisabled("more than %zu frames: too long", output::kMaxAnimationFrames);
  else if (export_format(d).is_directory()) ImGui::TextDisabled("%zu frames", n);
  else ImGui::TextDisabled("%zu frames, %s", n, seconds_text(double(n) / std::max(0.1f, d.fps)).c_str());
  return changed;
}

// Title, subtitle and the layout toggles.
bool layout_rows(ExportDialogState& d, float label_w) {
  bool changed = false;
  section("Layout");
  label_row(label_w, "Title");
  changed |= ImGui::InputTextWithHint("##title", "none", &d.title);
  label_row(label_w, "Subtitle");
  changed |= ImGui::InputTextWithHint("##subtitle", "none", &d.subtitle);
  ImGui::SetCursorPosX(label_w);
  ImGui::BeginGroup();
  if (ImGui::BeginTable("##toggles", 2)) {
    ImGui::TableNextColumn();
    changed |= ImGui::Checkbox("Legend", &d.legend);
    ImGui::TableNextColumn();
    changed |= ImGui::Checkbox("Scale bar", &d.scalebar);
    ImGui::TableNextColumn();
    changed |= ImGui::Checkbox("North arrow", &d.north_arrow);
    ImGui::TableNextColumn();
    changed |= ImGui::Checkbox("Dark style", &d.dark);
    ImGui::TableNextColumn();
    changed |= ImGui::Checkbox("Transparent", &d.transparent);
    ImGui::EndTable();
  }
  ImGui::EndGroup();
  return changed;
}

// The last rendered preview, scaled to the dialog.
void preview_section(const ExportDialogState& d, float em) {
  section("Preview");
  if (d.preview_texture && d.preview_w > 0) {
    // Fit into the dialog's width and a height that keeps portrait pages on screen.
    const float avail = ImGui::GetContentRegionAvail().x;
    const float max_h = 18 * em;
    float w = avail, h = avail * float(d.preview_h) / float(d.preview_w);
    if (h > max_h) w *= max_h / h, h = max_h;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - w) / 2);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(d.preview_texture)), ImVec2(w, h));
    ImGui::GetWindowDrawList()->AddRect(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(ImGuiCol_Border));
    if (is_animation(d)) ImGui::TextDisabled("(the current window; frames step through the timeline)");
  } else {
    ImGui::TextDisabled("rendering...");
  }
}

// Export/Close, or progress and Cancel while a job runs; then the last job's status.
void action_rows(ExportDialogState& d, bool busy, float em) {
  ImGui::Spacing();
  ImGui::Separator();
  const float button_w = 7 * em;
  if (busy) {
    char overlay[64];
    std::snprintf(overlay, sizeof overlay, "%zu / %zu frames", d.frames_done, d.frames_total);
    ImGui::ProgressBar(d.progress, ImVec2(ImGui::GetContentRegionAvail().x - button_w - ImGui::GetStyle().ItemSpacing.x, 0),
                       d.frames_total ? overlay : nullptr);
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(button_w, 0))) d.cancel_requested = true;
  } else {
    if (ImGui::Button(is_animation(d) ? "Export animation" : "Export", ImVec2(1.6f * button_w, 0)))
      d.export_requested = true;
    ImGui::SameLine();
    if (ImGui::Button("Close", ImVec2(button_w, 0))) d.open = false;
  }
  if (!d.status.empty()) {
    if (!d.last_ok && !busy) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(190, 40, 30, 255));
    ImGui::TextWrapped("%s", d.status.c_str());
    if (!d.last_ok && !busy) ImGui::PopStyleColor();
  }
}

}  // namespace

void export_dialog(ExportDialogState& d, ViewState& v) {
  if (!d.open) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 2 * em, vp->WorkPos.y + 1.5f * em), ImGuiCond_FirstUseEver);
  // Fixed width, height fitted to the content (the preview's aspect changes with the size).
  ImGui::SetNextWindowSizeConstraints(ImVec2(32 * em, 0), ImVec2(32 * em, std::max(20 * em, vp->WorkSize.y - 3 * em)));
  if (!ImGui::Begin("Export", &d.open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::End();
    return;
  }
  const bool busy = d.progress >= 0;
  const float label_w = 7.5f * em;
  // Settings are locked while a job runs, so the written file matches what the dialog shows.
  ImGui::BeginDisabled(busy);
  bool changed = format_and_size_rows(d, label_w);
  if (is_animation(d)) changed |= animation_rows(d, label_w, em);
  else changed |= panels_row(d, label_w);
  changed |= layout_rows(d, label_w);
  ImGui::EndDisabled();
  if (changed) d.preview_dirty = true;

  preview_section(d, em);
  action_rows(d, busy, em);
  ImGui::End();
}

}  // namespace driftmap::ui
