#pragma once
// The form widgets of a record's fields, shared by the register editor and a part's form.

#include "app/record_draft.hpp"
#include "app/session.hpp"
#include "app/ui_state.hpp"
#include "core/report/table_text.hpp"

namespace isms::app::views {

// The titles of linked records for cells and pickers, kept with the register table's rows (read
// again with them when the data changes).
report::TitleCache& titles_of(Repository& records, RegisterView& view);

// One field of `draft`: text, long text, enum combo, link picker that searches the linked
// register, link list; a slider for ratings and a risk's likelihood and impact, a number with
// - / + steppers; a stored record's lifecycle status as buttons for the steps allowed from it
// (field_widgets.hpp); computed fields read-only. The field's message from core sits under it;
// editing the field marks the draft dirty and takes its message away. `titles` is the table
// whose title cache names the linked records.
void field_editor(Session& session, RegisterView& titles, RecordDraft& draft, const FieldDef& field, float width);

}  // namespace isms::app::views
