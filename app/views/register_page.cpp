// One register, from its definition: a table that sorts (several columns with shift), filters
// and scrolls through any number of rows, and beside it the editor of the chosen record.
#include <imgui.h>
#include <imgui_internal.h>  // ImGuiTable::DisplayOrderToIndex: the columns in the order shown
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "app/automation.hpp"
#include "app/column_priority.hpp"
#include "app/icons.hpp"
#include "app/theme.hpp"
#include "app/part_registers.hpp"
#include "app/register_query.hpp"
#include "app/views/field_editor.hpp"
#include "app/views/record_history_panel.hpp"
#include "app/views/record_parts.hpp"
#include "app/views/table_cell.hpp"
#include "app/views/views.hpp"
#include "app/widgets.hpp"
#include "core/report/table_text.hpp"
#include "core/util/text.hpp"

namespace isms::app::views {
namespace {

constexpr std::size_t shown_columns = 7;  // the rest start hidden: the header's menu shows them

// The title, then every field that fits a cell (no long text, no lists), in definition order.
std::vector<const FieldDef*> columns_of(const EntityDef& def) {
  std::vector<const FieldDef*> columns{def.field(def.title_field)};
  for (const FieldDef& field : def.fields) {
    if (field.key == def.title_field || field.type == FieldType::LongText || field.type == FieldType::LinkList) {
      continue;
    }
    columns.push_back(&field);
  }
  return columns;
}

// Which of them are shown at first: the title and the most telling others.
std::vector<bool> shown_at_first(const std::vector<const FieldDef*>& columns) {
  std::vector<std::size_t> order;
  for (std::size_t i = 1; i < columns.size(); ++i) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return column_priority(*columns[a]) < column_priority(*columns[b]);
  });
  std::vector<bool> shown(columns.size(), false);
  shown[0] = true;
  for (std::size_t i = 0; i < order.size() && i + 1 < shown_columns; ++i) shown[order[i]] = true;
  return shown;
}

void refresh_rows(Session& session, RegisterView& view) {
  if (view.read_at == session.data_revision() && view.read_kind == view.kind && view.read_filter == view.filter &&
      view.read_sort == view.sort && view.read_cell == view.cell && view.read_enum_filters == view.enum_filters) {
    return;
  }
  view.rows = session.current()->records().query(view.kind, table_query(view));
  view.titles.reset();  // titles may have changed with the data
  view.read_at = session.data_revision();
  view.read_kind = view.kind;
  view.read_filter = view.filter;
  view.read_sort = view.sort;
  view.read_cell = view.cell;
  view.read_enum_filters = view.enum_filters;
}

void open_record(UiState& ui, const EntityDef& def, const Record& record) {
  if (ui.draft.dirty) {
    ui.draft.problem = "Save or discard the changes to this record before opening another.";
    return;
  }
  ui.draft = draft_of(def, record);
}

// Keys that move repeat while held; keys that act (Enter, Delete, Escape, Tab) do not.
bool pressed(ImGuiKey key, bool repeat = false) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), repeat); }
bool enter_pressed() { return pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter); }
bool popup_open() { return ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel); }
// A text field holds the keys now (io.WantTextInput tells the last frame's state).
bool text_field_active() {
  return ImGui::GetActiveID() != 0 && ImGui::GetInputTextState(ImGui::GetActiveID()) != nullptr;
}
constexpr int kKeyN = 'N';  // GLFW's key code for N (ImGui 1.86 indexes keys by the backend's codes)

