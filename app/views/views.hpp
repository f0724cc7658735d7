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
// Issue 4: the open workspace at a glance, from DashboardCache (app/dashboard_figures.hpp).
void dashboard_page(Session& session, UiState& ui);
// Issue 4: the Statement of Applicability, every control by theme, edited in place.
void soa_page(Session& session, UiState& ui);
// Issue 4: the program timeline as a Gantt chart by month, and the RACI matrix as an editable grid.
void timeline_page(Session& session, UiState& ui);
void raci_page(Session& session, UiState& ui);
// Issue 4: on the risk register's page, the "Matrix" toggle beside its buttons, the risk matrix
// heat map, and the chip of the matrix cell the table is narrowed to (app/views/risk_matrix.cpp).
void risk_matrix_section(Session& session, UiState& ui);
// Any register, from its definition: table and editor (ui.table.kind says which).
void register_page(Session& session, UiState& ui);
// The modals any page can open: rename, move to trash, empty trash.
void dialogs(Session& session, UiState& ui);
// Long work in progress (Session::busy): what, a progress bar, and Cancel where it can be.
void progress_dialog(Session& session, UiState& ui);
// The preview and conflicts of a bundle being merged (Session::pending_merge).
void merge_dialog(Session& session, UiState& ui);
// "A new version is available" with its Reload button, while the deployed site has one waiting.
void update_banner(Session& session, UiState& ui);

// Issue 4: undo and redo of the person's edits: the top bar's two buttons, and the keys
// (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y) outside text fields, checked once a frame (app/views/undo_controls.cpp).
void undo_buttons(Session& session, UiState& ui);
void undo_shortcuts(Session& session, UiState& ui);

// Issue 6: the banner of a workspace read-only here (with "Take over"), and at most one storage
// banner (write failure, space nearly full, storage not lasting, the export reminder).
void workspace_lock_banner(Session& session, UiState& ui);
void storage_banner(Session& session, UiState& ui);
// Settings and storage: lasting storage, space used, the export reminder's days, the version.
void settings_panel(Session& session, UiState& ui);
// Issue 4: search everywhere (Ctrl+K, or the top bar's button): one box over every register.
void search_box(Session& session, UiState& ui);

}  // namespace isms::app::views
