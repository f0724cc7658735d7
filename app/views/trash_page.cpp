// The trash: workspaces moved here can be restored until the trash is emptied.
#include <imgui.h>

#include <string>

#include "app/icons.hpp"
#include "app/views/views.hpp"
#include "app/widgets.hpp"

namespace isms::app::views {

void trash_page(Session& session, UiState& ui) {
  ui::page_title("Trash");
  ui::muted_text("trash-help", "Deleted workspaces stay here, complete, until you empty the trash.");
  ImGui::Spacing();
  const auto rows = session.trash();
  if (rows.empty()) {
    ui::muted_text("trash-empty", "The trash is empty.");
    return;
  }
  if (ui::danger_button(ICON_TRASH "  Empty trash")) {
    ui.empty_trash = Confirmation{true, "", std::to_string(rows.size())};
  }
  ImGui::Spacing();
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("trash", 4, flags, ImVec2(0, ui::fitted_table_height(rows.size())))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Workspace", 0, 3.0f);
  ImGui::TableSetupColumn("Client", 0, 2.5f);
  ImGui::TableSetupColumn("Deleted", 0, 1.8f);
  ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed,
                          ImGui::CalcTextSize(ICON_UNDO " Restore").x + ImGui::GetStyle().FramePadding.x * 4);
  ImGui::TableHeadersRow();
  for (const WorkspaceInfo& w : rows) {
    ImGui::PushID(w.id.c_str());
    ImGui::TableNextRow(0, ImGui::GetFrameHeightWithSpacing());
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::Selectable((w.name + "##row").c_str(), false);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(w.client.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(ui::local_time(w.trashed_at).c_str());
    ImGui::TableNextColumn();
    if (ImGui::SmallButton(ICON_UNDO " Restore")) session.restore(w.id);
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace isms::app::views
