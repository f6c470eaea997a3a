// Glyph ranges of the interface font; see font_ranges.hpp.
#include "ui/font_ranges.hpp"

namespace driftmap::ui {

const ImWchar* interface_glyph_ranges() {
  static const ImWchar kRanges[] = {
      0x0020, 0x036F,  // Latin, Latin-1, Latin Extended-A/B, IPA (ə), spacing modifiers, combining marks
      0x0370, 0x03FF,  // Greek
      0x0400, 0x052F,  // Cyrillic (Russian names: Красногорск)
      0x1E00, 0x1EFF,  // Latin Extended Additional (ḩ, Ḩ, ṭ: romanised Arabic and Persian)
      0x2010, 0x205E,  // general punctuation (dashes, curly quotes, ellipsis)
      0x20AC, 0x20AC,  // euro sign
      0x2190, 0x2193,  // arrows (Help → About)
      0x2212, 0x2212,  // minus sign
      0,
  };
  return kRanges;
}

bool in_interface_ranges(unsigned c) {
  for (const ImWchar* r = interface_glyph_ranges(); r[0]; r += 2)
    if (c >= r[0] && c <= r[1]) return true;
  return false;
}

}  // namespace driftmap::ui
