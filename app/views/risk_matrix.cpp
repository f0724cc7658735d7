// The risk matrix heat map above the risk table (issue 4, item 5): likelihood x impact before
// and after treatment, side by side, each cell in the colour of the level the workspace's risk
// method gives its score, with the number of risks in it. A click on a cell narrows the table to
// those risks; the chip above the table says so and takes the filter away again.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "app/automation.hpp"
#include "app/fonts.hpp"
#include "app/icons.hpp"
#include "app/theme.hpp"
#include "app/views/charts.hpp"
#include "app/views/views.hpp"
#include "app/widgets.hpp"

namespace isms::app::views {
namespace {

#define ICON_TH "\xef\x80\x8a"  // U+F00A, Font Awesome's grid: the matrix

void muted(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopStyleColor();
}

// A scale's label where it fits, else its number (the tooltip always names it).
std::string fitting(const std::string& label, int level, float width) {
  return ImGui::CalcTextSize(label.c_str()).x <= width ? label : std::to_string(level);
}

std::string risks_text(std::size_t n) { return std::to_string(n) + (n == 1 ? " risk" : " risks"); }

void cell_tooltip(const RiskMatrixCounts& m, const MatrixCell& cell, std::size_t count, bool selected) {
  const RiskLevel level = m.level(cell);
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(describe_cell(cell, m.method).c_str());
  ImGui::Text("Score %d, %s. %s.", m.score(cell), std::string(to_label(level)).c_str(), risks_text(count).c_str());
  ImGui::TextDisabled("%s", selected ? "Click again to show every risk." : "Click to show these risks in the table.");
  ImGui::EndTooltip();
}

void matrix(UiState& ui, const RiskMatrixCounts& m, bool residual, float width) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const RiskMethod& method = m.method;
  ImGui::BeginGroup();
  ImGui::PushID(residual ? "residual" : "inherent");
  ImGui::PushFont(current_fonts().strong);
  ImGui::TextUnformatted(residual ? "After treatment (residual)" : "Before treatment (inherent)");
  ImGui::PopFont();
  ImGui::SameLine();
  const std::size_t outside = residual ? m.not_treated : m.not_assessed;
  muted(outside == 0 ? std::string() : "·  " + risks_text(outside) + (residual ? " not treated yet" : " not assessed"));

