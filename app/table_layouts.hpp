#pragma once
// Column widths, order, visibility and sort of every table, remembered per workspace (issue 4,
// item 2): ImGui keeps them as its .ini settings; we keep that text in the browser's settings
// (Platform::setting, "table-layout:<workspace id>") instead of a file, one text per workspace.

#include <string>

#include "app/platform.hpp"

namespace isms::app {

// The setting that holds one workspace's table layout; removed when the workspace is deleted for
// good (Session::empty_trash), so no trace of a deleted client stays in the browser.
inline std::string table_layout_setting(const std::string& workspace) { return "table-layout:" + workspace; }

// The workspace shown changes from `from` to `to` (either may be ""): keeps the layout of `from`,
// and makes every table take `to`'s saved layout, or its defaults, on its next frame.
void switch_table_layouts(Platform& platform, const std::string& from, const std::string& to);

// After a frame: when ImGui says its settings changed (a column resized, moved, hidden, a sort),
// keeps them for the workspace shown.
void keep_table_layout_if_changed(Platform& platform, const std::string& workspace);

}  // namespace isms::app
