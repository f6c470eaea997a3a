// The incidents a click found together (a stack at one place, or a province's or country's
// area-level incidents in the window) as a list beside the click; choosing one opens its details.
// Also the hover tooltip that names them before the click.
#include <algorithm>
#include <string>

#include "imgui.h"
#include "ui/details.hpp"
#include "ui/panels.hpp"

namespace driftmap::ui {

namespace {
// A tooltip lists this many; the rest are counted ("and 3 more").
constexpr size_t kTooltipRows = 12;
}  // namespace

void pick_list_window(ViewState& v, const Scene& s) {
  if (v.pick_list.empty() || !s.dataset) return;
  const core::Dataset& d = *s.dataset;
  std::erase_if(v.pick_list.rows, [&](uint32_t r) { return r >= d.size(); });
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float w = ImGui::GetFontSize() * 30;
  const float max_h = std::max(160.f, vp->WorkSize.y * 0.5f);
  if (!v.pick_list.placed) {
    // Below the click, or above it where there is no room, never over the spot; clear of the
    // details window's place on the left (it opens when one is chosen) where the map is wide enough.
    const float top = vp->WorkPos.y, bottom = vp->WorkPos.y + vp->WorkSize.y - timeline_height();
    const float right = vp->WorkPos.x + vp->WorkSize.x - sidebar_width();
    const float details_right = vp->WorkPos.x + details_width() + 16;
    const float left = right - details_right >= w ? details_right : vp->WorkPos.x;
    const float h = std::min(max_h, float(std::min<size_t>(v.pick_list.rows.size(), 14) + 4) *
                                        ImGui::GetFrameHeightWithSpacing());
    const float y = v.pick_list.y + 16 + h <= bottom ? v.pick_list.y + 16 : std::max(top, v.pick_list.y - 16 - h);
    const float x = std::clamp(v.pick_list.x - w / 2, left, std::max(left, right - w));
    ImGui::SetNextWindowPos(ImVec2(x, y), ImGuiCond_Always);
    v.pick_list.placed = true;
  }
  ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w * 1.3f, max_h));
  bool open = true;
  const std::string title = std::to_string(v.pick_list.rows.size()) + " incident" +
                            (v.pick_list.rows.size() == 1 ? "" : "s") + " here###pick_list";
  if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(v.pick_list.title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::TextUnformatted("Choose one for its details and sources:");
    ImGui::Separator();
    for (uint32_t row : v.pick_list.rows) {
      ImGui::PushID(static_cast<int>(row));
      const std::string line = list_line(d.incident(row));
      if (ImGui::Selectable(line.c_str(), v.selected == row)) v.selected = row;
      ImGui::PopID();
    }
  }
  ImGui::End();
  if (!open) v.pick_list = {};
}

void list_tooltip_rows(const PickList& list, const Scene& s) {
  if (list.empty() || !s.dataset) return;
  ImGui::TextUnformatted(list.title.c_str());
  const size_t shown = std::min(list.rows.size(), kTooltipRows);
  for (size_t i = 0; i < shown; ++i)
    if (list.rows[i] < s.dataset->size()) ImGui::BulletText("%s", list_line(s.dataset->incident(list.rows[i])).c_str());
  if (list.rows.size() > shown) ImGui::Text("and %zu more", list.rows.size() - shown);
  ImGui::TextUnformatted("click to list them");
}

}  // namespace driftmap::ui
