// Deleting and restoring: tombstones, the records that are part of the one deleted, and the
// links that point at it (Repository::remove's comment has the rules).
#include <algorithm>
#include <map>
#include <set>

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

constexpr std::size_t named_referrers = 5;  // a message names this many, then counts the rest

}  // namespace

std::vector<LinkedRecord> Repository::linked_from(const std::string& id) const {
  std::vector<LinkedRecord> referrers;
  for (const LinkRow& row : links_to(db_, id)) {
    const EntityDef* def = registry_.find(row.from_kind);
    if (def == nullptr) continue;  // a register this build does not know: nothing it can show
    const std::optional<Record> record = lookup(*def, row.from_id);
    if (!record || record->deleted) continue;
    referrers.push_back({row.from_kind, row.from_id, title_of(*record), row.field});
  }
  return referrers;
}

// Names the first few referrers only: refusing to delete a person who owns 10,000 risks must not
// read 10,000 records to say so.
std::string Repository::describe_referrers(const std::vector<LinkRow>& rows) const {
  std::vector<std::string> names;
  for (const LinkRow& row : rows) {
    if (names.size() == named_referrers) {
      names.push_back("and " + std::to_string(rows.size() - named_referrers) + " more");
      break;
    }
    const EntityDef& def = registry_.get(row.from_kind);
    const FieldDef* field = def.field(row.field);
    const std::optional<Record> record = lookup(def, row.from_id);
    names.push_back(def.label + " '" + (record ? title_of(*record) : row.from_id) + "' (" +
                    (field != nullptr ? field->label : row.field) + ")");
  }
  return join(names, ", ");
}

void Repository::remove(std::string_view kind, const std::string& id, OnLinks on_links) {
  const EntityDef& def = registry_.get(kind);
  if (def.single) {
    throw StoreError("The " + label_in_sentence(def.label) + " cannot be deleted: a workspace always has one. " +
                     "Change it instead.");
  }
  Transaction transaction(db_);
  std::optional<Record> current = lookup(def, id);
  if (!current) detail::throw_missing(def, id);
  if (current->deleted) return;
  const Stamp stamp = begin_change_set({}, "Deleted " + def.label + " '" + title_of(*current) + "'");
  remove_in(def, *current, on_links, stamp);
  transaction.commit();
}

void Repository::remove_in(const EntityDef& def, const Record& current, OnLinks on_links, const Stamp& stamp) {
  // The tombstone first: a record that is part of one being deleted, and links back to it,
  // then finds it deleted instead of going round in circles.
  write_deleted(def, current, true, stamp);
  unindex_links(db_, current.id);
  detach(def, current, on_links, stamp);
}

void Repository::detach_merged(std::string_view kind, const std::string& id, const Stamp& stamp) {
  const EntityDef& def = registry_.get(kind);
  const std::optional<Record> record = lookup(def, id);
  if (!record) detail::throw_missing(def, id);
  detach(def, *record, OnLinks::Unlink, stamp);
}

// What else a deletion does, once the tombstone is written: its parts go with it, and the other
// live records that point at it are refused or unlinked.
void Repository::detach(const EntityDef& def, const Record& current, OnLinks on_links, const Stamp& stamp) {
  // The index holds live records only, and only links of a field that points at this kind
  // count (ids are unique across registers, create_with_id sees to that; this is the second lock).
  std::vector<LinkRow> others;
  for (const LinkRow& row : links_to(db_, current.id)) {
    const EntityDef* referrer_def = registry_.find(row.from_kind);
    const FieldDef* field = referrer_def != nullptr ? referrer_def->field(row.field) : nullptr;
    if (field == nullptr || (field->link_kind != def.kind && field->link_kind != any_kind)) continue;
    if (!field->part_of) {
      others.push_back(row);
      continue;
    }
    const std::optional<Record> part = lookup(*referrer_def, row.from_id);
    if (part && !part->deleted) remove_in(*referrer_def, *part, on_links, stamp);
  }
  // A part removed above no longer points anywhere (its rows left the index with it).
  others.erase(std::remove_if(others.begin(), others.end(),
                              [&](const LinkRow& row) {
                                const std::optional<Record> record = get(row.from_kind, row.from_id);
                                return !record || record->deleted;
                              }),
               others.end());
  if (others.empty()) return;
  if (on_links == OnLinks::Refuse) {
    std::vector<LinkedRecord> referrers;
    for (const LinkRow& row : others) referrers.push_back({row.from_kind, row.from_id, {}, row.field});
    throw LinkedRecordsError("The " + label_in_sentence(def.label) + " '" + title_of(current) +
                                 "' is still linked from " + std::to_string(others.size()) +
                                 (others.size() == 1 ? " record: " : " records: ") + describe_referrers(others) +
                                 ". Remove those links first, or delete and unlink.",
                             std::move(referrers));
  }
  for (const LinkRow& row : others) unlink(row, current.id, stamp);
}

