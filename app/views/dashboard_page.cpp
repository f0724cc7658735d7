// The open workspace at a glance (issue 4, item 4): the program's progress, the Statement of
// Applicability's coverage, risks before and after treatment and above the appetite, KPIs,
// objectives, and what is overdue, each a card; a click on a record opens it in its register.
// The figures come from DashboardCache: computed once per change of the workspace, not per frame.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <string>

#include "app/automation.hpp"
#include "app/fonts.hpp"
#include "app/icons.hpp"
#include "app/record_navigation.hpp"
#include "app/theme.hpp"
#include "app/views/card_grid.hpp"
#include "app/views/charts.hpp"
#include "app/views/views.hpp"
#include "app/widgets.hpp"
#include "core/util/text.hpp"

namespace isms::app::views {
namespace {

constexpr std::size_t kListed = 5;       // records a card lists before "and N more"
constexpr std::size_t kKpisListed = 5;   // KPIs with their sparkline
constexpr std::size_t kOverdueRows = 8;  // rows of the overdue list before it scrolls

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::size_t count_of(const figures::Counts& counts, const std::string& key) {
  const auto found = counts.find(key);
  return found != counts.end() ? found->second : 0;
}

void muted(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopStyleColor();
}

// Text drawn so that it ends at `right` (screen x) on the current line.
void right_aligned(const char* key, const std::string& text, float right, ImVec4 colour) {
  ImGui::SameLine();
  ImGui::SetCursorScreenPos(ImVec2(right - ImGui::CalcTextSize(text.c_str()).x, ImGui::GetCursorScreenPos().y));
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ui::keyed_text(key, text);
  ImGui::PopStyleColor();
}

// One record of a card's list: its title opens it; `detail` sits at the right end.
void record_line(Session& session, UiState& ui, const std::string& kind, const std::string& id,
                 const std::string& title, const std::string& detail, ImVec4 detail_colour, float width) {
  const float left = ImGui::GetCursorScreenPos().x;
  const float detail_width =
      detail.empty() ? 0 : ImGui::CalcTextSize(detail.c_str()).x + ImGui::GetStyle().ItemSpacing.x;
  if (ImGui::Selectable((title + "##open-" + kind + "-" + id).c_str(), false, 0,
                        ImVec2(std::max(width - detail_width, 1.0f), 0))) {
    open_in_register(ui, session.current()->records(), kind, id);
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open \"%s\" in its register.", title.c_str());
  if (!detail.empty()) right_aligned(("detail:" + id).c_str(), detail, left + width, detail_colour);
}

void more_line(std::size_t listed, std::size_t total) {
  if (total > listed) muted("and " + std::to_string(total - listed) + " more");
}

// A thin line across the card (ImGui's separator would cross the whole window, other cards too).
void rule(float width) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddLine(at, ImVec2(at.x + width, at.y), ImGui::GetColorU32(palette().border));
  ImGui::Dummy(ImVec2(width, 1));
}

bool is_past(const std::string& date, const std::string& today) {
  return date.size() == 10 && date[4] == '-' && date < today;
}

void go_to_register(Session& session, UiState& ui, const std::string& kind) {
  if (ui.draft.dirty && ui.draft.kind != kind) {
    open_in_register(ui, session.current()->records(), ui.draft.kind, ui.draft.id);  // shows what is unsaved
    return;
  }
  ui.page = Page::Register;
  if (ui.table.kind != kind) {
    ui.table = RegisterView{};
    ui.table.kind = kind;
    ui.draft = RecordDraft{};
  }
}

// A link-like button to a page; `key` is its stable name for the bridge.
bool page_link(const char* label) {
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
  const bool pressed = ImGui::SmallButton(label);
  ImGui::PopStyleColor(3);
  return pressed;
}

void program_card(Session& session, UiState& ui, const DashboardFigures& f, float width) {
  const figures::ProgramProgress& p = f.program;
  char overlay[32];
  std::snprintf(overlay, sizeof overlay, "%.0f%% mean progress", p.mean_progress);
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram, palette().accent);
  ImGui::PushStyleColor(ImGuiCol_FrameBg, palette().accent_soft);
  ImGui::ProgressBar(static_cast<float>(p.mean_progress / 100.0), ImVec2(width, 0), overlay);
  ImGui::PopStyleColor(2);
  ui::keyed_text("program-milestones", std::to_string(p.milestones_done) + " of " +
                                           plural(p.milestones, "milestone", "milestones") + " done");
  muted("Program components in place: " + std::to_string(p.components_in_place) + " of " +
        std::to_string(p.components) + " (" + std::to_string(p.components_effective) + " effective)");
  ImGui::Spacing();
  if (f.late_milestones.empty()) {
    muted("No milestone is late.");
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
    ui::keyed_text("late-milestones", std::string(ICON_CLOCK "  ") +
                                          plural(f.late_milestones.size(), "late milestone", "late milestones"));
    ImGui::PopStyleColor();
    for (std::size_t i = 0; i < f.late_milestones.size() && i < kListed; ++i) {
      const figures::Flagged& m = f.late_milestones[i];
      record_line(session, ui, m.kind, m.id, m.title, "due " + m.detail, palette().danger, width);
    }
    more_line(kListed, f.late_milestones.size());
  }
}

