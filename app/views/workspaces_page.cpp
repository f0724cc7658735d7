// The list of workspaces (one per client engagement): create, open, rename, move to the trash.
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app/icons.hpp"
#include "app/theme.hpp"
#include "app/views/views.hpp"
#include "app/widgets.hpp"

namespace isms::app::views {
namespace {

void create_form(Session& session, UiState& ui) {
  CreateForm& form = ui.create;
  const float field_width =
      std::min(ImGui::GetContentRegionAvail().x - ImGui::GetStyle().WindowPadding.x * 2, ImGui::GetFontSize() * 28);
  ImGui::BeginChild("new-workspace-card", ImVec2(0, 0), true,
                    ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_AlwaysUseWindowPadding);
  ImGui::TextUnformatted(ICON_PLUS "  New workspace");
  ui::muted_text("new-workspace-help", "One workspace holds one client engagement's ISMS register.");
  ImGui::Spacing();
  ui::text_field("Workspace name", "Workspace name", &form.draft.name, &form.errors, "name", field_width, true);
  ui::text_field("Client organisation", "Client organisation", &form.draft.client, &form.errors, "client", field_width);
  ui::text_field("Consultant", "Consultant", &form.draft.consultant, &form.errors, "consultant", field_width);
  ImGui::Spacing();
  const bool submit = ui::primary_button(ICON_CHECK "  Create workspace") ||
                      (ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows) &&
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false));
  ImGui::SameLine();
  const bool escape = ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows) &&
                      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  if (ImGui::Button("Cancel##create") || escape) {
    form = CreateForm{};
  } else if (submit) {
    form.errors = session.create_workspace(form.draft);
    if (form.errors.empty()) {
      form = CreateForm{};
      ui.page = Page::Overview;
    }
  }
  ImGui::EndChild();
}

void sort_rows(std::vector<WorkspaceInfo>& rows) {
  ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
  if (specs == nullptr || specs->SpecsCount == 0) return;
  const ImGuiTableColumnSortSpecs& spec = specs->Specs[0];
  auto key = [&](const WorkspaceInfo& w) -> const std::string& {
    switch (spec.ColumnIndex) {
      case 1:
        return w.client;
      case 2:
        return w.consultant;
      case 3:
        return w.updated_at;
      default:
        return w.name;
    }
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const WorkspaceInfo& a, const WorkspaceInfo& b) {
    return spec.SortDirection == ImGuiSortDirection_Ascending ? key(a) < key(b) : key(b) < key(a);
  });
}

void workspace_table(Session& session, UiState& ui, std::vector<WorkspaceInfo> rows) {
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_Resizable | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("workspaces", 5, flags, ImVec2(0, ui::fitted_table_height(rows.size())))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Workspace", ImGuiTableColumnFlags_DefaultSort, 3.0f);
  ImGui::TableSetupColumn("Client", 0, 2.5f);
  ImGui::TableSetupColumn("Consultant", 0, 2.0f);
  ImGui::TableSetupColumn("Last change", ImGuiTableColumnFlags_PreferSortDescending, 1.8f);
  ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthFixed,
                          ImGui::CalcTextSize(ICON_FOLDER_OPEN " Open " ICON_PENCIL " Rename " ICON_TRASH " Delete").x +
                              ImGui::GetStyle().FramePadding.x * 8);
  ImGui::TableHeadersRow();
  sort_rows(rows);

  for (const WorkspaceInfo& w : rows) {
    ImGui::PushID(w.id.c_str());
    ImGui::TableNextRow(0, ImGui::GetFrameHeightWithSpacing());
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    const bool is_open = session.current() && session.current()->id() == w.id;
    if (ImGui::Selectable((w.name + "##row").c_str(), is_open, ImGuiSelectableFlags_AllowDoubleClick) &&
        ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
      session.open_workspace(w.id);
      ui.page = Page::Overview;
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(w.client.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(w.consultant.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(ui::local_time(w.updated_at).c_str());
    ImGui::TableNextColumn();
    if (ImGui::SmallButton(ICON_FOLDER_OPEN " Open")) {
      session.open_workspace(w.id);
      ui.page = Page::Overview;
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(ICON_PENCIL " Rename")) ui.rename = RenameForm{true, w.id, w.name, {}};
    ImGui::SameLine();
    if (ImGui::SmallButton(ICON_TRASH " Delete")) ui.trash = Confirmation{true, w.id, w.name};
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace

void workspaces_page(Session& session, UiState& ui) {
  ui::page_title("Workspaces");
  ui::muted_text("workspaces-help",
                 "Each workspace is one client engagement, kept in this browser only. Nothing is sent anywhere.");
  ImGui::Spacing();
  if (!ui.create.open) {
    if (ui::primary_button(ICON_PLUS "  New workspace")) ui.create.open = true;
    ImGui::Spacing();
  } else {
    create_form(session, ui);
    ImGui::Spacing();
  }

  auto rows = session.workspaces();
  if (rows.empty()) {
    if (!ui.create.open) ui::muted_text("workspaces-empty", "No workspaces yet. Create one for your first client.");
    return;
  }
  workspace_table(session, ui, std::move(rows));
}

}  // namespace isms::app::views
