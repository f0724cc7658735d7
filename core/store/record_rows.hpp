#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/entity.hpp"
#include "core/store/record.hpp"
#include "core/store/sqlite.hpp"

namespace isms {

// The SQL behind the repository: reading and writing rec_<kind> rows, built from the definition.
// No validation and no history here; Repository adds both.

// "SELECT <system columns>, <fields> FROM rec_<kind>", and reading one row of it.
std::string select_sql(const EntityDef& def);
Record read_record(const EntityDef& def, const Statement& row);
// Whether the row's deletion flag and field `def.fields[field_index]` are what read_record
// would read, without reading them into a Record (the merge compares a whole workspace).
bool row_deleted(const Statement& row);
bool row_field_equals(const EntityDef& def, const Statement& row, std::size_t field_index, const Value& value);

std::optional<Record> select_record(const Database& db, const EntityDef& def, const std::string& id);
std::vector<Record> select_records(const Database& db, const EntityDef& def, bool include_deleted);
// Live records whose field equals the value (an unknown field is a programming error:
// std::invalid_argument). By created_at, id.
std::vector<Record> select_records_where(const Database& db, const EntityDef& def, std::string_view field,
                                         const Value& value);
std::size_t count_live_records(const Database& db, const EntityDef& def);

void insert_record(Database& db, const EntityDef& def, const Record& record);

// Sets the given fields, updated_at/by, and revision + 1.
void update_record(Database& db, const EntityDef& def, const std::string& id,
                   const std::map<std::string, Value>& changes, const std::string& at, const std::string& author);

// Sets or clears the tombstone flag, updated_at/by, and revision + 1.
void set_record_deleted(Database& db, const EntityDef& def, const std::string& id, bool deleted, const std::string& at,
                        const std::string& author);

}  // namespace isms
