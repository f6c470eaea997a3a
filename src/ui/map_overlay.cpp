// Text drawn over the map with ImGui's background draw list: country and province labels that
// fit, count badges on areas with several area-precision incidents and on stacks of points, and
// the selection's ring or outline. (The CTC region shares are the renderer's area colours; their
// figures are in the sidebar and the region tooltip.)
#include <algorithm>
#include <cmath>
#include <string>

#include "core/label_placement.hpp"
#include "imgui.h"
#include "ui/panels.hpp"

namespace driftmap::ui {

namespace {
using Rect = core::PxBox;  // window pixels

ImU32 to_u32(render::Rgba c, float alpha_scale = 1.f) {
  return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a * alpha_scale));
}

// What every part of the overlay needs: where it draws, the map's free rectangle and colours.
struct OverlayFrame {
  ImDrawList* dl;
  ImVec2 fb_scale;
  const core::Camera& cam;
  Rect map_rect;
  double px_per_m;  // logical pixels per metre (the camera's metres are per framebuffer pixel)
  render::Rgba text_c, panel_c;

  ImVec2 to_window(core::Vec2 world) const {
    const core::Vec2 p = cam.world_to_screen(world);
    return ImVec2(static_cast<float>(p.x) / fb_scale.x, static_cast<float>(p.y) / fb_scale.y);
  }
};

// A point's drawn radius in window pixels, as the renderer draws it (style sizes × UI scale).
float point_radius(const Scene& s, int32_t killed) {
  float r = s.style ? s.style->point_min_radius_px : 4.f;
  if (s.style && killed > 0)
    r = std::min(s.style->point_max_radius_px,
                 s.style->point_min_radius_px + s.style->point_radius_per_sqrt_killed_px * std::sqrt(float(killed)));
  return r * s.ui_scale;
}

// Count badges where several area-level incidents share an area (on its label point) and where
// several points share a coordinate (beside the circle, up and right, leaving it clickable);
// returns their boxes, which labels must avoid.
std::vector<Rect> draw_badges(const OverlayFrame& o, const Scene& s) {
  std::vector<Rect> reserved;
  for (const auto* list : {&s.badges, &s.stack_badges})
    for (const AreaBadge& b : *list) {
      if (b.count < 2) continue;
      ImVec2 p = o.to_window(b.world_m);
      const std::string n = std::to_string(b.count);
      const ImVec2 ts = ImGui::CalcTextSize(n.c_str());
      const float r = std::max(ts.x, ts.y) / 2 + 3;
      if (b.stack) {
        const float d = (point_radius(s, b.killed_max) + r * 0.6f) * 0.7071f;
        p = ImVec2(p.x + d, p.y - d);
      }
      const Rect box{p.x - r, p.y - r, p.x + r, p.y + r};
      if (!box.inside(o.map_rect)) continue;
      o.dl->AddCircleFilled(p, r, to_u32(s.style->badge_fill));
      o.dl->AddText(ImVec2(p.x - ts.x / 2, p.y - ts.y / 2), to_u32(s.style->badge_text), n.c_str());
      reserved.push_back(box);
    }
  return reserved;
}

// The boxes of the window's drawn points inside the map: labels give way to them.
void reserve_marks(const OverlayFrame& o, const Scene& s, std::vector<Rect>* reserved) {
  for (const Scene::Mark& m : s.marks) {
    const ImVec2 p = o.to_window(m.world_m);
    const float r = point_radius(s, m.killed) + 1;
    const Rect box{p.x - r, p.y - r, p.x + r, p.y + r};
    if (box.inside(o.map_rect)) reserved->push_back(box);
  }
}

// Selected and hovered incidents get a ring (points only; areas are highlighted by the renderer).
void draw_selection_rings(const OverlayFrame& o, const ViewState& v, const Scene& s) {
  for (const auto& [row, world] : {std::pair{v.selected, s.selected_world_m}, std::pair{v.hovered, s.hovered_world_m}}) {
    if (!row || !world || *row >= s.dataset->size()) continue;
    if (!core::is_point_precision(s.dataset->location_precision()[*row])) continue;
    const ImVec2 p = o.to_window(*world);
    const float r = point_radius(s, s.dataset->killed()[*row]);
    const bool selected = row == v.selected;
    o.dl->AddCircle(p, r + 4, selected ? IM_COL32(20, 20, 20, 255) : IM_COL32(60, 60, 60, 160), 0, selected ? 2.5f : 1.5f);
    if (selected) o.dl->AddCircle(p, r + 6.5f, IM_COL32(255, 255, 255, 220), 0, 1.5f);
  }
}

