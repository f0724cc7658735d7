#pragma once
// What a status means at a glance in a register table (issue 4, item 2): finished and good in
// green, under way in blue, needing attention in amber, bad in red, not applicable or stopped in
// grey; and which dates are deadlines that turn red once passed. Judged from the field and its
// value alone, so every register gets its chips and overdue dates from its definition.

#include <string>
#include <string_view>
#include <vector>

#include "core/model/entity.hpp"
#include "core/store/record.hpp"

namespace isms::app {

enum class Tone { Plain, Good, Active, Attention, Bad, Muted };

// The tone of an Enum field's value: a chip for statuses, levels and verdicts; Plain (text, no
// chip) for enums that only classify (type, category, frequency...).
Tone tone_of(const FieldDef& field, std::string_view value);

// An enum that says a state or a judgement (status, level, verdict), shown as a chip; and a date
// by which something is to be done or looked at again.
bool is_status_like(const FieldDef& field);
bool is_deadline(const FieldDef& field);

// A deadline (due date, next review, planned end...) that has passed (before `today`,
// "YYYY-MM-DD") while the record is not finished: shown in red.
bool is_overdue(const EntityDef& def, const FieldDef& field, const Record& record, std::string_view today);

// Whether a record in this lifecycle state (done, closed, cancelled...) has no deadline left.
// is_overdue and the navigation's overdue counts (app/register_counts.hpp) both ask this.
bool ends_deadlines(std::string_view state);
// Every state for which ends_deadlines holds: what the overdue counts' SQL binds, so a stored
// state that is no option of its field (old data, a merge) counts as the tables show it.
const std::vector<std::string>& states_ending_deadlines();

}  // namespace isms::app
