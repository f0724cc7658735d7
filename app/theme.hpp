#pragma once
// The look: a calm light theme with consistent spacing, scaled for the display.

#include <imgui.h>

namespace isms::app {

// Semantic colours the views use beside ImGui's own style colours.
struct Palette {
  ImVec4 text, text_muted, accent, accent_soft, danger, danger_soft, warning_soft, success, surface, border,
      nav_background, top_bar;
};

const Palette& palette();
// Sets ImGui's style for `scale` (devicePixelRatio) from a fresh default, so it can be called
// again whenever the scale changes.
void apply_theme(float scale);

}  // namespace isms::app
