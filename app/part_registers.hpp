#pragma once
// The registers whose records are parts of another record (a KPI's measurements, a review's
// inputs, an audit's checklist, a session's attendance): found in the registry from their
// part_of Link, so a register that gains parts shows them in its editor without new UI code.
// The logic behind app/views/record_parts.cpp, without ImGui, tested natively.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "app/record_draft.hpp"
#include "core/model/registry.hpp"
#include "core/store/repository.hpp"

namespace isms::app {

struct PartRegister {
  const EntityDef* def = nullptr;     // the part's register (measurement)
  const FieldDef* parent = nullptr;   // its part_of Link to the parent (measurement.kpi)
};

// Every register with a part_of Link to exactly `kind`, in registry order. Attachments (part of
// a record of any kind) are not among them: the editor lists them with their own actions.
std::vector<PartRegister> part_registers(const Registry& registry, std::string_view kind);

// The columns of a part's compact table: its title, then up to `count - 1` of the most telling
// other fields in the register table's order (column_priority), never the link to the parent
// (the same on every row), long text or lists; definition order among equals.
std::vector<const FieldDef*> part_columns(const PartRegister& part, std::size_t count = 4);

// The live parts of one parent record, sorted by the fields their definition puts before the
// title, then the title (links aside): a review's inputs a to g, a KPI's measurements by date.
std::vector<Record> parts_of(const Repository& records, const PartRegister& part, const std::string& parent_id);

// A new part's form: the register's defaults, and the link to its parent filled in.
RecordDraft draft_for_new_part(const PartRegister& part, const std::string& parent_id);

// Whether a record pointing at a `kind` record does so as one of its parts (listed in the parts'
// own sections, not again under "Linked from").
bool is_part_link(const Registry& registry, const LinkedRecord& referrer, std::string_view kind);

}  // namespace isms::app
