// Menu bar, status line, About, the dismissible error list, and the keyboard shortcuts that
// aren't tied to one widget (File → Open is in open_dialog.cpp).
#include <algorithm>
#include <string>

#include <GLFW/glfw3.h>

#include "core/article_figures.hpp"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/panels.hpp"
#include "ui/state.hpp"
#include "ui/time_control.hpp"

namespace driftmap::ui {

float menu_height() { return ImGui::GetFrameHeight(); }

void menu_bar(ViewState& v, const Scene& s) {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Open data file...", "Ctrl+O")) v.show_open_dialog = true;
    if (ImGui::BeginMenu("Open recent", !v.recent_files.empty())) {
      for (const std::string& f : v.recent_files)
        if (ImGui::MenuItem(f.c_str())) {
          v.open_path = f;
          v.request(Action::OpenFile);
        }
      ImGui::EndMenu();
    }
    ImGui::Separator();
    if (!v.session_path.empty()) {
      const std::string save_label = "Save session (" + v.session_path + ")";
      if (ImGui::MenuItem(save_label.c_str())) {
        v.session_field = v.session_path;
        v.request(Action::SaveSession);
      }
    }
    if (ImGui::MenuItem(v.session_path.empty() ? "Save or open a session..." : "Save session as / open a session...")) {
      if (v.session_field.empty()) v.session_field = v.session_path.empty() ? "driftmap-session.ini" : v.session_path;
      v.show_open_dialog = true;
    }
    const std::string shot_label = "Save screenshot to " + v.screenshot_dir;
    if (ImGui::MenuItem(shot_label.c_str(), "Ctrl+S")) v.request(Action::SaveScreenshot);
    if (ImGui::BeginMenu("Screenshot folder")) {
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
      ImGui::InputText("##shotdir", &v.screenshot_dir);
      ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Export...", "Ctrl+E")) v.request(Action::OpenExport);
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) v.request(Action::Quit);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("Fit to data", "F")) v.request(Action::FitData);
    if (ImGui::MenuItem("Af-Pak", "1")) v.request(Action::FitHome);
    if (ImGui::MenuItem("Wider region", "2")) v.request(Action::FitRegion);
    if (ImGui::MenuItem("World", "3")) v.request(Action::FitWorld);
    if (s.story && ImGui::MenuItem("Story", "PgUp/PgDn", v.show_story)) {
      if (v.show_story) v.show_story = false;
      else story_step(v, s, 0);
    }
    ImGui::Separator();
    ImGui::MenuItem("Labels", nullptr, &v.show_labels);
    ImGui::MenuItem("Drift of the centre", nullptr, &v.show_drift);
    ImGui::MenuItem("CTC shift view", nullptr, &v.show_ctc_shift);
    ImGui::MenuItem("Computed shares of the loaded data", nullptr, &v.show_region_counts);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    if (ImGui::MenuItem("Keyboard shortcuts", "F1")) v.show_shortcuts = true;
    if (ImGui::MenuItem("About driftmap")) v.show_about = true;
    ImGui::EndMenu();
  }
  if (const std::string summary = problems_summary(v); !summary.empty()) {
    const bool notes_only = summary.ends_with("note") || summary.ends_with("notes");
    ImGui::PushStyleColor(ImGuiCol_Text, notes_only ? ImGui::GetColorU32(ImGuiCol_TextDisabled) : IM_COL32(200, 50, 30, 255));
    if (ImGui::SmallButton(summary.c_str())) v.show_problems = !v.show_problems;
    ImGui::PopStyleColor();
  }
  if (!v.status.empty()) ImGui::TextUnformatted(v.status.c_str());
  if (s.frame_ms > 0) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f ms/frame", s.frame_ms);
    ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize(buf).x - ImGui::GetStyle().ItemSpacing.x * 2);
    ImGui::TextDisabled("%s", buf);
  }
  ImGui::EndMainMenuBar();
}