// The keyboard in a table that has the focus (app/table_keys.hpp): the selection moves, Enter
// opens its record, Delete opens it and asks (the "Delete record" modal).
void table_keys(Session& session, UiState& ui, const EntityDef& def) {
  RegisterView& view = ui.table;
  TableCursor& cursor = view.cursor;
  // The editor's record, however it was opened (a click, the search, the dashboard), is selected.
  if (ui.draft.kind == def.kind && !ui.draft.id.empty() && ui.draft.id != cursor.followed) {
    cursor.id = ui.draft.id;
    cursor.index = -1;
    cursor.scroll_pending = true;
  }
  cursor.followed = ui.draft.kind == def.kind ? ui.draft.id : std::string();
  // A selected record that went (deleted, filtered out) hands the selection to the row now there;
  // one never seen in this table (opened elsewhere, hidden by the filter) is not replaced.
  if (const int at = cursor_row(cursor, view.rows);
      at >= 0 && (cursor.index >= 0 || view.rows[static_cast<std::size_t>(at)].id == cursor.id)) {
    cursor.index = at;
    cursor.id = view.rows[static_cast<std::size_t>(at)].id;
  }
  if (text_field_active()) cursor.focused = false;
  if (!cursor.focused || popup_open() || ImGui::GetIO().KeyCtrl || ImGui::GetIO().KeyAlt) return;
  TableKeys keys;
  keys.up = pressed(ImGuiKey_UpArrow, true);
  keys.down = pressed(ImGuiKey_DownArrow, true);
  keys.home = pressed(ImGuiKey_Home);
  keys.end = pressed(ImGuiKey_End);
  keys.page_up = pressed(ImGuiKey_PageUp, true);
  keys.page_down = pressed(ImGuiKey_PageDown, true);
  keys.enter = enter_pressed();
  keys.del = pressed(ImGuiKey_Delete);
  const TableAction action = apply_table_keys(cursor, keys, view.rows);
  if (action == TableAction::None) return;
  const Record& record = view.rows[static_cast<std::size_t>(cursor.index)];
  if (!(ui.draft.kind == def.kind && ui.draft.id == record.id)) open_record(ui, def, record);
  if (action == TableAction::Delete && ui.draft.id == record.id && !session.read_only()) ui.confirm_delete = true;
}

// After the rows are drawn: the selected row scrolled into view (the clipper knows the rows'
// height), the page's size for Page Up/Down, and ImGui's own keyboard navigation paused for the
// next frame while the table takes the arrows (App::frame turns it on again).
void table_scroll(TableCursor& cursor, const std::vector<Record>& rows, const ImGuiListClipper& clipper) {
  if (clipper.ItemsHeight <= 0) return;
  const ImGuiWindow* window = ImGui::GetCurrentWindow();  // the table's scrolling window
  const float header = clipper.StartPosY + window->Scroll.y - window->InnerRect.Min.y;
  const float view = window->InnerRect.GetHeight();
  cursor.page_rows = std::max(static_cast<int>((view - header) / clipper.ItemsHeight), 1);
  if (cursor.scroll_pending) {
    cursor.scroll_pending = false;
    const int row = cursor_row(cursor, rows);
    if (row >= 0) {
      const float to = scroll_to_show(window->Scroll.y, view, header, clipper.ItemsHeight, row);
      if (to != window->Scroll.y) ImGui::SetScrollY(to);
    }
  }
  if (cursor.focused) ImGui::GetIO().ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
}

