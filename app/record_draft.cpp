#include "app/record_draft.hpp"

namespace isms::app {

RecordDraft draft_for_new(const EntityDef& def) {
  RecordDraft draft;
  draft.kind = def.kind;
  for (const FieldDef& field : def.fields) draft.text[field.key] = to_display(field.default_value);
  return draft;
}

RecordDraft draft_of(const EntityDef& def, const Record& record) {
  RecordDraft draft;
  draft.kind = def.kind;
  draft.id = record.id;
  for (const FieldDef& field : def.fields) draft.text[field.key] = to_display(record.get(field.key));
  if (def.lifecycle) draft.stored_status = to_display(record.get(def.lifecycle->field));
  return draft;
}

std::map<std::string, Value> values_of(const EntityDef& def, const RecordDraft& draft) {
  std::map<std::string, Value> values;
  for (const FieldDef& field : def.fields) {
    if (field.computed) continue;
    const auto found = draft.text.find(field.key);
    values[field.key] = found != draft.text.end() ? Value(found->second) : Value{};
  }
  return values;
}

}  // namespace isms::app
