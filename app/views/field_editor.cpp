// One field of a record's form, the right widget for its type, with core's validation message
// under it: the register editor (register_page.cpp) and a part's form (record_parts.cpp) draw
// their fields with it, so both look and behave alike.
#include "app/views/field_editor.hpp"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <string>
#include <vector>

#include "app/automation.hpp"
#include "app/icons.hpp"
#include "app/theme.hpp"
#include "app/views/date_picker.hpp"
#include "app/views/field_widgets.hpp"
#include "app/widgets.hpp"
#include "core/model/links.hpp"
#include "core/risk/risk_register.hpp"

namespace isms::app::views {

report::TitleCache& titles_of(Repository& records, RegisterView& view) {
  if (!view.titles || &view.titles->records() != &records) view.titles = std::make_shared<report::TitleCache>(records);
  return *view.titles;
}

namespace {

const std::string& title_of_id(Repository& records, RegisterView& view, const std::string& id) {
  return titles_of(records, view).title(any_kind, id);
}

// A combo of the live records of `kind`, with a search box; returns the id chosen, or "".
std::string record_picker(Session& session, const char* id, const std::string& kind, const std::string& shown) {
  std::string chosen;
  ImGui::SetNextItemWidth(-1);
  if (!ImGui::BeginCombo(id, shown.c_str())) {
    // Combos have no label hook in ImGui 1.86: reported as "picker:<id>" ("picker:add-Controls").
    automation::note_last_item(("picker:" + std::string(id).substr(2)).c_str(), shown);
    return chosen;
  }
  static std::string search;
  if (ImGui::IsWindowAppearing()) {
    search.clear();
    ImGui::SetKeyboardFocusHere();
  }
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##search", "Search", &search);
  Repository& records = session.current()->records();
  const std::vector<Record> found = records.query(kind, RecordQuery().containing(search).page(200));
  for (const Record& record : found) {
    if (ImGui::Selectable((records.title_of(record) + "##pick-" + record.id).c_str())) chosen = record.id;
  }
  if (found.size() == 200) ImGui::TextDisabled("Type to narrow the list");
  ImGui::EndCombo();
  return chosen;
}

// The workspace's risk method, whose scales a risk's likelihood and impact sliders show: read once
// per change of the data (which also moves when another workspace opens), not every frame; null
// when it cannot be used: the fields are then plain numbers, and core says why on save.
const RiskMethod* risk_method_of(Session& session, RegisterView& view) {
  if (view.risk_method_at != session.data_revision()) {
    view.risk_method_at = session.data_revision();
    try {
      view.risk_method = workspace_risk_method(session.current()->records());
    } catch (const std::exception&) {
      view.risk_method.reset();  // a slider is a help, never a reason to stop the form
    }
  }
  return view.risk_method ? &*view.risk_method : nullptr;
}

}  // namespace

void field_editor(Session& session, RegisterView& titles, RecordDraft& draft, const FieldDef& field, float width) {
  std::string& text = draft.text[field.key];
  const char* label = field.label.c_str();
  Repository& records = session.current()->records();
  bool edited = false;
  if (field.computed) {
    ImGui::TextUnformatted(label);
    // Shown once, muted; the bridge reports the stored value (the option's value, not its label).
    ImGui::TextDisabled("%s", text.empty() ? "(computed on save)"
                                           : (field.type == FieldType::Enum ? field.option_label(text) : text).c_str());
    automation::note_last_item(("value:" + field.label).c_str(), text);
    return;
  }
  const EntityDef& def = records.registry().get(draft.kind);
  const std::optional<RatingScale> scale =
      rating_scale(def, field, def.kind == "risk" ? risk_method_of(session, titles) : nullptr);
  switch (field.type) {
    case FieldType::Enum: {
      ImGui::TextUnformatted(label);
      if (edited_by_transitions(def, field, draft.is_new(), draft.stored_status)) {
        edited = transition_buttons(def, draft, field, width);
        break;
      }
      ImGui::SetNextItemWidth(width);
      const std::string shown = text.empty() ? "(none)" : field.option_label(text);
      const bool open = ImGui::BeginCombo(("##" + field.label).c_str(), shown.c_str());
      if (!open) automation::note_last_item(("combo:" + field.label).c_str(), shown);  // combos have no label hook
      if (open) {
        if (!field.required && ImGui::Selectable("(none)", text.empty())) {
          text.clear();
          edited = true;
        }
        for (const EnumOption& option : field.options) {
          if (ImGui::Selectable(option.label.c_str(), option.value == text)) {
            text = option.value;
            edited = true;
          }
        }
        ImGui::EndCombo();
      }
      break;
    }
    case FieldType::Link: {
      ImGui::TextUnformatted(label);
      ImGui::PushItemWidth(width);
      const std::string shown = text.empty() ? "(none)" : title_of_id(records, titles, text);
      const std::string chosen = record_picker(session, ("##" + field.label).c_str(),
                                               field.link_kind == any_kind ? draft.kind : field.link_kind, shown);
      ImGui::PopItemWidth();
      if (!chosen.empty()) {
        text = chosen;
        edited = true;
      }
      if (!text.empty() && !field.required) {
        ImGui::SameLine();
        if (ImGui::SmallButton(("Clear##" + field.key).c_str())) {
          text.clear();
          edited = true;
        }
      }
      break;
    }
    case FieldType::LinkList: {
      ImGui::TextUnformatted(label);
      std::vector<std::string> ids = linked_ids(field, text.empty() ? Value{} : Value(text));
      for (std::size_t i = 0; i < ids.size(); ++i) {
        ImGui::BulletText("%s", title_of_id(records, titles, ids[i]).c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(("Remove##" + field.key + ids[i]).c_str())) {
          ids.erase(ids.begin() + static_cast<std::ptrdiff_t>(i));
          text = to_display(link_list(ids));
          edited = true;
          break;
        }
      }
      ImGui::PushItemWidth(width);
      const std::string chosen = record_picker(session, ("##add-" + field.label).c_str(), field.link_kind, "Add…");
      ImGui::PopItemWidth();
      if (!chosen.empty()) {
        ids.push_back(chosen);
        text = to_display(link_list(ids));
        edited = true;
      }
      break;
    }
    case FieldType::LongText: {
      ImGui::TextUnformatted(label);
      edited =
          ImGui::InputTextMultiline(("##" + field.label).c_str(), &text, ImVec2(width, ImGui::GetTextLineHeight() * 4));
      break;
    }
    case FieldType::Date: {
      // Typed as YYYY-MM-DD, or picked from the calendar under the button beside it.
      ImGui::TextUnformatted(label);
      const float button = ImGui::GetFrameHeight();
      const float gap = ImGui::GetStyle().ItemInnerSpacing.x;
      const bool refused = ui::error_for(draft.errors, field.key.c_str()) != nullptr;
      if (refused) ImGui::PushStyleColor(ImGuiCol_Border, palette().danger);
      ImGui::SetNextItemWidth(width - button - gap);
      edited = ImGui::InputTextWithHint(("##" + field.label).c_str(), "YYYY-MM-DD", &text);
      if (refused) ImGui::PopStyleColor();
      ImGui::SameLine(0, gap);
      const std::string popup = "calendar-" + field.key;
      if (ImGui::Button((ICON_CALENDAR "##calendar:" + field.label).c_str(), ImVec2(button, button))) {
        ImGui::OpenPopup(popup.c_str());
      }
      automation::note_last_item(("calendar:" + field.label).c_str(), "Pick a date");
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Pick a date");
      const std::string today = session.current()->clock().now_utc().substr(0, 10);
      if (date_picker_popup(popup.c_str(), text, today)) edited = true;
      break;
    }
    case FieldType::Integer:
    case FieldType::Number:
    case FieldType::Rating: {
      ImGui::TextUnformatted(label);
      edited = scale ? rating_slider(draft, field, *scale, width) : number_stepper(draft, field, width);
      break;
    }
    default:
      edited = ui::text_field(label, label, &text, &draft.errors, field.key.c_str(), width);
      if (edited) draft.dirty = true;
      return;  // text_field shows its own message
  }
  if (edited) {
    draft.dirty = true;
    std::erase_if(draft.errors, [&](const FieldError& e) { return e.field == field.key; });
  }
  if (const FieldError* error = ui::error_for(draft.errors, field.key.c_str())) {
    ui::warning_text(("error:" + field.label).c_str(), error->message, ImGui::GetCursorPosX() + width);
  }
}

}  // namespace isms::app::views
