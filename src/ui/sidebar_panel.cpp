// Right-hand sidebar: filters with live counts, layer toggles, the legend, and the CTC Sentinel
// chart of reported figures.
#include <algorithm>
#include <cmath>
#include <string>

#include "core/article_figures.hpp"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/details.hpp"
#include "ui/panels.hpp"
#include "render/region_colours.hpp"

namespace driftmap::ui {

namespace {

ImU32 to_u32(render::Rgba c, float alpha_scale = 1.f) {
  return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a * alpha_scale));
}

render::Rgba type_colour(const Scene& s, int t) {
  return s.style ? s.style->colour(static_cast<core::EventType>(t)) : render::Rgba{0.6f, 0.6f, 0.6f, 1};
}

float radius_px(const render::Style& st, int killed) {
  const float r = killed <= 0 ? st.point_min_radius_px
                              : st.point_min_radius_px + st.point_radius_per_sqrt_killed_px * std::sqrt(float(killed));
  return std::min(r, st.point_max_radius_px);
}

// A search's matches at any time, each with its date; those outside the window say so. Choosing
// one (or Enter in the field, the first) moves the window to it and selects it.
void search_matches(ViewState& v, const Scene& s, bool enter) {
  if (v.filters.search.empty() || !s.dataset) return;
  const core::Dataset& d = *s.dataset;
  const core::DayInterval w = v.time.window.days();
  if (s.search_matches.empty()) {
    ImGui::TextUnformatted("no match at any time");
    return;
  }
  auto show = [&](uint32_t row) {
    v.show_row = row;
    v.request(Action::ShowIncident);
  };
  if (enter) show(s.search_matches.front());
  ImGui::Text("%zu match%s at any time (choose one to show it):", s.counts.shown_all,
              s.counts.shown_all == 1 ? "" : "es");
  // Two lines a match (date, then place): the sidebar is too narrow for one.
  const float row_h = ImGui::GetTextLineHeight() * 2 + ImGui::GetStyle().ItemSpacing.y;
  const size_t rows_shown = std::min<size_t>(s.search_matches.size(), 4);
  if (!ImGui::BeginChild("##matches", ImVec2(0, row_h * float(rows_shown) + 4), false)) {
    ImGui::EndChild();
    return;
  }
  for (uint32_t row : s.search_matches) {
    if (row >= d.size()) continue;
    const bool inside = d.start_day()[row] < w.end_day && d.end_day()[row] > w.start_day;
    const core::Incident inc = d.incident(row);
    const std::string line = short_date(inc) + (inside ? "" : " (outside the window)") + "\n  " + place_text(inc);
    ImGui::PushID(static_cast<int>(row));
    if (ImGui::Selectable(line.c_str(), v.selected == row)) show(row);
    ImGui::PopID();
  }
  ImGui::EndChild();
}

}  // namespace

float sidebar_width() { return ImGui::GetFontSize() * 22; }

void filters_section(ViewState& v, const Scene& s) {
  Filters& f = v.filters;
  ImGui::TextUnformatted(counts_text(s.counts).c_str());
  for (int t = 0; t < core::kEventTypeCount; ++t) {
    const render::Rgba c = type_colour(s, t);
    ImGui::ColorButton(("##c" + std::to_string(t)).c_str(), ImVec4(c.r, c.g, c.b, 1),
                       ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoBorder,
                       ImVec2(ImGui::GetFontSize(), ImGui::GetFontSize()));
    ImGui::SameLine();
    bool on = f.types[static_cast<size_t>(t)];
    if (ImGui::Checkbox(std::string(core::display_name(static_cast<core::EventType>(t))).c_str(), &on))
      f.types[static_cast<size_t>(t)] = on;
  }
  if (ImGui::SmallButton("all")) f.types.fill(true);
  ImGui::SameLine();
  if (ImGui::SmallButton("none")) f.types.fill(false);

  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 6);
  if (ImGui::BeginCombo("country", f.country.empty() ? "any" : f.country.c_str())) {
    if (ImGui::Selectable("any", f.country.empty())) f.country.clear();
    for (const std::string& c : s.countries)
      if (ImGui::Selectable(c.c_str(), c == f.country)) f.country = c;
    ImGui::EndCombo();
  }
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 6);
  if (ImGui::InputInt("min killed", &f.killed_min, 1, 10)) f.killed_min = std::clamp(f.killed_min, 0, 1000000);
  ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 6);
  ImGui::InputTextWithHint("search", "place or summary", &f.search);
  const bool enter = ImGui::IsItemDeactivated() && ImGui::IsKeyDown(ImGui::GetKeyIndex(ImGuiKey_Enter));
  search_matches(v, s, enter);
  if (!(f == Filters{}) && ImGui::SmallButton("reset filters")) f = Filters{};
}

