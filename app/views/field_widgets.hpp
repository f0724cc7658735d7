#pragma once
// The record editor's widgets for numbers and statuses (issue 4, item 3): a slider for ratings
// and a risk's likelihood and impact, - / + steppers for other numbers, and a row of buttons for
// the lifecycle steps a stored record may take. Each edits the draft's text only: the editor's
// Save (or Add) writes it, as for every other field. field_editor.cpp chooses among them.

#include "app/editor_widgets.hpp"
#include "app/record_draft.hpp"

namespace isms::app::views {

// Each returns true when it changed the field's text in the draft. Reported to the automation
// bridge: the slider as "rating:<label>" (its text: "3 · Possible", "Not rated") and its clear
// button as "rating-clear:<label>"; the steppers as "stepper-minus:<label>" / "stepper-plus:<label>"
// beside the text field "<label>" (its text also as "value:<label>"); the status as "status:<label>" and each step as
// "transition:<target value>".
bool rating_slider(RecordDraft& draft, const FieldDef& field, const RatingScale& scale, float width);
bool number_stepper(RecordDraft& draft, const FieldDef& field, float width);
bool transition_buttons(const EntityDef& def, RecordDraft& draft, const FieldDef& field, float width);

}  // namespace isms::app::views
