#include "app/views/field_widgets.hpp"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <string>

#include "app/automation.hpp"
#include "app/icons.hpp"
#include "app/status_tone.hpp"
#include "app/theme.hpp"
#include "app/views/charts.hpp"
#include "app/widgets.hpp"

namespace isms::app::views {
namespace {

// ImGui reads a slider's text as a printf format: a '%' in a level's name must be doubled.
std::string as_format(const std::string& text) {
  std::string format;
  for (const char c : text) format += c == '%' ? std::string("%%") : std::string(1, c);
  return format;
}

bool refused(const RecordDraft& draft, const FieldDef& field) {
  return ui::error_for(draft.errors, field.key.c_str()) != nullptr;
}

// A square button beside a field, its ImGui label keyed, reported under the same key.
bool side_button(const char* icon, const std::string& key, bool enabled, const char* tip) {
  const float size = ImGui::GetFrameHeight();
  ImGui::BeginDisabled(!enabled);
  const bool pressed = ImGui::Button((std::string(icon) + "##" + key).c_str(), ImVec2(size, size));
  ImGui::EndDisabled();
  automation::note_last_item(key.c_str(), icon);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tip);
  return pressed;
}

}  // namespace

bool rating_slider(RecordDraft& draft, const FieldDef& field, const RatingScale& scale, float width) {
  std::string& text = draft.text[field.key];
  const std::optional<int> level = level_on_scale(scale, text);
  // What the slider says: the level and its meaning; nothing yet; or stored text that is not on
  // the scale (an old value, a method changed since), left as it is until the person moves it.
  const std::string shown = level            ? scale.describe(*level)
                            : text.empty()   ? std::string("Not rated")
                                             : text + "  (not on the scale " + std::to_string(scale.low) + " to " +
                                                 std::to_string(scale.high) + ")";
  const bool clearable = !field.required && !text.empty();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float clear_width = clearable ? ImGui::CalcTextSize("Clear").x + style.FramePadding.x * 2 + style.ItemSpacing.x : 0;
  // An empty field holds a number below the scale, so that any step chosen (a press on the first
  // step, or "1" typed after Tab or Ctrl+click) is a change, and Tab alone is none.
  int value = text.empty() ? scale.low - 1 : slider_value(scale, text);
  // ImGui prints the slider's text from a format: "%d" there is also what Ctrl+click offers to
  // edit, so the number stays a "%d" wherever the text starts with it.
  const std::string number = std::to_string(value);
  const std::string format = shown.rfind(number, 0) == 0 ? "%d" + as_format(shown.substr(number.size())) : as_format(shown);
  const bool marked = refused(draft, field);
  if (marked) ImGui::PushStyleColor(ImGuiCol_Border, palette().danger);
  // No level yet (or one off the scale): no grab, which would read as the first step.
  const bool no_grab = !level;
  if (no_grab) ImGui::PushStyleColor(ImGuiCol_SliderGrab, ImVec4(0, 0, 0, 0));
  ImGui::SetNextItemWidth(width - clear_width);
  bool edited = ImGui::SliderInt(("##" + field.label).c_str(), &value, scale.low, scale.high, format.c_str());
  if (no_grab) ImGui::PopStyleColor();
  if (marked) ImGui::PopStyleColor();
  automation::note_last_item(("rating:" + field.label).c_str(), shown);
  if (ImGui::IsItemHovered() && !ImGui::IsItemActive()) {
    ImGui::SetTooltip("Drag or click a step; Ctrl+click, or Tab to it, to type a number");
  }
  if (edited) text = std::to_string(value);
  if (clearable) {
    ImGui::SameLine();
    if (ImGui::Button(("Clear##rating-clear:" + field.label).c_str())) {
      text.clear();
      edited = true;
    }
    automation::note_last_item(("rating-clear:" + field.label).c_str(), "Clear");
  }
  return edited;
}

bool number_stepper(RecordDraft& draft, const FieldDef& field, float width) {
  std::string& text = draft.text[field.key];
  const float button = ImGui::GetFrameHeight();
  const float gap = ImGui::GetStyle().ItemInnerSpacing.x;
  const bool marked = refused(draft, field);
  if (marked) ImGui::PushStyleColor(ImGuiCol_Border, palette().danger);
  ImGui::SetNextItemWidth(width - 2 * (button + gap));
  // The same text field as any other ("##<label>"), so typing a number works as before; what is
  // typed is kept as typed, and core's message beside it says when it is out of bounds.
  bool edited = ImGui::InputText(("##" + field.label).c_str(), &text);
  if (marked) ImGui::PopStyleColor();
  automation::note_last_item(("value:" + field.label).c_str(), text);
  const std::optional<std::string> down = stepped(field, text, false);
  const std::optional<std::string> up = stepped(field, text, true);
  ImGui::SameLine(0, gap);
  if (side_button(ICON_MINUS, "stepper-minus:" + field.label, down.has_value(), "One less") && down) {
    text = *down;
    edited = true;
  }
  ImGui::SameLine(0, gap);
  if (side_button(ICON_PLUS, "stepper-plus:" + field.label, up.has_value(), "One more") && up) {
    text = *up;
    edited = true;
  }
  return edited;
}

bool transition_buttons(const EntityDef& def, RecordDraft& draft, const FieldDef& field, float width) {
  std::string& text = draft.text[field.key];
  const std::string& stored = draft.stored_status;
  const float right = ImGui::GetCursorScreenPos().x + width;  // the buttons wrap before the form's edge
  // Where the record is now (as stored), as the chip the table shows for it.
  const std::string stored_label = field.option_label(stored);
  const Tone tone = tone_of(field, stored);
  // The chip takes a line of text; lowered by the frame's padding it sits level with the buttons.
  const float line_top = ImGui::GetCursorPosY();
  ImGui::SetCursorPosY(line_top + ImGui::GetStyle().FramePadding.y);
  chip(stored_label, tone == Tone::Plain ? muted_tint() : tone_tint(tone));
  automation::note_last_item(("status:" + field.label).c_str(), stored_label);
  const std::vector<std::string> next = allowed_next_states(def, stored);
  bool edited = false;
  ImGui::SameLine();
  ImGui::SetCursorPosY(line_top);
  ImGui::AlignTextToFramePadding();
  if (next.empty()) {
    ImGui::TextDisabled("No further step from %s.", stored_label.c_str());
  } else {
    ImGui::TextDisabled("Move to:");
  }
  for (const std::string& target : next) {
    const std::string label = field.option_label(target);
    const bool chosen = text == target;
    // Wrap to the next line when the button would pass the form's edge.
    const float button_width = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + button_width > right) ImGui::NewLine();
    const std::string id = label + "##transition:" + target;
    // The step chosen and not saved yet is filled; a second press takes it back.
    const bool pressed = chosen ? ui::primary_button(id.c_str()) : ImGui::Button(id.c_str());
    automation::note_last_item(("transition:" + target).c_str(), label);
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip(chosen ? "Chosen; press again to stay %s" : "Set the status to %s; Save writes it",
                        chosen ? stored_label.c_str() : label.c_str());
    }
    if (pressed) {
      text = chosen ? stored : target;
      edited = true;
    }
  }
  if (text != stored) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
    ui::keyed_text(("pending:" + field.label).c_str(),
                   "Becomes " + (text.empty() ? std::string("empty") : field.option_label(text)) + " when saved.");
    ImGui::PopStyleColor();
  }
  return edited;
}

}  // namespace isms::app::views
