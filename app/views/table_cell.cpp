#include "app/views/table_cell.hpp"

#include <imgui.h>

#include "app/automation.hpp"
#include "app/icons.hpp"
#include "app/status_tone.hpp"
#include "app/theme.hpp"
#include "app/views/charts.hpp"

namespace isms::app::views {

void table_cell(const EntityDef& def, const FieldDef& field, const Record& record, report::TitleCache& titles,
                const std::string& today) {
  const Value& value = record.get(field.key);
  const std::string text = report::cell_text(field, value, titles);
  if (field.type == FieldType::Enum && !text.empty()) {
    const Tone tone = tone_of(field, to_display(value));
    if (tone != Tone::Plain) {
      chip(text, tone_tint(tone));
      return;
    }
  }
  if (is_overdue(def, field, record, today)) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
    ImGui::TextUnformatted((std::string(ICON_WARNING " ") + text).c_str());
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Overdue: %s has passed.", field.label.c_str());
    automation::note_last_item(("overdue:" + record.id + ":" + field.key).c_str(), text);
    return;
  }
  ImGui::TextUnformatted(text.c_str());
}

}  // namespace isms::app::views
