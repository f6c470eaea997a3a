// The panels' information text is readable: at least 4.5:1 against every background it is drawn on.
#include <catch2/catch.hpp>

#include "ui/theme.hpp"

using namespace driftmap::ui;

TEST_CASE("the contrast ratio follows WCAG 2.1") {
  CHECK(contrast_ratio(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)) == Approx(21.0));
  CHECK(contrast_ratio(ImVec4(0.5f, 0.5f, 0.5f, 1), ImVec4(0.5f, 0.5f, 0.5f, 1)) == Approx(1.0));
  // #767676 on white is the usual example of a grey just above 4.5:1.
  const float g = 0x76 / 255.f;
  CHECK(contrast_ratio(ImVec4(g, g, g, 1), ImVec4(1, 1, 1, 1)) == Approx(4.54).epsilon(0.01));
}

TEST_CASE("text and secondary text read at 4.5:1 or more on every panel background") {
  ImGuiStyle style;
  apply_theme(&style);
  const ImVec4 window = style.Colors[ImGuiCol_WindowBg];
  const ImVec4 backgrounds[] = {window,
                                over(style.Colors[ImGuiCol_PopupBg], window),
                                over(style.Colors[ImGuiCol_MenuBarBg], window),
                                over(style.Colors[ImGuiCol_ChildBg], window),
                                over(style.Colors[ImGuiCol_FrameBg], window),
                                over(style.Colors[ImGuiCol_TableRowBgAlt], window)};
  for (const ImGuiCol text : {ImGuiCol_Text, ImGuiCol_TextDisabled})
    for (const ImVec4& bg : backgrounds) {
      const double ratio = contrast_ratio(style.Colors[text], bg);
      INFO("text colour " << text << " on (" << bg.x << ", " << bg.y << ", " << bg.z << "): " << ratio << ":1");
      CHECK(ratio >= 4.5);
    }
}
