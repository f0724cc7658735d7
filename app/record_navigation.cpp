#include "app/record_navigation.hpp"

namespace isms::app {

bool open_in_register(UiState& ui, const Repository& records, const std::string& kind, const std::string& id) {
  if (ui.draft.dirty && !(ui.draft.kind == kind && ui.draft.id == id)) {
    ui.page = Page::Register;
    if (ui.table.kind != ui.draft.kind) {
      ui.table = RegisterView{};
      ui.table.kind = ui.draft.kind;
    }
    ui.draft.problem = "Save or discard the changes to this record before opening another.";
    return true;
  }
  const std::optional<Record> record = records.get(kind, id);
  if (!record || record->deleted) return false;
  ui.page = Page::Register;
  if (ui.table.kind != kind) {
    ui.table = RegisterView{};
    ui.table.kind = kind;
  }
  if (!(ui.draft.kind == kind && ui.draft.id == id)) ui.draft = draft_of(records.registry().get(kind), *record);
  return true;
}

}  // namespace isms::app
