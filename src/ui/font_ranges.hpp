// The characters the viewer's interface font is built with. Dear ImGui rasterises only the
// ranges it is given, and a name with a character outside them shows "?" boxes: the ranges
// cover every character of the names the bundled data holds (a test reads them all) and the
// scripts users' own files bring most (Latin extensions, combining marks, Greek, Cyrillic).
#pragma once
#include "imgui.h"

namespace driftmap::ui {

// Pairs of first and last code point, ending with 0 (ImGui's glyph-range format).
const ImWchar* interface_glyph_ranges();
// True when c lies in one of the ranges.
bool in_interface_ranges(unsigned c);

}  // namespace driftmap::ui
