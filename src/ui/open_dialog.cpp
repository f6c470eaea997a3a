// File → Open: the data file's path field, its text encoding, a browser of the folder's folders
// and files (extension filter, recent folders, Up/Down/Enter/Backspace), the session field and
// the recent files. The listing itself is state::FileBrowser, read by the viewer (no I/O here).
#include <algorithm>
#include <string>

#include <GLFW/glfw3.h>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/panels.hpp"
#include "ui/state.hpp"

namespace driftmap::ui {

namespace {
// A path field and its buttons on one row, the field taking what the buttons leave.
bool path_field(const char* id, const char* hint, std::string* path, float buttons_w) {
  ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 8, ImGui::GetContentRegionAvail().x - buttons_w));
  const bool enter = ImGui::InputTextWithHint(id, hint, path, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  return enter;
}

float buttons_width(std::initializer_list<const char*> labels) {
  const ImGuiStyle& st = ImGui::GetStyle();
  float w = 0;
  for (const char* l : labels) w += ImGui::CalcTextSize(l).x + st.FramePadding.x * 2 + st.ItemSpacing.x;
  return w;
}

void open_data(ViewState& v, const std::string& path) {
  v.open_path = path;
  v.request(Action::OpenFile);
  v.show_open_dialog = false;
}

// Enter or a click on an entry: a folder is entered, a file is loaded.
void activate_entry(ViewState& v, size_t i) {
  if (auto file = activate(v.browser, i)) open_data(v, *file);
}

void filter_and_recent_row(ViewState& v) {
  FileBrowser& b = v.browser;
  static const std::string kDataLabel = "incident data: " + std::string(kIncidentDataExtensions);
  ImGui::SetNextItemWidth(std::max(ImGui::CalcTextSize(kDataLabel.c_str()).x + ImGui::GetFrameHeight() * 1.5f,
                                   ImGui::GetContentRegionAvail().x * 0.5f));
  if (ImGui::BeginCombo("##filter", b.filter == FileFilter::IncidentData ? kDataLabel.c_str() : "all files")) {
    if (ImGui::Selectable(kDataLabel.c_str(), b.filter == FileFilter::IncidentData)) b.filter = FileFilter::IncidentData;
    if (ImGui::Selectable("all files", b.filter == FileFilter::AllFiles)) b.filter = FileFilter::AllFiles;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  const std::vector<std::string> folders = recent_folders(v.recent_files);
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
  if (ImGui::BeginCombo("##recent_folders", "recent folders")) {
    if (folders.empty()) ImGui::TextDisabled("(none yet: folders of files you open)");
    for (const std::string& f : folders)
      if (ImGui::Selectable(f.c_str(), f == b.folder)) browse_to(b, f);
    ImGui::EndCombo();
  }
}

// The folder's entries, folders first; a click on a folder enters it, on a file fills the field
// (a double click loads it).
void entry_list(ViewState& v) {
  FileBrowser& b = v.browser;
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float h = std::clamp(vp->WorkSize.y * 0.3f, line * 4, line * 12);
  if (ImGui::BeginChild("##entries", ImVec2(0, h), true)) {
    for (size_t i = 0; i < b.listing.entries.size(); ++i) {
      const FolderEntry& e = b.listing.entries[i];
      const std::string label = e.parent ? ".. (up one folder)" : e.folder ? e.name + "/" : e.name;
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::Selectable(label.c_str(), b.cursor == i, ImGuiSelectableFlags_AllowDoubleClick)) {
        if (e.folder) activate_entry(v, i);
        else if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) activate_entry(v, i);
        else b.cursor = i, v.open_path = b.listing.folder + (b.listing.folder.ends_with('/') ? "" : "/") + e.name;
      }
      if (b.cursor == i && b.scroll_to_cursor) {
        ImGui::SetScrollHereY();
        b.scroll_to_cursor = false;
      }
      ImGui::PopID();
    }
    if (b.listing.entries.size() <= 1 && b.listing.error.empty())
      ImGui::TextDisabled(b.listing.hidden_by_filter ? "(no incident data here; \"all files\" shows the rest)"
                                                     : "(empty folder)");
  }
  ImGui::EndChild();
}