// The selected area-level incident's province or country: its outline, dark over a light halo.
void draw_selected_outline(const OverlayFrame& o, const Scene& s) {
  std::vector<ImVec2> pts;
  for (const auto& ring : s.selected_outline_m) {
    pts.clear();
    for (const core::Vec2& w : ring) pts.push_back(o.to_window(w));
    o.dl->AddPolyline(pts.data(), int(pts.size()), IM_COL32(255, 255, 255, 220), ImDrawFlags_Closed, 5.f);
    o.dl->AddPolyline(pts.data(), int(pts.size()), IM_COL32(20, 20, 20, 255), ImDrawFlags_Closed, 2.5f);
  }
}

// Country and province names that fit, with a halo, placed by the exports' rule
// (core::place_labels): clear of the badges and the drawn points, a name that would cover a
// point moves just above or below it, else it is left out: the mark matters more than the name.
void draw_labels(const OverlayFrame& o, const Scene& s, const std::vector<Rect>& reserved,
                 const std::vector<Rect>& marks) {
  struct Candidate {
    size_t label;
    core::LabelRequest req;
    double area_px2;
  };
  std::vector<Candidate> cands;
  for (size_t i = 0; i < s.labels.size(); ++i) {
    const MapLabel& l = s.labels[i];
    const ImVec2 p = o.to_window(l.world_m);
    const ImVec2 ts = ImGui::CalcTextSize(l.text.c_str());
    const double area_px2 = l.area_m2 * o.px_per_m * o.px_per_m;
    // A name shows when its feature is at least about as large on screen as the text.
    if (area_px2 < ts.x * ts.y * (l.level == 0 ? 0.6 : 1.2)) continue;
    const auto priority = l.level == 0 ? core::LabelPriority::Country : core::LabelPriority::Province;
    cands.push_back({i, {p.x, p.y, ts.x, ts.y, 0, core::LabelKind::Area, priority}, area_px2});
  }
  // Within a level, the larger feature's name first.
  std::stable_sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) { return a.area_px2 > b.area_px2; });
  std::vector<core::LabelRequest> req;
  for (const Candidate& c : cands) req.push_back(c.req);
  std::vector<Rect> obstacles = reserved;
  obstacles.insert(obstacles.end(), marks.begin(), marks.end());
  const ImU32 halo = to_u32(o.panel_c, 0.8f);
  for (const core::PlacedLabel& placed : core::place_labels(req, obstacles, o.map_rect, 3.0)) {
    const MapLabel& l = s.labels[cands[placed.request].label];
    const ImVec2 tp(float(placed.box.x0), float(placed.box.y0));
    for (int dx = -1; dx <= 1; ++dx)
      for (int dy = -1; dy <= 1; ++dy)
        if (dx || dy) o.dl->AddText(ImVec2(tp.x + dx, tp.y + dy), halo, l.text.c_str());
    o.dl->AddText(tp, to_u32(o.text_c, l.level == 0 ? 1.0f : 0.75f), l.text.c_str());
  }
}

// Attribution, bottom-left of the map.
void draw_attribution(const OverlayFrame& o) {
  const char* attribution = "Boundaries: Natural Earth \u00b7 Places: GeoNames (CC BY 4.0) \u00b7 Incidents: as stated by the "
                            "source documents (Help \u2192 About)";
  const ImVec2 ts = ImGui::CalcTextSize(attribution);
  const ImVec2 p(o.map_rect.x0 + 6, o.map_rect.y1 - ts.y - 4);
  o.dl->AddRectFilled(ImVec2(p.x - 3, p.y - 1), ImVec2(p.x + ts.x + 3, p.y + ts.y + 1), to_u32(o.panel_c, 0.85f), 2);
  o.dl->AddText(p, to_u32(o.text_c, 0.8f), attribution);
}

}  // namespace

void map_overlay(const ViewState& v, const Scene& s) {
  const ImGuiIO& io = ImGui::GetIO();
  const core::Camera& cam = v.camera;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const Rect map_rect{vp->WorkPos.x, vp->WorkPos.y, vp->WorkPos.x + vp->WorkSize.x - sidebar_width(),
                      vp->WorkPos.y + vp->WorkSize.y - timeline_height()};
  const OverlayFrame o{ImGui::GetBackgroundDrawList(),
                       io.DisplayFramebufferScale,
                       cam,
                       map_rect,
                       io.DisplayFramebufferScale.x / cam.metres_per_px(),
                       s.style ? s.style->text : render::Rgba{0.1f, 0.1f, 0.1f, 1},
                       s.style ? s.style->text_panel : render::Rgba{1, 1, 1, 0.7f}};
  // Badges go first; labels avoid them.
  const std::vector<Rect> reserved = s.style ? draw_badges(o, s) : std::vector<Rect>{};
  std::vector<Rect> marks;
  reserve_marks(o, s, &marks);
  if (v.selected) draw_selected_outline(o, s);
  if (s.dataset) draw_selection_rings(o, v, s);
  if (v.show_labels) draw_labels(o, s, reserved, marks);
  draw_attribution(o);
}

}  // namespace driftmap::ui