namespace {

// Point sizes for a few tolls, as the map draws them.
void legend_sizes(const Scene& s, const render::Style& st) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float fs = ImGui::GetFontSize();
  const float scale = s.ui_scale;  // style radii are logical px
  ImGui::TextUnformatted("Size: killed (as in the dataset)");
  const int samples[] = {0, 10, 50, 150};
  const ImVec2 p = ImGui::GetCursorScreenPos();
  float x = p.x + 4;
  const float max_r = radius_px(st, samples[3]) * scale;
  for (int k : samples) {
    const float r = radius_px(st, k) * scale;
    const ImVec2 c(x + r, p.y + max_r);
    dl->AddCircleFilled(c, r, to_u32(type_colour(s, 0)));
    dl->AddCircle(c, r, to_u32(st.point_edge), 0, st.point_edge_px);
    const std::string label = k == 0 ? "0/unknown" : std::to_string(k);
    dl->AddText(ImVec2(x, p.y + 2 * max_r + 2), ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
    x += std::max(2 * r, ImGui::CalcTextSize(label.c_str()).x) + fs;
  }
  ImGui::Dummy(ImVec2(x - p.x, 2 * max_r + fs + 4));
}

// The symbols' meanings: date precision (filled or hollow), area incidents (province, country)
// and count badges.
void legend_symbols(const Scene& s, const render::Style& st) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float fs = ImGui::GetFontSize();
  const float scale = s.ui_scale;  // style radii are logical px
  ImVec2 p = ImGui::GetCursorScreenPos();
  const float r = radius_px(st, 10) * scale;
  dl->AddCircleFilled(ImVec2(p.x + 4 + r, p.y + fs / 2 + 1), r, to_u32(type_colour(s, 0)));
  ImGui::Dummy(ImVec2(2 * r + 8, fs));
  ImGui::SameLine();
  ImGui::TextUnformatted("filled: date known to the day");
  p = ImGui::GetCursorScreenPos();
  dl->AddCircle(ImVec2(p.x + 4 + r, p.y + fs / 2 + 1), r - st.ring_width_px / 2, to_u32(type_colour(s, 0)), 0,
                st.ring_width_px);
  ImGui::Dummy(ImVec2(2 * r + 8, fs));
  ImGui::SameLine();
  ImGui::TextUnformatted("hollow: month or year only");
  // Area incidents as the map draws them: provinces hatched (or filled), countries tinted.
  p = ImGui::GetCursorScreenPos();
  const ImVec2 a(p.x + 4, p.y + 2), b(p.x + 4 + 2 * r, p.y + fs);
  dl->AddRectFilled(a, b, to_u32(st.land_region));
  if (st.area_highlight_hatch_px > 0) {
    const float step = st.area_highlight_hatch_px * scale;
    dl->PushClipRect(a, b, true);
    // Stripes in turn in the event types' colours, as the map draws a province with two types.
    int k = 0;
    for (float x = a.x - (b.y - a.y); x < b.x; x += step, ++k)
      dl->AddLine(ImVec2(x, b.y), ImVec2(x + (b.y - a.y), a.y), to_u32(type_colour(s, k % 2 ? 6 : 0)), step / 3);
    dl->PopClipRect();
  } else {
    dl->AddRectFilled(a, b, to_u32(st.area_highlight));
  }
  dl->AddRect(a, b, to_u32(st.admin1_outline));
  ImGui::Dummy(ImVec2(2 * r + 8, fs));
  ImGui::SameLine();
  ImGui::TextWrapped("%s",
                     st.area_highlight_hatch_px > 0
                         ? "hatched province: incidents located only to the province (a stripe colour per event type)"
                         : "shaded province: incident located only to the province");
  p = ImGui::GetCursorScreenPos();
  dl->AddRectFilled(ImVec2(p.x + 4, p.y + 2), ImVec2(p.x + 4 + 2 * r, p.y + fs), to_u32(st.land));
  dl->AddRectFilled(ImVec2(p.x + 4, p.y + 2), ImVec2(p.x + 4 + 2 * r, p.y + fs), to_u32(st.area_highlight_country));
  dl->AddRect(ImVec2(p.x + 4, p.y + 2), ImVec2(p.x + 4 + 2 * r, p.y + fs), to_u32(st.country_outline));
  ImGui::Dummy(ImVec2(2 * r + 8, fs));
  ImGui::SameLine();
  ImGui::TextWrapped("tinted country: incident located only to the country%s",
                     s.unmatched_areas ? " (some area incidents matched no polygon)" : "");
  p = ImGui::GetCursorScreenPos();
  dl->AddCircleFilled(ImVec2(p.x + 4 + fs / 2, p.y + fs / 2 + 1), fs / 2 + 1, to_u32(st.badge_fill));
  dl->AddText(ImVec2(p.x + 4 + fs / 2 - ImGui::CalcTextSize("3").x / 2, p.y + 1), to_u32(st.badge_text), "3");
  ImGui::Dummy(ImVec2(fs + 8, fs));
  ImGui::SameLine();
  ImGui::TextWrapped("badge: how many area incidents");
}