  float label_width = 0;
  for (int l = 1; l <= method.likelihood_levels; ++l) {
    label_width = std::max(label_width, ImGui::CalcTextSize(likelihood_label(method, l).c_str()).x);
  }
  label_width = std::min(label_width, width * 0.28f) + style.ItemSpacing.x;
  const float cell_width = (width - label_width) / static_cast<float>(method.impact_levels);
  const float cell_height = ImGui::GetFrameHeight() * 1.1f;
  const float gap = std::max(1.0f, style.ItemSpacing.x * 0.25f);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  // Highest likelihood on top, as heat maps are read: the worst corner is top right.
  for (int l = method.likelihood_levels; l >= 1; --l) {
    const float y = origin.y + static_cast<float>(method.likelihood_levels - l) * cell_height;
    const std::string row_label = fitting(likelihood_label(method, l), l, label_width - style.ItemSpacing.x);
    const ImVec2 row_label_size = ImGui::CalcTextSize(row_label.c_str());
    draw->AddText(ImVec2(origin.x + label_width - style.ItemSpacing.x - row_label_size.x,
                         y + (cell_height - row_label_size.y) * 0.5f),
                  ImGui::GetColorU32(palette().text_muted), row_label.c_str());
    for (int i = 1; i <= method.impact_levels; ++i) {
      const MatrixCell cell{residual, l, i};
      const std::size_t count = m.count(cell);
      const ImVec2 min(origin.x + label_width + static_cast<float>(i - 1) * cell_width, y);
      const ImVec2 max(min.x + cell_width - gap, min.y + cell_height - gap);
      ImGui::SetCursorScreenPos(min);
      const std::string id =
          "cell:" + std::string(residual ? "residual" : "inherent") + ":" + std::to_string(l) + ":" + std::to_string(i);
      const bool clicked = ImGui::InvisibleButton(("##" + id).c_str(), ImVec2(max.x - min.x, max.y - min.y));
      const bool hovered = ImGui::IsItemHovered();
      const bool selected = ui.table.cell && *ui.table.cell == cell;
      automation::note_last_item(id.c_str(), std::to_string(count));
      const Tint tint = level_tint(m.level(cell));
      ImVec4 fill = tint.fill;
      if (hovered) fill = ImVec4(fill.x * 0.94f, fill.y * 0.94f, fill.z * 0.94f, 1.0f);
      draw->AddRectFilled(min, max, ImGui::GetColorU32(fill), style.FrameRounding * 0.6f);
      if (selected) draw->AddRect(min, max, ImGui::GetColorU32(palette().accent), style.FrameRounding * 0.6f, 0, 2.5f);
      if (count > 0) {
        const std::string text = std::to_string(count);
        ImGui::PushFont(current_fonts().strong);
        const ImVec2 size = ImGui::CalcTextSize(text.c_str());
        draw->AddText(ImVec2((min.x + max.x - size.x) * 0.5f, (min.y + max.y - size.y) * 0.5f),
                      ImGui::GetColorU32(tint.ink), text.c_str());
        ImGui::PopFont();
      }
      if (hovered) cell_tooltip(m, cell, count, selected);
      if (clicked) {
        if (selected) {
          ui.table.cell.reset();
        } else {
          ui.table.cell = cell;
        }
      }
    }
  }
  // The impact scale under its columns, and the two axes named.
  const float below = origin.y + static_cast<float>(method.likelihood_levels) * cell_height;
  for (int i = 1; i <= method.impact_levels; ++i) {
    const std::string label = fitting(impact_label(method, i), i, cell_width - gap);
    const float x = origin.x + label_width + static_cast<float>(i - 1) * cell_width;
    draw->AddText(ImVec2(x + (cell_width - gap - ImGui::CalcTextSize(label.c_str()).x) * 0.5f, below + gap),
                  ImGui::GetColorU32(palette().text_muted), label.c_str());
  }
  ImGui::SetCursorScreenPos(ImVec2(origin.x, below + gap + ImGui::GetTextLineHeightWithSpacing()));
  muted("Likelihood (rows) × impact (columns)");
  ImGui::SetCursorScreenPos(ImVec2(origin.x, ImGui::GetCursorScreenPos().y));
  ImGui::Dummy(ImVec2(width, 0));
  ImGui::PopID();
  ImGui::EndGroup();
}

}  // namespace

void risk_matrix_section(Session& session, UiState& ui) {
  ImGui::SameLine();
  const bool shown = ui.show_risk_matrix;
  if (shown) {
    ImGui::PushStyleColor(ImGuiCol_Button, palette().accent_soft);
    ImGui::PushStyleColor(ImGuiCol_Border, palette().accent);
  }
  if (ImGui::Button(ICON_TH "  Matrix")) ui.show_risk_matrix = !shown;
  if (shown) ImGui::PopStyleColor(2);
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip(shown ? "Hide the risk matrix."
                            : "Show the risk matrix: risks by likelihood and impact, "
                              "before and after treatment.");
  }
  const RiskMatrixCounts& m = ui.risk_matrix.get(session);
  if (ui.show_risk_matrix) {
    ImGui::Spacing();
    if (!m.method_usable) {
      ui::muted_text("matrix-method",
                     "The workspace's risk method cannot be used, so the matrix shows the standard "
                     "5 × 5 method. Correct the risk method under Risk, Risk method.");
    }
    const float gap = ImGui::GetStyle().ItemSpacing.x * 3;
    const float width = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    matrix(ui, m, false, width);
    ImGui::SameLine(0, gap);
    matrix(ui, m, true, width);
  }
  if (ui.table.cell) {
    ImGui::Spacing();
    const Tint tint{palette().accent_soft, palette().text};
    chip(describe_cell(*ui.table.cell, m.method) + "  ·  " + risks_text(m.count(*ui.table.cell)), tint);
    automation::note_last_item("cell-filter", describe_cell(*ui.table.cell, m.method));
    ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x * 0.5f);
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0, 0, 0, 0));
    if (ImGui::SmallButton(ICON_TIMES "##remove-cell-filter")) ui.table.cell.reset();
    ImGui::PopStyleColor(2);
    automation::note_last_item("remove-cell-filter", "Show every risk");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show every risk again.");
  }
}

}  // namespace isms::app::views
