#include "app/widgets.hpp"

#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "app/automation.hpp"
#include "app/fonts.hpp"
#include "app/icons.hpp"
#include "app/theme.hpp"

namespace isms::app::ui {

const FieldError* error_for(const std::vector<FieldError>& errors, const char* field) {
  for (const FieldError& e : errors)
    if (e.field == field) return &e;
  return nullptr;
}

bool text_field(const char* label, const char* key, std::string* value, std::vector<FieldError>* errors,
                const char* field, float width, bool focus_first) {
  const FieldError* error = error_for(*errors, field);
  ImGui::TextUnformatted(label);
  if (focus_first && ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(width);
  if (error) ImGui::PushStyleColor(ImGuiCol_Border, palette().danger);
  const std::string id = std::string("##") + key;
  const bool edited = ImGui::InputText(id.c_str(), value);
  if (error) {
    ImGui::PopStyleColor();
    warning_text((std::string("error:") + key).c_str(), error->message, ImGui::GetCursorPosX() + width);
  }
  if (edited) std::erase_if(*errors, [field](const FieldError& e) { return e.field == field; });
  return edited;
}

namespace {

// A filled button with the theme's ink on colour (white on the light theme's deep colours, near
// black on the dark theme's bright ones): `base` at rest, lighter when hovered, darker when held.
bool filled_button(const char* label, ImVec4 base) {
  auto shade = [&](float f) { return ImVec4(base.x * f, base.y * f, base.z * f, base.w); };
  ImGui::PushStyleColor(ImGuiCol_Button, base);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, shade(1.12f));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, shade(0.85f));
  ImGui::PushStyleColor(ImGuiCol_Text, palette().on_colour);
  ImGui::PushStyleColor(ImGuiCol_Border, base);
  const bool pressed = ImGui::Button(label);
  ImGui::PopStyleColor(5);
  return pressed;
}

}  // namespace

bool primary_button(const char* label) { return filled_button(label, palette().accent); }

bool danger_button(const char* label) { return filled_button(label, palette().danger); }

void muted_text(const char* key, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  automation::note_last_item(key, text);
}

void page_title(const char* text) {
  ImGui::PushFont(current_fonts().title);
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
  automation::note_last_item("page-title", text);
}

bool banner(const char* key, const std::string& text, ImVec4 background, ImVec4 foreground, bool closable) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::GetContentRegionAvail().x;
  const float wrap = width - style.FramePadding.x * 4 - (closable ? ImGui::GetFrameHeight() * 2 : 0);
  const ImVec2 text_size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
  const float height = text_size.y + style.FramePadding.y * 4;
  bool closed = false;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, background);
  ImGui::PushStyleColor(ImGuiCol_Border, background);
  ImGui::BeginChild(key, ImVec2(width, height), true, ImGuiWindowFlags_NoScrollbar);
  ImGui::PushStyleColor(ImGuiCol_Text, foreground);
  ImGui::SetCursorPosY(style.FramePadding.y);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  automation::note_last_item(key, text);
  if (closable) {
    ImGui::SameLine(width - ImGui::GetFrameHeight() * 1.6f);
    ImGui::SetCursorPosY(style.FramePadding.y * 0.5f);
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0, 0, 0, 0));
    closed = ImGui::Button(ICON_TIMES "##dismiss");
    ImGui::PopStyleColor(2);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Dismiss");
  }
  ImGui::PopStyleColor();
  ImGui::EndChild();
  ImGui::PopStyleColor(2);
  return closed;
}

float fitted_table_height(std::size_t rows) {
  const float padding = ImGui::GetStyle().CellPadding.y * 2;
  const float header = ImGui::GetTextLineHeight() + padding;  // a header row holds one line of text
  // The views ask each row for GetFrameHeightWithSpacing(); it grows to its content plus padding.
  const float row = std::max(ImGui::GetFrameHeightWithSpacing(), ImGui::GetFrameHeight() + padding);
  const float wanted = header + row * static_cast<float>(rows) + 2;  // + the outer borders
  return std::min(ImGui::GetContentRegionAvail().y, wanted);
}

void warning_text(const char* key, const std::string& text, float wrap_pos) {
  ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
  ImGui::PushTextWrapPos(wrap_pos);
  ImGui::TextUnformatted((std::string(ICON_WARNING " ") + text).c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  automation::note_last_item(key, text);
}

void keyed_text(const char* key, const std::string& text) {
  ImGui::TextUnformatted(text.c_str());
  automation::note_last_item(key, text);
}

std::string local_time(const std::string& iso_utc) {
  std::tm utc{};
  if (iso_utc.size() < 19 || std::sscanf(iso_utc.c_str(), "%d-%d-%dT%d:%d:%d", &utc.tm_year, &utc.tm_mon, &utc.tm_mday,
                                         &utc.tm_hour, &utc.tm_min, &utc.tm_sec) != 6)
    return iso_utc;
  utc.tm_year -= 1900;
  utc.tm_mon -= 1;
  const std::time_t t = timegm(&utc);
  std::tm local{};
  localtime_r(&t, &local);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%d %H:%M", &local);
  return out;
}

}  // namespace isms::app::ui

namespace isms::app::ui {

std::string file_size(std::uint64_t bytes) {
  char text[32];
  if (bytes < 1024) {
    std::snprintf(text, sizeof text, "%llu bytes", static_cast<unsigned long long>(bytes));
  } else if (bytes < 1024 * 1024) {
    std::snprintf(text, sizeof text, "%.1f KB", static_cast<double>(bytes) / 1024.0);
  } else {
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  }
  return text;
}

}  // namespace isms::app::ui