void browser_section(ViewState& v) {
  FileBrowser& b = v.browser;
  ImGui::TextUnformatted("Folder:");
  ImGui::SameLine();
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(b.folder.c_str());
  ImGui::PopTextWrapPos();
  filter_and_recent_row(v);
  if (!b.listing.error.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.15f, 1), "%s", b.listing.error.c_str());
    ImGui::PopTextWrapPos();
  }
  entry_list(v);
  ImGui::TextDisabled("Up/Down choose, Enter opens, Backspace goes up a folder");
}

void session_section(ViewState& v) {
  ImGui::TextWrapped("Session file: the view, time window, filters and data files.");
  path_field("##session", "driftmap-session.ini", &v.session_field, buttons_width({"Load session", "Save session"}));
  if (ImGui::Button("Load session")) {
    v.request(Action::LoadSession);
    v.show_open_dialog = false;
  }
  ImGui::SameLine();
  if (ImGui::Button("Save session")) {
    v.request(Action::SaveSession);
    v.show_open_dialog = false;
  }
}
}  // namespace

// Data files and sessions have a field each, so a data file's path never becomes a session's.
// The window's top edge is fixed and the recent list comes last, so the buttons never move.
void open_file_window(ViewState& v) {
  v.browser.focused = false;
  if (!v.show_open_dialog) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowSize(ImVec2(std::min(ImGui::GetFontSize() * 40, vp->WorkSize.x * 0.9f), 0), ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImVec2(vp->GetCenter().x, vp->WorkPos.y + ImGui::GetFontSize() * 2), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0));
  if (ImGui::Begin("Open", &v.show_open_dialog, ImGuiWindowFlags_NoCollapse)) {
    if (ImGui::IsWindowAppearing()) v.browser.stale = true;  // the folder may have changed meanwhile
    v.browser.focused = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows);
    ImGui::TextWrapped("Incident file (CSV, GeoJSON, GeoPackage) to add to the map. You can also drop files on the "
                       "window.");
    const bool enter = path_field("##path", "/path/to/incidents.csv", &v.open_path, buttons_width({"Open data"}));
    const bool open = ImGui::Button("Open data");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    ImGui::InputTextWithHint("text encoding", "detect", &v.open_encoding);
    ImGui::SameLine();
    ImGui::TextDisabled("(e.g. cp1251, koi8-r, cp1256; empty: detect)");
    if (open || enter) open_data(v, v.open_path);  // a folder's path is browsed instead (the viewer checks)
    ImGui::Separator();
    browser_section(v);
    ImGui::Separator();
    session_section(v);
    if (!v.recent_files.empty()) {
      ImGui::Separator();
      ImGui::TextUnformatted("Recent data files (click to fill the field)");
      for (const std::string& f : v.recent_files)
        if (ImGui::Selectable(f.c_str())) v.open_path = f;
    }
  }
  ImGui::End();
}

bool file_browser_key(ViewState& v, const KeyPress& k) {
  if (!v.show_open_dialog || !v.browser.focused || (k.mods & GLFW_MOD_CONTROL)) return false;
  switch (k.key) {
    case GLFW_KEY_UP: move_cursor(v.browser, -1); return true;
    case GLFW_KEY_DOWN: move_cursor(v.browser, +1); return true;
    case GLFW_KEY_PAGE_UP: move_cursor(v.browser, -10); return true;
    case GLFW_KEY_PAGE_DOWN: move_cursor(v.browser, +10); return true;
    case GLFW_KEY_HOME: move_cursor(v.browser, -1000000); return true;
    case GLFW_KEY_END: move_cursor(v.browser, +1000000); return true;
    case GLFW_KEY_BACKSPACE: browse_up(v.browser); return true;
    case GLFW_KEY_ENTER:
    case GLFW_KEY_KP_ENTER:
      if (!k.repeat) activate_entry(v, v.browser.cursor);
      return true;
    default: return false;
  }
}

}  // namespace driftmap::ui
