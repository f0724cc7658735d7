// The rules every write passes, in the order the Repository's comment gives.
#include <algorithm>

#include "core/model/links.hpp"
#include "core/store/record_rows.hpp"
#include "core/store/repository.hpp"
#include "core/util/text.hpp"

namespace isms {

void Repository::check_rules(const EntityDef& def, const std::string& id, std::map<std::string, Value>& values,
                             const Record* current) const {
  if (def.derive) def.derive(*this, values);
  // The lifecycle first: "cannot go from In review to Published" is the answer to a skipped step,
  // not the fields the skipped state would have asked for.
  if (current != nullptr && def.lifecycle) {
    const std::string& status = def.lifecycle->field;
    if (auto refused = check_transition(def, current->get(status), values[status])) {
      throw ValidationError({std::move(*refused)});
    }
  }
  if (auto errors = validate(def, values); !errors.empty()) throw ValidationError(std::move(errors));
  if (auto dangling = check_link_targets(def, id, values, current)) throw ValidationError({std::move(*dangling)});
  for (const ContextCheck& check : def.context_checks) {
    if (auto refused = check(*this, id, values)) throw ValidationError({std::move(*refused)});
  }
}

// A link may only point at a live record of its field's kind. Only links that are new in this
// write are looked at: the ones already stored were checked when written, and deletions keep
// them valid (OnLinks), so an edit of a title does not re-read fifty linked records.
std::optional<FieldError> Repository::check_link_targets(const EntityDef& def, const std::string& id,
                                                         const std::map<std::string, Value>& values,
                                                         const Record* current) const {
  for (const FieldDef& field : def.fields) {
    if (!is_link_type(field.type)) continue;
    const auto value = values.find(field.key);
    if (value == values.end()) continue;
    std::vector<std::string> before;
    if (current != nullptr) before = linked_ids(field, current->get(field.key));
    const bool any = field.link_kind == any_kind;
    const std::string target_name = any ? "record" : label_in_sentence(registry_.get(field.link_kind).label);
    for (const std::string& target_id : linked_ids(field, value->second)) {
      if (std::find(before.begin(), before.end(), target_id) != before.end()) continue;
      if (target_id == id) return FieldError{field.key, field.label + " cannot point to the record itself."};
      const std::optional<Record> target =
          any ? find_in_any_register(target_id) : lookup(registry_.get(field.link_kind), target_id);
      if (!target) {
        return FieldError{field.key,
                          field.label + " points to no existing " + target_name + " (id " + target_id + ")."};
      }
      if (target->deleted) {
        const std::string kind_name = label_in_sentence(registry_.get(target->kind).label);
        return FieldError{field.key, field.label + " points to a deleted " + kind_name + " ('" + title_of(*target) +
                                         "'). Restore it or choose another."};
      }
    }
  }
  return std::nullopt;
}

// Ids are unique across registers (random UUIDs, or seeded ids that name their kind), so one
// primary-key lookup per register finds the record.
std::optional<Record> Repository::find_in_any_register(const std::string& id) const {
  for (const EntityDef& def : registry_.all()) {
    if (std::optional<Record> record = lookup(def, id)) return record;
  }
  return std::nullopt;
}

}  // namespace isms
