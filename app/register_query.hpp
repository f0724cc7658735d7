#pragma once
// The question a register table asks of core (issue 4, item 2): its quick filter's words, the
// options chosen in its per-column enum filters, the risk matrix cell it is narrowed to, and its
// sort. One place, so the rows on screen and the CSV export of "the table as shown" agree.

#include "app/ui_state.hpp"
#include "core/store/record_query.hpp"

namespace isms::app {

RecordQuery table_query(const RegisterView& view);

// Chooses or unchooses one option of an enum column's filter; an empty choice removes the filter.
void toggle_enum_filter(RegisterView& view, const std::string& field, const std::string& option);

}  // namespace isms::app
