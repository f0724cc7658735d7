#include "app/fonts.hpp"

#include <imgui.h>

#include <string>

#include "app/icons.hpp"

namespace isms::app {
namespace {

constexpr float kBodyPx = 15.0f;
constexpr float kTitlePx = 21.0f;

// Western and Central European text: Latin-1, Latin Extended-A and -B (Ł, ř, ő, ș), typographic
// punctuation (dashes, quotes, bullet, ellipsis), the euro sign and a few symbols.
const ImWchar kTextRanges[] = {
    0x0020, 0x00FF, 0x0100, 0x017F, 0x0180, 0x024F, 0x2000, 0x206F, 0x20AC, 0x20AC,
    0x2116, 0x2122, 0x2190, 0x2193, 0x2212, 0x2212, 0xFFFD, 0xFFFD, 0,
};
const ImWchar kIconRanges[] = {icon::kFirst, icon::kLast, 0};

Fonts g_fonts;

ImFont* add_text_font(const std::string& file, float px) {
  ImGuiIO& io = ImGui::GetIO();
  ImFontConfig text;
  text.OversampleH = 2;  // pixel-exact at the real size already; 2 keeps sub-pixel placement smooth
  text.OversampleV = 1;
  ImFont* font = io.Fonts->AddFontFromFileTTF(file.c_str(), px, &text, kTextRanges);
  return font;
}

void merge_icons(const std::string& file, float px) {
  ImFontConfig icons;
  icons.MergeMode = true;
  icons.PixelSnapH = true;
  icons.GlyphMinAdvanceX = px * 1.15f;  // icons line up in lists whatever their own width
  icons.GlyphOffset.y = px * 0.05f;
  ImGui::GetIO().Fonts->AddFontFromFileTTF(file.c_str(), px * 0.9f, &icons, kIconRanges);
}

}  // namespace

Fonts load_fonts(const char* dir, float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  const std::string base = dir;
  const std::string regular = base + "/Inter-Regular.otf";
  const std::string semibold = base + "/Inter-SemiBold.otf";
  const std::string awesome = base + "/fontawesome-webfont.ttf";

  Fonts fonts;
  fonts.body = add_text_font(regular, kBodyPx * scale);
  if (fonts.body == nullptr) {  // a broken build without fonts still shows something
    fonts.body = io.Fonts->AddFontDefault();
    fonts.strong = fonts.title = fonts.body;
    g_fonts = fonts;
    return fonts;
  }
  merge_icons(awesome, kBodyPx * scale);
  fonts.strong = add_text_font(semibold, kBodyPx * scale);
  merge_icons(awesome, kBodyPx * scale);
  fonts.title = add_text_font(semibold, kTitlePx * scale);
  merge_icons(awesome, kTitlePx * scale);
  io.FontDefault = fonts.body;
  io.Fonts->Build();
  g_fonts = fonts;
  return fonts;
}

const Fonts& current_fonts() { return g_fonts; }

}  // namespace isms::app
