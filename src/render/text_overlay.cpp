// Layout of the export annotations.
#include "render/text_overlay.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace driftmap::render {

void draw_overlay(RgbaImage& img, const Overlay& ov, const Style& style, TextRasterizer& regular,
                  TextRasterizer& bold) {
  const double scale = std::max(0.35, img.height / 1080.0);
  auto px = [scale](double v) { return int(std::lround(v * scale)); };
  const int pad = px(14);

  if (!ov.title.empty()) {
    bold.set_pixel_size(px(30));
    const int w = bold.measure(ov.title);
    const int h = bold.ascender_px() + bold.descender_px();
    img.fill_rect(px(16), px(16), w + 2 * pad, h + 2 * pad / 1, style.text_panel);
    bold.draw(img, px(16) + pad, px(16) + pad + bold.ascender_px(), ov.title, style.text);
  }

  // Bottom left: date range above attribution.
  {
    regular.set_pixel_size(px(17));
    const int line = regular.line_height_px();
    std::vector<std::string> lines;
    if (!ov.date_line.empty()) lines.push_back(ov.date_line);
    if (!ov.attribution.empty()) lines.push_back(ov.attribution);
    int w = 0;
    for (const auto& l : lines) w = std::max(w, regular.measure(l));
    if (!lines.empty()) {
      const int h = line * int(lines.size()) + 2 * pad / 2;
      const int x = px(16), y = img.height - px(16) - h;
      img.fill_rect(x, y, w + 2 * pad, h, style.text_panel);
      for (size_t i = 0; i < lines.size(); ++i)
        regular.draw(img, x + pad, y + pad / 2 + regular.ascender_px() + line * int(i), lines[i], style.text);
    }
  }

  if (ov.legend) {
    regular.set_pixel_size(px(16));
    const int line = regular.line_height_px() + px(4);
    const float r = float(scale * 6.0);
    std::vector<std::string> names;
    for (int t = 0; t < core::kEventTypeCount; ++t) names.emplace_back(core::display_name(core::EventType(t)));
    const std::string ring_note = "ring = date known to month/year";
    const std::string area_note = "shaded = province/country-level";
    int w = 0;
    for (const auto& n : names) w = std::max(w, regular.measure(n));
    w = std::max({w + int(3 * r), regular.measure(ring_note) + int(3 * r), regular.measure(area_note) + int(3 * r)});
    const int rows = core::kEventTypeCount + 2;
    const int h = rows * line + pad;
    const int x = img.width - px(16) - w - 2 * pad, y = px(16);
    img.fill_rect(x, y, w + 2 * pad, h, style.text_panel);
    for (int i = 0; i < rows; ++i) {
      const int base = y + pad / 2 + regular.ascender_px() + line * i;
      const float cy = float(base) - float(regular.ascender_px()) * 0.35f;
      const float cx = float(x + pad) + r;
      if (i < core::kEventTypeCount) {
        img.fill_circle(cx, cy, r + 0.8f * float(scale), style.point_edge);
        img.fill_circle(cx, cy, r, style.event_colour[size_t(i)]);
        regular.draw(img, x + pad + int(3 * r), base, names[size_t(i)], style.text);
      } else if (i == core::kEventTypeCount) {
        img.fill_circle(cx, cy, r, style.text, float(style.ring_width_px * scale));
        regular.draw(img, x + pad + int(3 * r), base, ring_note, style.text);
      } else {
        Rgba swatch = blend_over(style.land_region, style.area_highlight);
        img.fill_rect(int(cx - r), int(cy - r), int(2 * r), int(2 * r), swatch);
        regular.draw(img, x + pad + int(3 * r), base, area_note, style.text);
      }
    }
  }

  // Badges: largest counts first; one that would overlap a badge already placed is left out
  // (small areas packed together would otherwise give an unreadable pile).
  bold.set_pixel_size(px(14));
  std::vector<Badge> badges = ov.badges;
  std::stable_sort(badges.begin(), badges.end(), [](const Badge& a, const Badge& b) { return a.count > b.count; });
  std::vector<std::array<float, 3>> placed;  // x, y, radius
  for (const Badge& b : badges) {
    const std::string s = std::to_string(b.count);
    const int w = bold.measure(s);
    const float radius = std::max(float(px(11)), 0.5f * float(w) + float(px(5)));
    bool overlaps = false;
    for (const auto& p : placed) overlaps |= std::hypot(p[0] - b.x_px, p[1] - b.y_px) < p[2] + radius;
    if (overlaps) continue;
    placed.push_back({b.x_px, b.y_px, radius});
    img.fill_circle(b.x_px, b.y_px, radius, style.badge_fill);
    const int asc = bold.ascender_px();
    bold.draw(img, int(std::lround(b.x_px - 0.5f * float(w))), int(std::lround(b.y_px + 0.36f * float(asc))), s,
              style.badge_text);
  }
}

}  // namespace driftmap::render
