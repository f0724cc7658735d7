#pragma once
// The parts of the record in the editor (issue 4): one section per register whose records are
// part of it (a KPI's measurements, a review's inputs and actions, an audit's checklist, a
// session's attendance), each a compact table with "Add", a click to edit in a modal form, and
// deletion asked first. A KPI's measurements come with their chart.

#include <string>

#include "app/session.hpp"
#include "app/ui_state.hpp"

namespace isms::app::views {

// Draws the sections for the saved record `parent_id` of `parent`, and the part's form and
// deletion question when asked for. Read-only tabs see the parts and open their forms, but
// cannot add, save or delete.
void record_parts(Session& session, UiState& ui, const EntityDef& parent, const std::string& parent_id);

}  // namespace isms::app::views
