// Modal dialogs: anything destructive asks first, and a rename keeps what was typed on a typo.
#include <imgui.h>

#include <string>

#include "app/icons.hpp"
#include "app/theme.hpp"
#include "app/views/views.hpp"
#include "app/widgets.hpp"

namespace isms::app::views {
namespace {

bool enter_pressed() { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false); }
bool escape_pressed() { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false); }

void centre_next_window() {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30, 0), ImGuiCond_Appearing);
}

constexpr ImGuiWindowFlags kModalFlags = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings;

void rename_dialog(Session& session, UiState& ui) {
  RenameForm& form = ui.rename;
  if (form.requested) {
    ImGui::OpenPopup("Rename workspace");
    form.requested = false;
  }
  centre_next_window();
  if (!ImGui::BeginPopupModal("Rename workspace", nullptr, kModalFlags)) return;
  ui::text_field("Workspace name", "New workspace name", &form.name, &form.errors, "name", ImGui::GetFontSize() * 26,
                 true);
  ImGui::Spacing();
  if (ui::primary_button(ICON_CHECK "  Save name") || enter_pressed()) {
    form.errors = session.rename_workspace(form.id, form.name);
    if (form.errors.empty()) ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel##rename") || escape_pressed()) {
    form = RenameForm{};
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

// A yes/no question about something that cannot be taken back lightly.
bool confirm_dialog(Confirmation& c, const char* title, const std::string& question, const char* yes_label) {
  if (c.requested) {
    ImGui::OpenPopup(title);
    c.requested = false;
  }
  centre_next_window();
  bool confirmed = false;
  if (!ImGui::BeginPopupModal(title, nullptr, kModalFlags)) return false;
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
  ImGui::TextUnformatted(question.c_str());
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  if (ui::danger_button(yes_label)) {
    confirmed = true;
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || escape_pressed()) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  return confirmed;
}

}  // namespace

void dialogs(Session& session, UiState& ui) {
  rename_dialog(session, ui);
  if (confirm_dialog(
          ui.trash, "Delete workspace",
          "Move \"" + ui.trash.name +
              "\" to the trash? It stays complete in the trash and can be restored until the trash is emptied.",
          ICON_TRASH "  Move to trash")) {
    session.move_to_trash(ui.trash.id);
    if (ui.page == Page::Overview) ui.page = Page::Workspaces;
  }
  if (confirm_dialog(ui.empty_trash, "Empty trash",
                     "Delete the " + ui.empty_trash.name +
                         " workspace(s) in the trash for good? Their registers are erased from this browser. "
                         "This cannot be undone.",
                     ICON_TRASH "  Delete for good")) {
    session.empty_trash();
  }
}

}  // namespace isms::app::views
