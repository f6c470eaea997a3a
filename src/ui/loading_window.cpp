// The file being read on a worker thread: its name, the seconds so far and Cancel (Esc), so that
// a long or stuck load never holds the window. What is loaded stays on the map meanwhile.
#include <string>

#include "imgui.h"
#include "ui/panels.hpp"

namespace driftmap::ui {

void loading_window(ViewState& v) {
  if (!v.loading) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + ImGui::GetFontSize() * 3),
                          ImGuiCond_Always, ImVec2(0.5f, 0));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings;
  if (ImGui::Begin("Loading", nullptr, flags)) {
    ImGui::Text("Reading %s", v.loading->path.c_str());
    if (v.loading->cancelling) {
      ImGui::TextUnformatted("Cancelling...");
    } else {
      ImGui::Text("%.0f s so far. What is loaded stays as it is until the file is read.", v.loading->seconds);
      if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) v.request(Action::CancelLoad);
    }
  }
  ImGui::End();
}

}  // namespace driftmap::ui
