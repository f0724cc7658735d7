#include <doctest/doctest.h>

#include <limits>
#include <string_view>
#include <vector>

#include "core/store/sqlite.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::test::TempDir;

TEST_CASE("sqlite: typed values round-trip through bind and column") {
  TempDir dir;
  Database db(dir.file("values.sqlite"));
  db.exec("CREATE TABLE t (i INTEGER, r REAL, s TEXT, n TEXT)");

  const std::int64_t big = std::numeric_limits<std::int64_t>::max();
  const std::string text = "Łódź 🚀 \"quoted\" 'single'";
  Statement insert = db.prepare("INSERT INTO t (i, r, s, n) VALUES (?, ?, ?, ?)");
  insert.bind(1, big).bind(2, 0.1).bind(3, text).bind(4, nullptr);
  CHECK_FALSE(insert.step());
  CHECK(db.changes() == 1);
  CHECK(db.last_insert_rowid() == 1);

  Statement select = db.prepare("SELECT i, r, s, n FROM t");
  REQUIRE(select.step());
  CHECK(select.column_count() == 4);
  CHECK(select.column_name(2) == "s");
  CHECK(select.column_int64(0) == big);
  CHECK(select.column_double(1) == 0.1);
  CHECK(select.column_text(2) == text);
  CHECK(select.column_is_null(3));
  CHECK_FALSE(select.column_is_null(2));
  CHECK(select.column_value(0) == Value(big));
  CHECK(select.column_value(1) == Value(0.1));
  CHECK(select.column_value(2) == Value(text));
  CHECK(is_null(select.column_value(3)));
  CHECK_FALSE(select.step());
}

TEST_CASE("sqlite: Value binds as its own type - named parameters - reset keeps bindings") {
  TempDir dir;
  Database db(dir.file("v.sqlite"));
  Statement echo = db.prepare("SELECT typeof(:a), :a, typeof(:b), typeof(:c), typeof(:d)");
  echo.bind(":a", Value(std::int64_t{7}));
  echo.bind(":b", Value(2.5));
  echo.bind(":c", Value(std::string("x")));
  echo.bind(":d", Value());
  REQUIRE(echo.step());
  CHECK(echo.column_text(0) == "integer");
  CHECK(echo.column_int64(1) == 7);
  CHECK(echo.column_text(2) == "real");
  CHECK(echo.column_text(3) == "text");
  CHECK(echo.column_text(4) == "null");
  echo.reset();
  REQUIRE(echo.step());
  CHECK(echo.column_int64(1) == 7);
  CHECK_THROWS_AS(echo.bind(":missing", 1), StoreError);
}

TEST_CASE("sqlite: text with an embedded NUL byte keeps its length") {
  TempDir dir;
  Database db(dir.file("nul.sqlite"));
  const std::string with_nul("a\0b", 3);
  Statement echo = db.prepare("SELECT ?");
  echo.bind(1, std::string_view(with_nul));
  REQUIRE(echo.step());
  CHECK(echo.column_text(0) == with_nul);
}

TEST_CASE("sqlite: bad SQL throws StoreError naming the problem and the SQL") {
  TempDir dir;
  Database db(dir.file("bad.sqlite"));
  try {
    db.prepare("SELECT * FROM no_such_table");
    FAIL("prepare should have thrown");
  } catch (const StoreError& error) {
    const std::string message = error.what();
    CHECK(message.find("no such table: no_such_table") != std::string::npos);
    CHECK(message.find("SELECT * FROM no_such_table") != std::string::npos);
  }
  try {
    db.exec("SELEC 1");
    FAIL("exec should have thrown");
  } catch (const StoreError& error) {
    CHECK(std::string(error.what()).find("syntax error") != std::string::npos);
  }
  CHECK_THROWS_AS(db.prepare("SELECT 1; SELECT 2"), StoreError);
  CHECK_THROWS_AS(db.prepare("   "), StoreError);
}

