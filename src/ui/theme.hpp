// The viewer's panel colours: Dear ImGui's light style with every kind of information text at
// least 4.5:1 against the backgrounds it is drawn on (WCAG 2.1 level AA for body text).
#pragma once
#include "imgui.h"

namespace driftmap::ui {

// WCAG 2.1 contrast ratio of two opaque sRGB colours (1 to 21).
double contrast_ratio(const ImVec4& a, const ImVec4& b);
// c drawn with its alpha over an opaque under.
ImVec4 over(const ImVec4& c, const ImVec4& under);

// The light style with readable secondary text (tooltip lines, counts, status, notes).
void apply_theme(ImGuiStyle* style);

}  // namespace driftmap::ui
