#pragma once
// The Statement of Applicability view's rows (issue 4, item 5): every control of the workspace by
// theme, in Annex A's order, and the in-place edit of one row (applicability, justification,
// implementation status) saved through Session::save_record, so every rule of the control
// register applies and a refused edit keeps what the person chose and typed.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/figures/figures.hpp"
#include "core/model/field_error.hpp"
#include "core/store/repository.hpp"

namespace isms::app {

class Session;

struct SoaRow {
  std::string id, ref, title, theme, applicable, justification, status;
  bool annex_a = false;  // seeded from Annex A, not one of the organisation's own
};

struct SoaTheme {
  std::string value, label;       // "organizational", "Organizational"
  std::vector<std::size_t> rows;  // indexes into SoaTable::rows, in order
  figures::Coverage coverage;     // of those rows
};

struct SoaTable {
  std::vector<SoaRow> rows;
  std::vector<SoaTheme> themes;  // every theme of the control register, in its options' order
};

// "5.2" before "5.10": references compared number by number, text after that without case.
bool ref_before(const std::string& a, const std::string& b);

// The live controls, Annex A's first in their order, then the organisation's own by reference.
SoaTable read_soa(const Repository& records);

// What the person chose and typed in one row, kept until it is saved: a refused save keeps it
// with the rule's message, and it is never dropped before it is saved.
struct SoaEdit {
  std::string applicable, justification, status;
  std::vector<FieldError> errors;  // the control register's messages, by field
  std::string problem;             // a refusal that names no field (read-only here, record gone)
  bool pending = false;            // typed and not yet offered to the register: saved on leaving the field
};
SoaEdit edit_of(const SoaRow& row);

// Writes the row's three values over the control as it is stored now (its other fields are left
// as they are, whatever changed them since the row was read). True when saved; false with the
// edit's errors or problem set, and its values kept. Leaves no "Saved ..." notice: the row
// shows what was saved.
bool save_soa_edit(Session& session, const std::string& control_id, SoaEdit& edit);

// The view's state: the table read once per change of the workspace's data, and the rows being
// edited, by control id.
class SoaView {
 public:
  const SoaTable& table(Session& session);  // requires an open workspace
  std::map<std::string, SoaEdit> edits;
  std::string last_saved;  // the control saved last, marked in its row
  std::string typing;      // the control whose justification field has the keyboard
  std::string filter;      // by reference or title

 private:
  SoaTable table_;
  std::string workspace_;
  std::uint64_t revision_ = 0;
  bool valid_ = false;
};

}  // namespace isms::app
