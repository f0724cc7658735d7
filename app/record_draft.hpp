#pragma once
// A record being edited in a form: every field as the text a person typed, kept in UiState so
// that a refused save never throws away what was typed. The conversion to values is core's
// normalise(): "3" becomes the whole number 3, "" becomes nothing, bad text is reported by
// validation next to its field.

#include <map>
#include <string>
#include <vector>

#include "core/model/entity.hpp"
#include "core/model/field_error.hpp"
#include "core/model/record.hpp"

namespace isms::app {

struct RecordDraft {
  std::string kind;
  std::string id;                           // empty: a new record
  std::map<std::string, std::string> text;  // by field key; LinkList fields hold their JSON array
  // The lifecycle status as stored when the draft was read ("" for a new record, or none yet):
  // the editor offers the transitions allowed from it, whatever the draft's text says now.
  std::string stored_status;
  std::vector<FieldError> errors;
  std::string problem;  // a refusal that names no field of this record (a deletion refused, ...)
  bool dirty = false;   // edited since loaded or saved: shown, and never dropped silently

  bool is_new() const { return id.empty(); }
};

RecordDraft draft_for_new(const EntityDef& def);  // defaults filled in
RecordDraft draft_of(const EntityDef& def, const Record& record);
// The values to write: every field but the computed ones, as text for core to normalise.
std::map<std::string, Value> values_of(const EntityDef& def, const RecordDraft& draft);

}  // namespace isms::app