TEST_CASE("sqlite: a constraint failure in step() is a StoreError with SQLite's code") {
  TempDir dir;
  Database db(dir.file("c.sqlite"));
  db.exec("CREATE TABLE t (id TEXT PRIMARY KEY)");
  db.exec("INSERT INTO t VALUES ('a')");
  Statement insert = db.prepare("INSERT INTO t VALUES ('a')");
  try {
    insert.step();
    FAIL("step should have thrown");
  } catch (const StoreError& error) {
    CHECK((error.code() & 0xff) == 19);  // SQLITE_CONSTRAINT
    CHECK(std::string(error.what()).find("UNIQUE constraint failed") != std::string::npos);
  }
}

TEST_CASE("sqlite: opening sets the pragmas the browser storage needs") {
  TempDir dir;
  Database db(dir.file("p.sqlite"));
  Statement journal = db.prepare("PRAGMA journal_mode");
  REQUIRE(journal.step());
  CHECK(journal.column_text(0) == "delete");
  Statement keys = db.prepare("PRAGMA foreign_keys");
  REQUIRE(keys.step());
  CHECK(keys.column_int64(0) == 1);
  Statement sync = db.prepare("PRAGMA synchronous");
  REQUIRE(sync.step());
  CHECK(sync.column_int64(0) == 2);  // FULL
  CHECK(db.user_version() == 0);
  db.set_user_version(3);
  CHECK(db.user_version() == 3);
}

TEST_CASE("sqlite: opening a missing folder or a file that is not SQLite fails clearly") {
  TempDir dir;
  CHECK_THROWS_AS(Database(dir.file("missing/x.sqlite")), StoreError);
  {
    std::ofstream junk(dir.file("junk.sqlite"), std::ios::binary);
    junk << std::string(4096, 'x');
  }
  try {
    Database junk(dir.file("junk.sqlite"));
    FAIL("a junk file should not open");
  } catch (const StoreError& error) {
    CHECK((error.code() & 0xff) == 26);  // SQLITE_NOTADB
  }
}

TEST_CASE("sqlite: Database and Statement move - moved-from objects are empty") {
  TempDir dir;
  Database first(dir.file("m.sqlite"));
  first.exec("CREATE TABLE t (x INTEGER)");
  Database second(std::move(first));
  CHECK_FALSE(first.is_open());  // NOLINT(bugprone-use-after-move): checking the moved-from state
  CHECK(second.is_open());
  CHECK(second.path() == dir.file("m.sqlite"));
  CHECK_THROWS_AS(first.exec("SELECT 1"), StoreError);

  Database third;
  third = std::move(second);
  Statement a = third.prepare("INSERT INTO t VALUES (?)");
  Statement b(std::move(a));
  CHECK_THROWS_AS(a.step(), StoreError);
  b.bind(1, 5);
  b.step();
  Statement c;
  c = std::move(b);
  c.reset();
  c.bind(1, 6);
  c.step();
  Statement count = third.prepare("SELECT count(*), sum(x) FROM t");
  REQUIRE(count.step());
  CHECK(count.column_int64(0) == 2);
  CHECK(count.column_int64(1) == 11);
}

TEST_CASE("sqlite: column_equals tells what column_value would, without copying") {
  TempDir dir;
  Database db(dir.file("equals.sqlite"));
  db.exec("CREATE TABLE t (i INTEGER, r REAL, s TEXT, n TEXT, z TEXT)");
  Statement insert = db.prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?)");
  insert.bind(1, std::int64_t{42}).bind(2, 2.5).bind(3, std::string("a\0b", 3)).bind(4, nullptr).bind(5, std::string());
  insert.step();
  Statement row = db.prepare("SELECT i, r, s, n, z FROM t");
  REQUIRE(row.step());
  const std::vector<Value> candidates = {
      Value(std::int64_t{42}), Value(42.0), Value(2.5),          Value(std::string("a\0b", 3)),
      Value(std::string("a")), Value(),     Value(std::string())};
  for (int column = 0; column < 5; ++column) {
    for (const Value& candidate : candidates) {
      CAPTURE(column);
      CHECK(row.column_equals(column, candidate) == (row.column_value(column) == candidate));
    }
  }
  CHECK(row.column_view(2) == std::string_view("a\0b", 3));
  CHECK(row.column_view(3).empty());
}
