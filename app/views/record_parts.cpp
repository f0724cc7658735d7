#include "app/views/record_parts.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app/automation.hpp"
#include "app/icons.hpp"
#include "app/kpi_series.hpp"
#include "app/part_registers.hpp"
#include "app/theme.hpp"
#include "app/views/field_editor.hpp"
#include "app/views/kpi_chart.hpp"
#include "app/widgets.hpp"
#include "core/report/table_text.hpp"
#include "core/util/text.hpp"

namespace isms::app::views {
namespace {

// The popups' ids ("###": not their titles). One per part register and purpose, since ImGui
// keeps the name a window was made with: a form reports its own title to the automation bridge.
std::string form_popup(const RecordDraft& draft) {
  return std::string(draft.is_new() ? "###part-new-" : "###part-edit-") + draft.kind;
}
std::string delete_popup(const RecordDraft& draft) { return "###part-delete-" + draft.kind; }

// The parts of every part register, read again only when the parent or the data changes.
void refresh(Session& session, PartsView& view, const EntityDef& parent, const std::string& parent_id) {
  const std::string workspace_id = session.current()->id();
  if (view.workspace_id == workspace_id && view.parent_id == parent_id && view.read_at == session.data_revision()) {
    return;
  }
  const Repository& records = session.current()->records();
  view.sections.clear();
  for (const PartRegister& part : part_registers(records.registry(), parent.kind)) {
    view.sections.emplace_back(part, parts_of(records, part, parent_id));
  }
  view.workspace_id = workspace_id;
  view.parent_id = parent_id;
  view.read_at = session.data_revision();
}

// A part's title as its cell shows it (an attendance's title is a link to the person).
std::string title_of_part(Repository& records, UiState& ui, const EntityDef& def, const Record& record) {
  std::string title =
      report::cell_text(*def.field(def.title_field), record.get(def.title_field), titles_of(records, ui.table));
  return title.empty() ? record.id : title;
}

void parts_table(Session& session, UiState& ui, const PartRegister& part, const std::vector<Record>& rows) {
  Repository& records = session.current()->records();
  const std::vector<const FieldDef*> columns = part_columns(part);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float row_height = ImGui::GetTextLineHeight() + style.CellPadding.y * 2;
  // Up to ten rows at once; more scroll under the header. Only then is the table a scrolling
  // region of its own: one that cannot scroll would stop the mouse wheel scrolling the editor.
  constexpr std::size_t kRowsShown = 10;
  const bool scrolls = rows.size() > kRowsShown;
  const float height = scrolls ? row_height * static_cast<float>(kRowsShown + 1) + 4 : 0.0f;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuterH |
                                ImGuiTableFlags_SizingStretchProp | (scrolls ? ImGuiTableFlags_ScrollY : 0);
  if (!ImGui::BeginTable(("parts-" + part.def->kind).c_str(), static_cast<int>(columns.size()) + 1, flags,
                         ImVec2(ImGui::GetContentRegionAvail().x - style.ScrollbarSize, height))) {
    return;
  }
  ImGui::TableSetupScrollFreeze(0, 1);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    ImGui::TableSetupColumn(columns[c]->label.c_str(), 0, c == 0 ? 2.0f : 1.0f);
  }
  ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed,
                          ImGui::CalcTextSize(ICON_TRASH).x + ImGui::GetStyle().FramePadding.x * 2 + 2);
  ImGui::TableHeadersRow();
  for (const Record& record : rows) {
    ImGui::PushID(record.id.c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const std::string title = title_of_part(records, ui, *part.def, record);
    if (ImGui::Selectable((title + "##part").c_str(), ui.parts.form.id == record.id,
                          ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap)) {
      ui.parts.form = draft_of(*part.def, record);
      ui.parts.form_requested = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open to edit");
    for (std::size_t c = 1; c < columns.size(); ++c) {
      ImGui::TableNextColumn();
      // Reported under the row's title and the column, so a test can read what a row says.
      ui::keyed_text(("part-cell:" + title + ":" + columns[c]->label).c_str(),
                     report::cell_text(*columns[c], record.get(columns[c]->key), titles_of(records, ui.table)));
    }
    ImGui::TableNextColumn();
    ImGui::BeginDisabled(session.read_only());
    // A quiet icon that turns red under the mouse, as the row's one destructive action.
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, palette().danger_soft);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, palette().danger_soft);
    ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
    if (ImGui::SmallButton(ICON_TRASH "##delete")) {
      ui.parts.deleting = draft_of(*part.def, record);
      ui.parts.delete_requested = true;
    }
    ImGui::PopStyleColor(5);
    automation::note_last_item(("delete-part:" + title).c_str(), "Delete " + title);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Delete");
    ImGui::EndDisabled();
    ImGui::PopID();
  }
  ImGui::EndTable();
}

// The link to the parent: shown, never edited here (the part belongs where it was opened). A
// rule that names it (a session not yet held has no attendance) shows its message under it.
void parent_line(Session& session, UiState& ui, const PartRegister& part, const RecordDraft& draft) {
  Repository& records = session.current()->records();
  const std::string& parent_id = draft.text.at(part.parent->key);
  ImGui::TextDisabled("%s", part.parent->label.c_str());
  ImGui::SameLine();
  ui::keyed_text("part-parent", titles_of(records, ui.table).title(any_kind, parent_id));
  if (const FieldError* error = ui::error_for(draft.errors, part.parent->key.c_str())) {
    ui::warning_text(("error:" + part.parent->label).c_str(), error->message);
  }
}

