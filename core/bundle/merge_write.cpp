// Writing one record as the merge decided: its row, a history row per field changed, the link
// index and its vectors. No rules here: they run once everything is written (refresh_all),
// because merged records may point at each other.
#include <optional>

#include "core/bundle/merge_engine.hpp"
#include "core/model/links.hpp"
#include "core/store/history_log.hpp"
#include "core/store/link_index.hpp"
#include "core/store/record_rows.hpp"
#include "core/store/value_text.hpp"

namespace isms::bundle::detail {
namespace {

std::optional<std::string> deleted_text(bool deleted) { return std::string(deleted ? "1" : "0"); }

}  // namespace

void MergeRun::write(const RecordDecision& decision) {
  const EntityDef& def = *decision.def;
  const BundleRecord& remote = bundle_.records[decision.index];
  const std::string& author = records_.author();
  const auto history = [&](const std::string& field, std::optional<std::string> old_value,
                           std::optional<std::string> new_value) {
    HistoryEntry entry;
    entry.change_set = stamp_.change_set;
    entry.kind = def.kind;
    entry.record_id = remote.id;
    entry.field = field;
    entry.old_value = std::move(old_value);
    entry.new_value = std::move(new_value);
    entry.author = author;
    entry.at = stamp_.at;
    history_->add(entry);
  };

  if (decision.added()) {
    // The record as the other copy has it, its system columns included, so both copies show
    // the same creation and last change.
    Record record;
    record.id = remote.id;
    record.kind = def.kind;
    record.created_at = remote.created_at.empty() ? stamp_.at : remote.created_at;
    record.created_by = remote.created_by;
    record.updated_at = remote.updated_at.empty() ? stamp_.at : remote.updated_at;
    record.updated_by = remote.updated_by;
    record.revision = remote.revision > 0 ? remote.revision : 1;
    record.deleted = decision.deleted;
    record.fields = decision.fields;
    insert_record(db_, def, record);
    if (!decision.deleted) index_links(db_, def, remote.id, decision.fields);
    for (const FieldDef& field : def.fields) {
      const Value& value = record.get(field.key);
      if (!is_null(value)) history(field.key, std::nullopt, to_history_text(value));
    }
    // Restoring finds the change set that deleted a record by this row.
    if (decision.deleted) history(deleted_field, std::nullopt, deleted_text(true));
    versions_->write(remote.id, decision.versions);
    return;
  }

  const Record& before = *decision.local;
  std::map<std::string, Value> changes;
  for (const std::string& key : decision.changed) changes.emplace(key, decision.fields.at(key));
  if (!changes.empty()) update_record(db_, def, remote.id, changes, stamp_.at, author);
  for (const auto& [key, value] : changes) history(key, to_history_text(before.get(key)), to_history_text(value));
  if (decision.deleted_changed()) {
    set_record_deleted(db_, def, remote.id, decision.deleted, stamp_.at, author);
    history(deleted_field, deleted_text(before.deleted), deleted_text(decision.deleted));
  }
  // The index holds the links of live records only.
  if (decision.deleted) {
    if (!before.deleted) unindex_links(db_, remote.id);
  } else if (before.deleted) {
    index_links(db_, def, remote.id, decision.fields);
  } else {
    std::vector<std::string> relinked;
    for (const auto& [key, value] : changes) {
      if (!is_link_type(def.field(key)->type)) continue;
      unindex_links(db_, remote.id, key);
      relinked.push_back(key);
    }
    if (!relinked.empty()) index_links(db_, def, remote.id, decision.fields, &relinked);
  }
  if (decision.versions_changed()) versions_->write(remote.id, decision.versions);
}

}  // namespace isms::bundle::detail