void soa_card(Session& session, UiState& ui, const DashboardFigures& f, float width) {
  const figures::Coverage& total = f.soa.total;
  const std::size_t decided = total.applicable + total.not_applicable;
  ui::keyed_text("soa-decided",
                 std::to_string(decided) + " of " + plural(total.controls, "control", "controls") + " decided");
  muted(std::to_string(total.applicable) + " applicable, " + std::to_string(total.implemented) + " implemented, " +
        std::to_string(total.not_applicable) + " not applicable");
  ImGui::Spacing();
  const Palette& p = palette();
  const ImVec4 applicable(0.58f, 0.73f, 0.96f, 1.0f);
  const ImVec4 excluded(0.80f, 0.84f, 0.88f, 1.0f);
  const FieldDef* theme_field = session.current()->registry().get("control").field("theme");
  for (const EnumOption& theme : theme_field->options) {
    const auto found = f.soa.by_theme.find(theme.value);
    const figures::Coverage c = found != f.soa.by_theme.end() ? found->second : figures::Coverage{};
    const float left = ImGui::GetCursorScreenPos().x;
    ImGui::TextUnformatted(theme.label.c_str());
    right_aligned(("soa:" + theme.value).c_str(),
                  std::to_string(c.applicable + c.not_applicable) + " of " + std::to_string(c.controls) + " decided, " +
                      std::to_string(c.applicable) + " applicable, " + std::to_string(c.implemented) + " implemented",
                  left + width, p.text_muted);
    stacked_bar(width,
                {{static_cast<float>(c.implemented), p.success},
                 {static_cast<float>(c.applicable - c.implemented), applicable},
                 {static_cast<float>(c.not_applicable), excluded}},
                static_cast<float>(c.controls));
  }
  ImGui::Spacing();
  chip("Implemented", {p.success, ImVec4(1, 1, 1, 1)});
  ImGui::SameLine();
  chip("Applicable", {applicable, p.text});
  ImGui::SameLine();
  chip("Not applicable", {excluded, p.text});
  ImGui::SameLine();
  chip("Undecided", {p.border, p.text_muted});
  if (page_link(ICON_LIST "  Open the Statement of Applicability")) ui.page = Page::Soa;
}