// The density grid's ramp, log scale from 1 to the fullest cell.
void legend_density_ramp(const Scene& s, const render::Style& st) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float fs = ImGui::GetFontSize();
  ImGui::TextWrapped("density grid: incidents per %d px cell (log scale)", s.density_cell_px);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float bar_w = std::max(60.f, ImGui::GetContentRegionAvail().x - 16), bar_h = fs * 0.8f;
  constexpr int kSteps = 32;
  for (int k = 0; k < kSteps; ++k) {
    const render::Rgba c = render::blend_over(st.land_region, render::density_colour(st, (k + 0.5f) / kSteps));
    dl->AddRectFilled(ImVec2(p.x + 4 + bar_w * k / kSteps, p.y + 2), ImVec2(p.x + 4 + bar_w * (k + 1) / kSteps, p.y + 2 + bar_h),
                      to_u32(c));
  }
  ImGui::Dummy(ImVec2(bar_w + 8, bar_h + 4));
  const std::string top = std::to_string(s.density_max_count);
  ImGui::TextUnformatted("1");
  ImGui::SameLine(std::max(0.f, bar_w + 4 - ImGui::CalcTextSize(top.c_str()).x));
  ImGui::TextUnformatted(top.c_str());
}

}  // namespace

void legend_section(ViewState& v, const Scene& s) {
  if (!s.style) return;
  legend_sizes(s, *s.style);
  legend_symbols(s, *s.style);
  if (s.density && s.density_max_count > 0) legend_density_ramp(s, *s.style);
  if (s.bundle && v.show_ctc_shift) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("Region colours: the shares %s reports (above); hatching and tints show this "
                        "dataset's area incidents over them.", core::figures_publisher(*s.bundle).c_str());
    ImGui::PopTextWrapPos();
  }
}

