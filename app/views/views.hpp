#pragma once
// One function per view; each draws into the current ImGui window.

#include "app/session.hpp"
#include "app/ui_state.hpp"

namespace isms::app::views {

void top_bar(Session& session, UiState& ui);
void navigation(Session& session, UiState& ui);
void workspaces_page(Session& session, UiState& ui);
void trash_page(Session& session, UiState& ui);
void overview_page(Session& session, UiState& ui);
// Any register, from its definition: table and editor (ui.table.kind says which).
void register_page(Session& session, UiState& ui);
// The modals any page can open: rename, move to trash, empty trash.
void dialogs(Session& session, UiState& ui);
// The preview and conflicts of a bundle being merged (Session::pending_merge).
void merge_dialog(Session& session, UiState& ui);

}  // namespace isms::app::views