// About as tall as the form's fields need, within the screen: the fields scroll beyond that.
float form_height(const EntityDef& def) {
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float field = line + ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
  float height = ImGui::GetFrameHeight() * 2 + line + ImGui::GetStyle().WindowPadding.y * 2;  // title, parent, buttons
  for (const FieldDef& f : def.fields) {
    height += field;
    if (f.type == FieldType::LongText) height += ImGui::GetTextLineHeight() * 4 - ImGui::GetFrameHeight();
    if (f.type == FieldType::LinkList) height += line * 2;
  }
  return std::min(height, ImGui::GetIO().DisplaySize.y * 0.85f);
}

const PartRegister* part_of_kind(const UiState& ui, const std::string& kind) {
  for (const auto& [part, rows] : ui.parts.sections) {
    if (part.def->kind == kind) return &part;
  }
  return nullptr;
}

void part_form(Session& session, UiState& ui) {
  RecordDraft& draft = ui.parts.form;
  if (ui.parts.form_requested) {
    ImGui::OpenPopup(form_popup(draft).c_str());
    ui.parts.form_requested = false;
  } else if (!draft.kind.empty() && !ImGui::IsPopupOpen(form_popup(draft).c_str())) {
    draft = RecordDraft{};  // closed some other way: nothing of it stays behind
  }
  const PartRegister* part = draft.kind.empty() ? nullptr : part_of_kind(ui, draft.kind);
  if (part == nullptr) return;
  const EntityDef& def = *part->def;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(ImGui::GetFontSize() * 34, display.x * 0.9f), form_height(def)),
                           ImGuiCond_Appearing);
  const std::string title = (draft.is_new() ? "New " : "Edit ") + label_in_sentence(def.label) + form_popup(draft);
  if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
  parent_line(session, ui, *part, draft);
  if (!draft.problem.empty()) {
    ui::warning_text("part-problem", draft.problem);
  }
  ImGui::Separator();
  const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y * 2;
  ImGui::BeginChild("part-fields", ImVec2(0, -footer), false);
  const float width = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
  for (const FieldDef& field : def.fields) {
    if (&field == part->parent) continue;
    field_editor(session, ui.table, draft, field, width);
    ImGui::Spacing();
  }
  ImGui::EndChild();
  ImGui::Separator();
  ImGui::BeginDisabled(session.read_only());
  const bool save = ui::primary_button(draft.is_new() ? "Add##part" : "Save##part");
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Cancel##part")) {
    draft = RecordDraft{};
    ImGui::CloseCurrentPopup();
  } else if (save && session.save_record(draft)) {
    draft = RecordDraft{};
    ImGui::CloseCurrentPopup();
  }
  if (session.read_only()) {
    ImGui::SameLine();
    ImGui::TextDisabled("Read-only in this tab");
  }
  ImGui::EndPopup();
}

void delete_question(Session& session, UiState& ui) {
  RecordDraft& draft = ui.parts.deleting;
  if (ui.parts.delete_requested) {
    ImGui::OpenPopup(delete_popup(draft).c_str());
    ui.parts.delete_requested = false;
  }
  const PartRegister* part = draft.kind.empty() ? nullptr : part_of_kind(ui, draft.kind);
  if (part == nullptr) return;
  const std::string label = label_in_sentence(part->def->label);
  const std::string title = "Delete " + label + delete_popup(draft);
  if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  Repository& records = session.current()->records();
  const auto record = records.get(draft.kind, draft.id);
  const std::string name = record ? title_of_part(records, ui, *part->def, *record) : draft.id;
  ui::keyed_text("part-delete-question", "Delete the " + label + " \"" + name + "\"?");
  ImGui::TextDisabled("Its history is kept, and it can be restored.");
  if (!draft.problem.empty()) {
    ui::warning_text("part-delete-problem", draft.problem, ImGui::GetFontSize() * 30);
  }
  ImGui::BeginDisabled(session.read_only());
  if (ui::danger_button("Delete##part") && session.delete_record(draft, OnLinks::Refuse)) {
    draft = RecordDraft{};
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Cancel##part-delete")) {
    draft = RecordDraft{};
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace

void record_parts(Session& session, UiState& ui, const EntityDef& parent, const std::string& parent_id) {
  refresh(session, ui.parts, parent, parent_id);
  Repository& records = session.current()->records();
  for (const auto& [part, rows] : ui.parts.sections) {
    ImGui::PushID(part.def->kind.c_str());
    ImGui::Separator();
    ui::keyed_text(("parts:" + part.def->kind).c_str(), part.def->plural + " (" + std::to_string(rows.size()) + ")");
    ImGui::SameLine();
    ImGui::BeginDisabled(session.read_only());
    if (ImGui::SmallButton((std::string(ICON_PLUS "  Add ") + label_in_sentence(part.def->label)).c_str())) {
      ui.parts.form = draft_for_new_part(part, parent_id);
      ui.parts.form_requested = true;
    }
    ImGui::EndDisabled();
    // A KPI's measurements: their chart above their list.
    if (parent.kind == "kpi" && part.def->kind == "measurement" && !rows.empty()) {
      if (const auto kpi = records.get(parent.kind, parent_id)) {
        kpi_chart(kpi_series(*kpi, rows), ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize);
      }
    }
    if (rows.empty()) {
      ui::muted_text(("parts-none:" + part.def->kind).c_str(), "None yet.");
    } else {
      parts_table(session, ui, part, rows);
    }
    ImGui::Spacing();
    ImGui::PopID();
  }
  part_form(session, ui);
  delete_question(session, ui);
}

}  // namespace isms::app::views
