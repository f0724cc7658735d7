#include "app/theme.hpp"

namespace isms::app {
namespace {

ImVec4 rgb(int r, int g, int b, float a = 1.0f) { return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, a); }

const Palette kLight = {
    /*text*/ rgb(31, 41, 55),
    /*text_muted*/ rgb(107, 114, 128),
    /*accent*/ rgb(37, 99, 235),
    /*accent_soft*/ rgb(219, 234, 254),
    /*danger*/ rgb(185, 28, 28),
    /*danger_soft*/ rgb(254, 226, 226),
    /*warning_soft*/ rgb(254, 243, 199),
    /*success*/ rgb(21, 128, 61),
    /*surface*/ rgb(255, 255, 255),
    /*border*/ rgb(226, 232, 240),
    /*nav_background*/ rgb(243, 245, 248),
    /*top_bar*/ rgb(30, 41, 59),
    /*window*/ rgb(250, 251, 252),
    /*warning_ink*/ rgb(120, 54, 5),
    /*info_ink*/ rgb(30, 59, 138),
    /*success_soft*/ rgb(220, 247, 227),
    /*success_ink*/ rgb(6, 95, 70),
    /*on_colour*/ rgb(255, 255, 255),
};

// The same roles on dark slate: muted ink, softened accents, the same hues as the light theme so
// a status means the same colour in both.
const Palette kDark = {
    /*text*/ rgb(226, 232, 240),
    /*text_muted*/ rgb(148, 163, 184),
    /*accent*/ rgb(96, 165, 250),
    /*accent_soft*/ rgb(30, 58, 138),
    /*danger*/ rgb(248, 113, 113),
    /*danger_soft*/ rgb(127, 29, 29),
    /*warning_soft*/ rgb(120, 53, 15),
    /*success*/ rgb(74, 222, 128),
    /*surface*/ rgb(30, 41, 59),
    /*border*/ rgb(51, 65, 85),
    /*nav_background*/ rgb(15, 23, 42),
    /*top_bar*/ rgb(2, 6, 23),
    /*window*/ rgb(17, 24, 39),
    /*warning_ink*/ rgb(253, 230, 138),
    /*info_ink*/ rgb(191, 219, 254),
    /*success_soft*/ rgb(20, 83, 45),
    /*success_ink*/ rgb(187, 247, 208),
    /*on_colour*/ rgb(15, 23, 42),
};

Theme theme_in_use = Theme::Light;
float scale_in_use = 1.0f;

// The colours a light and a dark theme set differently, beyond the palette.
struct Shades {
  ImVec4 frame_hovered, frame_active, button, button_hovered, button_active, header_hovered, header_active,
      slider_active, table_header, table_light, row_alt, selected_text, dim;
};
const Shades kLightShades = {rgb(248, 250, 252),    rgb(241, 245, 249), rgb(241, 245, 249),       rgb(226, 232, 240),
                             rgb(203, 213, 225),    rgb(239, 246, 255), rgb(191, 219, 254),       rgb(29, 78, 216),
                             rgb(248, 250, 252),    rgb(241, 245, 249), rgb(248, 250, 252, 0.6f), rgb(191, 219, 254),
                             rgb(15, 23, 42, 0.35f)};
const Shades kDarkShades = {rgb(51, 65, 85),    rgb(71, 85, 105), rgb(51, 65, 85),       rgb(71, 85, 105),
                            rgb(100, 116, 139), rgb(30, 64, 175), rgb(37, 99, 235),      rgb(147, 197, 253),
                            rgb(30, 41, 59),    rgb(41, 53, 72),  rgb(30, 41, 59, 0.5f), rgb(30, 64, 175),
                            rgb(0, 0, 0, 0.55f)};

}  // namespace

const Palette& palette() { return theme_in_use == Theme::Dark ? kDark : kLight; }

Theme current_theme() { return theme_in_use; }

void use_theme(Theme theme) {
  theme_in_use = theme;
  // Before ImGui exists (the App reads the setting first) the style is made later, by apply_theme.
  if (ImGui::GetCurrentContext() != nullptr) apply_theme(scale_in_use);
}

void apply_theme(float scale) {
  scale_in_use = scale;
  ImGuiStyle style;  // start from defaults: ScaleAllSizes multiplies, it does not set
  const bool dark = theme_in_use == Theme::Dark;
  if (dark) {
    ImGui::StyleColorsDark(&style);
  } else {
    ImGui::StyleColorsLight(&style);
  }
  const Palette& p = palette();
  const Shades& shade = dark ? kDarkShades : kLightShades;

  style.WindowPadding = ImVec2(20, 16);
  style.FramePadding = ImVec2(10, 6);
  style.CellPadding = ImVec2(10, 7);
  style.ItemSpacing = ImVec2(10, 8);
  style.ItemInnerSpacing = ImVec2(8, 6);
  style.ScrollbarSize = 12;
  style.GrabMinSize = 10;
  style.WindowRounding = 0;
  style.ChildRounding = 6;
  style.FrameRounding = 5;
  style.PopupRounding = 6;
  style.ScrollbarRounding = 6;
  style.GrabRounding = 5;
  style.TabRounding = 5;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 1;
  style.PopupBorderSize = 1;
  style.FrameBorderSize = 1;
  style.WindowTitleAlign = ImVec2(0.0f, 0.5f);
  style.SelectableTextAlign = ImVec2(0.0f, 0.5f);

  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = p.text;
  c[ImGuiCol_TextDisabled] = p.text_muted;
  c[ImGuiCol_WindowBg] = p.window;
  c[ImGuiCol_ChildBg] = p.surface;
  c[ImGuiCol_PopupBg] = p.surface;
  c[ImGuiCol_Border] = p.border;
  c[ImGuiCol_BorderShadow] = rgb(0, 0, 0, 0);
  c[ImGuiCol_FrameBg] = p.surface;
  c[ImGuiCol_FrameBgHovered] = shade.frame_hovered;
  c[ImGuiCol_FrameBgActive] = shade.frame_active;
  c[ImGuiCol_TitleBg] = p.surface;
  c[ImGuiCol_TitleBgActive] = p.surface;
  c[ImGuiCol_Button] = shade.button;
  c[ImGuiCol_ButtonHovered] = shade.button_hovered;
  c[ImGuiCol_ButtonActive] = shade.button_active;
  c[ImGuiCol_Header] = p.accent_soft;
  c[ImGuiCol_HeaderHovered] = shade.header_hovered;
  c[ImGuiCol_HeaderActive] = shade.header_active;
  c[ImGuiCol_CheckMark] = p.accent;
  c[ImGuiCol_SliderGrab] = p.accent;
  c[ImGuiCol_SliderGrabActive] = shade.slider_active;
  c[ImGuiCol_Separator] = p.border;
  c[ImGuiCol_TableHeaderBg] = shade.table_header;
  c[ImGuiCol_TableBorderStrong] = p.border;
  c[ImGuiCol_TableBorderLight] = shade.table_light;
  c[ImGuiCol_TableRowBg] = rgb(255, 255, 255, 0);
  c[ImGuiCol_TableRowBgAlt] = shade.row_alt;
  c[ImGuiCol_TextSelectedBg] = shade.selected_text;
  c[ImGuiCol_ModalWindowDimBg] = shade.dim;
  c[ImGuiCol_NavHighlight] = p.accent;
  c[ImGuiCol_ScrollbarBg] = rgb(0, 0, 0, 0);

  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace isms::app
