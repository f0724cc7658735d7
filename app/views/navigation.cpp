// The navigation panel: workspaces and trash, then the open workspace's pages.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/fonts.hpp"
#include "app/icons.hpp"
#include "app/register_groups.hpp"
#include "app/theme.hpp"
#include "app/views/views.hpp"

namespace isms::app::views {
namespace {

void section(const char* title) {
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
  ImGui::PushFont(current_fonts().strong);
  ImGui::TextUnformatted(title);
  ImGui::PopFont();
  ImGui::PopStyleColor();
}

bool entry(const char* icon, const char* label, std::size_t count, bool selected) {
  std::string text = std::string(icon) + "  " + label;
  if (count > 0) text += "  (" + std::to_string(count) + ")";
  text += std::string("##nav-") + label;
  return ImGui::Selectable(text.c_str(), selected, 0, ImVec2(0, ImGui::GetFrameHeight()));
}

}  // namespace

void navigation(Session& session, UiState& ui) {
  section("WORKSPACES");
  if (entry(ICON_FOLDER, "All workspaces", session.workspaces().size(), ui.page == Page::Workspaces)) {
    ui.page = Page::Workspaces;
  }
  if (entry(ICON_TRASH, "Trash", session.trash().size(), ui.page == Page::Trash)) ui.page = Page::Trash;

  if (Workspace* ws = session.current()) {
    ImGui::Spacing();
    ImGui::Separator();
    section("THIS WORKSPACE");
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(ws->meta().name.c_str());
    ImGui::PopTextWrapPos();
    if (entry(ICON_DASHBOARD, "Overview", 0, ui.page == Page::Overview)) ui.page = Page::Overview;
    // Groups fold, so the whole register fits a laptop screen; the group of the register shown
    // opens with it.
    for (const RegisterGroup& group : register_groups()) {
      const bool current_group = ui.page == Page::Register &&
                                 std::find(group.kinds.begin(), group.kinds.end(), ui.table.kind) != group.kinds.end();
      if (current_group) ImGui::SetNextItemOpen(true, ImGuiCond_Once);
      if (!ImGui::CollapsingHeader(group.title.c_str())) continue;
      for (const std::string& kind : group.kinds) {
        const EntityDef& def = ws->registry().get(kind);
        const bool shown = ui.page == Page::Register && ui.table.kind == kind;
        if (entry(ICON_LIST, def.plural.c_str(), ws->records().count(kind), shown) && !shown) {
          if (ui.draft.dirty) {
            ui.draft.problem = "Save or discard the changes to this record before leaving it.";
            continue;
          }
          ui.page = Page::Register;
          ui.table = RegisterView{};
          ui.table.kind = kind;
          ui.draft = RecordDraft{};
        }
      }
    }
  }
}

}  // namespace isms::app::views
