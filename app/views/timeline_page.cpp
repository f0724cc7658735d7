// The program timeline as a Gantt chart by month (issue 4, item 5): one row per milestone, its
// bar from planned start to planned end coloured by status and filled to its progress, late ones
// in red, a line for today. A click on a row or bar opens the milestone in its register.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/automation.hpp"
#include "app/icons.hpp"
#include "app/record_navigation.hpp"
#include "app/theme.hpp"
#include "app/timeline_chart.hpp"
#include "app/views/charts.hpp"
#include "app/views/views.hpp"
#include "app/widgets.hpp"

namespace isms::app::views {
namespace {

Tint status_tint(const TimelineBar& bar) {
  if (bar.late) return {palette().danger_soft, palette().danger};
  if (bar.status == "done") return {palette().success_soft, palette().success_ink};
  if (bar.status == "in_progress") return {palette().accent_soft, palette().info_ink};
  return muted_tint();
}

std::string bar_summary(const TimelineBar& bar) {
  std::string text = format_date(bar.start) + " to " + format_date(bar.end) + " · " + bar.status_label + " · " +
                     std::to_string(bar.progress) + "%";
  if (bar.late) text += " · late";
  return text;
}

// The month columns behind a row: alternate shading, so a bar's months can be read off.
void month_background(ImDrawList* draw, const TimelineChart& chart, ImVec2 at, float month_width, float height) {
  for (int m = 0; m < chart.months; ++m) {
    if (m % 2 == 1) continue;
    const float x = at.x + m * month_width;
    draw->AddRectFilled(ImVec2(x, at.y), ImVec2(x + month_width, at.y + height), ImGui::GetColorU32(palette().surface));
  }
}

void today_line(ImDrawList* draw, const TimelineChart& chart, ImVec2 at, float month_width, float height) {
  const std::optional<CivilDate> today = parse_date(chart.today);
  if (!today) return;
  const double where = chart.position(*today);
  if (where < 0 || where > chart.months) return;
  const float x = at.x + static_cast<float>(where) * month_width;
  draw->AddLine(ImVec2(x, at.y), ImVec2(x, at.y + height), ImGui::GetColorU32(palette().danger), 1.5f);
}

// One bar; true when clicked.
bool bar_cell(const TimelineChart& chart, const TimelineBar& bar, float month_width) {
  const float height = ImGui::GetFrameHeight();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  month_background(draw, chart, at, month_width, height);
  const float x0 = at.x + static_cast<float>(chart.position(bar.start)) * month_width;
  const float x1 = std::max(x0 + 4.0f, at.x + static_cast<float>(chart.position(add_days(bar.end, 1))) * month_width);
  const float pad = height * 0.18f;
  const ImVec2 top(x0, at.y + pad), bottom(x1, at.y + height - pad);
  const Tint tint = status_tint(bar);
  const float rounding = height * 0.2f;
  draw->AddRectFilled(top, bottom, ImGui::GetColorU32(tint.fill), rounding);
  if (bar.progress > 0) {
    const float filled = x0 + (x1 - x0) * static_cast<float>(bar.progress) / 100.0f;
    ImVec4 ink = tint.ink;
    ink.w = 0.55f;
    draw->AddRectFilled(top, ImVec2(filled, bottom.y), ImGui::GetColorU32(ink), rounding,
                        bar.progress >= 100 ? ImDrawFlags_RoundCornersAll : ImDrawFlags_RoundCornersLeft);
  }
  draw->AddRect(top, bottom, ImGui::GetColorU32(tint.ink), rounding, 0, bar.late ? 2.0f : 1.0f);
  today_line(draw, chart, at, month_width, height);
  // The bar is a button of its own: a tooltip on hover, the record on click.
  ImGui::SetCursorScreenPos(top);
  const bool clicked =
      ImGui::InvisibleButton(("bar:" + bar.activity + "##" + bar.id).c_str(), ImVec2(x1 - x0, bottom.y - top.y));
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("%s\n%s%s", bar.activity.c_str(), bar_summary(bar).c_str(),
                      bar.owner.empty() ? "" : ("\nOwner: " + bar.owner).c_str());
  }
  automation::note_last_item(("timeline-bar:" + bar.activity).c_str(), bar_summary(bar));
  return clicked;
}

void month_header(const TimelineChart& chart, float month_width) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float height = ImGui::GetTextLineHeight();
  for (int m = 0; m < chart.months; ++m) {
    const std::string label = chart.month_label(m);
    const float x = at.x + m * month_width;
    const float text_width = ImGui::CalcTextSize(label.c_str()).x;
    // Narrow months show every other label, so the labels never overlap.
    if (text_width + 6 > month_width && m % 2 == 1) continue;
    draw->AddText(ImVec2(x + 4, at.y), ImGui::GetColorU32(palette().text_muted), label.c_str());
  }
  ImGui::Dummy(ImVec2(month_width * static_cast<float>(chart.months), height));
}