void table(Session& session, UiState& ui, const EntityDef& def, float width) {
  RegisterView& view = ui.table;
  const std::vector<const FieldDef*> columns = columns_of(def);
  const std::vector<bool> shown = shown_at_first(columns);
  const ImGuiTableFlags flags = ImGuiTableFlags_Resizable | ImGuiTableFlags_Reorderable | ImGuiTableFlags_Hideable |
                                ImGuiTableFlags_Sortable | ImGuiTableFlags_SortMulti | ImGuiTableFlags_SortTristate |
                                ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_ScrollX;
  if (!ImGui::BeginTable(("records-" + def.kind).c_str(), static_cast<int>(columns.size()), flags,
                         ImVec2(width, ImGui::GetContentRegionAvail().y))) {
    return;
  }
  ImGui::TableSetupScrollFreeze(1, 1);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const FieldDef* field = columns[c];
    ImGuiTableColumnFlags column_flags = c == 0 ? ImGuiTableColumnFlags_NoHide : 0;
    if (!shown[c]) column_flags |= ImGuiTableColumnFlags_DefaultHide;
    if (field->type == FieldType::Link) column_flags |= ImGuiTableColumnFlags_NoSort;  // ids do not sort by title
    ImGui::TableSetupColumn(field->label.c_str(), column_flags, c == 0 ? ImGui::GetFontSize() * 14 : 0.0f);
  }
  // The header row by hand (what TableHeadersRow does), so each header is reported to the
  // automation bridge: ImGui 1.86 gives table headers no label in its item hooks.
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (!ImGui::TableSetColumnIndex(static_cast<int>(c))) continue;
    ImGui::TableHeader(columns[c]->label.c_str());
    automation::note_last_item(("header:" + columns[c]->label).c_str(), columns[c]->label);
  }
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs != nullptr && specs->SpecsDirty) {
    view.sort.clear();
    for (int i = 0; i < specs->SpecsCount; ++i) {
      const ImGuiTableColumnSortSpecs& spec = specs->Specs[i];
      view.sort.push_back({columns[static_cast<std::size_t>(spec.ColumnIndex)]->key,
                           spec.SortDirection == ImGuiSortDirection_Descending});
    }
    specs->SpecsDirty = false;
  }
  refresh_rows(session, view);
  table_keys(session, ui, def);
  // A click in the table gives it the keys; a click anywhere else takes them away.
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) view.cursor.focused = ImGui::IsWindowHovered();
  // The visible columns in display order (the person may have hidden and moved some).
  view.shown_keys.clear();
  if (const ImGuiTable* current = ImGui::GetCurrentTable()) {
    for (int order = 0; order < current->ColumnsCount; ++order) {
      const int index = current->DisplayOrderToIndex[order];
      if (ImGui::TableGetColumnFlags(index) & ImGuiTableColumnFlags_IsEnabled) {
        view.shown_keys.push_back(columns[static_cast<std::size_t>(index)]->key);
      }
    }
  }

  Repository& records = session.current()->records();
  const std::string today = session.current()->clock().now_utc().substr(0, 10);
  ImGuiListClipper clipper;  // only the rows on screen are drawn: 10,000 cost what 30 do
  clipper.Begin(static_cast<int>(view.rows.size()));
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const Record& record = view.rows[static_cast<std::size_t>(row)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const std::string title = records.title_of(record);
      const bool selected = view.cursor.id == record.id;
      if (ImGui::Selectable((title + "##row-" + record.id).c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) {
        view.cursor.id = record.id;
        view.cursor.index = row;
        open_record(ui, def, record);
      }
      if (selected) automation::note_last_item("selected-row", title);
      for (std::size_t c = 1; c < columns.size(); ++c) {
        ImGui::TableNextColumn();
        table_cell(def, *columns[c], record, titles_of(records, view), today);
      }
    }
  }
  table_scroll(view.cursor, view.rows, clipper);
  ImGui::EndTable();
  // While the table takes the keys, a thin accent line around it says so (just outside it: the
  // table's own window, drawn over this one, would hide a line on its edge under the header).
  if (view.cursor.focused) {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddRect(ImVec2(min.x - 1, min.y - 1), ImVec2(max.x + 1, max.y + 1),
                                        ImGui::GetColorU32(palette().accent), 0.0f, 0, 1.0f);
  }
}

