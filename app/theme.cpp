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
};

}  // namespace

const Palette& palette() { return kLight; }

void apply_theme(float scale) {
  ImGuiStyle style;  // start from defaults: ScaleAllSizes multiplies, it does not set
  ImGui::StyleColorsLight(&style);
  const Palette& p = kLight;

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
  c[ImGuiCol_WindowBg] = rgb(250, 251, 252);
  c[ImGuiCol_ChildBg] = p.surface;
  c[ImGuiCol_PopupBg] = p.surface;
  c[ImGuiCol_Border] = p.border;
  c[ImGuiCol_BorderShadow] = rgb(0, 0, 0, 0);
  c[ImGuiCol_FrameBg] = p.surface;
  c[ImGuiCol_FrameBgHovered] = rgb(248, 250, 252);
  c[ImGuiCol_FrameBgActive] = rgb(241, 245, 249);
  c[ImGuiCol_TitleBg] = p.surface;
  c[ImGuiCol_TitleBgActive] = p.surface;
  c[ImGuiCol_Button] = rgb(241, 245, 249);
  c[ImGuiCol_ButtonHovered] = rgb(226, 232, 240);
  c[ImGuiCol_ButtonActive] = rgb(203, 213, 225);
  c[ImGuiCol_Header] = p.accent_soft;
  c[ImGuiCol_HeaderHovered] = rgb(239, 246, 255);
  c[ImGuiCol_HeaderActive] = rgb(191, 219, 254);
  c[ImGuiCol_CheckMark] = p.accent;
  c[ImGuiCol_SliderGrab] = p.accent;
  c[ImGuiCol_SliderGrabActive] = rgb(29, 78, 216);
  c[ImGuiCol_Separator] = p.border;
  c[ImGuiCol_TableHeaderBg] = rgb(248, 250, 252);
  c[ImGuiCol_TableBorderStrong] = p.border;
  c[ImGuiCol_TableBorderLight] = rgb(241, 245, 249);
  c[ImGuiCol_TableRowBg] = rgb(255, 255, 255, 0);
  c[ImGuiCol_TableRowBgAlt] = rgb(248, 250, 252, 0.6f);
  c[ImGuiCol_TextSelectedBg] = rgb(191, 219, 254);
  c[ImGuiCol_ModalWindowDimBg] = rgb(15, 23, 42, 0.35f);
  c[ImGuiCol_NavHighlight] = p.accent;
  c[ImGuiCol_ScrollbarBg] = rgb(0, 0, 0, 0);

  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace isms::app
