#include "app/views/date_picker.hpp"

#include <imgui.h>

#include "app/automation.hpp"
#include "app/calendar_month.hpp"
#include "app/icons.hpp"
#include "app/theme.hpp"
#include "core/util/date.hpp"

namespace isms::app::views {

bool date_picker_popup(const char* popup_id, std::string& text, const std::string& today) {
  if (!ImGui::BeginPopup(popup_id)) return false;
  // The month shown lives in the popup's own storage, so each field remembers where it was.
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID key = ImGui::GetID("month-shown");
  if (ImGui::IsWindowAppearing()) {
    const std::optional<CivilDate> start = parse_date(text) ? parse_date(text) : parse_date(today);
    storage->SetInt(key, start ? start->year * 12 + (start->month - 1) : 2026 * 12);
  }
  const int packed = storage->GetInt(key, 2026 * 12);
  CalendarMonth month = calendar_month(packed / 12, packed % 12 + 1);
  bool changed = false;

  const float cell = ImGui::GetFrameHeight();
  const float grid_width = (cell + ImGui::GetStyle().CellPadding.x * 2) * 7;
  const float left = ImGui::GetCursorPosX();
  if (ImGui::ArrowButton("##previous-month", ImGuiDir_Left)) month = step_month(month, -1);
  automation::note_last_item("calendar-previous", "Previous month");  // arrows have no label for the bridge
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous month");
  ImGui::SameLine();
  // The title centred between the arrows, over the grid's width.
  const float title_width = ImGui::CalcTextSize(month.title.c_str()).x;
  ImGui::SetCursorPosX(left + (grid_width - title_width) * 0.5f);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(month.title.c_str());
  automation::note_last_item("calendar-month", month.title);
  ImGui::SameLine(left + grid_width - ImGui::GetFrameHeight());
  if (ImGui::ArrowButton("##next-month", ImGuiDir_Right)) month = step_month(month, 1);
  automation::note_last_item("calendar-next", "Next month");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next month");
  storage->SetInt(key, month.year * 12 + (month.month - 1));

  static constexpr const char* weekdays[] = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
  const std::optional<CivilDate> chosen = parse_date(text);
  const std::optional<CivilDate> now = parse_date(today);
  if (ImGui::BeginTable("days", 7, ImGuiTableFlags_SizingFixedSame)) {
    for (const char* weekday : weekdays) ImGui::TableSetupColumn(weekday, ImGuiTableColumnFlags_WidthFixed, cell);
    for (const char* weekday : weekdays) {
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", weekday);
    }
    for (int blank = 0; blank < month.leading_blanks; ++blank) ImGui::TableNextColumn();
    for (int day = 1; day <= month.days; ++day) {
      ImGui::TableNextColumn();
      const CivilDate date{month.year, month.month, day};
      const bool is_today = now && *now == date;
      if (is_today) ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
      ImGui::PushID(day);
      if (ImGui::Selectable(std::to_string(day).c_str(), chosen && *chosen == date, 0, ImVec2(cell, 0))) {
        text = format_date(date);
        changed = true;
        ImGui::CloseCurrentPopup();
      }
      ImGui::PopID();
      if (is_today) ImGui::PopStyleColor();
    }
    ImGui::EndTable();
  }
  ImGui::Separator();
  if (ImGui::SmallButton("Today") && now) {
    text = today;
    changed = true;
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("Clear")) {
    changed = !text.empty();
    text.clear();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  return changed;
}

}  // namespace isms::app::views