void risk_levels_card(Session& session, UiState& ui, const DashboardFigures& f, float width) {
  ui::keyed_text("risks-total", plural(f.risks, "risk", "risks") + " in the register");
  ImGui::SameLine();
  muted(std::string("·  appetite: ") + std::string(to_label(f.appetite)));
  const float left = ImGui::GetCursorScreenPos().x;
  const float before_x = left + width * 0.42f, after_x = left + width * 0.72f;
  const auto columns = [&](const std::string& inherent_key, std::size_t inherent, const std::string& residual_key,
                           std::size_t residual) {
    ImGui::SameLine();
    ImGui::SetCursorScreenPos(ImVec2(before_x, ImGui::GetCursorScreenPos().y));
    ui::keyed_text(inherent_key.c_str(), std::to_string(inherent));
    ImGui::SameLine();
    ImGui::SetCursorScreenPos(ImVec2(after_x, ImGui::GetCursorScreenPos().y));
    ui::keyed_text(residual_key.c_str(), std::to_string(residual));
  };
  ImGui::Spacing();
  muted("Level");
  ImGui::SameLine();
  ImGui::SetCursorScreenPos(ImVec2(before_x, ImGui::GetCursorScreenPos().y));
  muted("Before treatment");
  ImGui::SameLine();
  ImGui::SetCursorScreenPos(ImVec2(after_x, ImGui::GetCursorScreenPos().y));
  muted("After treatment");
  rule(width);
  for (const RiskLevel level : {RiskLevel::Critical, RiskLevel::High, RiskLevel::Medium, RiskLevel::Low}) {
    const std::string value(to_value(level));
    chip(std::string(to_label(level)), level_tint(level));
    columns("risks:inherent:" + value, count_of(f.risk_levels.inherent, value), "risks:residual:" + value,
            count_of(f.risk_levels.residual, value));
  }
  muted("Not assessed");
  columns("risks:inherent:none", count_of(f.risk_levels.inherent, ""), "risks:residual:none",
          count_of(f.risk_levels.residual, ""));
  if (page_link(ICON_LIST "  Open the risk register")) go_to_register(session, ui, "risk");
}

void appetite_card(Session& session, UiState& ui, const DashboardFigures& f, float width) {
  ImGui::PushFont(current_fonts().title);
  ImGui::PushStyleColor(ImGuiCol_Text, f.above_appetite.empty() ? palette().success : palette().danger);
  ui::keyed_text("above-appetite", std::to_string(f.above_appetite.size()));
  ImGui::PopStyleColor();
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  muted(std::string(f.above_appetite.size() == 1 ? "open risk is" : "open risks are") + " above the appetite (" +
        std::string(to_label(f.appetite)) + ")");
  if (f.above_appetite.empty()) {
    muted("Every open risk is within the appetite after treatment.");
    return;
  }
  for (std::size_t i = 0; i < f.above_appetite.size() && i < kListed; ++i) {
    const figures::Flagged& risk = f.above_appetite[i];
    const std::optional<RiskLevel> level = parse_level(risk.detail);
    const std::string label = level ? std::string(to_label(*level)) : risk.detail;
    const float chip_width = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2.6f;
    const float left = ImGui::GetCursorScreenPos().x;
    record_line(session, ui, risk.kind, risk.id, risk.title, "", palette().text, width - chip_width);
    ImGui::SameLine();
    ImGui::SetCursorScreenPos(
        ImVec2(left + width - chip_width + ImGui::GetStyle().ItemSpacing.x * 0.5f, ImGui::GetCursorScreenPos().y));
    chip(label, level ? level_tint(*level) : muted_tint());
  }
  more_line(kListed, f.above_appetite.size());
}

std::string short_label(KpiStatus status) {
  return status == KpiStatus::Overdue ? "Overdue" : std::string(to_label(status));
}

