#pragma once
// The record's history in its editor (issue 4, item 3: "who changed what, when"): a folding
// section, closed at first, listing the change sets newest first (app/record_history.hpp).

#include <string>

#include "app/session.hpp"
#include "app/ui_state.hpp"

namespace isms::app::views {

// Draws the section for the saved record `record_id` of `def`. Reads the history only while the
// section is open, and then once per record and change of the data, never per frame.
void record_history_panel(Session& session, UiState& ui, const EntityDef& def, const std::string& record_id);

}  // namespace isms::app::views