void legend() {
  chip("Not started", muted_tint());
  ImGui::SameLine();
  chip("In progress", {palette().accent_soft, palette().info_ink});
  ImGui::SameLine();
  chip("Done", {palette().success_soft, palette().success_ink});
  ImGui::SameLine();
  chip("Late", {palette().danger_soft, palette().danger});
  ImGui::SameLine();
  ImGui::TextDisabled("   The red line is today.");
}

void open_milestone(Session& session, UiState& ui, const std::string& id) {
  open_in_register(ui, session.current()->records(), "milestone", id);
}

}  // namespace

void timeline_page(Session& session, UiState& ui) {
  Workspace* ws = session.current();
  if (ws == nullptr) {
    ui.page = Page::Workspaces;
    return;
  }
  const std::string today = ws->clock().now_utc().substr(0, 10);
  const TimelineChart& chart = ui.timeline.get(ws->records(), ws->id(), session.data_revision(), today);
  ui::page_title("Program timeline");
  std::string summary = std::to_string(chart.bars.size() + chart.unscheduled.size()) + " milestones, " +
                        std::to_string(chart.done) + " done, " + std::to_string(chart.late) + " late";
  if (chart.months > 0) summary += "   ·   " + chart.month_label(0) + " to " + chart.month_label(chart.months - 1);
  ui::muted_text("timeline-summary", summary);
  legend();
  ImGui::Spacing();

  if (chart.bars.empty()) {
    ui::muted_text("timeline-empty",
                   "No milestone has planned dates yet. Give milestones a planned start and end in "
                   "the program timeline register to see them here.");
  } else {
    const float label_width = ImGui::GetFontSize() * 20;
    const float status_width = ImGui::GetFontSize() * 7;
    const float min_month = ImGui::GetFontSize() * 4.5f;
    const float avail = ImGui::GetContentRegionAvail().x - label_width - status_width -
                        ImGui::GetStyle().ScrollbarSize - ImGui::GetStyle().CellPadding.x * 6;
    const float month_width = std::max(min_month, avail / static_cast<float>(chart.months));
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY;
    const float rows_height =
        ImGui::GetContentRegionAvail().y - (chart.unscheduled.empty() ? 0 : ImGui::GetFontSize() * 6);
    if (ImGui::BeginTable("timeline", 3, flags, ImVec2(0, std::max(rows_height, ImGui::GetFontSize() * 10)))) {
      ImGui::TableSetupScrollFreeze(1, 1);
      ImGui::TableSetupColumn("Activity", ImGuiTableColumnFlags_WidthFixed, label_width);
      ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed, status_width);
      ImGui::TableSetupColumn("Months", ImGuiTableColumnFlags_WidthFixed,
                              month_width * static_cast<float>(chart.months));
      ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
      ImGui::TableSetColumnIndex(0);
      ImGui::TableHeader("Activity");
      ImGui::TableSetColumnIndex(1);
      ImGui::TableHeader("Status");
      ImGui::TableSetColumnIndex(2);
      month_header(chart, month_width);
      std::string to_open;
      for (const TimelineBar& bar : chart.bars) {
        ImGui::PushID(bar.id.c_str());
        ImGui::TableNextRow(0, ImGui::GetFrameHeight());
        ImGui::TableSetColumnIndex(0);
        ImGui::AlignTextToFramePadding();
        if (ImGui::Selectable(bar.activity.c_str(), ui.draft.id == bar.id)) to_open = bar.id;
        if (ImGui::IsItemHovered() && !bar.owner.empty()) ImGui::SetTooltip("Owner: %s", bar.owner.c_str());
        ImGui::TableSetColumnIndex(1);
        ImGui::AlignTextToFramePadding();
        if (bar.late) {
          chip("Late", {palette().danger_soft, palette().danger});
          automation::note_last_item(("timeline-late:" + bar.activity).c_str(), "Late");
        } else {
          ImGui::TextUnformatted(bar.status_label.c_str());
        }
        ImGui::TableSetColumnIndex(2);
        if (bar_cell(chart, bar, month_width)) to_open = bar.id;
        ImGui::PopID();
      }
      ImGui::EndTable();
      if (!to_open.empty()) open_milestone(session, ui, to_open);
    }
  }
  if (!chart.unscheduled.empty()) {
    ImGui::Spacing();
    ImGui::TextUnformatted("Not scheduled yet");
    for (const TimelineBar& bar : chart.unscheduled) {
      ImGui::Bullet();
      if (ImGui::SmallButton((bar.activity + "##unscheduled-" + bar.id).c_str())) open_milestone(session, ui, bar.id);
      ImGui::SameLine();
      ImGui::TextDisabled("%s%s", bar.month > 0 ? ("month " + std::to_string(bar.month) + " · ").c_str() : "",
                          bar.status_label.c_str());
    }
  }
}

}  // namespace isms::app::views
