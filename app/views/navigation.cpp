// The navigation panel: workspaces and trash, then the open workspace's pages.
#include <imgui.h>

#include <string>

#include "app/fonts.hpp"
#include "app/icons.hpp"
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
  }
}

}  // namespace isms::app::views
