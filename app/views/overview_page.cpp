// The open workspace at a glance: who it is for, and what its registers hold so far.
#include <imgui.h>

#include <string>

#include "app/icons.hpp"
#include "app/theme.hpp"
#include "app/views/views.hpp"
#include "app/widgets.hpp"

namespace isms::app::views {

void overview_page(Session& session, UiState& ui) {
  if (session.opening()) {
    ui::muted_text("opening", "Opening the workspace…");
    return;
  }
  Workspace* ws = session.current();
  if (ws == nullptr) {
    ui.page = Page::Workspaces;
    return;
  }
  const WorkspaceMeta meta = ws->meta();
  ui::page_title(meta.name.c_str());
  ui::muted_text("workspace-subtitle", "Client: " + meta.client + "   ·   Consultant: " + meta.consultant +
                                           "   ·   Created " + ui::local_time(meta.created_at));
  ImGui::Spacing();
  if (ImGui::Button(ICON_PENCIL "  Rename workspace")) ui.rename = RenameForm{true, meta.id, meta.name, {}};
  ImGui::SameLine();
  if (ImGui::Button(ICON_ARROW_LEFT "  Close workspace")) {
    session.close_workspace();
    ui.page = Page::Workspaces;
    return;
  }
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();

  // One line per register the workspace has, straight from the definitions.
  ImGui::TextUnformatted("Registers");
  if (ImGui::BeginTable("registers", 2, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) {
    for (const EntityDef& def : ws->registry().all()) {
      if (def.kind == "workspace") continue;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(def.plural.c_str());
      ImGui::TableNextColumn();
      ui::keyed_text(("count:" + def.kind).c_str(), std::to_string(ws->records().count(def.kind)));
    }
    ImGui::EndTable();
  }
}

}  // namespace isms::app::views
