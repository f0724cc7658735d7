// The merge of a colleague's bundle: what it would change per register, and every conflict with
// both values side by side and a choice per field (or per record), before anything is written.
#include <imgui.h>

#include <string>

#include "app/automation.hpp"
#include "app/icons.hpp"
#include "app/theme.hpp"
#include "app/views/views.hpp"
#include "app/widgets.hpp"

namespace isms::app::views {
namespace {

void counts_table(Session& session, const bundle::MergePreview& preview) {
  if (!ImGui::BeginTable("merge-counts", 6, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) return;
  for (const char* header : {"Register", "Added", "Changed", "Deleted", "Conflicting", "Unchanged"}) {
    ImGui::TableSetupColumn(header);
  }
  ImGui::TableHeadersRow();
  for (const auto& [kind, counts] : preview.by_kind) {
    if (counts.added + counts.changed + counts.deleted + counts.conflicting == 0) continue;  // only what moves
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(session.current()->registry().get(kind).plural.c_str());
    for (const std::size_t n : {counts.added, counts.changed, counts.deleted, counts.conflicting, counts.unchanged}) {
      ImGui::TableNextColumn();
      ImGui::Text("%zu", n);
    }
  }
  ImGui::EndTable();
  const bundle::MergeCounts& t = preview.total;
  ui::keyed_text("merge-total", std::to_string(t.added) + " added, " + std::to_string(t.changed) + " changed, " +
                                    std::to_string(t.deleted) + " deleted, " + std::to_string(t.conflicting) +
                                    " conflicting, " + std::to_string(t.unchanged) + " unchanged");
}

// One conflict: the record and field, both values, and the two choices as radio buttons.
void conflict_row(Session& session, const bundle::Conflict& conflict, std::size_t index) {
  ImGui::PushID(static_cast<int>(index));
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  const std::string what =
      conflict.title + (conflict.field_label.empty() ? "" : " · " + conflict.field_label);
  ui::keyed_text(("conflict:" + conflict.title + ":" + conflict.field_label).c_str(), what);
  if (!conflict.why.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", conflict.why.c_str());
  ImGui::TableNextColumn();
  if (ImGui::RadioButton(("Keep mine: " + conflict.mine.text).c_str(), conflict.chosen == bundle::Side::Mine)) {
    session.choose(conflict, bundle::Side::Mine);
  }
  ImGui::TableNextColumn();
  if (ImGui::RadioButton(("Take theirs: " + conflict.theirs.text).c_str(), conflict.chosen == bundle::Side::Theirs)) {
    session.choose(conflict, bundle::Side::Theirs);
  }
  ImGui::PopID();
}

}  // namespace

void merge_dialog(Session& session, UiState& ui) {
  const auto& pending = session.pending_merge();
  if (!pending || session.current() == nullptr || session.current()->id() != pending->workspace_id) return;
  if (!ImGui::IsPopupOpen("Merge a bundle")) ImGui::OpenPopup("Merge a bundle");
  const ImVec2 size = ImGui::GetMainViewport()->WorkSize;
  ImGui::SetNextWindowSize(ImVec2(size.x * 0.8f, size.y * 0.8f), ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("Merge a bundle", nullptr)) return;
  const bundle::Bundle& incoming = pending->bundle;
  ui::keyed_text("merge-source", "From " + pending->file_name + ", exported by " + incoming.exported_by + " on " +
                                     ui::local_time(incoming.exported_at) + ". Nothing is written until you merge.");
  ImGui::Spacing();
  counts_table(session, pending->preview);
  ImGui::Spacing();

  const std::vector<bundle::Conflict>& conflicts = pending->preview.conflicts;
  if (conflicts.empty()) {
    ui::keyed_text("merge-no-conflicts", "No conflicts: everything merges by itself.");
  } else {
    ImGui::TextUnformatted("Changed on both sides: choose which value to keep");
    if (ImGui::Button("Keep all mine")) session.choose_all(bundle::Side::Mine);
    ImGui::SameLine();
    if (ImGui::Button("Take all theirs")) session.choose_all(bundle::Side::Theirs);
    const float table_height = ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 2;
    if (ImGui::BeginTable("merge-conflicts", 3,
                          ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY,
                          ImVec2(0, table_height))) {
      ImGui::TableSetupScrollFreeze(0, 1);
      ImGui::TableSetupColumn("Record and field");
      ImGui::TableSetupColumn("Mine (this browser)");
      ImGui::TableSetupColumn("Theirs (the bundle)");
      ImGui::TableHeadersRow();
      ImGuiListClipper clipper;
      clipper.Begin(static_cast<int>(conflicts.size()));
      while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
          conflict_row(session, conflicts[static_cast<std::size_t>(i)], static_cast<std::size_t>(i));
        }
      }
      ImGui::EndTable();
    }
  }
  ImGui::Separator();
  // The merge may change the record being edited: its unsaved text would then write old values
  // back over the merged ones. So the editor is settled first.
  const bool editing = ui.draft.dirty;
  const bool ready = pending->preview.resolved() && !editing;
  if (!ready) ImGui::BeginDisabled();
  if (ui::primary_button(ICON_CHECK "  Merge")) {
    if (session.confirm_merge()) ImGui::CloseCurrentPopup();
  }
  if (!ready) ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) {
    session.cancel_merge();
    ImGui::CloseCurrentPopup();
  }
  if (editing) {
    ImGui::SameLine();
    ui::muted_text("merge-blocked", "Save or discard the changes in the record editor first (Cancel, then come back).");
  } else if (!ready) {
    ImGui::SameLine();
    ImGui::TextDisabled("Choose a side for every conflict first.");
  }
  ImGui::EndPopup();
}

}  // namespace isms::app::views
