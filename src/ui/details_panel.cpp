// The selected incident's details (every field, precision spelled out, each document's own
// statement) and the hover tooltip.
#include <string>

#include "core/article_figures.hpp"
#include "imgui.h"
#include "ui/details.hpp"
#include "ui/panels.hpp"

namespace driftmap::ui {

namespace {
void field(const char* name, const std::string& value) {
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::TextDisabled("%s", name);
  ImGui::TableSetColumnIndex(1);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(value.empty() ? "\u2014" : value.c_str());
  ImGui::PopTextWrapPos();
}
}  // namespace

float details_width() { return ImGui::GetFontSize() * 26; }

void details_panel(ViewState& v, const Scene& s) {
  if (!v.selected || !s.dataset || *v.selected >= s.dataset->size()) {
    v.selected.reset();
    return;
  }
  const core::Dataset& d = *s.dataset;
  const core::Incident inc = d.incident(*v.selected);
  std::vector<const core::Citation*> cites;
  if (s.bundle && !inc.id.empty()) cites = s.bundle->citations_for(inc.id);

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float w = details_width();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + 8, vp->Pos.y + menu_height() + 8), ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(ImVec2(w, (vp->Size.y - menu_height() - timeline_height()) * 0.9f), ImGuiCond_Appearing);
  bool open = true;
  if (ImGui::Begin("Incident details", &open, ImGuiWindowFlags_NoCollapse)) {
    ImGui::TextWrapped("%s", std::string(core::display_name(inc.type)).c_str());
    ImGui::TextDisabled("Esc closes, Tab goes to the next incident in the window");
    if (ImGui::BeginTable("fields", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) {
      ImGui::TableSetupColumn("field", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 7);
      ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
      field("id", inc.id);
      field("date", date_text(inc));
      field("type", std::string(core::display_name(inc.type)));
      const bool placed = core::has_stated_place(inc.location_precision);
      field("place", placed ? inc.place : std::string(core::kPlaceNotStated));
      field("province", inc.admin1);
      field("country", inc.country);
      field("located to", placed ? std::string(core::to_string(inc.location_precision))
                                 : "not located (no document states the place; not drawn on the map)");
      char ll[64];
      std::snprintf(ll, sizeof ll, "%.4f, %.4f", inc.lat_deg, inc.lon_deg);
      field("lat, lon", placed ? std::string(ll) : std::string());
      field("killed", casualty_text(inc, cites, true));
      field("wounded", casualty_text(inc, cites, false));
      if (inc.casualties_disputed) field("tolls", "disputed (flagged in the dataset)");
      field("summary", inc.summary);
      field("sources", inc.sources);
      if (!d.path.empty() && inc.source_line > 0) field("from", d.path + ":" + std::to_string(inc.source_line));
      // The dataset's judgement calls on this row (how a place was resolved, what a date rests on).
      if (s.bundle)
        for (const auto& n : s.bundle->notes)
          if (n.incident_id == inc.id) field(("how " + n.field + " was read").c_str(), n.note);
      ImGui::EndTable();
    }
    if (!cites.empty()) {
      ImGui::Separator();
      ImGui::Text("What each document says (%zu citation%s)", cites.size(), cites.size() == 1 ? "" : "s");
      for (size_t i = 0; i < cites.size(); ++i) {
        const core::Citation& c = *cites[i];
        const core::Source* src = s.bundle->source(c.source_id);
        ImGui::PushID(static_cast<int>(i));
        ImGui::Spacing();
        ImGui::PushTextWrapPos(0);
        // The document's title in the text colour: it is a name, not a link.
        ImGui::TextUnformatted(src && !src->title.empty() ? src->title.c_str() : c.source_id.c_str());
        if (src && !src->author_or_publisher.empty())
          ImGui::TextDisabled("%s%s", src->author_or_publisher.c_str(),
                              src->published.empty() ? "" : (", " + src->published).c_str());
        std::string stated = "date: " + (c.date_as_stated.empty() ? std::string("not stated") : c.date_as_stated);
        stated += "   killed: " + (c.killed_as_stated.empty() ? std::string("not stated") : c.killed_as_stated);
        stated += "   wounded: " + (c.wounded_as_stated.empty() ? std::string("not stated") : c.wounded_as_stated);
        ImGui::TextUnformatted(stated.c_str());
        ImGui::Indent();
        ImGui::TextWrapped("\u201c%s\u201d", c.quote.c_str());
        ImGui::Unindent();
        ImGui::PopTextWrapPos();
        ImGui::PopID();
      }
    } else if (s.bundle) {
      ImGui::TextDisabled("(no citations for this incident)");
    }
  }
  ImGui::End();
  if (!open) v.selected.reset();
}

void hover_tooltip(const ViewState& v, const Scene& s) {
  if (!v.hovered || !s.dataset || *v.hovered >= s.dataset->size()) return;
  ImGui::BeginTooltip();
  if (v.hovered_list.rows.size() > 1) {  // a stack: every incident there
    list_tooltip_rows(v.hovered_list, s);
    ImGui::EndTooltip();
    return;
  }
  const core::Incident inc = s.dataset->incident(*v.hovered);
  const auto lines = tooltip_lines(inc);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i == 0) ImGui::TextUnformatted(lines[i].c_str());
    else ImGui::TextDisabled("%s", lines[i].c_str());
  }
  ImGui::TextDisabled("click for details and sources");
  ImGui::EndTooltip();
}

void region_tooltip(const ViewState& v, const Scene& s) {
  if (v.hovered_area.empty() && v.hovered_list.empty()) return;
  ImGui::BeginTooltip();
  if (!v.hovered_list.empty()) list_tooltip_rows(v.hovered_list, s);
  else ImGui::TextUnformatted(v.hovered_area.c_str());
  for (size_t r : v.hovered_regions) {
    if (!s.bundle || r >= s.bundle->regions.size()) continue;
    ImGui::Separator();
    ImGui::TextUnformatted(s.bundle->regions[r].label.c_str());
    if (s.share_period && r < s.shares.values.size() && s.shares.values[r][*s.share_period])
      ImGui::Text("%.0f%% of ISK attacks in %s, reported by %s", *s.shares.values[r][*s.share_period],
                  s.shares.period_labels[*s.share_period].c_str(), core::figures_source(*s.bundle).c_str());
    else
      ImGui::TextDisabled("no share reported for this period");
    if (v.show_region_counts && r < s.region_counts.size())
      ImGui::Text("%zu incidents in this dataset in the window", s.region_counts[r]);
  }
  ImGui::EndTooltip();
}

}  // namespace driftmap::ui
