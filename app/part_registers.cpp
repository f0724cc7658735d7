#include "app/part_registers.hpp"

#include <algorithm>

#include "app/column_priority.hpp"
#include "core/store/record_query.hpp"

namespace isms::app {

std::vector<PartRegister> part_registers(const Registry& registry, std::string_view kind) {
  std::vector<PartRegister> parts;
  for (const EntityDef& def : registry.all()) {
    for (const FieldDef& field : def.fields) {
      if (field.type == FieldType::Link && field.part_of && field.link_kind == kind) {
        parts.push_back({&def, &field});
        break;  // one section per register, even if it were part of the same kind twice
      }
    }
  }
  return parts;
}

std::vector<const FieldDef*> part_columns(const PartRegister& part, std::size_t count) {
  const EntityDef& def = *part.def;
  std::vector<const FieldDef*> columns{def.field(def.title_field)};
  std::vector<const FieldDef*> others;
  for (const FieldDef& field : def.fields) {
    if (&field == part.parent || field.key == def.title_field || field.type == FieldType::LongText ||
        field.type == FieldType::LinkList) {
      continue;
    }
    others.push_back(&field);
  }
  std::stable_sort(others.begin(), others.end(),
                   [](const FieldDef* a, const FieldDef* b) { return column_priority(*a) < column_priority(*b); });
  if (others.size() + 1 > count) others.resize(count > 0 ? count - 1 : 0);
  // Shown in definition order, as the form lists them, whichever were chosen.
  // (the fields sit in one vector, so their addresses are in definition order)
  std::sort(others.begin(), others.end(), [](const FieldDef* a, const FieldDef* b) { return a < b; });
  columns.insert(columns.end(), others.begin(), others.end());
  return columns;
}

std::vector<Record> parts_of(const Repository& records, const PartRegister& part, const std::string& parent_id) {
  RecordQuery query;
  query.where_is(part.parent->key, Condition::Op::Equal, {Value(parent_id)});
  // The fields the definition puts before the title say where a part sits (a review input's
  // "a" to "g"), then the title (a measurement's date). Links are left out: they would sort by id,
  // which means nothing to a person. Ties go by creation (RecordQuery's own order).
  for (const FieldDef& field : part.def->fields) {
    const bool sortable = field.type != FieldType::Link && field.type != FieldType::LinkList &&
                          field.type != FieldType::LongText;
    if (sortable) query.sort_by(field.key);
    if (field.key == part.def->title_field) break;
  }
  return records.query(part.def->kind, query);
}

RecordDraft draft_for_new_part(const PartRegister& part, const std::string& parent_id) {
  RecordDraft draft = draft_for_new(*part.def);
  draft.text[part.parent->key] = parent_id;
  return draft;
}

bool is_part_link(const Registry& registry, const LinkedRecord& referrer, std::string_view kind) {
  const EntityDef* def = registry.find(referrer.kind);
  const FieldDef* field = def != nullptr ? def->field(referrer.field) : nullptr;
  return field != nullptr && field->type == FieldType::Link && field->part_of && field->link_kind == kind;
}

}  // namespace isms::app