namespace {
// Every key the viewer answers to, in one place: the Help window lists this table.
struct Shortcut {
  const char* keys;
  const char* what;
};
constexpr Shortcut kShortcuts[] = {
    {"Click", "open an incident's details and sources"},
    {"Tab / Shift+Tab", "next / previous incident in the window"},
    {"Esc", "close the details, a dialog, or leave a text field"},
    {"Enter", "leave a text field"},
    {"Space", "play / pause the timeline"},
    {"Left / Right", "step the time window"},
    {"Home / End", "first / last window"},
    {"PgUp / PgDn", "previous / next chapter of the story"},
    {"Drag, wheel", "pan, zoom"},
    {"+ / -", "zoom in / out"},
    {"Up / Down, Shift+Left/Right", "pan"},
    {"F", "fit the shown incidents"},
    {"1 / 2 / 3", "Af-Pak / wider region / world"},
    {"Ctrl+O", "open a data file or session"},
    {"Up / Down, Enter, Backspace", "in Open: choose, open, go up a folder"},
    {"Ctrl+S", "save a screenshot"},
    {"Ctrl+E", "export an image or animation"},
    {"Ctrl+Q", "quit"},
    {"F1", "this list"},
};

void shortcuts_window(ViewState& v) {
  if (!v.show_shortcuts) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::Begin("Keyboard shortcuts", &v.show_shortcuts, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize)) {
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
      for (const Shortcut& k : kShortcuts) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(k.keys);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(k.what);
      }
      ImGui::EndTable();
    }
  }
  ImGui::End();
}
}  // namespace

void about_window(ViewState& v, const Scene& s) {
  shortcuts_window(v);
  if (!v.show_about) return;
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 34, 0), ImGuiCond_Appearing);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::Begin("About driftmap", &v.show_about, ImGuiWindowFlags_NoCollapse)) {
    ImGui::Text("driftmap %s", DRIFTMAP_VERSION);
    ImGui::TextWrapped("A viewer of reported incident locations over time. Every point is a statement made by a "
                       "document, placed as precisely as that document allows; it is not ground truth.");
    ImGui::Separator();
    ImGui::TextUnformatted("Data and attribution");
    ImGui::BulletText("Boundaries: Natural Earth 1:10m (public domain), via QGIS's world_map.gpkg.");
    ImGui::BulletText("Place names: GeoNames (CC BY 4.0).");
    if (s.bundle && !s.bundle->sources.empty()) {
      ImGui::BulletText("Incidents as stated by these documents:");
      ImGui::Indent();
      for (const auto& src : s.bundle->sources) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextWrapped("%s%s%s%s", src.title.c_str(), src.author_or_publisher.empty() ? "" : " \u2014 ",
                           src.author_or_publisher.c_str(),
                           src.published.empty() ? "" : (" (" + src.published + ")").c_str());
        ImGui::PopTextWrapPos();
      }
      ImGui::Unindent();
    }
    if (s.bundle)
      ImGui::BulletText("Regional shares: as reported by %s, not counted by driftmap.", core::figures_source(*s.bundle).c_str());
    ImGui::Separator();
    ImGui::TextWrapped("Keyboard shortcuts: Help \u2192 Keyboard shortcuts (F1).");
  }
  ImGui::End();
}

// Replacing an earlier session asks first; nothing is written until the user says so.
void confirm_replace_window(ViewState& v) {
  if (v.confirm_replace_path.empty()) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(ImGui::GetFontSize() * 30, vp->WorkSize.x * 0.9f), 0), ImGuiCond_Appearing);
  ImGui::SetNextWindowFocus();
  bool open = true;
  if (ImGui::Begin("Session file exists", &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::TextWrapped("%s already exists. Write the current session over it?", v.confirm_replace_path.c_str());
    if (ImGui::Button("Replace")) v.request(Action::ReplaceSession);
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) open = false;
  }
  ImGui::End();
  if (!open) {
    v.status = "session not saved: " + v.confirm_replace_path + " kept";
    v.confirm_replace_path.clear();
  }
}

