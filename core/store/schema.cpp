#include "core/store/schema.hpp"

#include <set>

#include "core/store/search_index.hpp"
#include "core/store/sql_text.hpp"

namespace isms {
namespace {

bool table_exists(const Database& db, const std::string& table) {
  Statement query = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
  query.bind(1, table);
  return query.step();
}

std::set<std::string> existing_columns(const Database& db, const std::string& table) {
  std::set<std::string> columns;
  Statement query = db.prepare("SELECT name FROM pragma_table_info(?)");
  query.bind(1, table);
  while (query.step()) columns.insert(query.column_text(0));
  return columns;
}

bool wants_index(FieldType type) {
  // The columns people filter and sort on, and the ones other records point through.
  return type == FieldType::Enum || type == FieldType::Date || type == FieldType::Link;
}

std::string column_sql(const FieldDef& field) { return quote_identifier(field.key) + " " + column_type(field.type); }

}  // namespace

const char* column_type(FieldType type) {
  if (is_text_type(type)) return "TEXT";
  if (is_integer_type(type)) return "INTEGER";
  return "REAL";
}

std::string create_table_sql(const EntityDef& def) {
  std::string sql = "CREATE TABLE " + quote_identifier(def.table()) +
                    " (\n"
                    "  \"id\" TEXT PRIMARY KEY NOT NULL,\n"
                    "  \"created_at\" TEXT NOT NULL,\n"
                    "  \"created_by\" TEXT NOT NULL,\n"
                    "  \"updated_at\" TEXT NOT NULL,\n"
                    "  \"updated_by\" TEXT NOT NULL,\n"
                    "  \"revision\" INTEGER NOT NULL,\n"
                    "  \"deleted\" INTEGER NOT NULL DEFAULT 0";
  for (const FieldDef& field : def.fields) sql += ",\n  " + column_sql(field);
  sql += "\n)";
  return sql;
}

void ensure_tables(Database& db, const Registry& registry) {
  Transaction transaction(db);
  for (const EntityDef& def : registry.all()) {
    const std::string table = def.table();
    if (!table_exists(db, table)) {
      db.exec(create_table_sql(def));
    } else {
      const std::set<std::string> columns = existing_columns(db, table);
      for (const FieldDef& field : def.fields) {
        if (columns.count(field.key) == 0) {
          db.exec("ALTER TABLE " + quote_identifier(table) + " ADD COLUMN " + column_sql(field));
        }
      }
    }
    for (const FieldDef& field : def.fields) {
      if (!wants_index(field.type)) continue;
      // ":" cannot occur in a kind or key, so index names of different tables never clash.
      db.exec("CREATE INDEX IF NOT EXISTS " + quote_identifier("idx:" + table + ":" + field.key) + " ON " +
              quote_identifier(table) + " (" + quote_identifier(field.key) + ")");
    }
    ensure_search_index(db, def);  // after the columns: its triggers name them
  }
  transaction.commit();
}

}  // namespace isms
