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

std::optional<Record> select_record(const Database& db, const EntityDef& def, const std::string& id);
std::vector<Record> select_records(const Database& db, const EntityDef& def, bool include_deleted);
std::size_t count_live_records(const Database& db, const EntityDef& def);

void insert_record(Database& db, const EntityDef& def, const Record& record);

// Sets the given fields, updated_at/by, and revision + 1.
void update_record(Database& db, const EntityDef& def, const std::string& id,
                   const std::map<std::string, Value>& changes, const std::string& at, const std::string& author);

// Sets or clears the tombstone flag, updated_at/by, and revision + 1.
void set_record_deleted(Database& db, const EntityDef& def, const std::string& id, bool deleted, const std::string& at,
                        const std::string& author);

}  // namespace isms