namespace {

// The hovered period's figures, each with the article's sentence it comes from.
void ctc_share_tooltip(const Scene& s, float mx, float group_w) {
  const core::ReportedSeries& sh = s.shares;
  const size_t np = sh.periods.size();
  const std::vector<size_t>& shown = s.shift_regions;
  const size_t p = std::min(np - 1, static_cast<size_t>(std::max(0.f, mx / group_w)));
  ImGui::BeginTooltip();
  ImGui::Text("%s (reported by %s)", sh.period_labels[p].c_str(), core::figures_source(*s.bundle).c_str());
  for (size_t r : shown) {
    if (!sh.values[r][p]) continue;
    ImGui::Text("%s: %.0f%%", s.bundle->regions[r].label.c_str(), *sh.values[r][p]);
    if (const core::Aggregate* a = sh.sources[r][p]) {
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
      ImGui::TextDisabled("\u201c%s\u201d", a->quote.c_str());
      ImGui::PopTextWrapPos();
    }
  }
  ImGui::EndTooltip();
}

// The reported share of each shown region per period, the current period highlighted.
void ctc_share_chart(const Scene& s) {
  const core::ReportedSeries& sh = s.shares;
  const size_t np = sh.periods.size();
  ImGui::TextUnformatted("Share of ISK attacks, %");
  ImGui::TextDisabled("reported by %s", core::figures_source(*s.bundle).c_str());
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float fs = ImGui::GetFontSize();
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x;
  const float h = fs * 7;
  const float label_h = fs + 2;
  const float plot_h = h - label_h;
  ImGui::InvisibleButton("##ctcchart", ImVec2(w, h));
  dl->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + plot_h), IM_COL32(0, 0, 0, 30));
  for (int pct : {25, 50, 75}) {
    const float y = p0.y + plot_h * (1 - pct / 100.f);
    dl->AddLine(ImVec2(p0.x, y), ImVec2(p0.x + w, y), IM_COL32(0, 0, 0, pct == 50 ? 60 : 25));
  }
  dl->AddText(ImVec2(p0.x + w - ImGui::CalcTextSize("50%").x - 2, p0.y + plot_h / 2 - fs),
              ImGui::GetColorU32(ImGuiCol_TextDisabled), "50%");
  const std::vector<size_t>& shown = s.shift_regions;
  const size_t nr = shown.size();
  const float group_w = w / static_cast<float>(np);
  const float bar_w = std::max(2.f, (group_w - 6) / static_cast<float>(std::max<size_t>(1, nr)));
  for (size_t p = 0; p < np; ++p) {
    const float gx = p0.x + group_w * static_cast<float>(p);
    if (s.share_period && *s.share_period == p)
      dl->AddRectFilled(ImVec2(gx, p0.y), ImVec2(gx + group_w, p0.y + plot_h), IM_COL32(255, 200, 60, 70));
    for (size_t k = 0; k < nr; ++k) {
      const size_t r = shown[k];
      if (!sh.values[r][p]) continue;
      const float val = static_cast<float>(*sh.values[r][p]);
      const float bh = plot_h * std::clamp(val, 0.f, 100.f) / 100.f;
      const float x = gx + 3 + bar_w * static_cast<float>(k);
      const render::Rgba c = render::region_colour(s.bundle->regions[r]);
      dl->AddRectFilled(ImVec2(x, p0.y + plot_h - bh), ImVec2(x + bar_w - 1, p0.y + plot_h), to_u32(c));
    }
    const std::string& lab = sh.period_labels[p];
    const float tw = ImGui::CalcTextSize(lab.c_str()).x;
    dl->AddText(ImVec2(gx + (group_w - tw) / 2, p0.y + plot_h + 1),
                ImGui::GetColorU32(s.share_period && *s.share_period == p ? ImGuiCol_Text : ImGuiCol_TextDisabled),
                lab.c_str());
  }
  if (ImGui::IsItemHovered()) ctc_share_tooltip(s, ImGui::GetIO().MousePos.x - p0.x, group_w);
}

