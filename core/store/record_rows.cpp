#include "core/store/record_rows.hpp"

#include <stdexcept>

#include "core/store/sql_text.hpp"

namespace isms {
namespace {

constexpr int system_column_count = 7;

}  // namespace

std::string select_sql(const EntityDef& def) {
  std::string sql = "SELECT id, created_at, created_by, updated_at, updated_by, revision, deleted";
  for (const FieldDef& field : def.fields) sql += ", " + quote_identifier(field.key);
  return sql + " FROM " + quote_identifier(def.table());
}

namespace {

// SQLite keeps what it was given in a column; reading through the field's type guards against
// a value that reached the file some other way (an older build, a hand edit).
Value as_field_type(const FieldDef& field, Value value) {
  if (field.type == FieldType::Number) {
    if (const auto* integer = std::get_if<std::int64_t>(&value)) return static_cast<double>(*integer);
  }
  return value;
}

}  // namespace

Record read_record(const EntityDef& def, const Statement& row) {
  Record record;
  record.kind = def.kind;
  record.id = row.column_text(0);
  record.created_at = row.column_text(1);
  record.created_by = row.column_text(2);
  record.updated_at = row.column_text(3);
  record.updated_by = row.column_text(4);
  record.revision = row.column_int64(5);
  record.deleted = row.column_int64(6) != 0;
  int column = system_column_count;
  for (const FieldDef& field : def.fields) {
    record.fields.emplace(field.key, as_field_type(field, row.column_value(column++)));
  }
  return record;
}

bool row_deleted(const Statement& row) { return row.column_int64(6) != 0; }

bool row_field_equals(const EntityDef& def, const Statement& row, std::size_t field_index, const Value& value) {
  const int column = system_column_count + static_cast<int>(field_index);
  // As as_field_type reads it: a whole number stored in a Number field is a double.
  if (def.fields[field_index].type == FieldType::Number) {
    const Value stored = row.column_value(column);  // a number: no allocation
    if (const auto* integer = std::get_if<std::int64_t>(&stored)) return value == Value(static_cast<double>(*integer));
  }
  return row.column_equals(column, value);
}

std::optional<Record> select_record(const Database& db, const EntityDef& def, const std::string& id) {
  Statement query = db.prepare(select_sql(def) + " WHERE id = ?");
  query.bind(1, id);
  if (!query.step()) return std::nullopt;
  return read_record(def, query);
}

std::vector<Record> select_records(const Database& db, const EntityDef& def, bool include_deleted) {
  Statement query =
      db.prepare(select_sql(def) + (include_deleted ? "" : " WHERE deleted = 0") + " ORDER BY created_at, id");
  std::vector<Record> records;
  while (query.step()) records.push_back(read_record(def, query));
  return records;
}

std::vector<Record> select_records_where(const Database& db, const EntityDef& def, std::string_view field,
                                         const Value& value) {
  if (def.field(field) == nullptr) {
    throw std::invalid_argument("The register " + def.kind + " has no field " + std::string(field) + ".");
  }
  Statement query = db.prepare(select_sql(def) + " WHERE deleted = 0 AND " + quote_identifier(field) +
                               " = ? ORDER BY created_at, id");
  query.bind(1, value);
  std::vector<Record> records;
  while (query.step()) records.push_back(read_record(def, query));
  return records;
}

std::size_t count_live_records(const Database& db, const EntityDef& def) {
  Statement query = db.prepare("SELECT count(*) FROM " + quote_identifier(def.table()) + " WHERE deleted = 0");
  query.step();
  return static_cast<std::size_t>(query.column_int64(0));
}

void insert_record(Database& db, const EntityDef& def, const Record& record) {
  std::string columns = "id, created_at, created_by, updated_at, updated_by, revision, deleted";
  std::string placeholders = "?, ?, ?, ?, ?, ?, ?";
  for (const FieldDef& field : def.fields) {
    columns += ", " + quote_identifier(field.key);
    placeholders += ", ?";
  }
  Statement insert =
      db.prepare("INSERT INTO " + quote_identifier(def.table()) + " (" + columns + ") VALUES (" + placeholders + ")");
  insert.bind(1, record.id)
      .bind(2, record.created_at)
      .bind(3, record.created_by)
      .bind(4, record.updated_at)
      .bind(5, record.updated_by)
      .bind(6, record.revision)
      .bind(7, record.deleted ? 1 : 0);
  int index = system_column_count + 1;
  for (const FieldDef& field : def.fields) insert.bind(index++, record.get(field.key));
  insert.step();
}

void update_record(Database& db, const EntityDef& def, const std::string& id,
                   const std::map<std::string, Value>& changes, const std::string& at, const std::string& author) {
  std::string sql =
      "UPDATE " + quote_identifier(def.table()) + " SET updated_at = ?, updated_by = ?, revision = revision + 1";
  for (const auto& change : changes) sql += ", " + quote_identifier(change.first) + " = ?";
  sql += " WHERE id = ?";
  Statement update = db.prepare(sql);
  update.bind(1, at).bind(2, author);
  int index = 3;
  for (const auto& change : changes) update.bind(index++, change.second);
  update.bind(index, id);
  update.step();
}

void set_record_deleted(Database& db, const EntityDef& def, const std::string& id, bool deleted, const std::string& at,
                        const std::string& author) {
  Statement update = db.prepare("UPDATE " + quote_identifier(def.table()) +
                                " SET deleted = ?, updated_at = ?, updated_by = ?, revision = revision + 1"
                                " WHERE id = ?");
  update.bind(1, deleted ? 1 : 0).bind(2, at).bind(3, author).bind(4, id);
  update.step();
}

}  // namespace isms
