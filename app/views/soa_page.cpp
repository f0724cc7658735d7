// The Statement of Applicability (issue 4, item 5): every control in one table, grouped by theme,
// with its applicability, justification and implementation status edited in place. Each choice
// is saved at once, and typed text when the field is left, through the control register's rules:
// a refusal shows the rule's message in the row and keeps what was chosen and typed.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <cfloat>
#include <string>

#include "app/automation.hpp"
#include "app/icons.hpp"
#include "app/record_navigation.hpp"
#include "app/theme.hpp"
#include "app/views/views.hpp"
#include "app/widgets.hpp"
#include "core/util/text.hpp"

namespace isms::app::views {
namespace {

bool matches(const SoaRow& row, const std::string& filter) {
  if (filter.empty()) return true;
  const std::string needle = to_lower_ascii(trim(filter));
  return to_lower_ascii(row.ref).find(needle) != std::string::npos ||
         to_lower_ascii(row.title).find(needle) != std::string::npos;
}

std::string summary(const SoaTable& table) {
  figures::Coverage total;
  for (const SoaTheme& theme : table.themes) {
    total.controls += theme.coverage.controls;
    total.applicable += theme.coverage.applicable;
    total.not_applicable += theme.coverage.not_applicable;
    total.implemented += theme.coverage.implemented;
  }
  return std::to_string(total.controls) + " controls: " + std::to_string(total.applicable + total.not_applicable) +
         " decided (" + std::to_string(total.applicable) + " applicable, " + std::to_string(total.not_applicable) +
         " not applicable), " + std::to_string(total.implemented) + " implemented.";
}

std::string theme_header(const SoaTheme& theme) {
  const figures::Coverage& c = theme.coverage;
  return theme.label + "  ·  " + std::to_string(c.controls) + " controls, " +
         std::to_string(c.applicable + c.not_applicable) + " decided, " + std::to_string(c.applicable) +
         " applicable, " + std::to_string(c.implemented) + " implemented###soa-theme-" + theme.value;
}

// Saves the row's edit; on success the row shows the stored values again.
void save(Session& session, UiState& ui, const std::string& id) {
  SoaEdit& edit = ui.soa.edits[id];
  if (save_soa_edit(session, id, edit)) {
    ui.soa.edits.erase(id);
    ui.soa.last_saved = id;
  }
}

// An Enum field as a combo, reported to the automation bridge under `key` with the option shown
// (ImGui 1.86 gives combos no label in its item hooks). True when another option was chosen.
bool enum_combo(const std::string& key, const FieldDef& field, std::string& value) {
  const std::string shown = field.option_label(value);
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (!ImGui::BeginCombo(("##" + key).c_str(), shown.c_str())) {
    automation::note_last_item(key.c_str(), shown);
    return false;
  }
  bool chosen = false;
  for (const EnumOption& option : field.options) {
    if (ImGui::Selectable(option.label.c_str(), option.value == value) && option.value != value) {
      value = option.value;
      chosen = true;
    }
  }
  ImGui::EndCombo();
  return chosen;
}

void row(Session& session, UiState& ui, const EntityDef& def, const SoaRow& r) {
  SoaView& view = ui.soa;
  const auto found = view.edits.find(r.id);
  const SoaEdit* edit = found != view.edits.end() ? &found->second : nullptr;
  SoaEdit shown = edit != nullptr ? *edit : edit_of(r);
  const bool refused = edit != nullptr && (!edit->errors.empty() || !edit->problem.empty());
  ImGui::PushID(r.id.c_str());
  ImGui::TableNextRow();

  ImGui::TableNextColumn();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(r.ref.c_str());
  if (refused) {
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
    ImGui::TextUnformatted(ICON_WARNING);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Not saved: see the message in this row.");
  } else if (view.last_saved == r.id) {
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, palette().success);
    ImGui::TextUnformatted(ICON_CHECK);
    ImGui::PopStyleColor();
    automation::note_last_item(("soa-saved:" + r.ref).c_str(), "Saved");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Saved.");
  }

