#include "app/views/charts.hpp"

#include "app/theme.hpp"

namespace isms::app::views {
namespace {

ImVec4 rgb(int r, int g, int b) { return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, 1.0f); }

}  // namespace

Tint level_tint(RiskLevel level) {
  switch (level) {
    case RiskLevel::Low:
      return {rgb(209, 250, 229), rgb(6, 95, 70)};
    case RiskLevel::Medium:
      return {rgb(254, 243, 199), rgb(146, 64, 14)};
    case RiskLevel::High:
      return {rgb(254, 215, 170), rgb(154, 52, 18)};
    case RiskLevel::Critical:
      return {rgb(254, 202, 202), rgb(153, 27, 27)};
  }
  return muted_tint();
}

Tint kpi_tint(KpiStatus status) {
  switch (status) {
    case KpiStatus::OnTarget:
      return {rgb(209, 250, 229), rgb(6, 95, 70)};
    case KpiStatus::AtRisk:
      return {rgb(254, 243, 199), rgb(146, 64, 14)};
    case KpiStatus::OffTarget:
      return {rgb(254, 202, 202), rgb(153, 27, 27)};
    case KpiStatus::Overdue:
      return {rgb(254, 215, 170), rgb(154, 52, 18)};
    case KpiStatus::NoData:
      break;
  }
  return muted_tint();
}

Tint muted_tint() { return {rgb(241, 245, 249), rgb(71, 85, 105)}; }

Tint tone_tint(Tone tone) {
  switch (tone) {
    case Tone::Good:
      return {rgb(209, 250, 229), rgb(6, 95, 70)};
    case Tone::Active:
      return {rgb(219, 234, 254), rgb(30, 64, 175)};
    case Tone::Attention:
      return {rgb(254, 243, 199), rgb(146, 64, 14)};
    case Tone::Bad:
      return {rgb(254, 202, 202), rgb(153, 27, 27)};
    case Tone::Muted:
    case Tone::Plain:
      break;
  }
  return muted_tint();
}

void chip(const std::string& text, const Tint& tint) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 text_size = ImGui::CalcTextSize(text.c_str());
  const ImVec2 padding(style.FramePadding.x * 0.8f, style.FramePadding.y * 0.4f);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  // The fill reaches a little above and below the text, but the chip takes exactly a line of
  // text in the layout: its text sits on the line like any text beside it, and a table row of
  // chips is as tall as one of text (the list clipper measures one row and assumes the rest).
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(ImVec2(at.x, at.y - padding.y),
                      ImVec2(at.x + text_size.x + padding.x * 2, at.y + text_size.y + padding.y),
                      ImGui::GetColorU32(tint.fill), (text_size.y + padding.y * 2) * 0.5f);
  draw->AddText(ImVec2(at.x + padding.x, at.y), ImGui::GetColorU32(tint.ink), text.c_str());
  ImGui::Dummy(ImVec2(text_size.x + padding.x * 2, text_size.y));
}

void stacked_bar(float width, const std::vector<BarPart>& parts, float total) {
  const float height = ImGui::GetTextLineHeight() * 0.6f;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float rounding = height * 0.5f;
  draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), ImGui::GetColorU32(palette().border), rounding);
  if (total > 0) {
    float x = at.x;
    for (const BarPart& part : parts) {
      if (part.value <= 0) continue;
      const float w = width * part.value / total;
      // Rounded only where the bar ends, so the parts join without gaps.
      ImDrawFlags corners = 0;
      if (x <= at.x + 0.5f) corners |= ImDrawFlags_RoundCornersLeft;
      if (x + w >= at.x + width - 0.5f) corners |= ImDrawFlags_RoundCornersRight;
      if (corners == 0) corners = ImDrawFlags_RoundCornersNone;
      draw->AddRectFilled(ImVec2(x, at.y), ImVec2(x + w, at.y + height), ImGui::GetColorU32(part.colour), rounding,
                          corners);
      x += w;
    }
  }
  ImGui::Dummy(ImVec2(width, height));
}

}  // namespace isms::app::views