namespace {
void problem_line(const core::Problem& p) {
  const ImVec4 colour = p.severity == core::Severity::Error     ? ImVec4(0.85f, 0.2f, 0.15f, 1)
                        : p.severity == core::Severity::Warning ? ImVec4(0.7f, 0.45f, 0.0f, 1)
                                                                : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(colour, "%s", p.to_string().c_str());
  ImGui::PopTextWrapPos();
}

// One file's report: what happened, its errors and warnings, then its notes (collapsed).
void load_report_section(ViewState& v, size_t i) {
  const LoadReport& r = v.load_reports[i];
  ImGui::PushID(static_cast<int>(i));
  std::string head = r.path + ": ";
  switch (r.outcome) {
    case LoadOutcome::Refused:
      head += "not loaded (" + std::to_string(r.error_count()) + (r.error_count() == 1 ? " error" : " errors") +
              "); what was already loaded is unchanged";
      break;
    case LoadOutcome::LoadedSkipping:
      head += "loaded " + std::to_string(r.rows_loaded) + " incidents, skipped " + std::to_string(r.rows_skipped) +
              (r.rows_skipped == 1 ? " invalid row:" : " invalid rows:");
      break;
    case LoadOutcome::Loaded: head += "loaded " + std::to_string(r.rows_loaded) + " incidents"; break;
  }
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(head.c_str());
  ImGui::PopTextWrapPos();
  if (r.can_load_valid_rows) {
    if (ImGui::Button("Load valid rows")) request_load_valid_rows(v, i);
    ImGui::SameLine();
    ImGui::TextDisabled("skips the rows listed below");
  }
  // Long lists are clipped: a file with a million bad rows must not cost a million widgets.
  constexpr size_t kShown = 200;
  for (size_t k = 0; k < std::min(r.problems.size(), kShown); ++k) problem_line(r.problems[k]);
  if (r.problems.size() > kShown)
    ImGui::TextDisabled("... and %zu more (driftmap validate %s lists every one)", r.problems.size() - kShown,
                        r.path.c_str());
  if (!r.notes.empty()) {
    const std::string label = std::to_string(r.notes.size()) + (r.notes.size() == 1 ? " note" : " notes") +
                              " (how rows without coordinates were placed)";
    if (ImGui::TreeNode(label.c_str())) {
      for (size_t k = 0; k < std::min(r.notes.size(), kShown); ++k) problem_line(r.notes[k]);
      if (r.notes.size() > kShown) ImGui::TextDisabled("... and %zu more", r.notes.size() - kShown);
      ImGui::TreePop();
    }
  }
  ImGui::PopID();
}
}  // namespace

void errors_window(ViewState& v) {
  if (v.errors.empty() && !v.show_problems) return;
  if (v.errors.empty() && v.load_reports.empty()) {
    v.show_problems = false;
    return;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + 10, vp->Pos.y + menu_height() + 10), ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 40, ImGui::GetFontSize() * 14), ImGuiCond_Appearing);
  bool open = true;
  bool dismiss = false;
  if (ImGui::Begin("Problems and notes", &open, ImGuiWindowFlags_NoCollapse)) {
    if (ImGui::Button("Dismiss all")) dismiss = true;
    int remove = -1;
    for (size_t i = 0; i < v.errors.size(); ++i) {
      ImGui::PushID(static_cast<int>(i) + 1000000);
      if (ImGui::SmallButton("x")) remove = static_cast<int>(i);
      ImGui::SameLine();
      problem_line(v.errors[i]);
      ImGui::PopID();
    }
    if (remove >= 0) v.errors.erase(v.errors.begin() + remove);
    for (size_t i = 0; i < v.load_reports.size(); ++i) {
      ImGui::Separator();
      load_report_section(v, i);
    }
  }
  ImGui::End();
  if (dismiss) dismiss_problems(v);
  else if (!open) {
    v.errors.clear();  // the reports stay, behind the menu bar's "problems"/"notes" button
    v.show_problems = false;
  }
}

