#pragma once
// Keyboard use of a register table (issue 4): which row is selected and what a key does to it.
// ImGui-free, so it is tested natively (tests/app/table_keys_test.cpp); app/views/register_page.cpp
// reads the keys and draws the highlight.

#include <string>
#include <vector>

#include "core/model/record.hpp"

namespace isms::app {

// The selected row of one register's table, kept in RegisterView (so it starts afresh with
// another register).
struct TableCursor {
  bool focused = false;       // the table takes the keys: clicked, entered with Tab or Escape
  std::string id;             // the selected record; empty: none yet
  int index = -1;             // where it was last seen, for when it goes (deleted, filtered out)
  std::string followed;       // the editor's record last followed: opening another one selects it
  bool scroll_pending = false;  // bring the selected row into view in the next frame drawn
  int page_rows = 10;         // rows that fit the table's view, measured when drawn
  bool focus_form = false;    // put the keyboard in the editor's first field (Ctrl+N) next frame
};

// Keys pressed in this frame, as the table understands them.
struct TableKeys {
  bool up = false, down = false, home = false, end = false, page_up = false, page_down = false;
  bool enter = false, del = false;
  bool any() const { return up || down || home || end || page_up || page_down || enter || del; }
};

enum class TableAction { None, Open, Delete };

// The selected row's index among `rows`: where its id is, else (gone) the row now at its old
// place, the last row if the table got shorter; -1 for an empty table or no selection yet.
int cursor_row(const TableCursor& cursor, const std::vector<Record>& rows);

// Moves the selection by the keys (arrows one row, Page Up/Down a page, Home/End to the ends,
// the first key of all selecting the first row) and says what Enter and Delete ask for. Updates
// the cursor's id and index and asks for the row to be scrolled into view when it moved.
TableAction apply_table_keys(TableCursor& cursor, const TableKeys& keys, const std::vector<Record>& rows);

// The scroll position that shows row `row` whole in a view of `view_height` pixels under a
// frozen header of `header_height`, moving as little as possible; rows are `row_height` tall and
// the first starts right under the header when the scroll is 0.
float scroll_to_show(float scroll, float view_height, float header_height, float row_height, int row);

}  // namespace isms::app
