#include <doctest/doctest.h>

#include <map>
#include <set>

#include "core/model/field_builder.hpp"
#include "core/model/registry.hpp"
#include "core/store/migrations.hpp"
#include "core/store/repository.hpp"
#include "core/store/schema.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::test::TempDir;

namespace {

// column name -> declared type, from the table itself
std::map<std::string, std::string> columns_of(const Database& db, const std::string& table) {
  std::map<std::string, std::string> columns;
  Statement query = db.prepare("SELECT name, type FROM pragma_table_info(?)");
  query.bind(1, table);
  while (query.step()) columns[query.column_text(0)] = query.column_text(1);
  return columns;
}

std::set<std::string> indexes_of(const Database& db, const std::string& table) {
  std::set<std::string> names;
  Statement query = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?");
  query.bind(1, table);
  while (query.step()) names.insert(query.column_text(0));
  return names;
}

}  // namespace

TEST_CASE("schema: the asset table has the system columns and one typed column per field") {
  TempDir dir;
  Database db(dir.file("s.sqlite"));
  const EntityDef& asset = Registry::builtin().get("asset");
  db.exec(create_table_sql(asset));
  const auto columns = columns_of(db, "rec_asset");
  CHECK(columns.size() == 7 + asset.fields.size());
  CHECK(columns.at("id") == "TEXT");
  CHECK(columns.at("revision") == "INTEGER");
  CHECK(columns.at("deleted") == "INTEGER");
  CHECK(columns.at("name") == "TEXT");
  CHECK(columns.at("type") == "TEXT");
  CHECK(columns.at("classification") == "TEXT");
  CHECK(columns.at("confidentiality") == "INTEGER");
  CHECK(columns.at("integrity") == "INTEGER");
  CHECK(columns.at("availability") == "INTEGER");
  CHECK(columns.at("description") == "TEXT");
  CHECK(columns.at("status") == "TEXT");
}

TEST_CASE("schema: ensure_tables creates every register table with indexes, idempotently") {
  TempDir dir;
  Database db(dir.file("s.sqlite"));
  ensure_tables(db, Registry::builtin());
  ensure_tables(db, Registry::builtin());
  CHECK(columns_of(db, "rec_workspace").count("consultant") == 1);
  const auto indexes = indexes_of(db, "rec_asset");
  CHECK(indexes.count("idx:rec_asset:type") == 1);
  CHECK(indexes.count("idx:rec_asset:status") == 1);
  CHECK(indexes.count("idx:rec_asset:name") == 0);  // free text is not indexed
}

TEST_CASE("schema: a field added to a definition becomes a column - existing rows keep their data") {
  TempDir dir;
  Database db(dir.file("s.sqlite"));
  migrate(db);
  ensure_tables(db, Registry::builtin());
  FixedClock clock("2026-01-01T00:00:00Z");
  const std::string id = [&] {
    Repository repository(db, Registry::builtin(), clock, "tester");
    return repository.create("asset", {{"name", std::string("Laptop")}, {"type", std::string("hardware")}});
  }();

  EntityDef extended = Registry::builtin().get("asset");
  extended.fields.push_back(field("review_due", "Review due", FieldType::Date));
  extended.fields.push_back(field("value_eur", "Value (EUR)", FieldType::Number));
  const Registry newer({Registry::builtin().get("workspace"), Registry::builtin().get("person"),
                        Registry::builtin().get("role"), extended});
  ensure_tables(db, newer);

  const auto columns = columns_of(db, "rec_asset");
  CHECK(columns.at("review_due") == "TEXT");
  CHECK(columns.at("value_eur") == "REAL");
  CHECK(indexes_of(db, "rec_asset").count("idx:rec_asset:review_due") == 1);

  Repository repository(db, newer, clock, "tester");
  const auto record = repository.get("asset", id);
  REQUIRE(record.has_value());
  CHECK(record->get("name") == Value(std::string("Laptop")));
  CHECK(is_null(record->get("review_due")));
  repository.update("asset", id, {{"review_due", std::string("2027-03-31")}, {"value_eur", std::int64_t{1200}}});
  CHECK(repository.get("asset", id)->get("value_eur") == Value(1200.0));
}

TEST_CASE("schema: identifiers are quoted, so SQL keywords work as keys") {
  EntityDef def;
  def.kind = "order";
  def.label = "Order";
  def.plural = "Orders";
  def.title_field = "group";
  def.fields = {field("group", "Group", FieldType::Text),
                field("select", "Select", FieldType::Enum).options({{"a", "A"}})};
  const Registry registry({def});
  TempDir dir;
  Database db(dir.file("k.sqlite"));
  ensure_tables(db, registry);
  CHECK(create_table_sql(def).find("\"group\" TEXT") != std::string::npos);
  CHECK(columns_of(db, "rec_order").count("select") == 1);
}
