#include "app/raci_grid.hpp"

#include <algorithm>

#include "app/record_draft.hpp"
#include "app/session.hpp"
#include "core/util/text.hpp"

namespace isms::app {
namespace {

std::vector<RaciAxis> axis(const Repository& records, const char* kind) {
  std::vector<RaciAxis> items;
  for (const Record& record : records.list(kind)) items.push_back({record.id, records.title_of(record)});
  std::stable_sort(items.begin(), items.end(), [](const RaciAxis& a, const RaciAxis& b) {
    return to_lower_ascii(a.name) < to_lower_ascii(b.name);
  });
  return items;
}

}  // namespace

const RaciCell* RaciGrid::cell(const std::string& process, const std::string& role) const {
  const auto found = cells.find({process, role});
  return found == cells.end() ? nullptr : &found->second;
}

bool RaciGrid::has_accountable(const std::string& process) const {
  for (auto it = cells.lower_bound({process, std::string()}); it != cells.end() && it->first.first == process; ++it) {
    if (it->second.assignment == "accountable") return true;
  }
  return false;
}

RaciGrid read_raci(const Repository& records) {
  RaciGrid grid;
  grid.processes = axis(records, "process");
  grid.roles = axis(records, "role");
  for (const Record& record : records.list("raci")) {
    grid.cells[{to_display(record.get("process")), to_display(record.get("role"))}] = {
        record.id, to_display(record.get("assignment"))};
  }
  for (const RaciAxis& process : grid.processes) {
    if (!grid.has_accountable(process.id)) ++grid.without_accountable;
  }
  return grid;
}

std::string raci_letter(const std::string& assignment) {
  if (assignment == "responsible") return "R";
  if (assignment == "accountable") return "A";
  if (assignment == "consulted") return "C";
  if (assignment == "informed") return "I";
  return "";
}

bool set_raci_cell(Session& session, const std::string& process, const std::string& role, const std::string& assignment,
                   std::string& problem) {
  problem.clear();
  Workspace* ws = session.current();
  if (ws == nullptr) return false;
  const EntityDef& def = ws->registry().get("raci");
  const RaciGrid grid = read_raci(ws->records());
  const RaciCell* existing = grid.cell(process, role);
  if (existing != nullptr && existing->assignment == assignment) return true;
  RecordDraft draft;
  if (existing == nullptr) {
    if (assignment.empty()) return true;
    draft = draft_for_new(def);
    draft.text["process"] = process;
    draft.text["role"] = role;
  } else {
    const std::optional<Record> stored = ws->records().get("raci", existing->id);
    if (!stored) return false;
    draft = draft_of(def, *stored);
    if (assignment.empty()) {
      if (session.delete_record(draft, OnLinks::Refuse)) return true;
      problem = draft.problem;
      return false;
    }
  }
  draft.text["assignment"] = assignment;
  draft.dirty = true;
  if (session.save_record(draft)) {
    session.clear_notice();  // the cell shows what was saved
    return true;
  }
  problem = draft.problem;
  for (const FieldError& error : draft.errors) problem += (problem.empty() ? "" : " ") + error.message;
  return false;
}

const RaciGrid& RaciView::get(const Repository& records, const std::string& workspace_id, std::uint64_t data_revision) {
  if (revision != data_revision || workspace != workspace_id) {
    grid = read_raci(records);
    revision = data_revision;
    workspace = workspace_id;
  }
  return grid;
}

}  // namespace isms::app
