#include <doctest/doctest.h>

#include <stdexcept>

#include "core/store/sqlite.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::test::TempDir;

namespace {

std::int64_t count_rows(const Database& db) {
  Statement count = db.prepare("SELECT count(*) FROM t");
  count.step();
  return count.column_int64(0);
}

void insert(Database& db, int x) {
  Statement statement = db.prepare("INSERT INTO t VALUES (?)");
  statement.bind(1, x);
  statement.step();
}

struct Fixture {
  TempDir dir;
  Database db{dir.file("tx.sqlite")};
  int commits = 0;
  Fixture() {
    db.exec("CREATE TABLE t (x INTEGER)");
    db.set_on_commit([this] { ++commits; });
  }
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "transaction: commit keeps the work and fires on_commit once") {
  {
    Transaction transaction(db);
    insert(db, 1);
    insert(db, 2);
    CHECK(commits == 0);
    transaction.commit();
  }
  CHECK(count_rows(db) == 2);
  CHECK(commits == 1);
  CHECK(db.transaction_depth() == 0);
}

TEST_CASE_FIXTURE(Fixture, "transaction: an exception inside the guard rolls everything back") {
  insert(db, 1);
  CHECK_THROWS_AS(
      [&] {
        Transaction transaction(db);
        insert(db, 2);
        insert(db, 3);
        throw std::runtime_error("user action failed half way");
      }(),
      std::runtime_error);
  CHECK(count_rows(db) == 1);
  CHECK(commits == 0);
  CHECK(db.transaction_depth() == 0);

  // The connection is usable afterwards and not stuck inside a transaction.
  Transaction next(db);
  insert(db, 4);
  next.commit();
  CHECK(count_rows(db) == 2);
  CHECK(commits == 1);
}

TEST_CASE_FIXTURE(Fixture, "transaction: nested guards are savepoints - only the outermost commit persists") {
  {
    Transaction outer(db);
    insert(db, 1);
    {
      Transaction inner(db);
      insert(db, 2);
      CHECK(db.transaction_depth() == 2);
      // No commit: this inner part alone is undone.
    }
    CHECK(count_rows(db) == 1);
    {
      Transaction inner(db);
      insert(db, 3);
      inner.commit();
    }
    CHECK(commits == 0);  // an inner commit is not a commit of the file
    outer.commit();
  }
  CHECK(count_rows(db) == 2);
  CHECK(commits == 1);

  {
    Transaction outer(db);
    {
      Transaction inner(db);
      insert(db, 4);
      inner.commit();
    }
    // The outer guard is abandoned: the committed inner work goes too.
  }
  CHECK(count_rows(db) == 2);
  CHECK(commits == 1);
}

TEST_CASE_FIXTURE(Fixture, "transaction: a guard that wrote nothing does not ask for persisting") {
  Transaction transaction(db);
  CHECK(count_rows(db) == 0);
  transaction.commit();
  CHECK(commits == 0);
}

TEST_CASE_FIXTURE(Fixture, "transaction: misuse is reported, not silently accepted") {
  Transaction outer(db);
  Transaction inner(db);
  CHECK_THROWS_AS(outer.commit(), std::logic_error);
  inner.commit();
  CHECK_THROWS_AS(inner.commit(), std::logic_error);
  outer.commit();
}

TEST_CASE_FIXTURE(Fixture, "transaction: committed data is visible to a second connection - rolled-back data is not") {
  {
    Transaction transaction(db);
    insert(db, 1);
    transaction.commit();
  }
  {
    Transaction transaction(db);
    insert(db, 2);
  }
  Database other(dir.file("tx.sqlite"));
  CHECK(count_rows(other) == 1);
}
