// Bottom panel: playback controls, the month histogram stacked by event type, and a range
// slider over it (drag an end to resize, the body to move, click elsewhere to jump).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "imgui.h"
#include "ui/panels.hpp"
#include "ui/time_control.hpp"

namespace driftmap::ui {

namespace {

ImU32 to_u32(render::Rgba c, float alpha_scale = 1.f) {
  return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a * alpha_scale));
}

const int kPresetMonths[] = {1, 3, 6, 12};

void controls_row(ViewState& v, const Scene& s) {
  TimeState& t = v.time;
  const core::MonthRange extent = s.extent;
  if (ImGui::Button(t.playing ? "Pause" : "Play", ImVec2(ImGui::GetFontSize() * 4, 0))) toggle_play(t, extent);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Space");
  ImGui::SameLine();
  if (ImGui::ArrowButton("##back", ImGuiDir_Left)) step_time(t, extent, -1);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Step back (Left)");
  ImGui::SameLine();
  if (ImGui::ArrowButton("##fwd", ImGuiDir_Right)) step_time(t, extent, +1);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Step forward (Right)");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  int step = static_cast<int>(t.step);
  if (ImGui::Combo("step", &step, "month\0quarter\0year\0")) t.step = static_cast<core::StepSize>(step);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("A step is never longer than the window, so no incident is skipped");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  ImGui::SliderFloat("steps/s", &t.steps_per_second, 0.25f, 12.0f, "%.2g", ImGuiSliderFlags_Logarithmic);
  ImGui::SameLine();
  ImGui::Checkbox("loop", &t.loop);
  ImGui::SameLine();
  ImGui::TextDisabled("|");
  ImGui::SameLine();
  int mode = static_cast<int>(t.mode);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  if (ImGui::Combo("##mode", &mode, "sliding\0cumulative\0")) set_mode(t, extent, static_cast<core::WindowMode>(mode));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Sliding: a window of fixed length\nCumulative: everything since the first incident");
  if (t.mode == core::WindowMode::Sliding) {
    ImGui::SameLine();
    const int len = t.window.length_months();
    std::string preview = std::to_string(len) + (len == 1 ? " month" : " months");
    const bool custom = std::find(std::begin(kPresetMonths), std::end(kPresetMonths), len) == std::end(kPresetMonths);
    if (custom) preview += " (custom)";
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    if (ImGui::BeginCombo("##len", preview.c_str())) {
      for (int m : kPresetMonths) {
        const std::string label = std::to_string(m) + (m == 1 ? " month" : " months");
        if (ImGui::Selectable(label.c_str(), m == len)) set_window_months(t, extent, m);
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    int custom_len = len;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    if (ImGui::InputInt("months", &custom_len, 1, 12) && custom_len != len)
      set_window_months(t, extent, std::clamp(custom_len, 1, std::max(1, extent.length_months())));
  }
  // The window's dates and counts: on the same row where they fit whole, else on a row of their
  // own (a narrow window, 1024 px wide, would cut them off).
  const std::string range = core::range_text(t.window), counts = counts_text(s.counts);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float need = ImGui::CalcTextSize(("| " + range + " " + counts).c_str()).x + 4 * style.ItemSpacing.x;
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < need) {
    ImGui::NewLine();
  } else {
    ImGui::TextDisabled("|");
    ImGui::SameLine();
  }
  ImGui::TextUnformatted(range.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("%s", counts.c_str());
}

// Where the months sit in the timeline's plot area (screen pixels).
struct TimelineGeometry {
  ImVec2 p0;          // top-left of the plot
  float plot_h;       // height of the bars' area, above the year axis
  float month_w;      // width of one month
  core::MonthRange extent;

  float x_of(core::MonthIndex m) const { return p0.x + static_cast<float>(m - extent.start_month) * month_w; }
  core::MonthIndex month_at(float x) const {
    return extent.start_month + static_cast<int>(std::floor((x - p0.x) / month_w));
  }
};

// Stacked bars per month and event type of the incidents the filters show; with a filter set, every
// loaded incident's total stands faint behind them (same scale). Months outside the window are faded.
void draw_bars(ImDrawList* dl, const TimelineGeometry& g, const TimeState& t, const Scene& s) {
  const float max_total = std::max(1.0f, s.histogram.max_total());
  const float scale = (g.plot_h - 4) / max_total;
  const core::MonthHistogram& shown = s.histogram_shown.bins.size() == s.histogram.bins.size() ? s.histogram_shown
                                                                                               : s.histogram;
  for (size_t b = 0; b < s.histogram.bins.size(); ++b) {
    const core::MonthIndex m = s.histogram.months.start_month + static_cast<int>(b);
    const float x0 = g.x_of(m) + (g.month_w > 3 ? 0.5f : 0.f), x1 = g.x_of(m + 1) - (g.month_w > 3 ? 0.5f : 0.f);
    const bool inside = m >= t.window.start_month && m < t.window.end_month;
    float y = g.p0.y + g.plot_h;
    if (s.filtered)
      dl->AddRectFilled(ImVec2(x0, y - s.histogram.total(b) * scale), ImVec2(x1, y), IM_COL32(128, 128, 128, 60));
    for (int ty = 0; ty < core::kEventTypeCount; ++ty) {
      const float h = shown.bins[b][static_cast<size_t>(ty)] * scale;
      if (h <= 0) continue;
      const render::Rgba c = s.style ? s.style->colour(static_cast<core::EventType>(ty)) : render::Rgba{0.5f, 0.5f, 0.5f, 1};
      dl->AddRectFilled(ImVec2(x0, y - h), ImVec2(x1, y), to_u32(c, inside ? 1.0f : 0.45f));
      y -= h;
    }
  }
}

// A month's bar: how many incidents, and what a fraction means (an incident dated to a year or a
// span counts a share in each of its months).
void month_tooltip(const Scene& s, core::MonthIndex m, size_t b) {
  const float all = s.histogram.total(b);
  const float shown = b < s.histogram_shown.bins.size() ? s.histogram_shown.total(b) : all;
  std::string text = core::month_label(m) + ": ";
  char n[64];
  if (s.filtered) std::snprintf(n, sizeof n, "%.3g shown of %.3g incidents", shown, all);
  else std::snprintf(n, sizeof n, "%.3g incidents", all);
  text += n;
  if (std::fabs(all - std::round(all)) > 1e-3f || std::fabs(shown - std::round(shown)) > 1e-3f)
    text += "\n(an incident dated only to a year, or spanning months, counts a share in each month)";
  ImGui::SetTooltip("%s", text.c_str());
}

// A tick at every January; labels only as often as they fit side by side.
void draw_year_ticks(ImDrawList* dl, const TimelineGeometry& g) {
  const float label_w = ImGui::CalcTextSize("2020").x + 6;
  const int year_every = std::max(1, static_cast<int>(std::ceil(label_w / (12 * g.month_w))));
  for (core::MonthIndex m = g.extent.start_month; m <= g.extent.end_month; ++m) {
    if (m - core::year_of_month(m) * 12 != 0) continue;
    const float x = g.x_of(m);
    dl->AddLine(ImVec2(x, g.p0.y), ImVec2(x, g.p0.y + g.plot_h + 3), IM_COL32(128, 128, 128, 90));
    if (core::year_of_month(m) % year_every == 0) {
      const std::string y = std::to_string(core::year_of_month(m));
      dl->AddText(ImVec2(x + 2, g.p0.y + g.plot_h + 1), ImGui::GetColorU32(ImGuiCol_Text), y.c_str());
    }
  }
}

// Range slider frame and handles; a cumulative window has no start handle (it starts at the extent).
void draw_window_frame(ImDrawList* dl, const TimelineGeometry& g, const TimeState& t, float wx0, float wx1) {
  const ImU32 frame = IM_COL32(255, 170, 0, 255);
  const float handle_w = 4;
  const ImVec2 p0 = g.p0;
  dl->AddRect(ImVec2(wx0, p0.y), ImVec2(wx1, p0.y + g.plot_h), frame, 0, 0, 1.5f);
  if (t.mode == core::WindowMode::Sliding)
    dl->AddRectFilled(ImVec2(wx0 - handle_w / 2, p0.y), ImVec2(wx0 + handle_w / 2, p0.y + g.plot_h), frame);
  dl->AddRectFilled(ImVec2(wx1 - handle_w / 2, p0.y), ImVec2(wx1 + handle_w / 2, p0.y + g.plot_h), frame);
}

// On press, decides what the drag moves (1 start handle, 2 end handle, 3 the whole window); a click
// outside the window first moves the window there.
void start_drag(TimeState& t, const TimelineGeometry& g, const core::TimelineSpec& spec, float mouse_x, float wx0,
                float wx1, float grab) {
  const bool near_start = t.mode == core::WindowMode::Sliding && std::fabs(mouse_x - wx0) <= grab;
  const bool near_end = std::fabs(mouse_x - wx1) <= grab;
  if (near_end && (!near_start || std::fabs(mouse_x - wx1) < std::fabs(mouse_x - wx0))) t.drag = 2;
  else if (near_start) t.drag = 1;
  else if (mouse_x > wx0 && mouse_x < wx1 && t.mode == core::WindowMode::Sliding) t.drag = 3;
  else {
    // Click outside the window: centre a sliding window there, or end a cumulative one there.
    const core::MonthIndex m = g.month_at(mouse_x);
    const int len = t.window.length_months();
    t.window = t.mode == core::WindowMode::Sliding ? core::clamp_window(spec, {m - len / 2, m - len / 2 + len})
                                                   : core::clamp_window(spec, {g.extent.start_month, m + 1});
    t.drag = t.mode == core::WindowMode::Sliding ? 3 : 2;
  }
  t.drag_grab_month = g.month_at(mouse_x);
  t.drag_start_window = t.window;
}

// While dragging: moves the chosen handle (snapped to month boundaries) or shifts the whole window.
void continue_drag(TimeState& t, const TimelineGeometry& g, const core::TimelineSpec& spec, float mouse_x) {
  const core::MonthRange& extent = g.extent;
  const core::MonthIndex m = std::clamp(static_cast<core::MonthIndex>(std::lround((mouse_x - g.p0.x) / g.month_w)) +
                                            extent.start_month,
                                        extent.start_month, extent.end_month);
  if (t.drag == 1) {
    t.window = core::clamp_window(spec, {std::min(m, t.window.end_month - 1), t.window.end_month});
    t.window_months = t.window.length_months();
  } else if (t.drag == 2) {
    core::MonthRange w{t.window.start_month, std::max(m, t.window.start_month + 1)};
    t.window = core::clamp_window(spec, w);
    if (t.mode == core::WindowMode::Sliding) t.window_months = t.window.length_months();
  } else {
    const int delta = g.month_at(mouse_x) - t.drag_grab_month;
    t.window = core::clamp_window(spec, {t.drag_start_window.start_month + delta, t.drag_start_window.end_month + delta});
  }
  t.playing = false;
}

// Mouse handling on the timeline item: press, drag, release, and the hover cursor and tooltip.
void timeline_interaction(TimeState& t, const TimelineGeometry& g, const Scene& s, float wx0, float wx1) {
  const core::TimelineSpec spec = timeline_spec(t, g.extent);
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const float grab = 6;
  if (ImGui::IsItemActivated()) start_drag(t, g, spec, mouse.x, wx0, wx1, grab);
  if (ImGui::IsItemActive() && t.drag != 0) continue_drag(t, g, spec, mouse.x);
  if (!ImGui::IsItemActive()) t.drag = 0;
  if (ImGui::IsItemHovered()) {
    const bool on_handle = std::fabs(mouse.x - wx1) <= grab ||
                           (t.mode == core::WindowMode::Sliding && std::fabs(mouse.x - wx0) <= grab);
    if (on_handle || t.drag == 1 || t.drag == 2) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    const core::MonthIndex m = g.month_at(mouse.x);
    if (t.drag == 0 && m >= g.extent.start_month && m < g.extent.end_month) {
      const size_t b = static_cast<size_t>(m - g.extent.start_month);
      if (b < s.histogram.bins.size()) month_tooltip(s, m, b);
    }
  }
}

void histogram_and_slider(ViewState& v, const Scene& s) {
  TimeState& t = v.time;
  const core::MonthRange extent = s.extent;
  const int n = extent.length_months();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float axis_h = ImGui::GetTextLineHeight() + 2;
  const ImVec2 size(avail.x, std::max(avail.y, 40.f));
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##timeline", size);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float plot_h = size.y - axis_h;
  dl->AddRectFilled(p0, ImVec2(p0.x + size.x, p0.y + plot_h), IM_COL32(0, 0, 0, 40));
  if (n <= 0) {
    dl->AddText(ImVec2(p0.x + 8, p0.y + 8), ImGui::GetColorU32(ImGuiCol_TextDisabled), "no incidents loaded");
    return;
  }
  const TimelineGeometry g{p0, plot_h, size.x / static_cast<float>(n), extent};
  // The window's highlight goes under the bars, its frame over them.
  const float wx0 = g.x_of(t.window.start_month), wx1 = g.x_of(t.window.end_month);
  dl->AddRectFilled(ImVec2(wx0, p0.y), ImVec2(wx1, p0.y + plot_h), IM_COL32(255, 200, 60, 50));
  draw_bars(dl, g, t, s);
  draw_year_ticks(dl, g);
  draw_window_frame(dl, g, t, wx0, wx1);
  timeline_interaction(t, g, s, wx0, wx1);
}

}  // namespace

float timeline_height() { return ImGui::GetFontSize() * 9.5f; }

void timeline_panel(ViewState& v, const Scene& s) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float h = timeline_height();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - h));
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, h));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (ImGui::Begin("Timeline", nullptr, flags)) {
    controls_row(v, s);
    histogram_and_slider(v, s);
  }
  ImGui::End();
}

}  // namespace driftmap::ui
