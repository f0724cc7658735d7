#include <doctest/doctest.h>

#include <set>

#include "core/store/migrations.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::test::TempDir;

namespace {

std::set<std::string> table_names(const Database& db) {
  std::set<std::string> names;
  Statement query = db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'index')");
  while (query.step()) names.insert(query.column_text(0));
  return names;
}

}  // namespace

TEST_CASE("migrations: an empty file reaches the latest version with the system tables") {
  TempDir dir;
  Database db(dir.file("m.sqlite"));
  REQUIRE(latest_schema_version() >= 1);
  migrate(db);
  CHECK(db.user_version() == latest_schema_version());
  const std::set<std::string> names = table_names(db);
  for (const char* expected : {"history", "change_sets", "history_by_record", "history_by_change_set"}) {
    CHECK_MESSAGE(names.count(expected) == 1, expected);
  }
  // The columns the repository relies on, with their NOT NULL constraints.
  Statement insert = db.prepare(
      "INSERT INTO history (change_set, kind, record_id, field, old_value, new_value, author, at) "
      "VALUES ('c', 'asset', 'r', 'name', NULL, 'x', 'me', 'now')");
  insert.step();
  CHECK_THROWS_AS(db.exec("INSERT INTO history (change_set, kind, record_id, field, author, at) "
                          "VALUES ('c', 'asset', 'r', 'name', NULL, 'now')"),
                  StoreError);
}

TEST_CASE("migrations: running twice is a no-op") {
  TempDir dir;
  Database db(dir.file("m.sqlite"));
  migrate(db);
  db.exec("INSERT INTO change_sets (id, author, at, description) VALUES ('keep', 'a', 'b', 'c')");
  int commits = 0;
  db.set_on_commit([&] { ++commits; });
  migrate(db);
  CHECK(db.user_version() == latest_schema_version());
  CHECK(commits == 0);
  Statement count = db.prepare("SELECT count(*) FROM change_sets");
  count.step();
  CHECK(count.column_int64(0) == 1);
}

TEST_CASE("migrations: a file from a newer app is refused clearly and left byte for byte unchanged") {
  TempDir dir;
  const std::string path = dir.file("newer.sqlite");
  const int newer = latest_schema_version() + 5;
  {
    Database db(path);
    db.exec("CREATE TABLE future_stuff (x)");
    db.set_user_version(newer);
  }
  const std::string before = test::read_bytes(path);
  REQUIRE_FALSE(before.empty());
  try {
    Database db(path);
    migrate(db);
    FAIL("migrate should refuse a newer file");
  } catch (const StoreError& error) {
    CHECK(std::string(error.what()) == "This workspace was saved by a newer version of ISMS Register (schema " +
                                           std::to_string(newer) + "; this app knows up to " +
                                           std::to_string(latest_schema_version()) + "). Update the app to open it.");
  }
  CHECK(test::read_bytes(path) == before);
}

TEST_CASE("migrations: each step runs once, in order, in its own transaction - a failing step stops the upgrade") {
  TempDir dir;
  Database db(dir.file("steps.sqlite"));
  std::vector<int> ran;
  std::vector<Migration> steps = {
      {1, "one",
       [&](Database& d) {
         ran.push_back(1);
         d.exec("CREATE TABLE a (x)");
       }},
      {2, "two",
       [&](Database& d) {
         ran.push_back(2);
         d.exec("CREATE TABLE b (x)");
       }},
  };
  apply_migrations(db, steps, "This file");
  CHECK(ran == std::vector<int>{1, 2});
  CHECK(db.user_version() == 2);

  steps.push_back({3, "three fails", [&](Database& d) {
                     ran.push_back(3);
                     d.exec("CREATE TABLE c (x)");
                     throw StoreError("step three broke");
                   }});
  CHECK_THROWS_WITH_AS(apply_migrations(db, steps, "This file"), "step three broke", StoreError);
  CHECK(ran == std::vector<int>{1, 2, 3});
  CHECK(db.user_version() == 2);  // still exactly at the last good version
  CHECK(table_names(db).count("c") == 0);

  std::vector<Migration> gap = {{1, "one", [](Database&) {}}, {3, "three", [](Database&) {}}};
  CHECK_THROWS_AS(apply_migrations(db, gap, "This file"), std::logic_error);
}

TEST_CASE("migrations: a file at schema 3 gains the undo stack's tables, empty, and keeps its history") {
  TempDir dir;
  Database db(dir.file("three.sqlite"));
  const std::vector<Migration> up_to_three(workspace_migrations().begin(), workspace_migrations().begin() + 3);
  apply_migrations(db, up_to_three, "This workspace");
  REQUIRE(db.user_version() == 3);
  CHECK(table_names(db).count("undo_entries") == 0);
  db.exec("INSERT INTO change_sets (id, author, at, description) VALUES ('old', 'a', 'b', 'c')");

  migrate(db);
  CHECK(db.user_version() == latest_schema_version());
  const std::set<std::string> names = table_names(db);
  for (const char* expected : {"undo_entries", "undo_change_sets", "undo_change_sets_by_entry"}) {
    CHECK_MESSAGE(names.count(expected) == 1, expected);
  }
  Statement entries = db.prepare("SELECT count(*) FROM undo_entries");
  entries.step();
  CHECK(entries.column_int64(0) == 0);
  Statement kept = db.prepare("SELECT count(*) FROM change_sets WHERE id = 'old'");
  kept.step();
  CHECK(kept.column_int64(0) == 1);
  // An entry is undone or not, nothing else unknown.
  CHECK_THROWS_AS(db.exec("INSERT INTO undo_entries (undone) VALUES (NULL)"), StoreError);
}
