#include "core/store/repository.hpp"

#include <utility>

#include "core/store/history_log.hpp"
#include "core/store/record_rows.hpp"
#include "core/store/value_text.hpp"
#include "core/util/text.hpp"
#include "core/util/uuid.hpp"

namespace isms {
namespace {

constexpr const char* deleted_marker = "_deleted";

[[noreturn]] void throw_missing(const EntityDef& def, const std::string& id) {
  throw StoreError("No " + to_lower_ascii(def.label) + " with id " + id + ".");
}

HistoryEntry history_row(const std::string& change_set, const Record& record, std::string field,
                         std::optional<std::string> old_value, std::optional<std::string> new_value) {
  HistoryEntry entry;
  entry.change_set = change_set;
  entry.kind = record.kind;
  entry.record_id = record.id;
  entry.field = std::move(field);
  entry.old_value = std::move(old_value);
  entry.new_value = std::move(new_value);
  entry.author = record.updated_by;
  entry.at = record.updated_at;
  return entry;
}

}  // namespace

Repository::Repository(Database& db, const Registry& registry, const Clock& clock, std::string author)
    : db_(db), registry_(registry), clock_(clock), author_(std::move(author)) {}

void Repository::set_author(std::string author) { author_ = std::move(author); }

std::string Repository::begin_change_set(const std::string& at, std::string_view note, std::string_view fallback) {
  std::string id = new_uuid();
  insert_change_set(db_, id, author_, at, std::string(note.empty() ? fallback : note));
  return id;
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
  values = normalise(def, std::move(values));
  if (auto errors = validate(def, values); !errors.empty()) throw ValidationError(std::move(errors));

  Transaction transaction(db_);
  if (select_record(db_, def, id)) throw StoreError("A record with id " + id + " already exists.");
  Record record;
  record.id = id;
  record.kind = def.kind;
  record.created_at = record.updated_at = clock_.now_utc();
  record.created_by = record.updated_by = author_;
  record.revision = 1;
  record.fields = std::move(values);
  insert_record(db_, def, record);

  const std::string change_set = begin_change_set(record.created_at, change_note, "Created " + def.label);
  for (const FieldDef& field : def.fields) {
    const Value& value = record.get(field.key);
    if (is_null(value)) continue;
    insert_history(db_, history_row(change_set, record, field.key, std::nullopt, to_history_text(value)));
  }
  transaction.commit();
}

void Repository::update(std::string_view kind, const std::string& id, std::map<std::string, Value> changes,
                        std::string_view change_note) {
  const EntityDef& def = registry_.get(kind);
  changes = normalise_changes(def, std::move(changes));

  // Read and write in one transaction, so the check and the change see the same record.
  Transaction transaction(db_);
  std::optional<Record> current = select_record(db_, def, id);
  if (!current || current->deleted) throw_missing(def, id);

  std::map<std::string, Value> changed;
  std::map<std::string, Value> merged = current->fields;
  for (auto& [key, value] : changes) {
    if (def.field(key) != nullptr && current->get(key) == value) continue;
    merged[key] = value;
    changed.emplace(key, std::move(value));
  }
  if (changed.empty()) return;  // nothing to do: the guard rolls back an empty transaction

  if (auto errors = validate(def, merged); !errors.empty()) throw ValidationError(std::move(errors));
  if (def.lifecycle) {
    const std::string& status = def.lifecycle->field;
    if (auto refused = check_transition(def, current->get(status), merged[status])) {
      throw ValidationError({std::move(*refused)});
    }
  }

  Record after = *current;
  after.updated_at = clock_.now_utc();
  after.updated_by = author_;
  update_record(db_, def, id, changed, after.updated_at, after.updated_by);

  const std::string change_set = begin_change_set(after.updated_at, change_note, "Updated " + def.label);
  for (const auto& [key, value] : changed) {
    insert_history(db_,
                   history_row(change_set, after, key, to_history_text(current->get(key)), to_history_text(value)));
  }
  transaction.commit();
}

void Repository::remove(std::string_view kind, const std::string& id) { set_deleted(kind, id, true); }

void Repository::restore(std::string_view kind, const std::string& id) { set_deleted(kind, id, false); }

void Repository::set_deleted(std::string_view kind, const std::string& id, bool deleted) {
  const EntityDef& def = registry_.get(kind);
  Transaction transaction(db_);
  std::optional<Record> current = select_record(db_, def, id);
  if (!current) throw_missing(def, id);
  if (current->deleted == deleted) return;

  Record after = *current;
  after.updated_at = clock_.now_utc();
  after.updated_by = author_;
  set_record_deleted(db_, def, id, deleted, after.updated_at, after.updated_by);
  const std::string change_set =
      begin_change_set(after.updated_at, {}, (deleted ? "Deleted " : "Restored ") + def.label);
  insert_history(db_, history_row(change_set, after, deleted_marker, deleted ? "0" : "1", deleted ? "1" : "0"));
  transaction.commit();
}

std::optional<Record> Repository::get(std::string_view kind, const std::string& id) const {
  return select_record(db_, registry_.get(kind), id);
}

std::vector<Record> Repository::list(std::string_view kind, bool include_deleted) const {
  return select_records(db_, registry_.get(kind), include_deleted);
}

std::size_t Repository::count(std::string_view kind) const { return count_live_records(db_, registry_.get(kind)); }

std::vector<HistoryEntry> Repository::history(const std::string& record_id) const {
  return select_history(db_, record_id);
}

}  // namespace isms
