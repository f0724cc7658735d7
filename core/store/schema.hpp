#pragma once

#include <string>

#include "core/model/entity.hpp"
#include "core/model/registry.hpp"
#include "core/store/sqlite.hpp"

namespace isms {

// Register tables come from the definitions, not from hand-written SQL.

// CREATE TABLE for rec_<kind>: the system columns every record has (id, created/updated time and
// author, revision, tombstone flag), then one column per field. Exposed for tests.
std::string create_table_sql(const EntityDef& def);

// SQL column type for a field: TEXT, INTEGER or REAL.
const char* column_type(FieldType type);

// Creates missing register tables and indexes, and adds a column for every field a definition
// gained since the file was last opened, so adding a field needs no hand-written migration.
// Existing rows get NULL in the new column. Columns of removed fields are left alone (old files
// keep their data). In a file with the search index (migration 5), also indexes every register
// that is new to it or whose searched columns changed (search_index.hpp). Idempotent; runs in
// one transaction.
void ensure_tables(Database& db, const Registry& registry);

}  // namespace isms
