// Panel colours; see theme.hpp.
#include "ui/theme.hpp"

#include <algorithm>
#include <cmath>

namespace driftmap::ui {

namespace {
double linear(float c) { return c <= 0.04045f ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
double luminance(const ImVec4& c) { return 0.2126 * linear(c.x) + 0.7152 * linear(c.y) + 0.0722 * linear(c.z); }
}  // namespace

double contrast_ratio(const ImVec4& a, const ImVec4& b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

ImVec4 over(const ImVec4& c, const ImVec4& under) {
  auto mix = [&](float f, float u) { return f * c.w + u * (1 - c.w); };
  return ImVec4(mix(c.x, under.x), mix(c.y, under.y), mix(c.z, under.z), 1);
}

void apply_theme(ImGuiStyle* style) {
  ImGui::StyleColorsLight(style);
  // The light style's disabled grey (0.60) reads at about 2.5:1 on its window background; 0.36
  // reads at 5.9:1 there, 6.7:1 on tooltips and 4.8:1 on the menu bar (tests/ui/test_theme.cpp),
  // and still looks secondary beside the black text.
  style->Colors[ImGuiCol_TextDisabled] = ImVec4(0.36f, 0.36f, 0.36f, 1.00f);
}

}  // namespace driftmap::ui
