#include "app/views/record_history_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/automation.hpp"
#include "app/fonts.hpp"
#include "app/icons.hpp"
#include "app/record_history.hpp"
#include "app/theme.hpp"
#include "app/widgets.hpp"

namespace isms::app::views {
namespace {

// A value too long for its line is shown whole on hover, wrapped to a readable width.
void full_text_tooltip(const HistoryLine& line) {
  if (line.full == line.text || !ImGui::IsItemHovered()) return;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36);
  ImGui::TextUnformatted(line.full.c_str());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

void change_set(const HistoryGroup& group, std::size_t index) {
  const std::string n = std::to_string(index);
  const std::string when = ui::local_time(group.at);
  ImGui::PushFont(current_fonts().strong);
  ImGui::PushTextWrapPos(0.0f);  // a merge's description may be longer than the editor is wide
  ImGui::TextUnformatted(group.what.c_str());
  ImGui::PopTextWrapPos();
  const float what_width = ImGui::GetItemRectSize().x;
  ImGui::PopFont();
  const std::string who = group.author.empty() ? std::string("someone unnamed") : group.author;
  const std::string meta = "by " + who + "  ·  " + when;
  // Beside what it was when both fit the editor's width; a long description ("Undo: edit of
  // risk ...") puts who and when on the line below rather than cutting the time off.
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  if (what_width + spacing + ImGui::CalcTextSize(meta.c_str()).x <= ImGui::GetContentRegionAvail().x) {
    ImGui::SameLine();
  }
  ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
  ImGui::TextUnformatted(meta.c_str());
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (UTC)", group.at.c_str());
  automation::note_last_item(("history-entry:" + n).c_str(), group.what + " · " + who + " · " + when);
  ImGui::Indent();
  ImGui::PushTextWrapPos(0.0f);  // two shortened values still may not fit a narrow editor
  for (std::size_t i = 0; i < group.lines.size(); ++i) {
    const HistoryLine& line = group.lines[i];
    ImGui::Bullet();
    ImGui::TextUnformatted(line.text.c_str());
    full_text_tooltip(line);
    automation::note_last_item(("history-change:" + n + ":" + std::to_string(i)).c_str(), line.full);
  }
  ImGui::PopTextWrapPos();
  ImGui::Unindent();
  ImGui::Spacing();
}

}  // namespace

void record_history_panel(Session& session, UiState& ui, const EntityDef& def, const std::string& record_id) {
  ImGui::Spacing();
  if (!ImGui::CollapsingHeader(ICON_HISTORY "  History###record-history")) return;
  HistoryView& view = ui.history;
  Workspace& ws = *session.current();
  refresh_history(view, ws.records(), def, ws.id(), record_id, session.data_revision());
  if (view.groups.empty()) {
    ui::muted_text("history-none", "No changes recorded.");
    return;
  }
  const std::size_t shown = std::min(view.shown, view.groups.size());
  for (std::size_t i = 0; i < shown; ++i) {
    ImGui::PushID(static_cast<int>(i));
    change_set(view.groups[i], i);
    ImGui::PopID();
  }
  if (shown < view.groups.size()) {
    const std::size_t older = view.groups.size() - shown;
    if (ImGui::Button(("Show older (" + std::to_string(older) + " more)###history-older").c_str())) {
      view.shown += HistoryView::kPage;
    }
  }
}

}  // namespace isms::app::views
