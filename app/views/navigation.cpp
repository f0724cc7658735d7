// The navigation panel: workspaces and trash, then the open workspace's pages.
#include <imgui.h>

#include <algorithm>
#include <map>
#include <string>

#include "app/automation.hpp"
#include "app/fonts.hpp"
#include "app/icons.hpp"
#include "app/register_counts.hpp"
#include "app/register_groups.hpp"
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

// A red flag with the number at the right end of the item just drawn (an entry, a folded group),
// "3 overdue" on hover, reported to the automation bridge under `key`.
void overdue_flag(const std::string& key, std::size_t overdue) {
  const std::string text = ICON_FLAG " " + std::to_string(overdue);
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  const ImVec2 at(max.x - size.x - ImGui::GetStyle().FramePadding.x, min.y + (max.y - min.y - size.y) * 0.5f);
  ImGui::GetWindowDrawList()->AddText(at, ImGui::GetColorU32(palette().danger), text.c_str());
  const std::string tip = std::to_string(overdue) + " overdue";
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip.c_str());
  automation::note_last_item(key.c_str(), tip);
}

bool entry(const char* icon, const char* label, std::size_t count, bool selected, std::size_t overdue = 0,
           const std::string& flag_key = {}) {
  std::string text = std::string(icon) + "  " + label;
  if (count > 0) text += "  (" + std::to_string(count) + ")";
  text += std::string("##nav-") + label;
  const bool clicked = ImGui::Selectable(text.c_str(), selected, 0, ImVec2(0, ImGui::GetFrameHeight()));
  if (overdue > 0) overdue_flag(flag_key, overdue);
  return clicked;
}

// Pages of their own shown inside a group, right after one of its registers (issue 4): the
// Gantt chart after the program timeline, the RACI grid after the RACI register, the Statement
// of Applicability with the risk registers, after the treatment plan.
struct GroupPage {
  const char* icon;
  const char* after_kind;
  Page page;
  const char* label;
  const char* counted_kind;  // the register whose count it shows
};
constexpr GroupPage kGroupPages[] = {
    {ICON_CALENDAR, "milestone", Page::Timeline, "Gantt chart", "milestone"},
    {ICON_TH, "raci", Page::Raci, "RACI grid", "raci"},
    {ICON_CHECK_CIRCLE, "treatment_action", Page::Soa, "Statement of Applicability", "control"},
};

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
    if (entry(ICON_DASHBOARD, "Dashboard", 0, ui.page == Page::Dashboard)) ui.page = Page::Dashboard;
    if (entry(ICON_INFO, "Overview", 0, ui.page == Page::Overview)) ui.page = Page::Overview;
    // Counted once per change of the data, never per frame (app/register_counts.hpp).
    const std::map<std::string, RegisterCount>& counts = ui.register_counts.get(session);
    // Groups fold, so the whole register fits a laptop screen; the group of the register shown
    // opens with it.
    for (const RegisterGroup& group : register_groups()) {
      bool current_group = ui.page == Page::Register &&
                           std::find(group.kinds.begin(), group.kinds.end(), ui.table.kind) != group.kinds.end();
      for (const GroupPage& page : kGroupPages) {
        const bool inside = std::find(group.kinds.begin(), group.kinds.end(), page.after_kind) != group.kinds.end();
        if (inside && ui.page == page.page) current_group = true;
      }
      if (current_group) ImGui::SetNextItemOpen(true, ImGuiCond_Once);
      if (!ImGui::CollapsingHeader(group.title.c_str())) {
        // Folded: its flag says that something inside is overdue.
        if (const std::size_t overdue = overdue_in(counts, group.kinds); overdue > 0) {
          overdue_flag("overdue-group:" + group.title, overdue);
        }
        continue;
      }
      for (const std::string& kind : group.kinds) {
        const EntityDef& def = ws->registry().get(kind);
        const bool shown = ui.page == Page::Register && ui.table.kind == kind;
        const RegisterCount count = ui.register_counts.of(session, kind);
        if (entry(ICON_LIST, def.plural.c_str(), count.records, shown, count.overdue, "overdue-nav:" + kind) &&
            !shown) {
          if (ui.draft.dirty) {
            ui.draft.problem = "Save or discard the changes to this record before leaving it.";
            ui.page = Page::Register;  // from another page: show that record, with the note
          } else {
            ui.page = Page::Register;
            ui.table = RegisterView{};
            ui.table.kind = kind;
            ui.draft = RecordDraft{};
          }
        }
        for (const GroupPage& page : kGroupPages) {
          if (page.after_kind != kind) continue;
          if (entry(page.icon, page.label, ui.register_counts.of(session, page.counted_kind).records,
                    ui.page == page.page)) {
            ui.page = page.page;
          }
        }
      }
    }
  }
}

}  // namespace isms::app::views
