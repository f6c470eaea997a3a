// The two style presets.
#include "render/style.hpp"

#include <algorithm>
#include <cmath>

namespace driftmap::render {

std::array<uint8_t, 4> Rgba::to_bytes() const {
  auto byte = [](float v) { return uint8_t(std::lround(std::clamp(v, 0.f, 1.f) * 255.f)); };
  return {byte(r), byte(g), byte(b), byte(a)};
}

Rgba blend_over(Rgba bottom, Rgba top) {
  const float a = top.a;
  return {bottom.r * (1 - a) + top.r * a, bottom.g * (1 - a) + top.g * a, bottom.b * (1 - a) + top.b * a, 1.f};
}

Rgba density_colour(const Style& style, float t) {
  const float s = std::clamp(t, 0.f, 1.f) * 4.f;
  const int i = std::min(int(s), 3);
  const float f = s - float(i);
  const Rgba a = style.density_ramp[size_t(i)], b = style.density_ramp[size_t(i) + 1];
  return {a.r + (b.r - a.r) * f, a.g + (b.g - a.g) * f, a.b + (b.b - a.b) * f, a.a + (b.a - a.a) * f};
}

namespace {
// Okabe & Ito (2008). Order follows core::EventType.
std::array<Rgba, core::kEventTypeCount> okabe_ito(Rgba other) {
  return {
      Rgba::hex(0xD55E00),  // attack: vermillion
      Rgba::hex(0xCC79A7),  // cross-border attack: reddish purple
      Rgba::hex(0xE69F00),  // external plot: orange
      Rgba::hex(0x0072B2),  // counter-operation: blue
      Rgba::hex(0x009E73),  // leader killed or captured: bluish green
      Rgba::hex(0x56B4E9),  // territorial: sky blue
      other,                // other
  };
}
}  // namespace

Style Style::light() {
  Style s;
  s.background = Rgba::hex(0xDCE6EE);
  s.land = Rgba::hex(0xF2EFE9);
  s.land_region = Rgba::hex(0xFBF9F4);
  s.admin1_outline = Rgba::hex(0xA8A29A);
  s.country_outline = Rgba::hex(0x5E5852);
  s.area_highlight = Rgba::hex(0xF0B88A, 0.85f);
  s.area_highlight_country = s.area_highlight;
  s.point_edge = Rgba::hex(0x1A1A1A, 0.9f);
  s.event_colour = okabe_ito(Rgba::hex(0x555555));
  s.text = Rgba::hex(0x1E1E1E);
  s.text_panel = Rgba::hex(0xFFFFFF, 0.78f);
  s.extent_box = Rgba::hex(0xC0392B);
  s.badge_fill = Rgba::hex(0x3A3A3A, 0.88f);
  s.badge_text = Rgba::hex(0xFFFFFF);
  // ColorBrewer YlOrRd (Harrower & Brewer 2003), most transparent where least dense.
  s.density_ramp = {Rgba::hex(0xFED976, 0.75f), Rgba::hex(0xFD8D3C, 0.82f), Rgba::hex(0xF03B20, 0.88f),
                    Rgba::hex(0xBD0026, 0.94f), Rgba::hex(0x67000D, 0.97f)};
  return s;
}

Style Style::dark() {
  Style s;
  s.background = Rgba::hex(0x12171D);
  s.land = Rgba::hex(0x262A30);
  s.land_region = Rgba::hex(0x30353C);
  s.admin1_outline = Rgba::hex(0x5A616B);
  s.country_outline = Rgba::hex(0x9AA2AD);
  s.area_highlight = Rgba::hex(0x8A4B2A, 0.85f);
  s.area_highlight_country = s.area_highlight;
  s.point_edge = Rgba::hex(0x0A0A0A, 0.9f);
  s.event_colour = okabe_ito(Rgba::hex(0xBBBBBB));
  s.text = Rgba::hex(0xE8E8E8);
  s.text_panel = Rgba::hex(0x101418, 0.78f);
  s.extent_box = Rgba::hex(0xFF6B5B);
  s.badge_fill = Rgba::hex(0xE8E8E8, 0.9f);
  s.badge_text = Rgba::hex(0x111111);
  // Matplotlib's inferno from a quarter of the way up (darker stops vanish on a dark map).
  s.density_ramp = {Rgba::hex(0x6A176E, 0.75f), Rgba::hex(0xA52C60, 0.82f), Rgba::hex(0xDD513A, 0.88f),
                    Rgba::hex(0xFCA50A, 0.94f), Rgba::hex(0xFCFFA4, 0.97f)};
  return s;
}

}  // namespace driftmap::render
