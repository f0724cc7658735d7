// Deleting and restoring: tombstones, the records that are part of the one deleted, and the
// links that point at it (Repository::remove's comment has the rules).
#include <algorithm>

#include "core/model/links.hpp"
#include "core/store/history_log.hpp"
#include "core/store/link_index.hpp"
#include "core/store/record_rows.hpp"
#include "core/store/repository.hpp"
#include "core/store/repository_detail.hpp"
#include "core/store/value_text.hpp"
#include "core/util/text.hpp"

namespace isms {
namespace {

constexpr std::size_t named_referrers = 5;  // a message names this many, then counts the rest

}  // namespace

std::vector<LinkedRecord> Repository::linked_from(const std::string& id) const {
  std::vector<LinkedRecord> referrers;
  for (const LinkRow& row : links_to(db_, id)) {
    const EntityDef* def = registry_.find(row.from_kind);
    if (def == nullptr) continue;  // a register this build does not know: nothing it can show
    const std::optional<Record> record = select_record(db_, *def, row.from_id);
    if (!record || record->deleted) continue;
    referrers.push_back({row.from_kind, row.from_id, title_of(*record), row.field});
  }
  return referrers;
}

std::string Repository::describe_referrers(const std::vector<LinkedRecord>& referrers) const {
  std::vector<std::string> names;
  for (const LinkedRecord& referrer : referrers) {
    if (names.size() == named_referrers) {
      names.push_back("and " + std::to_string(referrers.size() - named_referrers) + " more");
      break;
    }
    const EntityDef& def = registry_.get(referrer.kind);
    const FieldDef* field = def.field(referrer.field);
    names.push_back(def.label + " '" + referrer.title + "' (" + (field != nullptr ? field->label : referrer.field) +
                    ")");
  }
  return join(names, ", ");
}

void Repository::remove(std::string_view kind, const std::string& id, OnLinks on_links) {
  const EntityDef& def = registry_.get(kind);
  Transaction transaction(db_);
  std::optional<Record> current = select_record(db_, def, id);
  if (!current) detail::throw_missing(def, id);
  if (current->deleted) return;
  const Stamp stamp = begin_change_set({}, "Deleted " + def.label + " '" + title_of(*current) + "'");
  remove_in(def, id, on_links, stamp);
  transaction.commit();
}

void Repository::remove_in(const EntityDef& def, const std::string& id, OnLinks on_links, const Stamp& stamp) {
  std::optional<Record> current = select_record(db_, def, id);
  if (!current) detail::throw_missing(def, id);
  if (current->deleted) return;
  // The tombstone first: a record that is part of one being deleted, and links back to it,
  // then finds it deleted instead of going round in circles.
  write_deleted(def, *current, true, stamp);
  unindex_links(db_, id);

  std::vector<LinkedRecord> others;
  for (const LinkedRecord& referrer : linked_from(id)) {
    const EntityDef& referrer_def = registry_.get(referrer.kind);
    const FieldDef* field = referrer_def.field(referrer.field);
    if (field != nullptr && field->part_of) {
      remove_in(referrer_def, referrer.id, on_links, stamp);
    } else {
      others.push_back(referrer);
    }
  }
  // A part removed above no longer points anywhere; what is left points from outside.
  others.erase(std::remove_if(others.begin(), others.end(),
                              [&](const LinkedRecord& referrer) {
                                const std::optional<Record> record = get(referrer.kind, referrer.id);
                                return !record || record->deleted;
                              }),
               others.end());
  if (others.empty()) return;
  if (on_links == OnLinks::Refuse) {
    throw LinkedRecordsError("The " + to_lower_ascii(def.label) + " '" + title_of(*current) +
                                 "' is still linked from " + std::to_string(others.size()) +
                                 (others.size() == 1 ? " record: " : " records: ") + describe_referrers(others) +
                                 ". Remove those links first, or delete and unlink.",
                             others);
  }
  for (const LinkedRecord& referrer : others) unlink(referrer, id, stamp);
}

void Repository::unlink(const LinkedRecord& referrer, const std::string& target_id, const Stamp& stamp) {
  const EntityDef& def = registry_.get(referrer.kind);
  const FieldDef& field = *def.field(referrer.field);
  const std::optional<Record> record = select_record(db_, def, referrer.id);
  std::vector<std::string> ids = linked_ids(field, record->get(field.key));
  ids.erase(std::remove(ids.begin(), ids.end(), target_id), ids.end());
  Value remaining = field.type == FieldType::Link ? Value{} : link_list(ids);
  if (is_null(remaining) && field.required) {
    throw LinkedRecordsError(def.label + " '" + referrer.title + "' needs its " + field.label +
                                 ". Choose another one there first, or delete it.",
                             {referrer});
  }
  update_checked(def, referrer.id, {{field.key, std::move(remaining)}}, stamp);
}

void Repository::write_deleted(const EntityDef& def, const Record& current, bool deleted, const Stamp& stamp) {
  Record after = current;
  after.updated_at = stamp.at;
  after.updated_by = author_;
  set_record_deleted(db_, def, current.id, deleted, after.updated_at, after.updated_by);
  insert_history(db_, detail::history_row(stamp.change_set, after, detail::deleted_marker, deleted ? "0" : "1",
                                          deleted ? "1" : "0"));
}

void Repository::restore(std::string_view kind, const std::string& id) {
  const EntityDef& def = registry_.get(kind);
  Transaction transaction(db_);
  std::optional<Record> current = select_record(db_, def, id);
  if (!current) detail::throw_missing(def, id);
  if (!current->deleted) return;

  // The change set that deleted it holds everything that deletion did.
  std::string deleting_set;
  for (const HistoryEntry& entry : select_history(db_, id)) {
    if (entry.field == detail::deleted_marker && entry.new_value == "1") deleting_set = entry.change_set;
  }
  std::vector<HistoryEntry> undo;
  if (!deleting_set.empty()) undo = select_change_set(db_, deleting_set);
  if (undo.empty()) undo.push_back(detail::history_row({}, *current, detail::deleted_marker, "0", "1"));

  const Stamp stamp = begin_change_set({}, "Restored " + def.label + " '" + title_of(*current) + "'");
  // Records first, all of them before their links are checked (they may point at each other),
  // so the links put back below find their targets live.
  std::vector<Record> restored;
  for (const HistoryEntry& entry : undo) {
    if (entry.field != detail::deleted_marker || entry.new_value != "1") continue;
    const EntityDef& entry_def = registry_.get(entry.kind);
    std::optional<Record> record = select_record(db_, entry_def, entry.record_id);
    if (!record || !record->deleted) continue;
    write_deleted(entry_def, *record, false, stamp);
    restored.push_back(std::move(*record));
  }
  for (const Record& record : restored) {
    const EntityDef& record_def = registry_.get(record.kind);
    if (auto dangling = check_link_targets(record_def, record.id, record.fields, nullptr)) {
      throw StoreError("Cannot restore the " + to_lower_ascii(record_def.label) + " '" + title_of(record) +
                       "': " + dangling->message);
    }
    index_links(db_, record_def, record.id, record.fields);
  }
  for (const HistoryEntry& entry : undo) {
    if (entry.field == detail::deleted_marker) continue;
    const EntityDef& entry_def = registry_.get(entry.kind);
    const FieldDef* field = entry_def.field(entry.field);
    const std::optional<Record> record = select_record(db_, entry_def, entry.record_id);
    if (field == nullptr || !record || record->deleted) continue;
    if (to_history_text(record->get(field->key)) != entry.new_value) continue;  // changed since: theirs stands
    update_checked(entry_def, record->id, {{field->key, from_history_text(*field, entry.old_value)}}, stamp);
  }
  transaction.commit();
}

}  // namespace isms
