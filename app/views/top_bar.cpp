// The top bar: product name, the open workspace, and where the last change stands.
#include <imgui.h>

#include "app/automation.hpp"
#include "app/fonts.hpp"
#include "app/icons.hpp"
#include "app/theme.hpp"
#include "app/views/views.hpp"
#include "app/widgets.hpp"

namespace isms::app::views {
namespace {

// One line a person can trust: saved, saving, or not kept at all.
void save_state(Session& session) {
  const SaveStatus s = session.platform().save_status();
  std::string text;
  ImVec4 colour = ImVec4(0.80f, 0.86f, 0.93f, 1.0f);
  if (!s.storage_available) {
    text = ICON_WARNING "  Not saved: this browser is not keeping data";
    colour = ImVec4(0.99f, 0.73f, 0.45f, 1.0f);
  } else if (!s.error.empty()) {
    text = ICON_WARNING "  Not saved: writing to browser storage failed";
    colour = ImVec4(0.99f, 0.73f, 0.45f, 1.0f);
  } else if (s.saving) {
    text = ICON_REFRESH "  Saving…";
  } else if (!s.last_saved_at.empty()) {
    text = ICON_CHECK_CIRCLE "  Saved in this browser at " + s.last_saved_at;
  } else {
    text = ICON_CHECK_CIRCLE "  All changes saved in this browser";
  }
  const float width = ImGui::CalcTextSize(text.c_str()).x;
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - width);
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopStyleColor();
  automation::note_last_item("save-status", text.substr(text.find("  ") + 2));
}

// Sharing work: the open workspace out as a bundle (with or without its files), a bundle in.
void bundle_buttons(Session& session, UiState& ui) {
  if (!session.ready()) return;
  ImGui::SameLine(0, ImGui::GetFontSize() * 2);
  if (session.current() != nullptr) {
    // Search everywhere (issue 4): an icon only, so it is named for the automation bridge.
    if (ImGui::Button(ICON_SEARCH "##search")) ui.search.requested = true;
    automation::note_last_item("search-button", "Search everywhere");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Search everywhere (Ctrl+K): any record by title, id or text");
    ImGui::SameLine();
    if (ImGui::Button(ICON_DOWNLOAD "  Export")) ImGui::OpenPopup("export-menu");
    if (ImGui::BeginPopup("export-menu")) {
      if (ImGui::MenuItem("Bundle with attachments")) session.export_bundle(true);
      if (ImGui::MenuItem("Bundle without attachments")) session.export_bundle(false);
      ImGui::EndPopup();
    }
    ImGui::SameLine();
  }
  if (ImGui::Button(ICON_UPLOAD "  Import")) session.import_bundle();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open or merge a bundle (.isms.json); you can also drop it on the window.");
  // Settings and storage (issue 6): an icon only, so it is named for the automation bridge.
  ImGui::SameLine();
  if (ImGui::Button(ICON_COG "##settings")) ui.storage.settings_requested = true;
  automation::note_last_item("settings-button", "Settings and storage");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Settings and storage: lasting storage, space used, export reminder, version");
}

}  // namespace

void top_bar(Session& session, UiState& ui) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  ImGui::PushFont(current_fonts().strong);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(ICON_SHIELD "  ISMS Register");
  ImGui::PopFont();
  ImGui::PopStyleColor();
  if (Workspace* ws = session.current()) {
    const WorkspaceMeta meta = ws->meta();
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.58f, 0.64f, 0.72f, 1.0f));
    ImGui::TextUnformatted("  /  ");
    ImGui::SameLine();
    ImGui::TextUnformatted(meta.client.c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    ui::keyed_text("current-workspace", meta.name);
    ImGui::PopStyleColor();
  }
  undo_buttons(session, ui);
  bundle_buttons(session, ui);
  save_state(session);
}

}  // namespace isms::app::views
