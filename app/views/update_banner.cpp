// The banner of a new version (issue 6): the deployed site's service worker installed it and it
// waits. The app never moves to it by itself; the person's click on Reload does, after every
// change is written back. While the editor holds unsaved text, Reload waits for it to be saved
// or discarded, since a reload would throw that text away.
#include <imgui.h>

#include <string>

#include "app/automation.hpp"
#include "app/icons.hpp"
#include "app/theme.hpp"
#include "app/views/views.hpp"
#include "app/widgets.hpp"

namespace isms::app::views {
namespace {

// Why Reload cannot be clicked now, or what a reload would cost; "" when nothing stands in the way.
struct ReloadNote {
  bool blocked = false;
  std::string text;
};

ReloadNote reload_note(const SaveStatus& save, const UiState& ui) {
  if (ui.draft.dirty) return {true, "The editor has changes that are not saved. Save or discard them, then reload."};
  if (save.storage_available && !save.error.empty())
    return {true, "Reloading waits until your changes are kept in this browser (see the message below)."};
  if (!save.storage_available)
    return {false, "This browser is not keeping your data: reloading loses what you did here. Export a bundle first."};
  return {};
}

}  // namespace

void update_banner(Session& session, UiState& ui) {
  Platform& platform = session.platform();
  if (!platform.update_available()) return;
  const Palette& p = palette();
  const ImGuiStyle& style = ImGui::GetStyle();
  const ReloadNote note = reload_note(platform.save_status(), ui);

  const std::string text = ICON_REFRESH "  A new version of ISMS Register is available.";
  const char* button = ICON_REFRESH "  Reload##update";
  const float width = ImGui::GetContentRegionAvail().x;
  const float button_width = ImGui::CalcTextSize("  Reload  ").x + ImGui::GetFontSize() + style.FramePadding.x * 2;
  const float wrap = width - button_width - style.FramePadding.x * 6;
  const float note_height =
      note.text.empty() ? 0.0f : ImGui::CalcTextSize(note.text.c_str(), nullptr, false, wrap).y + style.ItemSpacing.y;
  const float height = ImGui::GetFrameHeight() + note_height + style.FramePadding.y * 3;

  ImGui::PushStyleColor(ImGuiCol_ChildBg, p.accent_soft);
  ImGui::PushStyleColor(ImGuiCol_Border, p.accent_soft);
  ImGui::BeginChild("update-banner", ImVec2(width, height), true, ImGuiWindowFlags_NoScrollbar);
  ImGui::SetCursorPosY(style.FramePadding.y * 1.5f);
  ImGui::AlignTextToFramePadding();
  ImGui::PushStyleColor(ImGuiCol_Text, p.text);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopStyleColor();
  automation::note_last_item("update-banner", text);
  if (!note.text.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::TextUnformatted(note.text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    automation::note_last_item("update-note", note.text);
  }
  ImGui::SetCursorPos(ImVec2(width - button_width - style.FramePadding.x * 2, style.FramePadding.y * 1.5f));
  ImGui::BeginDisabled(note.blocked);
  if (ui::primary_button(button)) platform.apply_update();
  ImGui::EndDisabled();
  if (note.blocked && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("%s", note.text.c_str());
  ImGui::EndChild();
  ImGui::PopStyleColor(2);
  ImGui::Spacing();
}

}  // namespace isms::app::views
