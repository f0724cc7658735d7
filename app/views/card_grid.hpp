#pragma once
// Cards in a responsive grid (the dashboard): white rounded panels of equal height per row, laid
// out in as many columns as the width allows. Each card's content is drawn first and its panel
// behind it once the row's height is known (two draw channels), so nothing is a frame late.

#include <imgui.h>

#include <vector>

namespace isms::app::views {

class CardGrid {
 public:
  // Columns: as many as fit cards at least `min_card_width` wide, between 1 and `max_columns`.
  CardGrid(float min_card_width, int max_columns);

  int columns() const { return columns_; }
  // Starts a card `span` columns wide (on a new row when it does not fit on this one), with its
  // title; returns the width inside the card's padding, which its content must keep to.
  float begin_card(const char* title, int span = 1);
  void end_card();
  // Draws the last row's panels and puts the cursor below the grid.
  void end();

 private:
  void close_row();

  ImDrawListSplitter splitter_;
  ImVec2 origin_;
  float width_ = 0, gap_ = 0, pad_ = 0, card_width_ = 0, row_top_ = 0, row_bottom_ = 0;
  int columns_ = 1, column_ = 0;
  float card_x_ = 0, card_w_ = 0;
  struct Card {
    float x, w;
  };
  std::vector<Card> row_cards_;
};

}  // namespace isms::app::views
