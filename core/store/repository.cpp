#include "core/store/repository.hpp"

#include <utility>

#include "core/model/links.hpp"
#include "core/store/field_versions.hpp"
#include "core/store/history_log.hpp"
#include "core/store/link_index.hpp"
#include "core/store/record_rows.hpp"
#include "core/store/repository_detail.hpp"
#include "core/store/value_text.hpp"
#include "core/util/text.hpp"
#include "core/util/uuid.hpp"

namespace isms {

Repository::Repository(Database& db, const Registry& registry, const Clock& clock, std::string author)
    : db_(db), registry_(registry), clock_(clock), author_(std::move(author)) {}

void Repository::set_author(std::string author) { author_ = std::move(author); }

// Read once: a file's replica never changes while it is open (assign_new_replica is for a copy
// before it is opened).
std::int64_t Repository::local_replica() const {
  if (local_replica_ == 0) local_replica_ = local_replica_number(db_);
  return local_replica_;
}

std::string Repository::replica_id() const { return local_replica_id(db_); }

Repository::Stamp Repository::open_change_set(std::string_view description) {
  return begin_change_set(description, "Changed records");
}

Repository::Stamp Repository::begin_change_set(std::string_view note, std::string_view fallback) {
  Stamp stamp{new_uuid(), clock_.now_utc()};
  insert_change_set(db_, stamp.change_set, author_, stamp.at, std::string(note.empty() ? fallback : note));
  if (change_set_hook_) change_set_hook_(stamp.change_set);
  return stamp;
}

std::string Repository::create(std::string_view kind, std::map<std::string, Value> values,
                               std::string_view change_note) {
  std::string id = new_uuid();
  create_with_id(kind, id, std::move(values), change_note);
  return id;
}

void Repository::create_with_id(std::string_view kind, const std::string& id, std::map<std::string, Value> values,
                                std::string_view change_note) {
  const EntityDef& def = registry_.get(kind);
  Transaction transaction(db_);
  const Stamp stamp = begin_change_set(change_note, "Created " + def.label);
  insert_checked(def, id, std::move(values), stamp);
  transaction.commit();
}

void Repository::insert_checked(const EntityDef& def, const std::string& id, std::map<std::string, Value> values,
                                const Stamp& stamp) {
  values = normalise(def, std::move(values));
  for (const FieldDef& field : def.fields) {
    if (field.computed) values[field.key] = std::monostate{};  // derive() gives the only accepted value
  }
  check_rules(def, id, values, nullptr);
  // Ids are unique across registers, not only within one: links and the link index name a
  // record by id alone.
  if (find_in_any_register(id)) throw StoreError("A record with id " + id + " already exists.");

  Record record;
  record.id = id;
  record.kind = def.kind;
  record.created_at = record.updated_at = stamp.at;
  record.created_by = record.updated_by = author_;
  record.revision = 1;
  record.fields = std::move(values);
  insert_record(db_, def, record);
  index_links(db_, def, id, record.fields);
  std::vector<std::string> written;
  for (const FieldDef& field : def.fields) {
    const Value& value = record.get(field.key);
    if (is_null(value)) continue;
    insert_history(db_, detail::history_row(stamp.change_set, record, field.key, std::nullopt, to_history_text(value)));
    if (!field.computed) written.push_back(field.key);
  }
  bump_versions(db_, local_replica(), id, written);
  recompute_dependents(def, stamp);
}

void Repository::update(std::string_view kind, const std::string& id, std::map<std::string, Value> changes,
                        std::string_view change_note) {
  const EntityDef& def = registry_.get(kind);
  // Read and write in one transaction, so the rules and the change see the same records. If
  // nothing changes, the guard rolls back the change set it began.
  Transaction transaction(db_);
  const Stamp stamp = begin_change_set(change_note, "Updated " + def.label);
  if (update_checked(def, id, std::move(changes), stamp)) transaction.commit();
}

bool Repository::update_checked(const EntityDef& def, const std::string& id, std::map<std::string, Value> changes,
                                const Stamp& stamp) {
  changes = normalise_changes(def, std::move(changes));
  std::optional<Record> current = lookup(def, id);
  if (!current || current->deleted) detail::throw_missing(def, id);

  std::map<std::string, Value> merged = current->fields;
  for (auto& [key, value] : changes) {
    const FieldDef* field = def.field(key);
    if (field != nullptr && field->computed) continue;  // derived below, never taken from the caller
    merged[key] = std::move(value);
  }
  check_rules(def, id, merged, &*current);
  return write_changes(def, *current, merged, stamp);
}

// Writes the fields of `merged` that differ from `current`, with their history, the link index
// and the vectors; recomputes dependents. False, and nothing written, if none differs.
bool Repository::write_changes(const EntityDef& def, const Record& current, const std::map<std::string, Value>& merged,
                               const Stamp& stamp) {
  const std::string& id = current.id;
  std::map<std::string, Value> changed;
  for (const auto& [key, value] : merged) {
    if (current.get(key) != value) changed.emplace(key, value);
  }
  if (changed.empty()) return false;

  Record after = current;
  after.updated_at = stamp.at;
  after.updated_by = author_;
  update_record(db_, def, id, changed, after.updated_at, after.updated_by);
  std::vector<std::string> relinked;
  std::vector<std::string> written;
  for (const auto& [key, value] : changed) {
    insert_history(db_, detail::history_row(stamp.change_set, after, key, to_history_text(current.get(key)),
                                            to_history_text(value)));
    const FieldDef* field = def.field(key);
    if (field != nullptr && is_link_type(field->type)) {
      unindex_links(db_, id, key);
      relinked.push_back(key);
    }
    if (field != nullptr && !field->computed) written.push_back(key);
  }
  if (!relinked.empty()) index_links(db_, def, id, merged, &relinked);
  bump_versions(db_, local_replica(), id, written);
  recompute_dependents(def, stamp);
  return true;
}

void Repository::recompute_dependents(const EntityDef& def, const Stamp& stamp) {
  for (const std::string& kind : def.recompute_after_write) {
    const EntityDef& dependent = registry_.get(kind);
    std::vector<std::string> ids;
    Statement live =
        db_.prepare("SELECT id FROM \"" + dependent.table() + "\" WHERE deleted = 0 ORDER BY created_at, id");
    while (live.step()) ids.push_back(live.column_text(0));
    for (const std::string& id : ids) {
      try {
        update_checked(dependent, id, {}, stamp);
      } catch (const ValidationError& refused) {
        const std::optional<Record> record = lookup(dependent, id);
        const std::string first = refused.errors().empty() ? refused.what() : refused.errors().front().message;
        throw DependentRuleError("The " + label_in_sentence(dependent.label) + " '" +
                                     (record ? title_of(*record) : id) + "' would break its rules: " + first,
                                 dependent.kind, id, refused.errors());
      }
    }
  }
}

// The merged values were never checked together here, so every rule runs, and every link is
// looked at (not only new ones: the merge may have deleted a target). Only the lifecycle is
// not: the other copy made its transitions under the same rules.
void Repository::refresh_merged(std::string_view kind, const std::string& id, const Stamp& stamp) {
  const EntityDef& def = registry_.get(kind);
  const std::optional<Record> current = lookup(def, id);
  if (!current) detail::throw_missing(def, id);
  if (current->deleted) return;  // deleted since the merge wrote it (a part of a record it deleted)
  std::map<std::string, Value> values = current->fields;
  if (def.derive) def.derive(*this, values);
  if (auto errors = validate(def, values); !errors.empty()) throw ValidationError(std::move(errors));
  if (auto dangling = check_link_targets(def, id, values, nullptr)) throw ValidationError({std::move(*dangling)});
  for (const ContextCheck& check : def.context_checks) {
    if (auto refused = check(*this, id, values)) throw ValidationError({std::move(*refused)});
  }
  // Writes what derive moved (and recomputes dependents); the dependents of a record whose own
  // computed fields stayed must be recomputed all the same.
  if (!write_changes(def, *current, values, stamp)) recompute_dependents(def, stamp);
}

// One prepared statement per register, kept: the rules look records up by id thousands of
// times in a merge or an import, and preparing the statement cost more than running it.
std::optional<Record> Repository::lookup(const EntityDef& def, const std::string& id) const {
  auto found = by_id_.find(def.kind);
  if (found == by_id_.end()) found = by_id_.emplace(def.kind, db_.prepare(select_sql(def) + " WHERE id = ?")).first;
  Statement& query = found->second;
  query.reset();
  query.bind(1, id);
  std::optional<Record> record;
  if (query.step()) record = read_record(def, query);
  query.reset();  // no statement left half-way: it would hold the file's read lock
  return record;
}

std::optional<Record> Repository::get(std::string_view kind, const std::string& id) const {
  return lookup(registry_.get(kind), id);
}

std::vector<Record> Repository::list(std::string_view kind, bool include_deleted) const {
  return select_records(db_, registry_.get(kind), include_deleted);
}

std::size_t Repository::count(std::string_view kind) const { return count_live_records(db_, registry_.get(kind)); }

std::vector<Record> Repository::query(std::string_view kind, const RecordQuery& query) const {
  return run_query(db_, registry_.get(kind), query);
}

std::size_t Repository::count(std::string_view kind, const RecordQuery& query) const {
  return count_query(db_, registry_.get(kind), query);
}

std::vector<HistoryEntry> Repository::history(const std::string& record_id) const {
  return select_history(db_, record_id);
}

std::optional<Record> Repository::find(std::string_view kind, const std::string& id) const { return get(kind, id); }

std::vector<Record> Repository::find_by(std::string_view kind, std::string_view field, const Value& value) const {
  return select_records_where(db_, registry_.get(kind), field, value);
}

std::string Repository::title_of(const Record& record) const {
  const EntityDef* def = registry_.find(record.kind);
  if (def == nullptr) return record.id;
  const FieldDef* title = def->field(def->title_field);
  const Value& value = record.get(def->title_field);
  std::string text =
      title != nullptr && title->type == FieldType::Enum ? title->option_label(to_display(value)) : to_display(value);
  return text.empty() ? record.id : text;
}

}  // namespace isms
