#include "app/views/kpi_chart.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "app/automation.hpp"
#include "app/theme.hpp"
#include "app/widgets.hpp"
#include "core/util/number_text.hpp"

namespace isms::app::views {
namespace {

ImU32 colour(const ImVec4& c, float alpha = 1.0f) { return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, c.w * alpha)); }

// ImGui draws no dashed lines: short segments with gaps, so the target never reads as data.
void dashed_line(ImDrawList* draw, ImVec2 from, float to_x, ImU32 ink, float thickness) {
  const float dash = ImGui::GetFontSize() * 0.45f, gap = dash * 0.7f;
  for (float x = from.x; x < to_x; x += dash + gap) {
    draw->AddLine(ImVec2(x, from.y), ImVec2(std::min(x + dash, to_x), from.y), ink, thickness);
  }
}

std::string with_unit(double value, const std::string& unit) {
  std::string text = format_double(value);
  if (!unit.empty()) text += (unit == "%" ? "" : " ") + unit;
  return text;
}

}  // namespace

void kpi_chart(const KpiSeries& series, float width) {
  const Palette& colours = palette();
  if (series.points.empty()) {
    ui::muted_text("kpi-chart-empty", "No measurements yet: the chart shows them once there are some.");
    return;
  }
  const float font = ImGui::GetFontSize();
  const float line = ImGui::GetTextLineHeight();

  // The caption: what the axis measures, and on the right the legend of the target line.
  const float line_start = ImGui::GetCursorPosX();
  ImGui::PushStyleColor(ImGuiCol_Text, colours.text_muted);
  ImGui::TextUnformatted(series.unit.empty() ? "Measured values" : ("Measured values (" + series.unit + ")").c_str());
  if (series.target) {
    const std::string legend = "Target " + with_unit(*series.target, series.unit);
    const float legend_x = line_start + width - ImGui::CalcTextSize(legend.c_str()).x - font * 2.6f;
    ImGui::SameLine();
    if (legend_x > ImGui::GetCursorPosX()) ImGui::SetCursorPosX(legend_x);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    dashed_line(ImGui::GetWindowDrawList(), ImVec2(at.x, at.y + line * 0.55f), at.x + font * 1.4f,
                colour(colours.success), 2.0f);
    ImGui::Dummy(ImVec2(font * 1.8f, line));
    ImGui::SameLine(0, 0);
    ImGui::TextUnformatted(legend.c_str());
  }
  ImGui::PopStyleColor();

  // The frame: value labels on the left, date labels under the plot.
  float label_width = 0;
  for (double tick : series.ticks) label_width = std::max(label_width, ImGui::CalcTextSize(tick_text(tick).c_str()).x);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 size(width, font * 11);
  const float left = origin.x + label_width + font * 0.6f, right = origin.x + size.x - font * 0.8f;
  const float top = origin.y + line * 0.6f, bottom = origin.y + size.y - line * 1.6f;
  const float inset = font * 0.6f;  // the first and last point clear of the frame's edges
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(ImVec2(left, top), ImVec2(right, bottom), colour(colours.surface));

  const auto y_of = [&](double value) {
    const double span = series.high - series.low;
    return bottom - static_cast<float>((value - series.low) / span) * (bottom - top);
  };
  const auto x_of = [&](std::int64_t day) {
    if (series.last_day == series.first_day) return (left + right) * 0.5f;
    const double share = static_cast<double>(day - series.first_day) / static_cast<double>(series.last_day - series.first_day);
    return left + inset + static_cast<float>(share) * (right - left - 2 * inset);
  };

  for (double tick : series.ticks) {
    const float y = y_of(tick);
    draw->AddLine(ImVec2(left, y), ImVec2(right, y), colour(colours.border), 1.0f);
    const std::string text = tick_text(tick);
    draw->AddText(ImVec2(left - font * 0.4f - ImGui::CalcTextSize(text.c_str()).x, y - line * 0.5f),
                  colour(colours.text_muted), text.c_str());
  }
  draw->AddLine(ImVec2(left, bottom), ImVec2(right, bottom), colour(colours.text_muted, 0.6f), 1.0f);

  // Dates under their points, left to right, each only where it does not run into the one before.
  float free_from = origin.x;
  for (std::size_t i = 0; i < series.points.size(); ++i) {
    const SeriesPoint& point = series.points[i];
    const float x = x_of(point.day);
    const float w = ImGui::CalcTextSize(point.date.c_str()).x;
    const float from = std::clamp(x - w * 0.5f, origin.x, origin.x + size.x - w);
    if (from < free_from) continue;
    draw->AddLine(ImVec2(x, bottom), ImVec2(x, bottom + font * 0.25f), colour(colours.text_muted, 0.6f), 1.0f);
    draw->AddText(ImVec2(from, bottom + font * 0.3f), colour(colours.text_muted), point.date.c_str());
    free_from = from + w + font;
  }

  if (series.target) dashed_line(draw, ImVec2(left, y_of(*series.target)), right, colour(colours.success), 2.0f);

  std::vector<ImVec2> at;
  for (const SeriesPoint& point : series.points) at.emplace_back(x_of(point.day), y_of(point.value));
  if (at.size() > 1) draw->AddPolyline(at.data(), static_cast<int>(at.size()), colour(colours.accent), 0, 2.0f);
  const float radius = font * 0.28f;
  for (const ImVec2& p : at) {
    draw->AddCircleFilled(p, radius + 1.5f, colour(colours.surface));
    draw->AddCircleFilled(p, radius, colour(colours.accent));
  }

  ImGui::Dummy(size);
  automation::note_last_item("kpi-chart-points", std::to_string(series.points.size()));
  // The point under the mouse: its date and value.
  if (ImGui::IsItemHovered()) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (std::size_t i = 0; i < at.size(); ++i) {
      if (std::abs(mouse.x - at[i].x) <= radius * 2.5f && std::abs(mouse.y - at[i].y) <= radius * 2.5f) {
        ImGui::SetTooltip("%s: %s", series.points[i].date.c_str(),
                          with_unit(series.points[i].value, series.unit).c_str());
        break;
      }
    }
  }
}

}  // namespace isms::app::views
