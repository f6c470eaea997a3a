// The drift layer over the map (View → Drift of the centre): the incidents' centre per period
// joined in time order, an arrow on each move, each centre named by its period; the periods the
// time window overlaps drawn larger, so the window's place on the trajectory reads at a glance.
// The same layer as the exports' "drift" group (render/drift_layer), drawn with ImGui's
// background list so that it follows the camera without a GL pass of its own.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/label_placement.hpp"

#include "imgui.h"
#include "ui/panels.hpp"

namespace driftmap::ui {

namespace {

constexpr ImU32 kLine = IM_COL32(40, 40, 40, 235);   // dark on the light map, halo under it
constexpr ImU32 kHalo = IM_COL32(255, 255, 255, 200);
constexpr ImU32 kWindow = IM_COL32(0, 0, 0, 255);  // the window's periods: larger, ringed, apart from every event-type hue

ImVec2 on_screen(const core::Camera& cam, core::Vec2 world_m, ImVec2 fb_scale) {
  const core::Vec2 p = cam.world_to_screen(world_m);
  return ImVec2(float(p.x) / fb_scale.x, float(p.y) / fb_scale.y);
}

// An arrowhead at the middle of the move a → b, pointing towards b.
void arrow(ImDrawList* dl, ImVec2 a, ImVec2 b, float size) {
  const float dx = b.x - a.x, dy = b.y - a.y, len = std::hypot(dx, dy);
  if (len < 3 * size) return;  // too short to carry an arrow
  const ImVec2 u(dx / len, dy / len), m((a.x + b.x) / 2, (a.y + b.y) / 2);
  const ImVec2 tip(m.x + u.x * size, m.y + u.y * size);
  const ImVec2 l(m.x - u.x * size - u.y * size * 0.8f, m.y - u.y * size + u.x * size * 0.8f);
  const ImVec2 r(m.x - u.x * size + u.y * size * 0.8f, m.y - u.y * size - u.x * size * 0.8f);
  dl->AddTriangleFilled(tip, l, r, kLine);
}

void label(ImDrawList* dl, ImVec2 at, const std::string& text, bool strong) {
  for (int dx = -1; dx <= 1; ++dx)
    for (int dy = -1; dy <= 1; ++dy)
      if (dx || dy) dl->AddText(ImVec2(at.x + dx, at.y + dy), kHalo, text.c_str());
  dl->AddText(at, strong ? kWindow : kLine, text.c_str());
}

// What the layer shows and by which rule (core/drift.hpp), above the map's attribution line.
void caption(ImDrawList* dl, const Scene& s, ImVec2 map_min, ImVec2 map_max) {
  char text[200];
  std::snprintf(text, sizeof text,
                "Drift of the centre per %s: cities weigh 1, provinces %.1f, country-level left out; larger, ringed: "
                "the periods in the time window",
                s.drift_period_name.c_str(), core::kProvinceWeight);
  const ImVec2 ts = ImGui::CalcTextSize(text);
  const float line = ImGui::GetFontSize();
  const ImVec2 p(map_min.x + 6, map_max.y - 2 * line - 12);
  dl->AddRectFilled(ImVec2(p.x - 3, p.y - 1), ImVec2(p.x + ts.x + 3, p.y + ts.y + 1), kHalo, 2);
  dl->AddText(p, kLine, text);
}

}  // namespace

void drift_overlay(const ViewState& v, const Scene& s) {
  if (s.drift.empty()) return;
  const ImGuiIO& io = ImGui::GetIO();
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const ImVec2 map_max(vp->WorkPos.x + vp->WorkSize.x - sidebar_width(), vp->WorkPos.y + vp->WorkSize.y - timeline_height());
  dl->PushClipRect(vp->WorkPos, map_max, true);
  const float unit = s.ui_scale * 3.f;
  std::vector<ImVec2> pts;
  for (const DriftPoint& d : s.drift) pts.push_back(on_screen(v.camera, d.world_m, io.DisplayFramebufferScale));
  if (pts.size() > 1) {
    dl->AddPolyline(pts.data(), int(pts.size()), kHalo, 0, unit * 1.6f);
    dl->AddPolyline(pts.data(), int(pts.size()), kLine, 0, unit * 0.7f);
    for (size_t i = 1; i < pts.size(); ++i) arrow(dl, pts[i - 1], pts[i], unit * 1.8f);
  }
  std::vector<core::PxBox> dots;
  std::vector<core::LabelRequest> names;
  for (size_t i = 0; i < pts.size(); ++i) {
    const bool strong = s.drift[i].in_window;
    const float r = strong ? unit * 2.f : unit * 1.2f;
    dl->AddCircleFilled(pts[i], r + 1.5f, kHalo);
    dl->AddCircleFilled(pts[i], r, strong ? kWindow : kLine);
    if (strong) dl->AddCircle(pts[i], r + 3.5f, kWindow, 0, 1.5f);
    const float drawn = strong ? r + 4.5f : r + 1.5f;  // with its halo or ring; the gap clears it and the padding
    dots.push_back({pts[i].x - drawn, pts[i].y - drawn, pts[i].x + drawn, pts[i].y + drawn});
    const ImVec2 ts = ImGui::CalcTextSize(s.drift[i].period.c_str());
    names.push_back({pts[i].x, pts[i].y, ts.x, ts.y, drawn + 2.5f, core::LabelKind::Point, core::LabelPriority::IncidentPlace});
  }
  // The same placement as the exports' drift layer: names clear of the dots and of each other,
  // farther out on a leader line in a crowd; a name without a free place keeps its usual one.
  std::vector<ImVec2> at(pts.size());
  for (size_t i = 0; i < pts.size(); ++i) at[i] = ImVec2(pts[i].x + names[i].gap_px, pts[i].y - names[i].h / 2);
  const core::PxBox bounds{vp->WorkPos.x, vp->WorkPos.y, map_max.x, map_max.y};
  for (const core::PlacedLabel& p : core::place_labels_reaching(names, dots, bounds, 2)) {
    at[p.request] = ImVec2(float(p.box.x0), float(p.box.y0));
    const ImVec2 to(std::clamp(pts[p.request].x, float(p.box.x0), float(p.box.x1)),
                    std::clamp(pts[p.request].y, float(p.box.y0), float(p.box.y1)));
    if (p.reach > 1) dl->AddLine(pts[p.request], to, kLine, 1.0f);
  }
  for (size_t i = 0; i < pts.size(); ++i) label(dl, at[i], s.drift[i].period, s.drift[i].in_window);
  caption(dl, s, vp->WorkPos, map_max);
  dl->PopClipRect();
}

}  // namespace driftmap::ui