// The article's figures that speak to the window, its statements, and our own counts per region.
void ctc_window_figures(const ViewState& v, const Scene& s) {
  const size_t np = s.shares.periods.size();
  // The figures that speak to the window (best overlap first, each with its own period), then
  // our own counts per region.
  for (size_t i = 0; i < s.figures.size(); ++i) {
    const core::WindowFigure& f = s.figures[i];
    const render::Rgba c = render::region_colour(s.bundle->regions[f.region]);
    ImGui::ColorButton(("##fig" + std::to_string(f.region)).c_str(), ImVec4(c.r, c.g, c.b, 1),
                       ImGuiColorEditFlags_NoTooltip, ImVec2(ImGui::GetFontSize(), ImGui::GetFontSize()));
    ImGui::SameLine();
    ImGui::TextWrapped("%s", core::figure_text(*s.bundle, f).c_str());
    if (i < s.figure_computed.size()) {
      ImGui::Indent(ImGui::GetFontSize() * 1.4f);
      ImGui::TextWrapped("%s", s.figure_computed[i].c_str());
      ImGui::Unindent(ImGui::GetFontSize() * 1.4f);
    }
  }
  for (const std::string& q : core::statement_quotes(s.figures)) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", q.c_str());
    ImGui::PopTextWrapPos();
  }
  if (s.figures.empty() && np > 0) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s.", core::no_figures_caption(*s.bundle).c_str());
    ImGui::PopTextWrapPos();
  }
  if (v.show_region_counts)
    for (size_t r : s.shift_regions)
      if (r < s.region_counts.size())
        ImGui::Text("%s: %zu in our data", s.bundle->regions[r].label.c_str(), s.region_counts[r]);
  if (v.show_region_counts)
    ImGui::TextDisabled("\"in our data\": this dataset's incidents in the window, not the article's figures.");
}

}  // namespace

void ctc_section(ViewState& v, const Scene& s) {
  if (!s.bundle || s.bundle->regions.empty()) {
    ImGui::TextDisabled("(no article figures in this project)");
    return;
  }
  ImGui::Checkbox("colour regions by reported share", &v.show_ctc_shift);
  ImGui::Checkbox("computed shares of the loaded data", &v.show_region_counts);
  if (s.shares.periods.empty()) ImGui::TextDisabled("(no share figures in aggregates.csv)");
  else ctc_share_chart(s);
  ctc_window_figures(v, s);
}

void sidebar_panel(ViewState& v, const Scene& s) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float w = sidebar_width();
  const float h = vp->WorkSize.y - timeline_height();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - w, vp->WorkPos.y));
  ImGui::SetNextWindowSize(ImVec2(w, h));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (ImGui::Begin("Sidebar", nullptr, flags)) {
    ImGui::TextDisabled("%s", s.data_description.c_str());
    // Closed while only the bundled data is loaded, so that the filters and the article's figures
    // stay in view at 1400x900; opened when a file is added, to show its row, count and Remove.
    const size_t user_layers = size_t(std::count_if(v.layers.begin(), v.layers.end(), [](const DataLayer& l) { return !l.bundled(); }));
    if (user_layers > v.user_layers_listed) ImGui::SetNextItemOpen(true);
    v.user_layers_listed = user_layers;
    if (ImGui::CollapsingHeader("Data layers")) data_layers_section(v);
    if (ImGui::CollapsingHeader("Filters", ImGuiTreeNodeFlags_DefaultOpen)) filters_section(v, s);
    const std::string shift_header = s.bundle ? "Geographic shift (" + core::figures_publisher(*s.bundle) + ")###shift" : "Geographic shift###shift";
    if (ImGui::CollapsingHeader(shift_header.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) ctc_section(v, s);
    if (ImGui::CollapsingHeader("Legend", ImGuiTreeNodeFlags_DefaultOpen)) legend_section(v, s);
    if (ImGui::CollapsingHeader("Layers")) {
      ImGui::Checkbox("labels", &v.show_labels);
      ImGui::Checkbox("drift of the centre", &v.show_drift);
      if (v.show_drift) {
        int by = static_cast<int>(v.drift_by);
        if (ImGui::Combo("drift per", &by, "year\0half-year\0quarter\0")) v.drift_by = static_cast<core::DriftPeriod>(by);
      }
      int points_as = static_cast<int>(v.points_as);
      if (ImGui::Combo("incidents as", &points_as, "automatic\0one mark each\0density grid\0"))
        v.points_as = static_cast<PointsAs>(points_as);
    }
  }
  ImGui::End();
}

}  // namespace driftmap::ui
