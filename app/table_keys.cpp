#include "app/table_keys.hpp"

#include <algorithm>

namespace isms::app {

int cursor_row(const TableCursor& cursor, const std::vector<Record>& rows) {
  if (rows.empty() || cursor.id.empty()) return -1;
  const int count = static_cast<int>(rows.size());
  // Usually still where it was: look there first, then everywhere.
  if (cursor.index >= 0 && cursor.index < count && rows[static_cast<std::size_t>(cursor.index)].id == cursor.id) {
    return cursor.index;
  }
  for (int i = 0; i < count; ++i) {
    if (rows[static_cast<std::size_t>(i)].id == cursor.id) return i;
  }
  return std::clamp(cursor.index, 0, count - 1);
}

TableAction apply_table_keys(TableCursor& cursor, const TableKeys& keys, const std::vector<Record>& rows) {
  if (rows.empty() || !keys.any()) return TableAction::None;
  const int count = static_cast<int>(rows.size());
  const int page = std::max(cursor.page_rows - 1, 1);  // a page down keeps the last row in sight
  const int at = cursor_row(cursor, rows);
  int to = at;
  if (at < 0) {
    to = keys.end ? count - 1 : 0;  // nothing selected yet: any key selects a row first
  } else if (keys.up) {
    to = at - 1;
  } else if (keys.down) {
    to = at + 1;
  } else if (keys.page_up) {
    to = at - page;
  } else if (keys.page_down) {
    to = at + page;
  } else if (keys.home) {
    to = 0;
  } else if (keys.end) {
    to = count - 1;
  }
  to = std::clamp(to, 0, count - 1);
  const std::string& id = rows[static_cast<std::size_t>(to)].id;
  if (to != at || id != cursor.id) cursor.scroll_pending = true;
  cursor.index = to;
  cursor.id = id;
  if (at < 0) return TableAction::None;  // the first key only shows where the selection is
  if (keys.enter) return TableAction::Open;
  if (keys.del) return TableAction::Delete;
  return TableAction::None;
}

float scroll_to_show(float scroll, float view_height, float header_height, float row_height, int row) {
  const float top = static_cast<float>(row) * row_height;  // under the header, in scrolled content
  const float bottom = top + row_height;
  const float rows_height = std::max(view_height - header_height, row_height);
  if (top < scroll) return top;
  if (bottom > scroll + rows_height) return bottom - rows_height;
  return scroll;
}

}  // namespace isms::app
