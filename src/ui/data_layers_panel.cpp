// The sidebar's "Data layers" section: the bundled incidents, then each file the user opened, with
// its row count, a box that shows or hides its incidents and Remove. The viewer carries out the
// changes (Action::LayersShown, Action::RemoveLayer); this draws and records them.
#include <algorithm>
#include <filesystem>
#include <string>

#include "imgui.h"
#include "ui/panels.hpp"

namespace driftmap::ui {

namespace {
std::string incidents_text(size_t n) { return std::to_string(n) + (n == 1 ? " incident" : " incidents"); }

// One layer: its box and name on the first line (Remove at the right for a file), its count under.
void layer_row(ViewState& v, DataLayer& l) {
  ImGui::PushID(l.bundled() ? "##bundled" : l.path.c_str());
  const std::string name =
      l.bundled() ? "bundled incidents" : std::filesystem::path(l.path).filename().string();
  if (ImGui::Checkbox(name.c_str(), &l.visible)) v.request(Action::LayersShown);
  if (!l.bundled() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", l.path.c_str());
  if (!l.bundled()) {
    const float w = ImGui::CalcTextSize("Remove").x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - w));
    if (ImGui::SmallButton("Remove")) {
      v.layer_to_remove = l.path;
      v.request(Action::RemoveLayer);
    }
  }
  ImGui::Indent(ImGui::GetFrameHeight());
  ImGui::TextDisabled("%s%s", incidents_text(l.rows).c_str(), l.visible ? "" : ", hidden");
  ImGui::Unindent(ImGui::GetFrameHeight());
  ImGui::PopID();
}
}  // namespace

void data_layers_section(ViewState& v) {
  bool user_files = false;
  for (DataLayer& l : v.layers) {
    if (!l.bundled() && !user_files) {
      user_files = true;
      ImGui::TextUnformatted("Your files");
    }
    layer_row(v, l);
  }
  if (user_files) return;
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("Your files: none yet (File \u2192 Open, or drop files on the window)");
  ImGui::PopTextWrapPos();
}

}  // namespace driftmap::ui
