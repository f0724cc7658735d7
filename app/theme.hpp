#pragma once
// The look: a calm light theme with consistent spacing, scaled for the display.

#include <imgui.h>

namespace isms::app {

// Semantic colours the views use beside ImGui's own style colours.
struct Palette {
  ImVec4 text, text_muted, accent, accent_soft, danger, danger_soft, warning_soft, success, surface, border,
      nav_background, top_bar, window, warning_ink, info_ink, success_soft,
      success_ink,  // text on warning_soft, accent_soft, success_soft
      on_colour;    // text on accent, danger and success fills
};

// Light by default; dark for those who prefer it (issue 4), chosen in the settings panel and kept
// per browser (the Platform setting kThemeSetting: "dark" or "light").
enum class Theme { Light, Dark };
inline constexpr const char* kThemeSetting = "theme";

const Palette& palette();  // of the theme in use
Theme current_theme();
// Sets ImGui's style for `scale` (devicePixelRatio) from a fresh default, so it can be called
// again whenever the scale changes.
void apply_theme(float scale);
// Switches the theme, keeping the scale the style was last made for.
void use_theme(Theme theme);

}  // namespace isms::app
