// Undo and redo in the open workspace (issue 4): two icon buttons in the top bar, and the keys
// Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y anywhere but in a text field (where ImGui's own text undo
// applies to what is being typed).
#include <imgui.h>

#include <string>

#include "app/automation.hpp"
#include "app/icons.hpp"
#include "app/views/views.hpp"

namespace isms::app::views {
namespace {

// What a button does, as its tooltip and its name for the automation bridge.
std::string describe(bool redo, const Session& session) {
  if (session.read_only()) return redo ? "Redo (read-only in this tab)" : "Undo (read-only in this tab)";
  const std::string& label = redo ? session.redo_label() : session.undo_label();
  if (label.empty()) return redo ? "Nothing to redo" : "Nothing to undo";
  return (redo ? "Redo " : "Undo ") + label;
}

bool step_button(Session& session, bool redo) {
  const bool possible = !session.read_only() && (redo ? session.can_redo() : session.can_undo());
  ImGui::BeginDisabled(!possible);
  const bool clicked = ImGui::Button(redo ? ICON_REPEAT "##redo" : ICON_UNDO "##undo");
  ImGui::EndDisabled();
  const std::string text = describe(redo, session);
  automation::note_last_item(redo ? "redo-button" : "undo-button", text);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::SetTooltip("%s  (%s)", text.c_str(), redo ? "Ctrl+Shift+Z or Ctrl+Y" : "Ctrl+Z");
  }
  return clicked && possible;
}

bool pressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), false); }

}  // namespace

void undo_buttons(Session& session, UiState&) {
  if (session.current() == nullptr) return;
  ImGui::SameLine(0, ImGui::GetFontSize() * 2);
  if (step_button(session, false)) session.undo();
  ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x * 0.5f);
  if (step_button(session, true)) session.redo();
}

void undo_shortcuts(Session& session, UiState&) {
  if (session.current() == nullptr || session.busy()) return;
  const ImGuiIO& io = ImGui::GetIO();
  // In a text field Ctrl+Z undoes typing; a dialog or menu open asks for its own answer first.
  if (!io.KeyCtrl || io.KeyAlt) return;
  if (io.WantTextInput || ImGui::IsAnyItemActive() ||
      ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel)) {
    return;
  }
  if (pressed(ImGuiKey_Z)) {
    if (io.KeyShift) {
      session.redo();
    } else {
      session.undo();
    }
  } else if (pressed(ImGuiKey_Y)) {
    session.redo();
  }
}

}  // namespace isms::app::views