void kpi_card(Session& session, UiState& ui, const DashboardFigures& f, float width) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const KpiStatus order[] = {KpiStatus::OnTarget, KpiStatus::AtRisk, KpiStatus::OffTarget, KpiStatus::Overdue,
                             KpiStatus::NoData};
  const float gap = style.ItemSpacing.x * 0.6f;
  const float tile_width = (width - gap * 4) / 5;
  const float tile_height = ImGui::GetTextLineHeight() * 3.0f;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (int i = 0; i < 5; ++i) {
    const KpiStatus status = order[i];
    const Tint tint = kpi_tint(status);
    const std::string value(to_value(status));
    const auto found = f.kpi_counts.find(value);
    const std::string count = std::to_string(found != f.kpi_counts.end() ? found->second : 0);
    if (i > 0) ImGui::SameLine(0, gap);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    draw->AddRectFilled(at, ImVec2(at.x + tile_width, at.y + tile_height), ImGui::GetColorU32(tint.fill),
                        style.FrameRounding);
    ImGui::PushFont(current_fonts().title);
    const ImVec2 number_size = ImGui::CalcTextSize(count.c_str());
    ImGui::SetCursorScreenPos(ImVec2(at.x + (tile_width - number_size.x) * 0.5f, at.y + style.FramePadding.y));
    ImGui::PushStyleColor(ImGuiCol_Text, tint.ink);
    ui::keyed_text(("kpi:" + value).c_str(), count);
    ImGui::PopFont();
    const std::string label = short_label(status);
    ImGui::SetCursorScreenPos(ImVec2(at.x + (tile_width - ImGui::CalcTextSize(label.c_str()).x) * 0.5f,
                                     at.y + tile_height - ImGui::GetTextLineHeight() - style.FramePadding.y));
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopStyleColor();
    ImGui::SetCursorScreenPos(at);
    ImGui::Dummy(ImVec2(tile_width, tile_height));
  }
  ImGui::Spacing();
  if (f.kpis.empty()) {
    muted("No KPIs yet: add them under Governance, KPIs, with their measurements.");
    return;
  }
  const float left = ImGui::GetCursorScreenPos().x;
  const float name_width = width * 0.40f, spark_width = width * 0.22f;
  for (std::size_t i = 0; i < f.kpis.size() && i < kKpisListed; ++i) {
    const KpiTile& kpi = f.kpis[i];
    ImGui::PushID(kpi.id.c_str());
    const float y = ImGui::GetCursorScreenPos().y;
    if (ImGui::Selectable((kpi.name + "##kpi").c_str(), false, 0, ImVec2(name_width, ImGui::GetFrameHeight() * 0.9f))) {
      open_in_register(ui, session.current()->records(), "kpi", kpi.id);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open \"%s\" in its register.", kpi.name.c_str());
    ImGui::SetCursorScreenPos(ImVec2(left + name_width + style.ItemSpacing.x, y));
    if (kpi.recent.size() >= 2) {
      ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0, 0, 0, 0));
      ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0, 0, 0, 0));
      ImGui::PushStyleColor(ImGuiCol_PlotLines, palette().accent);
      ImGui::PlotLines("##trend", kpi.recent.data(), static_cast<int>(kpi.recent.size()), 0, nullptr, FLT_MAX, FLT_MAX,
                       ImVec2(spark_width, ImGui::GetFrameHeight() * 0.9f));
      ImGui::PopStyleColor(3);
    } else {
      ImGui::Dummy(ImVec2(spark_width, ImGui::GetFrameHeight() * 0.9f));
    }
    ImGui::SetCursorScreenPos(
        ImVec2(left + name_width + spark_width + style.ItemSpacing.x * 2, y + style.FramePadding.y * 0.4f));
    char latest[48] = "";
    if (kpi.latest)
      std::snprintf(latest, sizeof latest, "%g%s%s", *kpi.latest, kpi.unit.empty() ? "" : " ", kpi.unit.c_str());
    muted(latest);
    const std::string status = short_label(kpi.status);
    const float chip_width = ImGui::CalcTextSize(status.c_str()).x + style.FramePadding.x * 1.6f;
    ImGui::SameLine();
    ImGui::SetCursorScreenPos(ImVec2(left + width - chip_width, y + style.FramePadding.y * 0.2f));
    chip(status, kpi_tint(kpi.status));
    ImGui::SetCursorScreenPos(ImVec2(left, y + ImGui::GetFrameHeight() * 0.9f + style.ItemSpacing.y * 0.5f));
    ImGui::Dummy(ImVec2(width, 0));
    ImGui::PopID();
  }
  more_line(kKpisListed, f.kpis.size());
}