void Repository::unlink(const LinkRow& row, const std::string& target_id, const Stamp& stamp) {
  const EntityDef& def = registry_.get(row.from_kind);
  const FieldDef& field = *def.field(row.field);
  const Record record = *lookup(def, row.from_id);
  const LinkedRecord referrer{row.from_kind, row.from_id, title_of(record), row.field};
  std::vector<std::string> ids = linked_ids(field, record.get(field.key));
  ids.erase(std::remove(ids.begin(), ids.end(), target_id), ids.end());
  Value remaining = field.type == FieldType::Link ? Value{} : link_list(ids);
  if (is_null(remaining) && field.required) {
    throw LinkedRecordsError(def.label + " '" + referrer.title + "' needs its " + field.label +
                                 ". Choose another one there first, or delete it.",
                             {referrer});
  }
  try {
    update_checked(def, row.from_id, {{field.key, std::move(remaining)}}, stamp);
  } catch (const ValidationError& refused) {
    // The other record's own rules need the link (an active objective measured by this KPI):
    // the deletion is what is refused, and the message says where and why.
    throw LinkedRecordsError(def.label + " '" + referrer.title + "' cannot lose its " + field.label + ": " +
                                 refused.what() + " Change it there first, or delete it.",
                             {referrer});
  }
}

void Repository::write_deleted(const EntityDef& def, const Record& current, bool deleted, const Stamp& stamp) {
  Record after = current;
  after.updated_at = stamp.at;
  after.updated_by = author_;
  set_record_deleted(db_, def, current.id, deleted, after.updated_at, after.updated_by);
  insert_history(db_, detail::history_row(stamp.change_set, after, detail::deleted_marker, deleted ? "0" : "1",
                                          deleted ? "1" : "0"));
  bump_versions(db_, local_replica(), current.id, {detail::deleted_marker});
}

std::vector<std::string> Repository::restore(std::string_view kind, const std::string& id) {
  const EntityDef& def = registry_.get(kind);
  Transaction transaction(db_);
  std::optional<Record> current = lookup(def, id);
  if (!current) detail::throw_missing(def, id);
  if (!current->deleted) return {};

  // The change set that deleted it holds everything that deletion did.
  std::string deleting_set;
  for (const HistoryEntry& entry : select_history(db_, id)) {
    if (entry.field == detail::deleted_marker && entry.new_value == "1") deleting_set = entry.change_set;
  }
  std::vector<HistoryEntry> undo;
  if (!deleting_set.empty()) undo = deletion_in(id, select_change_set(db_, deleting_set));
  if (undo.empty()) undo.push_back(detail::history_row({}, *current, detail::deleted_marker, "0", "1"));

  const Stamp stamp = begin_change_set({}, "Restored " + def.label + " '" + title_of(*current) + "'");
  // Records first, all of them before their rules run (they may point at each other).
  std::vector<Record> restored;
  for (const HistoryEntry& entry : undo) {
    if (entry.field != detail::deleted_marker || entry.new_value != "1") continue;
    const EntityDef& entry_def = registry_.get(entry.kind);
    std::optional<Record> record = lookup(entry_def, entry.record_id);
    if (!record || !record->deleted) continue;
    write_deleted(entry_def, *record, false, stamp);
    record->deleted = false;
    restored.push_back(std::move(*record));
  }
  for (const Record& record : restored) check_restorable(record, stamp);
  std::vector<std::string> notes;
  for (const HistoryEntry& entry : undo) {
    if (entry.field != detail::deleted_marker) put_back(entry, stamp, notes);
  }
  transaction.commit();
  return notes;
}

