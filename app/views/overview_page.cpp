// The open workspace at a glance: who it is for, and what its registers hold so far.
#include <imgui.h>

#include <cstdio>
#include <string>

#include "app/icons.hpp"
#include "app/theme.hpp"
#include "app/views/views.hpp"
#include "app/widgets.hpp"

namespace isms::app::views {

namespace {

// The space evidence takes, and the bytes deleted attachments still hold (kept so a mistaken
// deletion can be undone) with the one button that frees them, after asking.
void evidence_storage(Session& session, UiState& ui) {
  Workspace& ws = *session.current();
  const std::uint64_t used = attachments::used_bytes(ws.records());
  ImGui::TextUnformatted("Evidence files");
  ui::keyed_text("evidence-used", ui::file_size(used) + " of " + ui::file_size(attachments::Limits{}.workspace_bytes) +
                                      " used by attached files");
  const attachments::DeletedContents deleted = session.deleted_attachment_contents();
  if (deleted.files > 0) {
    ui::keyed_text("evidence-deleted", std::to_string(deleted.files) + " file" + (deleted.files == 1 ? "" : "s") +
                                           " of deleted attachments kept (" + ui::file_size(deleted.bytes) + ")");
    ImGui::SameLine();
    if (ImGui::SmallButton(ICON_TRASH " Free this space")) ui.free_evidence.requested = true;
  }
  if (ui.free_evidence.requested) {
    ImGui::OpenPopup("Free the space of deleted attachments");
    ui.free_evidence.requested = false;
  }
  if (ImGui::BeginPopupModal("Free the space of deleted attachments", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::Text("Delete the files of %zu deleted attachment%s for good?", deleted.files, deleted.files == 1 ? "" : "s");
    ImGui::TextDisabled("Their records stay in the history, but restoring one will no longer bring its file back.");
    if (ui::danger_button("Free the space")) {
      session.free_deleted_attachments();
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();
}

// The printable reports about the whole workspace; the minutes and the audit report are printed
// from the review or the audit itself.
void reports(Session& session) {
  ImGui::TextUnformatted("Reports");
  ImGui::TextDisabled("Printable HTML files: open one in the browser and print it, or save it as PDF.");
  if (ImGui::Button(ICON_PRINT "  Statement of Applicability")) {
    session.download_report(Session::Report::StatementOfApplicability);
  }
  ImGui::SameLine();
  if (ImGui::Button(ICON_PRINT "  Risk register and treatment plan")) session.download_report(Session::Report::RiskRegister);
  ImGui::SameLine();
  if (ImGui::Button(ICON_PRINT "  Program status report")) session.download_report(Session::Report::ProgramStatus);
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();
}

}  // namespace

void overview_page(Session& session, UiState& ui) {
  if (session.opening()) {
    ui::muted_text("opening", "Opening the workspace…");
    return;
  }
  Workspace* ws = session.current();
  if (ws == nullptr) {
    ui.page = Page::Workspaces;
    return;
  }
  const WorkspaceMeta meta = ws->meta();
  ui::page_title(meta.name.c_str());
  ui::muted_text("workspace-subtitle", "Client: " + meta.client + "   ·   Consultant: " + meta.consultant +
                                           "   ·   Created " + ui::local_time(meta.created_at));
  ImGui::Spacing();
  if (ImGui::Button(ICON_PENCIL "  Rename workspace")) ui.rename = RenameForm{true, meta.id, meta.name, {}};
  ImGui::SameLine();
  if (ImGui::Button(ICON_ARROW_LEFT "  Close workspace")) {
    session.close_workspace();
    ui.page = Page::Workspaces;
    return;
  }
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();

  evidence_storage(session, ui);
  reports(session);

  // One line per register the workspace has, straight from the definitions.
  ImGui::TextUnformatted("Registers");
  if (ImGui::BeginTable("registers", 2, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) {
    for (const EntityDef& def : ws->registry().all()) {
      if (def.kind == "workspace") continue;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(def.plural.c_str());
      ImGui::TableNextColumn();
      // Counted once per change of the data (app/register_counts.hpp), not every frame.
      ui::keyed_text(("count:" + def.kind).c_str(), std::to_string(ui.register_counts.of(session, def.kind).records));
    }
    ImGui::EndTable();
  }
}

}  // namespace isms::app::views
