#include "app/views/card_grid.hpp"

#include <algorithm>

#include "app/fonts.hpp"
#include "app/theme.hpp"

namespace isms::app::views {

CardGrid::CardGrid(float min_card_width, int max_columns) {
  const ImGuiStyle& style = ImGui::GetStyle();
  origin_ = ImGui::GetCursorScreenPos();
  width_ = ImGui::GetContentRegionAvail().x;
  gap_ = style.ItemSpacing.x * 1.6f;
  pad_ = style.WindowPadding.x * 0.8f;
  columns_ = std::clamp(static_cast<int>((width_ + gap_) / (min_card_width + gap_)), 1, max_columns);
  card_width_ = (width_ - gap_ * static_cast<float>(columns_ - 1)) / static_cast<float>(columns_);
  row_top_ = row_bottom_ = origin_.y;
}

void CardGrid::end() {
  close_row();
  // Below the grid, for what follows and for the window's scrolling extent.
  ImGui::SetCursorScreenPos(ImVec2(origin_.x, row_top_ - gap_));
  ImGui::Dummy(ImVec2(width_, 0));
}

float CardGrid::begin_card(const char* title, int span) {
  span = std::clamp(span, 1, columns_);
  if (column_ + span > columns_) close_row();
  if (row_cards_.empty()) {
    splitter_.Split(ImGui::GetWindowDrawList(), 2);
    splitter_.SetCurrentChannel(ImGui::GetWindowDrawList(), 1);
  }
  card_x_ = origin_.x + static_cast<float>(column_) * (card_width_ + gap_);
  card_w_ = card_width_ * static_cast<float>(span) + gap_ * static_cast<float>(span - 1);
  column_ += span;
  ImGui::SetCursorScreenPos(ImVec2(card_x_ + pad_, row_top_ + pad_));
  ImGui::BeginGroup();
  ImGui::PushID(title);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + card_w_ - 2 * pad_);
  ImGui::PushFont(current_fonts().strong);
  ImGui::TextUnformatted(title);
  ImGui::PopFont();
  ImGui::Spacing();
  return card_w_ - 2 * pad_;
}

void CardGrid::end_card() {
  ImGui::PopTextWrapPos();
  ImGui::PopID();
  ImGui::EndGroup();
  row_bottom_ = std::max(row_bottom_, ImGui::GetItemRectMax().y + pad_);
  row_cards_.push_back({card_x_, card_w_});
}

void CardGrid::close_row() {
  if (row_cards_.empty()) return;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  splitter_.SetCurrentChannel(draw, 0);
  const Palette& p = palette();
  const float rounding = ImGui::GetStyle().ChildRounding;
  for (const Card& card : row_cards_) {
    const ImVec2 min(card.x, row_top_), max(card.x + card.w, row_bottom_);
    draw->AddRectFilled(min, max, ImGui::GetColorU32(p.surface), rounding);
    draw->AddRect(min, max, ImGui::GetColorU32(p.border), rounding);
  }
  splitter_.Merge(draw);
  row_cards_.clear();
  row_top_ = row_bottom_ + gap_;
  row_bottom_ = row_top_;
  column_ = 0;
}

}  // namespace isms::app::views
