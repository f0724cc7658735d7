#include "app/app.hpp"

#include <imgui.h>

#include <utility>

#include "app/icons.hpp"
#include "app/table_layouts.hpp"
#include "app/theme.hpp"
#include "app/views/views.hpp"
#include "app/widgets.hpp"

namespace isms::app {
namespace {

// Saved settings stay on: tables inherit NoSavedSettings from their window, and their layouts are
// kept per workspace (app/table_layouts.hpp). The panels' own place is set every frame anyway.
constexpr ImGuiWindowFlags kPanelFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus;

bool begin_panel(const char* name, ImVec2 pos, ImVec2 size, ImVec4 background, ImVec2 padding) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, background);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, padding);
  const bool visible = ImGui::Begin(name, nullptr, kPanelFlags);
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  return visible;
}

}  // namespace

App::App(Platform& platform, const Clock& clock, std::string storage_root)
    : session_(platform, clock, std::move(storage_root)) {
  // Holds `this`: the App is made once and never moved (web/main.cpp keeps it for the page's life).
  session_.set_unsaved_text_check([this] { return ui_.draft.dirty || ui_.parts.form.dirty || !ui_.soa.edits.empty(); });
  // The theme this browser chose last time (the style itself is made once the scale is known).
  if (platform.setting(kThemeSetting) == "dark") use_theme(Theme::Dark);
}

void App::frame() {
  session_.continue_work();  // before drawing: the frame then shows how far the work is
  // ImGui's keyboard navigation, except while a register table takes the arrows (it turns it
  // off for the next frame: app/views/register_page.cpp).
  ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  views::undo_shortcuts(session_, ui_);  // before drawing: the frame shows what it undid
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float top_height = ImGui::GetFrameHeight() + style.WindowPadding.y * 1.5f;
  const float nav_width = ImGui::GetFontSize() * 15.0f;
  const Palette& p = palette();

  if (begin_panel("Top bar", vp->WorkPos, ImVec2(vp->WorkSize.x, top_height), p.top_bar,
                  ImVec2(style.WindowPadding.x, style.WindowPadding.y * 0.75f))) {
    views::top_bar(session_, ui_);
  }
  ImGui::End();

  const ImVec2 below(vp->WorkPos.x, vp->WorkPos.y + top_height);
  const float body_height = vp->WorkSize.y - top_height;
  if (begin_panel("Navigation", below, ImVec2(nav_width, body_height), p.nav_background,
                  ImVec2(style.WindowPadding.x * 0.6f, style.WindowPadding.y))) {
    if (session_.ready()) views::navigation(session_, ui_);
  }
  ImGui::End();

  if (begin_panel("Main", ImVec2(below.x + nav_width, below.y), ImVec2(vp->WorkSize.x - nav_width, body_height),
                  style.Colors[ImGuiCol_WindowBg], style.WindowPadding)) {
    messages();
    main_area();
  }
  ImGui::End();

  views::dialogs(session_, ui_);
  views::merge_dialog(session_, ui_);
  views::progress_dialog(session_, ui_);
  views::settings_panel(session_, ui_);
  views::search_box(session_, ui_);
  keep_table_layout_if_changed(session_.platform(), ui_.shown_workspace);
}

// Banners above the page: what went wrong (stays until dismissed) and what just happened.
void App::messages() {
  const Palette& p = palette();
  views::update_banner(session_, ui_);
  if (!session_.problem().empty()) {
    if (ui::banner("problem-banner", std::string(ICON_WARNING "  ") + session_.problem(), p.warning_soft, p.warning_ink,
                   true))
      session_.dismiss_problem();
    ImGui::Spacing();
  }
  // Issue 6: read-only because another tab holds the workspace; at most one storage banner.
  views::workspace_lock_banner(session_, ui_);
  views::storage_banner(session_, ui_);
  if (!session_.notice().empty()) {
    if (ui::banner("notice-banner", std::string(ICON_CHECK_CIRCLE "  ") + session_.notice(), p.success_soft,
                   p.success_ink, true))
      session_.clear_notice();
    ImGui::Spacing();
  }
}

void App::main_area() {
  if (!session_.ready()) {
    ui::muted_text("loading", "Loading your workspaces…");
    return;
  }
  // A workspace opened by something other than a click on its row (a bundle imported or merged,
  // a file dropped on the window) is shown at once; what was open in the editor belonged to the
  // workspace before, so it goes.
  const std::string open_id = session_.current() != nullptr ? session_.current()->id() : std::string();
  if (open_id != ui_.shown_workspace) {
    switch_table_layouts(session_.platform(), ui_.shown_workspace, open_id);
    ui_.shown_workspace = open_id;
    ui_.draft = RecordDraft{};
    ui_.soa.edits.clear();  // rows of the Statement of Applicability being edited there
    if (!open_id.empty() && (ui_.page == Page::Workspaces || ui_.page == Page::Trash)) ui_.page = Page::Overview;
  }
  // After a merge the record in the editor is read again: its text is from before the merge, and
  // saving it would write the old values back (the merge dialog waits while it has unsaved text).
  if (session_.merges_done() != ui_.merges_seen) {
    ui_.merges_seen = session_.merges_done();
    if (!ui_.draft.kind.empty() && !ui_.draft.is_new() && !ui_.draft.dirty && session_.current() != nullptr) {
      const auto record = session_.current()->records().get(ui_.draft.kind, ui_.draft.id);
      ui_.draft = record && !record->deleted ? draft_of(session_.current()->registry().get(ui_.draft.kind), *record)
                                            : RecordDraft{};
    } else if (ui_.draft.dirty && !ui_.draft.is_new() && session_.rewritten_by_undo(ui_.draft.id)) {
      // Unsaved text is never dropped: it stays, and the person learns the stored record moved.
      ui_.draft.problem =
          "Undo or redo changed this record. Your unsaved changes are kept: save them to write them over it, "
          "or discard them to see it as stored.";
    }
  }
  switch (ui_.page) {
    case Page::Workspaces:
      views::workspaces_page(session_, ui_);
      break;
    case Page::Trash:
      views::trash_page(session_, ui_);
      break;
    case Page::Dashboard:
      views::dashboard_page(session_, ui_);
      break;
    case Page::Overview:
      views::overview_page(session_, ui_);
      break;
    case Page::Soa:
      views::soa_page(session_, ui_);
      break;
    case Page::Timeline:
      views::timeline_page(session_, ui_);
      break;
    case Page::Raci:
      views::raci_page(session_, ui_);
      break;
    case Page::Register:
      views::register_page(session_, ui_);
      break;
  }
}

}  // namespace isms::app
