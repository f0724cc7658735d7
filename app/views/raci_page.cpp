// The RACI matrix as an editable grid (issue 4, item 5): processes down, roles across. Each cell
// is a small menu: Responsible, Accountable, Consulted, Informed, or none; a choice is saved at
// once through the register's rules, and a refusal (a second accountable) is shown above the grid.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <array>
#include <string>

#include "app/automation.hpp"
#include "app/icons.hpp"
#include "app/raci_grid.hpp"
#include "app/record_navigation.hpp"
#include "app/theme.hpp"
#include "app/views/charts.hpp"
#include "app/views/views.hpp"
#include "app/widgets.hpp"
#include "core/util/text.hpp"

namespace isms::app::views {
namespace {

struct Choice {
  const char* value;
  const char* label;
};
constexpr std::array<Choice, 4> kChoices = {{{"responsible", "Responsible: does the work"},
                                             {"accountable", "Accountable: answers for it (one per process)"},
                                             {"consulted", "Consulted: asked before"},
                                             {"informed", "Informed: told after"}}};

Tint letter_tint(const std::string& assignment) {
  if (assignment == "accountable") return {palette().accent, palette().on_colour};
  if (assignment == "responsible") return {palette().accent_soft, palette().accent};
  if (assignment.empty()) return {ImVec4(0, 0, 0, 0), palette().text_muted};
  return muted_tint();
}

// One cell: its letter on a tinted square that opens the menu of choices.
void cell(Session& session, UiState& ui, const RaciAxis& process, const RaciAxis& role, const RaciCell* current) {
  const std::string assignment = current ? current->assignment : "";
  const std::string letter = raci_letter(assignment);
  const Tint tint = letter_tint(assignment);
  const float side = ImGui::GetFrameHeight();
  const std::string id = "raci:" + process.name + "|" + role.name;
  ImGui::PushStyleColor(ImGuiCol_Button, tint.fill);
  ImGui::PushStyleColor(ImGuiCol_Text, tint.ink);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, palette().accent_soft);
  const bool read_only = session.read_only();
  if (ImGui::Button(((letter.empty() ? "·" : letter) + "##" + id).c_str(), ImVec2(side * 1.4f, side)) && !read_only) {
    ImGui::OpenPopup(id.c_str());
  }
  ImGui::PopStyleColor(3);
  automation::note_last_item(("raci-cell:" + process.name + "|" + role.name).c_str(), letter);
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("%s x %s: %s", process.name.c_str(), role.name.c_str(),
                      assignment.empty() ? "not involved" : assignment.c_str());
  }
  if (!ImGui::BeginPopup(id.c_str())) return;
  std::string chosen;
  bool clicked = false;
  for (const Choice& choice : kChoices) {
    if (ImGui::Selectable(choice.label, assignment == choice.value)) {
      chosen = choice.value;
      clicked = true;
    }
  }
  ImGui::Separator();
  if (ImGui::Selectable("Not involved", assignment.empty())) clicked = true;
  ImGui::EndPopup();
  if (clicked) set_raci_cell(session, process.id, role.id, chosen, ui.raci.problem);
}

}  // namespace

void raci_page(Session& session, UiState& ui) {
  Workspace* ws = session.current();
  if (ws == nullptr) {
    ui.page = Page::Workspaces;
    return;
  }
  const RaciGrid& grid = ui.raci.get(ws->records(), ws->id(), session.data_revision());
  ui::page_title("RACI matrix");
  std::string summary = std::to_string(grid.processes.size()) + " processes x " + std::to_string(grid.roles.size()) +
                        " roles, " + std::to_string(grid.cells.size()) + " assignments";
  if (grid.without_accountable > 0) {
    summary += "; " + std::to_string(grid.without_accountable) + " process" +
               (grid.without_accountable == 1 ? " has" : "es have") + " nobody accountable";
  }
  ui::muted_text("raci-summary", summary + ".");
  ImGui::TextDisabled("R responsible   A accountable   C consulted   I informed.   Click a cell to change it.");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  ImGui::InputTextWithHint("##raci-filter", ICON_SEARCH "  Filter processes", &ui.raci.filter);
  if (!ui.raci.problem.empty()) {
    ui::warning_text("raci-problem", ui.raci.problem);
    ImGui::SameLine();
    if (ImGui::SmallButton("Dismiss##raci-problem")) ui.raci.problem.clear();
  }
  if (grid.processes.empty() || grid.roles.empty()) {
    ui::muted_text("raci-empty", "Add processes and roles first; their matrix appears here.");
    return;
  }
  ImGui::Spacing();
  const int columns = static_cast<int>(grid.roles.size()) + 1;
  if (columns > 64) {  // ImGui tables hold up to 64 columns
    ui::muted_text("raci-too-wide", "More than 63 roles: edit the assignments in the RACI register instead.");
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInner | ImGuiTableFlags_ScrollX |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("raci-grid", columns, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn("Process", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 19);
  for (const RaciAxis& role : grid.roles) {
    ImGui::TableSetupColumn(role.name.c_str(), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 6.5f);
  }
  // Role names wrap in their header, so long names stay readable in narrow columns.
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  ImGui::TableSetColumnIndex(0);
  ImGui::TableHeader("Process");
  for (std::size_t r = 0; r < grid.roles.size(); ++r) {
    ImGui::TableSetColumnIndex(static_cast<int>(r) + 1);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetFontSize() * 6.2f);
    ImGui::TextUnformatted(grid.roles[r].name.c_str());
    ImGui::PopTextWrapPos();
    automation::note_last_item(("raci-role:" + grid.roles[r].name).c_str(), grid.roles[r].name);
  }
  const std::string filter = to_lower_ascii(trim(ui.raci.filter));
  std::string to_open;
  for (const RaciAxis& process : grid.processes) {
    if (!filter.empty() && to_lower_ascii(process.name).find(filter) == std::string::npos) continue;
    ImGui::PushID(process.id.c_str());
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::AlignTextToFramePadding();
    // The warning first, so a long name never pushes it out of the column.
    if (!grid.has_accountable(process.id)) {
      ImGui::TextColored(palette().danger, ICON_WARNING);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Nobody is accountable for this process.");
    } else {
      ImGui::Dummy(ImVec2(ImGui::CalcTextSize(ICON_WARNING).x, ImGui::GetTextLineHeight()));
    }
    ImGui::SameLine();
    if (ImGui::Selectable(process.name.c_str())) to_open = process.id;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (click to open the process)", process.name.c_str());
    for (std::size_t r = 0; r < grid.roles.size(); ++r) {
      ImGui::TableSetColumnIndex(static_cast<int>(r) + 1);
      cell(session, ui, process, grid.roles[r], grid.cell(process.id, grid.roles[r].id));
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
  if (!to_open.empty()) open_in_register(ui, ws->records(), "process", to_open);
}

}  // namespace isms::app::views