// The files attached to the record as evidence: opened (downloaded) on demand, since their bytes
// are not loaded with the workspace; removing one asks first.
void evidence(Session& session, UiState& ui, const std::string& record_id) {
  ImGui::Separator();
  ImGui::TextUnformatted("Evidence");
  const std::vector<Record> files = session.attachments_of(record_id);
  if (files.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ui::keyed_text("attachments-none", "No files attached.");
    ImGui::PopStyleColor();
  }
  for (const Record& file : files) {
    ImGui::PushID(file.id.c_str());
    const std::string name = to_display(file.get("name"));
    ImGui::Bullet();
    ui::keyed_text(("attachment:" + name).c_str(), name);
    ImGui::SameLine();
    const Value& size = file.get("size");
    ImGui::TextDisabled("%s", ui::file_size(std::holds_alternative<std::int64_t>(size)
                                                ? static_cast<std::uint64_t>(std::get<std::int64_t>(size))
                                                : 0)
                                  .c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(ICON_DOWNLOAD " Open")) session.open_attachment(file.id);
    ImGui::SameLine();
    if (ImGui::SmallButton(ICON_TIMES " Remove")) {
      ui.remove_attachment = {true, file.id, name};
    }
    ImGui::PopID();
  }
  if (ImGui::Button(ICON_PAPERCLIP "  Attach file")) session.attach_file(record_id);
  ImGui::SameLine();
  ImGui::TextDisabled("Up to 25 MB a file, 250 MB a workspace.");

  if (ui.remove_attachment.requested) {
    ImGui::OpenPopup("Remove attachment");
    ui.remove_attachment.requested = false;
  }
  if (ImGui::BeginPopupModal("Remove attachment", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::Text("Remove \"%s\" from this record?", ui.remove_attachment.name.c_str());
    ImGui::TextDisabled("It stays in the history and can be restored with its file.");
    if (ui::danger_button("Remove")) {
      session.remove_attachment(ui.remove_attachment.id);
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

void editor(Session& session, UiState& ui, const EntityDef& def) {
  RecordDraft& draft = ui.draft;
  Repository& records = session.current()->records();
  const std::string heading =
      draft.is_new() ? "New " + label_in_sentence(def.label)
                     : (records.get(def.kind, draft.id) ? records.title_of(*records.get(def.kind, draft.id)) : "");
  ImGui::PushFont(ImGui::GetFont());
  ui::keyed_text("editor-title", heading + (draft.dirty ? "  (unsaved changes)" : ""));
  ImGui::PopFont();
  if (!draft.problem.empty()) {
    ui::warning_text("editor-problem", draft.problem);
    if (draft.problem.find("still linked from") != std::string::npos && ui::danger_button("Delete and unlink")) {
      if (session.delete_record(draft, OnLinks::Unlink)) draft = RecordDraft{};
      return;
    }
  }
  // Issue 6: another tab holds this workspace; say so where the person looks for Save.
  if (session.read_only()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
    ImGui::PushTextWrapPos(0.0f);
    ui::keyed_text("editor-read-only",
                   "Saving is off here: this workspace is open in another tab or window. Take it "
                   "over (above) to save changes in this tab.");
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
  ImGui::BeginDisabled(session.read_only());
  bool save = ui::primary_button(draft.is_new() ? "Add" : "Save");
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("Ctrl+Enter, or Enter in a one-line field");
  }
  // Ctrl+Enter saves from anywhere on the page (not while a dialog is open).
  save = save || (ImGui::GetIO().KeyCtrl && enter_pressed() && !popup_open());
  ImGui::SameLine();
  if (ImGui::Button(draft.dirty ? "Discard changes" : "Close")) {
    draft = RecordDraft{};
    return;
  }
  if (!draft.is_new()) {
    ImGui::SameLine();
    ImGui::BeginDisabled(session.read_only());
    if (ui::danger_button("Delete")) ui.confirm_delete = true;
    ImGui::EndDisabled();
    // The printable reports about one record.
    if (def.kind == "management_review" || def.kind == "audit") {
      ImGui::SameLine();
      const bool review = def.kind == "management_review";
      if (ImGui::Button(review ? ICON_PRINT "  Minutes" : ICON_PRINT "  Audit report")) {
        session.download_report(review ? Session::Report::ReviewMinutes : Session::Report::AuditReport, draft.id);
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("A printable HTML file: open it and print, or save as PDF.");
    }
  }
  ImGui::Separator();
  // The fields scroll under the buttons, which stay in reach however long the form is.
  ImGui::BeginChild("Fields", ImVec2(0, 0), false);
  // Enter in a one-line field of this form saves it (it also leaves the field, as ImGui does).
  const ImGuiInputTextState* typing =
      ImGui::GetActiveID() != 0 ? ImGui::GetInputTextState(ImGui::GetActiveID()) : nullptr;
  if (typing != nullptr && GImGui->ActiveIdWindow == ImGui::GetCurrentWindow() &&
      !(typing->Flags & ImGuiInputTextFlags_Multiline) && enter_pressed()) {
    save = true;
  }
  if (ui.table.cursor.focus_form) {  // Ctrl+N: the keyboard goes to the first field
    ImGui::SetKeyboardFocusHere();
    ui.table.cursor.focus_form = false;
  }
  const float width = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
  for (const FieldDef& field : def.fields) {
    field_editor(session, ui.table, ui.draft, field, width);
    ImGui::Spacing();
  }
  if (!draft.is_new()) {
    record_parts(session, ui, def, draft.id);  // a KPI's measurements, a review's inputs... (issue 4)
    std::vector<LinkedRecord> referrers = records.linked_from(draft.id);
    // Attachments have their own list below, with their actions, and parts their own sections.
    std::erase_if(referrers, [&](const LinkedRecord& referrer) {
      return referrer.kind == "attachment" || is_part_link(records.registry(), referrer, def.kind);
    });
    if (!referrers.empty()) {
      ImGui::Separator();
      ImGui::TextUnformatted("Linked from");
      for (const LinkedRecord& referrer : referrers) {
        ImGui::BulletText("%s: %s", records.registry().get(referrer.kind).label.c_str(), referrer.title.c_str());
      }
    }
    if (def.kind != "attachment") evidence(session, ui, draft.id);
    record_history_panel(session, ui, def, draft.id);  // who changed what, when (issue 4)
  }
  ImGui::EndChild();
  if (save && !session.read_only()) session.save_record(draft);
}

void delete_confirmation(Session& session, UiState& ui, const EntityDef& def) {
  if (ui.confirm_delete) {
    ImGui::OpenPopup("Delete record");
    ui.confirm_delete = false;
  }
  if (!ImGui::BeginPopupModal("Delete record", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  Repository& records = session.current()->records();
  const auto record = records.get(def.kind, ui.draft.id);
  ImGui::Text("Delete the %s \"%s\"?", label_in_sentence(def.label).c_str(),
              record ? records.title_of(*record).c_str() : "");
  ImGui::TextDisabled("Its history is kept; the records that are part of it are deleted with it.");
  ImGui::Spacing();
  if (ui::danger_button("Delete for now") || enter_pressed()) {  // Enter: the first button
    if (session.delete_record(ui.draft, OnLinks::Refuse)) ui.draft = RecordDraft{};
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || pressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
  ImGui::SameLine();
  ImGui::TextDisabled("Enter deletes, Esc cancels");
  ImGui::EndPopup();
}

// "Filter by" a menu of the register's status-like and other enum columns, each option a checkbox;
// the filters in use follow as chips, each removed with its cross.
void enum_filters(const EntityDef& def, RegisterView& view) {
  ImGui::SameLine();
  const std::size_t in_use = view.enum_filters.size();
  const std::string label = in_use == 0 ? std::string(ICON_LIST "  Filter by")
                                        : std::string(ICON_LIST "  Filter by (") + std::to_string(in_use) + ")";
  if (ImGui::Button((label + "###filter-by").c_str())) ImGui::OpenPopup("filter-by-menu");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show only the rows with the chosen statuses, types, levels...");
  if (ImGui::BeginPopup("filter-by-menu")) {
    for (const FieldDef& field : def.fields) {
      if (field.type != FieldType::Enum || field.options.empty()) continue;
      if (ImGui::BeginMenu(field.label.c_str())) {
        for (const EnumOption& option : field.options) {
          bool chosen =
              view.enum_filters.count(field.key) != 0 && view.enum_filters[field.key].count(option.value) != 0;
          if (ImGui::MenuItem((option.label + "##" + field.key).c_str(), nullptr, chosen)) {
            toggle_enum_filter(view, field.key, option.value);
          }
        }
        ImGui::EndMenu();
      }
    }
    if (in_use > 0) {
      ImGui::Separator();
      if (ImGui::MenuItem("Clear all filters")) view.enum_filters.clear();
    }
    ImGui::EndPopup();
  }
  // Copied: a chip's cross changes the map being walked.
  const std::map<std::string, std::set<std::string>> shown = view.enum_filters;
  for (const auto& [key, options] : shown) {
    const FieldDef* field = def.field(key);
    if (field == nullptr) continue;
    std::string text = field->label + ":";
    for (const std::string& option : options) text += (text.back() == ':' ? " " : ", ") + field->option_label(option);
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, palette().accent_soft);
    if (ImGui::SmallButton((text + "  " ICON_TIMES "##filter-chip-" + key).c_str())) view.enum_filters.erase(key);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this filter");
  }
}

}  // namespace

void register_page(Session& session, UiState& ui) {
  Workspace* ws = session.current();
  if (ws == nullptr) {
    ui.page = Page::Workspaces;
    return;
  }
  const EntityDef& def = ws->registry().get(ui.table.kind);
  ui::page_title(def.plural.c_str());
  // Counted once per change of the data with the navigation's counts, not every frame.
  const std::size_t records = ui.register_counts.of(session, def.kind).records;
  ui::keyed_text(("count:" + def.kind).c_str(), std::to_string(records) + (records == 1 ? " record" : " records"));
  ImGui::SameLine();
  const ImGuiIO& io = ImGui::GetIO();
  const bool ctrl_n = io.KeyCtrl && !io.KeyAlt && ImGui::IsKeyPressed(kKeyN, false) && !popup_open();
  if (ui::primary_button((std::string(ICON_PLUS "  New ") + label_in_sentence(def.label)).c_str()) || ctrl_n) {
    if (ui.draft.dirty) {
      ui.draft.problem = "Save or discard the changes to this record before starting another.";
    } else {
      ui.draft = draft_for_new(def);
      ui.table.cursor.focus_form = true;
    }
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Ctrl+N");
  // Escape (outside a text field) gives the table the keys, closing an editor with nothing unsaved.
  if (pressed(ImGuiKey_Escape) && !text_field_active() && !popup_open()) {
    if (!ui.draft.dirty) ui.draft = RecordDraft{};
    ui.table.cursor.focused = true;
  }
  // Tab in the filter box moves on to the table.
  const bool filter_tab =
      text_field_active() && ImGui::GetActiveID() == ImGui::GetID("##Filter") && pressed(ImGuiKey_Tab) && !io.KeyShift;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
  ImGui::InputTextWithHint("##Filter", ICON_SEARCH "  Filter", &ui.table.filter);
  if (filter_tab) {
    ImGui::ClearActiveID();
    ImGui::NavMoveRequestCancel();  // ImGui's own tabbing would give the field the keys back
    ui.table.cursor.focused = true;
  }
  ImGui::SameLine();
  enum_filters(def, ui.table);
  ImGui::SameLine();
  if (ImGui::Button(ICON_DOWNLOAD "  Export CSV")) {
    session.export_table_csv(def.kind, ui.table.shown_keys, table_query(ui.table));
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("The rows and columns shown, as a spreadsheet file (UTF-8 CSV).");
  if (def.kind == "risk") risk_matrix_section(session, ui);  // the heat map and its cell filter (issue 4)
  ImGui::Spacing();

  const bool editing = ui.draft.kind == def.kind;
  const float full = ImGui::GetContentRegionAvail().x;
  const float table_width = editing ? full * 0.55f : full;
  table(session, ui, def, table_width);
  if (editing) {
    ImGui::SameLine();
    ImGui::BeginChild("Editor", ImVec2(0, 0), true);
    editor(session, ui, def);
    ImGui::EndChild();
  }
  delete_confirmation(session, ui, def);
}

}  // namespace isms::app::views