void objectives_card(Session& session, UiState& ui, const DashboardFigures& f, float width) {
  std::size_t total = 0, largest = 0;
  for (const auto& [status, count] : f.objectives) {
    total += count;
    largest = std::max(largest, count);
  }
  ui::keyed_text("objectives-total", plural(total, "objective", "objectives"));
  const float label_width = width * 0.38f, count_width = ImGui::CalcTextSize("0000").x;
  const FieldDef* status_field = session.current()->registry().get("objective").field("status");
  for (const EnumOption& option : status_field->options) {
    const std::size_t count = count_of(f.objectives, option.value);
    const float left = ImGui::GetCursorScreenPos().x;
    ImGui::TextUnformatted(option.label.c_str());
    ImGui::SameLine();
    const float y = ImGui::GetCursorScreenPos().y;
    ImGui::SetCursorScreenPos(ImVec2(left + label_width, y + ImGui::GetTextLineHeight() * 0.2f));
    stacked_bar(width - label_width - count_width, {{static_cast<float>(count), palette().accent}},
                static_cast<float>(std::max<std::size_t>(largest, 1)));
    ImGui::SameLine();
    ImGui::SetCursorScreenPos(ImVec2(left + width - ImGui::CalcTextSize(std::to_string(count).c_str()).x, y));
    ui::keyed_text(("objectives:" + option.value).c_str(), std::to_string(count));
  }
  if (page_link(ICON_LIST "  Open the objectives")) go_to_register(session, ui, "objective");
}

void overdue_card(Session& session, UiState& ui, const DashboardFigures& f, float width) {
  if (f.overdue.empty()) {
    ui::muted_text("overdue-none",
                   "Nothing is overdue. Late treatment and corrective actions, missing trainings, reviews past "
                   "their date and overdue reports appear here.");
    return;
  }
  ui::keyed_text("overdue-count", plural(f.overdue.size(), "item needs", "items need") + " attention");
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
  const float row = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2;
  const float height = row * static_cast<float>(std::min(f.overdue.size(), kOverdueRows) + 1) + 2;
  if (!ImGui::BeginTable("overdue", 3, flags, ImVec2(width, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("What", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 11);
  ImGui::TableSetupColumn("Record", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("Due", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 12);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;  // a large workspace may have thousands of late items
  clipper.Begin(static_cast<int>(f.overdue.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const OverdueItem& item = f.overdue[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      muted(item.what);
      ImGui::TableNextColumn();
      ImGui::PushID(i);
      if (ImGui::Selectable((item.title + "##overdue-" + item.kind + "-" + item.id).c_str(), false,
                            ImGuiSelectableFlags_SpanAllColumns)) {
        open_in_register(ui, session.current()->records(), item.kind, item.id);
      }
      ImGui::PopID();
      ImGui::TableNextColumn();
      if (is_past(item.detail, f.today)) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
        ImGui::TextUnformatted(("due " + item.detail).c_str());
        ImGui::PopStyleColor();
      } else if (item.what == "Training") {
        muted(item.detail);
      } else {
        muted("due " + item.detail);
      }
    }
  }
  ImGui::EndTable();
}

}  // namespace

void dashboard_page(Session& session, UiState& ui) {
  if (session.opening()) {
    ui::muted_text("opening", "Opening the workspace…");
    return;
  }
  Workspace* ws = session.current();
  if (ws == nullptr) {
    ui.page = Page::Workspaces;
    return;
  }
  const DashboardFigures& f = ui.dashboard.get(session);
  ui::page_title("Dashboard");
  ui::muted_text("dashboard-subtitle", ws->meta().name + "   ·   figures of " + f.today);
  ImGui::Spacing();

  CardGrid grid(ImGui::GetFontSize() * 30, 3);
  float w = grid.begin_card("Program progress");
  program_card(session, ui, f, w);
  grid.end_card();
  w = grid.begin_card("Statement of Applicability");
  soa_card(session, ui, f, w);
  grid.end_card();
  w = grid.begin_card("Risks by level");
  risk_levels_card(session, ui, f, w);
  grid.end_card();
  w = grid.begin_card("Risks above the appetite");
  appetite_card(session, ui, f, w);
  grid.end_card();
  w = grid.begin_card("KPI status");
  kpi_card(session, ui, f, w);
  grid.end_card();
  w = grid.begin_card("Objectives by status");
  objectives_card(session, ui, f, w);
  grid.end_card();
  w = grid.begin_card("Overdue", grid.columns());
  overdue_card(session, ui, f, w);
  grid.end_card();
  grid.end();
}

}  // namespace isms::app::views