  ImGui::TableNextColumn();
  ImGui::AlignTextToFramePadding();  // level with the combos and the field of the row
  if (ImGui::Selectable((r.title + "##open").c_str())) {
    open_in_register(ui, session.current()->records(), "control", r.id);
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s\nOpen the control for its owner, implementation and evidence.", r.title.c_str());

  ImGui::TableNextColumn();
  if (enum_combo("applicable-" + r.ref, *def.field("applicable"), shown.applicable)) {
    view.edits[r.id] = shown;
    save(session, ui, r.id);
  }

  ImGui::TableNextColumn();
  ImGui::SetNextItemWidth(-FLT_MIN);
  std::string message = shown.problem;
  for (const FieldError& e : shown.errors) message += (message.empty() ? "" : " ") + e.message;
  const bool marked = !message.empty();
  if (marked) ImGui::PushStyleColor(ImGuiCol_Border, palette().danger);
  std::string text = shown.justification;
  const bool typed = ImGui::InputTextWithHint(
      ("##justification-" + r.ref).c_str(),
      shown.applicable == "undecided" ? "Why it is included or excluded" : "Justification required", &text);
  if (marked) ImGui::PopStyleColor();
  if (ImGui::IsItemActive()) view.typing = r.id;
  if (typed) {
    SoaEdit& changed = view.edits.try_emplace(r.id, shown).first->second;
    changed.justification = text;
    changed.pending = true;
    std::erase_if(changed.errors, [](const FieldError& e) { return e.field == "justification"; });
  }
  if (ImGui::IsItemDeactivatedAfterEdit()) save(session, ui, r.id);
  if (!shown.justification.empty() && ImGui::IsItemHovered() && !ImGui::IsItemActive()) {
    ImGui::SetTooltip("%s", shown.justification.c_str());
  }
  if (marked) {
    ui::warning_text(("soa-error:" + r.ref).c_str(), message);
  }

  ImGui::TableNextColumn();
  if (enum_combo("status-" + r.ref, *def.field("implementation_status"), shown.status)) {
    view.edits[r.id] = shown;
    save(session, ui, r.id);
  }
  ImGui::PopID();
}

void theme_table(Session& session, UiState& ui, const EntityDef& def, const SoaTable& table, const SoaTheme& theme) {
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_PadOuterX;
  if (!ImGui::BeginTable(("soa-" + theme.value).c_str(), 5, flags)) return;
  const float em = ImGui::GetFontSize();
  ImGui::TableSetupColumn("Ref.", ImGuiTableColumnFlags_WidthFixed, em * 3.6f);
  ImGui::TableSetupColumn("Control", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn("Applicable", ImGuiTableColumnFlags_WidthFixed, em * 8.5f);
  ImGui::TableSetupColumn("Justification", ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableSetupColumn("Implementation status", ImGuiTableColumnFlags_WidthFixed, em * 11.5f);
  ImGui::TableHeadersRow();
  for (const std::size_t index : theme.rows) {
    const SoaRow& r = table.rows[index];
    if (matches(r, ui.soa.filter)) row(session, ui, def, r);
  }
  ImGui::EndTable();
}

}  // namespace

void soa_page(Session& session, UiState& ui) {
  if (session.opening()) {
    ui::muted_text("opening", "Opening the workspace…");
    return;
  }
  Workspace* ws = session.current();
  if (ws == nullptr) {
    ui.page = Page::Workspaces;
    return;
  }
  SoaView& view = ui.soa;
  // Text typed into a row and left without a save (the page was left meanwhile) is offered now.
  for (auto it = view.edits.begin(); it != view.edits.end();) {
    const std::string id = (it++)->first;
    SoaEdit& edit = view.edits[id];
    if (edit.pending && id != view.typing) save(session, ui, id);
  }
  view.typing.clear();

  const SoaTable& table = view.table(session);
  const EntityDef& def = ws->registry().get("control");
  ui::page_title("Statement of Applicability");
  ui::muted_text("soa-summary", summary(table) + " Every decision needs its justification (ISO/IEC 27001, 6.1.3 d).");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
  ImGui::InputTextWithHint("##soa-filter", ICON_SEARCH "  Filter by reference or title", &view.filter);
  ImGui::SameLine();
  if (ImGui::Button(ICON_PRINT "  Printable SoA")) session.download_report(Session::Report::StatementOfApplicability);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("The Statement of Applicability as an HTML file to print or save as PDF.");
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("A choice is saved at once; a justification when you leave its field.");
  if (session.read_only()) {
    ui::muted_text("soa-read-only", "Changes are off here: this workspace is open in another tab or window.");
  }
  ImGui::Spacing();

  // The rows scroll under the title and the filter, which stay in reach.
  ImGui::BeginChild("soa-rows", ImVec2(0, 0), false);
  ImGui::BeginDisabled(session.read_only());
  for (const SoaTheme& theme : table.themes) {
    if (theme.rows.empty()) continue;
    if (ImGui::CollapsingHeader(theme_header(theme).c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
      theme_table(session, ui, def, table, theme);
      ImGui::Spacing();
    }
  }
  ImGui::EndDisabled();
  ImGui::EndChild();
}

}  // namespace isms::app::views
