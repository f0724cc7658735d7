// Undo and redo's writes (Repository::write_states; the stack itself is core/store/undo_stack.hpp):
// records set back (or forward) to the values one change set found (or left), as a new change
// set, under the same rules as any write except the lifecycle transition.
#include <map>
#include <utility>

#include "core/model/links.hpp"
#include "core/store/field_versions.hpp"
#include "core/store/history_log.hpp"
#include "core/store/link_index.hpp"
#include "core/store/record_rows.hpp"
#include "core/store/repository.hpp"
#include "core/store/repository_detail.hpp"
#include "core/store/value_text.hpp"
#include "core/util/text.hpp"

namespace isms {
namespace {

// What one record should become: its tombstone flag (if it moves) and its fields.
struct RecordTarget {
  const EntityDef* def = nullptr;
  std::string id;
  std::optional<bool> deleted;
  std::map<std::string, Value> fields;
};

std::string deleted_text(bool deleted) { return deleted ? "1" : "0"; }

}  // namespace

void Repository::write_states(const std::vector<FieldState>& states, const Stamp& stamp, const std::string& what) {
  // 1. Every field must still hold what the change set left there (or found, for a redo): a
  //    merge or another edit since then wins, and nothing is written.
  std::vector<RecordTarget> targets;
  std::map<std::string, std::size_t> index;
  for (const FieldState& state : states) {
    const EntityDef* def = registry_.find(state.kind);
    if (def == nullptr) continue;  // a register this build does not know: nothing it can write
    const std::optional<Record> record = lookup(*def, state.record_id);
    const std::string name = label_in_sentence(def->label) + " '" + (record ? title_of(*record) : state.record_id) + "'";
    if (!record) throw StoreError(what + ": the " + name + " no longer exists.");
    std::optional<std::string> now;
    std::string field_label;
    if (state.field == detail::deleted_marker) {
      now = deleted_text(record->deleted);
    } else {
      const FieldDef* field = def->field(state.field);
      if (field == nullptr || field->computed) continue;  // derive sets computed fields
      now = to_history_text(record->get(field->key));
      field_label = field->label;
    }
    if (now != state.expected) {
      throw StoreError(what + ": the " + name + " " +
                       (field_label.empty() ? std::string(record->deleted ? "was deleted" : "was restored")
                                            : "has had its " + field_label + " changed") +
                       " since (by another edit or a merge). Nothing was changed.");
    }
    auto [at, added] = index.emplace(state.record_id, targets.size());
    if (added) targets.push_back({def, state.record_id, std::nullopt, {}});
    RecordTarget& target = targets[at->second];
    if (state.field == detail::deleted_marker) {
      if (state.wanted != now) target.deleted = state.wanted == std::optional<std::string>("1");
    } else {
      target.fields[state.field] = from_history_text(*def->field(state.field), state.wanted);
    }
  }

  // 2. The writes, each with its history row and version: tombstones lifted first, then the
  //    fields, then new tombstones. The link index is rebuilt for every record touched.
  for (const RecordTarget& target : targets) {
    const EntityDef& def = *target.def;
    Record current = *lookup(def, target.id);
    if (target.deleted == false && current.deleted) {
      write_deleted(def, current, false, stamp);
      current = *lookup(def, target.id);
    }
    std::map<std::string, Value> changed;
    for (const auto& [key, value] : target.fields) {
      if (current.get(key) != value) changed.emplace(key, value);
    }
    if (!changed.empty()) {
      Record after = current;
      after.updated_at = stamp.at;
      after.updated_by = author_;
      update_record(db_, def, target.id, changed, stamp.at, author_);
      std::vector<std::string> written;
      for (const auto& [key, value] : changed) {
        insert_history(db_, detail::history_row(stamp.change_set, after, key, to_history_text(current.get(key)),
                                                to_history_text(value)));
        written.push_back(key);
      }
      bump_versions(db_, local_replica(), target.id, written);
    }
    if (target.deleted == true && !current.deleted) write_deleted(def, *lookup(def, target.id), true, stamp);
    const Record now = *lookup(def, target.id);
    unindex_links(db_, target.id);
    if (!now.deleted) index_links(db_, def, target.id, now.fields);
  }

  // 3. A record deleted here must not leave live records pointing at it (a risk linked to an
  //    asset whose creation is undone): the person removes those links first.
  for (const RecordTarget& target : targets) {
    const Record record = *lookup(*target.def, target.id);
    if (!record.deleted) continue;
    const std::vector<LinkRow> referrers = links_to(db_, target.id);
    if (referrers.empty()) continue;
    throw StoreError(what + ": the " + label_in_sentence(target.def->label) + " '" + title_of(record) +
                     "' would be deleted, but " + describe_referrers(referrers) +
                     (referrers.size() == 1 ? " links" : " link") + " to it now. Remove those links first.");
  }

  // 4. Every rule but the lifecycle, on each live record written (links, context checks,
  //    computed fields and the records computed from them).
  for (const RecordTarget& target : targets) {
    try {
      refresh_merged(target.def->kind, target.id, stamp);
    } catch (const ValidationError& refused) {
      const Record record = *lookup(*target.def, target.id);
      const std::string first = refused.errors().empty() ? refused.what() : refused.errors().front().message;
      throw StoreError(what + ": the " + label_in_sentence(target.def->label) + " '" + title_of(record) +
                       "' would break its rules: " + first);
    }
  }
}

}  // namespace isms