// Keys come from ViewState::keys (GLFW key codes recorded by the app's key callback) rather than
// ImGui's key state: Dear ImGui 1.86 loses a key pressed and released within one frame, which a
// quick tap does when frames are slow.
void handle_shortcuts(ViewState& v, const Scene& s) {
  ImGuiIO& io = ImGui::GetIO();
  std::vector<KeyPress> keys;
  keys.swap(v.keys);
  // A text or number field takes the keys; Enter and Esc leave it (Dear ImGui's single-line
  // fields do so themselves), so that the next key is a shortcut again (gui_help_test).
  if (io.WantTextInput) return;
  const float sx = io.DisplayFramebufferScale.x;
  const core::Vec2 map_centre{(v.camera.viewport_w_px() - sidebar_width() * sx) / 2.0,
                              v.camera.viewport_h_px() / 2.0};
  const double pan_px = 80.0 * sx;
  for (const KeyPress& k : keys) {
    if (file_browser_key(v, k)) continue;
    const bool ctrl = k.mods & GLFW_MOD_CONTROL;
    const bool shift = k.mods & GLFW_MOD_SHIFT;
    if (ctrl) {
      if (k.repeat) continue;
      if (k.key == GLFW_KEY_S) v.request(Action::SaveScreenshot);
      else if (k.key == GLFW_KEY_O) v.show_open_dialog = true;
      else if (k.key == GLFW_KEY_E) v.request(Action::OpenExport);
      else if (k.key == GLFW_KEY_Q) v.request(Action::Quit);
      continue;
    }
    switch (k.key) {
      case GLFW_KEY_ESCAPE:
        if (!v.confirm_replace_path.empty()) v.confirm_replace_path.clear();
        else if (v.show_shortcuts) v.show_shortcuts = false;
        else if (v.show_about) v.show_about = false;
        else if (v.show_open_dialog) v.show_open_dialog = false;
        else if (v.selected) v.selected.reset();
        else v.pick_list = {};  // the list of incidents a click found, once their details are closed
        break;
      case GLFW_KEY_SPACE:
        if (!k.repeat) toggle_play(v.time, s.extent);
        break;
      case GLFW_KEY_LEFT:
        if (shift) v.camera.pan_px(pan_px, 0);
        else step_time(v.time, s.extent, -1);
        break;
      case GLFW_KEY_RIGHT:
        if (shift) v.camera.pan_px(-pan_px, 0);
        else step_time(v.time, s.extent, +1);
        break;
      case GLFW_KEY_UP: v.camera.pan_px(0, pan_px); break;
      case GLFW_KEY_DOWN: v.camera.pan_px(0, -pan_px); break;
      case GLFW_KEY_EQUAL:  // '+' is Shift+'=' on most layouts
      case GLFW_KEY_KP_ADD: v.camera.zoom_at(map_centre, 1.25); break;
      case GLFW_KEY_MINUS:
      case GLFW_KEY_KP_SUBTRACT: v.camera.zoom_at(map_centre, 1 / 1.25); break;
      case GLFW_KEY_HOME: go_first(v.time, s.extent); break;
      case GLFW_KEY_END: go_last(v.time, s.extent); break;
      case GLFW_KEY_TAB:
        if (s.dataset) {
          const std::span<const uint8_t> mask = s.row_mask ? std::span<const uint8_t>(*s.row_mask) : std::span<const uint8_t>{};
          if (auto r = step_in_window(v.filters, *s.dataset, v.time.window.days(), mask, v.selected, shift)) v.selected = *r;
        }
        break;
      case GLFW_KEY_PAGE_UP: story_step(v, s, -1); break;
      case GLFW_KEY_PAGE_DOWN: story_step(v, s, +1); break;
      case GLFW_KEY_F: if (!k.repeat) v.request(Action::FitData); break;
      case GLFW_KEY_F1: v.show_shortcuts = true; break;
      case GLFW_KEY_1: if (!k.repeat) v.request(Action::FitHome); break;
      case GLFW_KEY_2: if (!k.repeat) v.request(Action::FitRegion); break;
      case GLFW_KEY_3: if (!k.repeat) v.request(Action::FitWorld); break;
      default: break;
    }
  }
}

}  // namespace driftmap::ui