// What the deletion of `id` did, out of the change set that made it: its tombstone, the
// tombstones of its parts (and of theirs), and the links to any of them taken out of other
// records. For a deletion that is the whole change set; a merge (core/bundle/merge.hpp) writes
// many deletions and edits in one change set, and restoring one record must undo only its own.
std::vector<HistoryEntry> Repository::deletion_in(const std::string& id,
                                                  const std::vector<HistoryEntry>& change_set) const {
  // Each record deleted in the change set, with the records it is part of (read once).
  std::map<std::string, std::vector<std::string>> wholes;
  for (const HistoryEntry& entry : change_set) {
    if (entry.field != detail::deleted_marker || entry.new_value != "1" || entry.record_id == id) continue;
    const EntityDef* def = registry_.find(entry.kind);
    const std::optional<Record> record = def != nullptr ? lookup(*def, entry.record_id) : std::nullopt;
    if (!record) continue;
    std::vector<std::string>& of = wholes[entry.record_id];
    for (const FieldDef& field : def->fields) {
      if (!field.part_of) continue;
      for (std::string& target : linked_ids(field, record->get(field.key))) of.push_back(std::move(target));
    }
  }
  std::set<std::string> ids{id};
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& [part, of] : wholes) {
      if (ids.count(part) != 0) continue;
      if (std::any_of(of.begin(), of.end(), [&](const std::string& whole) { return ids.count(whole) != 0; })) {
        ids.insert(part);
        grew = true;
      }
    }
  }
  std::vector<HistoryEntry> undo;
  for (const HistoryEntry& entry : change_set) {
    if (entry.field == detail::deleted_marker) {
      if (entry.new_value == "1" && ids.count(entry.record_id) != 0) undo.push_back(entry);
      continue;
    }
    const EntityDef* def = registry_.find(entry.kind);
    const FieldDef* field = def != nullptr ? def->field(entry.field) : nullptr;
    if (field == nullptr || !is_link_type(field->type)) continue;
    const std::vector<std::string> before = linked_ids(*field, from_history_text(*field, entry.old_value));
    const std::vector<std::string> after = linked_ids(*field, from_history_text(*field, entry.new_value));
    const bool took_one_out = std::any_of(before.begin(), before.end(), [&](const std::string& target) {
      return ids.count(target) != 0 && std::find(after.begin(), after.end(), target) == after.end();
    });
    if (took_one_out) undo.push_back(entry);
  }
  return undo;
}

// A restored record meets today's rules like any write: its links point at live records, and the
// context checks hold now (another record may have taken its place meanwhile: a second
// accountable role, a reused control reference). Computed fields are brought up to date.
void Repository::check_restorable(const Record& record, const Stamp& stamp) {
  const EntityDef& def = registry_.get(record.kind);
  const std::string what = "Cannot restore the " + label_in_sentence(def.label) + " '" + title_of(record) + "': ";
  for (const FieldDef& field : def.fields) {
    if (!is_link_type(field.type)) continue;
    for (const std::string& target_id : linked_ids(field, record.get(field.key))) {
      const std::optional<Record> target = find_in_any_register(target_id);
      if (target && !target->deleted) continue;
      const std::string target_name =
          target ? label_in_sentence(registry_.get(target->kind).label) + " '" + title_of(*target) + "'" : target_id;
      throw StoreError(what + "its " + field.label + " (the " + target_name + ") is deleted. Restore that first.");
    }
  }
  std::map<std::string, Value> values = record.fields;
  try {
    check_rules(def, record.id, values, nullptr);
  } catch (const ValidationError& refused) {
    throw StoreError(what + refused.what());
  }
  index_links(db_, def, record.id, record.fields);
  update_checked(def, record.id, {}, stamp);  // writes the computed fields if they moved
}

// Puts back what the deletion changed in another record (the links it took out), unless that
// record has changed it since; what cannot be put back is said in `notes`.
void Repository::put_back(const HistoryEntry& entry, const Stamp& stamp, std::vector<std::string>& notes) {
  const EntityDef& def = registry_.get(entry.kind);
  const FieldDef* field = def.field(entry.field);
  const std::optional<Record> record = lookup(def, entry.record_id);
  if (field == nullptr || !record || record->deleted) return;
  const Value now = record->get(field->key);
  Value wanted = from_history_text(*field, entry.old_value);
  if (field->type == FieldType::LinkList) {
    // Links taken out go back in, whatever else the list has gained or lost since.
    std::vector<std::string> ids = linked_ids(*field, now);
    const std::vector<std::string> after_deletion = linked_ids(*field, from_history_text(*field, entry.new_value));
    for (const std::string& taken : linked_ids(*field, wanted)) {
      if (std::find(after_deletion.begin(), after_deletion.end(), taken) == after_deletion.end()) ids.push_back(taken);
    }
    wanted = link_list(std::move(ids));
  } else if (to_history_text(now) != entry.new_value) {
    notes.push_back(def.label + " '" + title_of(*record) + "': " + field->label +
                    " was changed since the deletion and is left as it is.");
    return;
  }
  try {
    update_checked(def, record->id, {{field->key, std::move(wanted)}}, stamp);
  } catch (const ValidationError& refused) {
    notes.push_back(def.label + " '" + title_of(*record) + "': " + field->label +
                    " was not put back: " + refused.what());
  }
}

}  // namespace isms
