// The Story panel: the chapters of geodata/story.csv, one at a time, at the map's lower left.
// Previous/Next (and PgUp/PgDn, handled with the other shortcuts) ask the app loop for the
// chapter's time window and frame (Action::ShowChapter); the panel shows the chapter's heading,
// our neutral caption and the document's own sentence with the document's title.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "ui/panels.hpp"

namespace driftmap::ui {

void story_step(ViewState& v, const Scene& s, int delta) {
  if (!s.story || s.story->empty()) return;
  const int last = int(s.story->size()) - 1;
  // A closed panel opens on the chapter it last showed; only an open one moves.
  const int k = v.show_story ? std::clamp(int(v.story_chapter) + delta, 0, last) : std::min(int(v.story_chapter), last);
  v.show_story = true;
  v.story_chapter = size_t(k);
  v.request(Action::ShowChapter);
}

void story_panel(ViewState& v, const Scene& s) {
  if (!v.show_story || !s.story || s.story->empty()) return;
  const std::vector<core::Chapter>& story = *s.story;
  const size_t k = std::min(v.story_chapter, story.size() - 1);
  const core::Chapter& c = story[k];
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + 8, vp->Pos.y + vp->Size.y - timeline_height() - 8), ImGuiCond_Always,
                          ImVec2(0, 1));
  ImGui::SetNextWindowSize(ImVec2(std::min(30 * em, (vp->Size.x - sidebar_width()) * 0.6f), 0));
  bool open = true;
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize;
  if (ImGui::Begin("Story", &open, flags)) {
    ImGui::BeginDisabled(k == 0);
    if (ImGui::Button("< Previous")) story_step(v, s, -1);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::Text("%zu / %zu", k + 1, story.size());
    ImGui::SameLine();
    ImGui::BeginDisabled(k + 1 == story.size());
    if (ImGui::Button("Next >")) story_step(v, s, +1);
    ImGui::EndDisabled();
    ImGui::Separator();
    ImGui::TextWrapped("Chapter %d \u00b7 %s \u00b7 %s", c.number, c.period_text().c_str(), c.title.c_str());
    ImGui::TextWrapped("%s", c.caption.c_str());
    const core::Source* src = s.bundle ? s.bundle->source(c.source_id) : nullptr;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("\u201c%s\u201d", c.quote.c_str());
    ImGui::TextWrapped("\u2014 %s", src ? src->title.c_str() : c.source_id.c_str());
    ImGui::PopStyleColor();
    ImGui::TextDisabled("PgUp / PgDn: previous / next chapter");
  }
  ImGui::End();
  if (!open) v.show_story = false;
}

}  // namespace driftmap::ui
