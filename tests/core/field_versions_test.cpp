#include <doctest/doctest.h>

#include "core/model/registry.hpp"
#include "core/store/field_versions.hpp"
#include "core/store/migrations.hpp"
#include "core/store/repository.hpp"
#include "core/store/schema.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::test::TempDir;

namespace {

Value text(std::string s) { return Value(std::move(s)); }

struct Fixture {
  TempDir dir;
  Database db{dir.file("v.sqlite")};
  FixedClock clock{"2026-03-01T10:00:00Z"};
  Repository repo{db, Registry::builtin(), clock, "Anna"};
  std::string me;

  Fixture() {
    migrate(db);
    ensure_tables(db, Registry::builtin());
    me = repo.replica_id();
  }

  VersionVector vector(const std::string& id, const std::string& field) { return read_versions(db, id)[field]; }
  VersionVector mine(std::uint64_t count) const { return {{me, count}}; }
};

}  // namespace

TEST_CASE("versions: the stored text groups fields with equal vectors and reads back the same") {
  const NumberedVersions versions = {
      {"name", {{1, 2}, {3, 1}}}, {"owner", {{1, 1}}}, {"type", {{1, 1}}}, {"_deleted", {{3, 1}}}};
  const std::string stored = format_versions(versions);
  CHECK(stored == "_deleted=3:1;name=1:2/3:1;owner,type=1:1");
  CHECK(parse_versions(stored) == versions);
  CHECK(format_versions({}).empty());
  CHECK(parse_versions("").empty());
  CHECK(format_versions({{"name", {}}}).empty());  // an empty vector is no vector
}

TEST_CASE("versions: damaged text is refused with a sentence") {
  for (const char* damaged : {"name", "name=", "=1:1", "name=1", "name=x:1", "name=1:-2", "a,,b=1:1", "a=1:1;",
                              "a=1:1/", "a,=1:1", "a=1:1;;b=1:1"}) {
    CAPTURE(damaged);
    CHECK_THROWS_WITH_AS(parse_versions(damaged),
                         ("The version information '" + std::string(damaged) +
                          "' in this workspace is damaged. Restore the workspace from a bundle.")
                             .c_str(),
                         StoreError);
  }
}

TEST_CASE("versions: comparing two vectors tells one side's change from both sides'") {
  const VersionVector none;
  const VersionVector a1{{"a", 1}};
  const VersionVector a2{{"a", 2}};
  const VersionVector a1b1{{"a", 1}, {"b", 1}};
  const VersionVector b1{{"b", 1}};
  CHECK(compare_versions(none, none) == VersionOrder::Equal);
  CHECK(compare_versions(a1, a1) == VersionOrder::Equal);
  CHECK(compare_versions(none, a1) == VersionOrder::Before);
  CHECK(compare_versions(a1, a2) == VersionOrder::Before);
  CHECK(compare_versions(a2, a1) == VersionOrder::After);
  CHECK(compare_versions(a1b1, a1) == VersionOrder::After);
  CHECK(compare_versions(a2, a1b1) == VersionOrder::Concurrent);
  CHECK(compare_versions(a1, b1) == VersionOrder::Concurrent);
  CHECK(compare_versions(VersionVector{{"a", 1}, {"b", 0}}, a1) == VersionOrder::Equal);  // 0 counts as absent
  CHECK(max_versions(a2, a1b1) == VersionVector{{"a", 2}, {"b", 1}});
  CHECK(max_versions(none, b1) == b1);
}

TEST_CASE_FIXTURE(Fixture, "versions: each write counts one write of this copy for exactly the fields it changes") {
  CHECK(me.size() == 36);
  const std::string owner = repo.create("person", {{"name", text("Anna")}});
  const std::string laptop = repo.create("asset", {{"name", text("Laptop")}, {"type", text("hardware")}});
  // Created: every non-null field (defaults included), none of the nulls.
  const RecordVersions created = read_versions(db, laptop);
  CHECK(created.at("name") == mine(1));
  CHECK(created.at("type") == mine(1));
  CHECK(created.at("status") == mine(1));          // its default
  CHECK(created.at("classification") == mine(1));  // its default
  CHECK(created.count("owner") == 0);
  CHECK(created.count("location") == 0);
  CHECK(created.count(std::string("_deleted")) == 0);

  repo.update("asset", laptop, {{"name", text("Laptop")}, {"owner", text(owner)}});  // the name does not change
  CHECK(vector(laptop, "name") == mine(1));
  CHECK(vector(laptop, "owner") == mine(1));
  repo.update("asset", laptop, {{"name", text("Old laptop")}});
  CHECK(vector(laptop, "name") == mine(2));

  repo.remove("person", owner, OnLinks::Unlink);  // the unlink is a write of the asset's owner
  CHECK(vector(owner, "_deleted") == mine(1));
  CHECK(vector(laptop, "owner") == mine(2));
  repo.restore("person", owner);  // and putting the link back another
  CHECK(vector(owner, "_deleted") == mine(2));
  CHECK(vector(laptop, "owner") == mine(3));
  CHECK(vector(laptop, "name") == mine(2));
}

TEST_CASE_FIXTURE(Fixture, "versions: computed fields have no vector, and a part deleted with its whole counts") {
  const std::string risk = repo.create(
      "risk",
      {{"title", text("Ransomware")}, {"inherent_likelihood", std::int64_t{2}}, {"inherent_impact", std::int64_t{3}}});
  const std::string action = repo.create("treatment_action", {{"title", text("Backups")}, {"risk", text(risk)}});
  CHECK(repo.get("risk", risk)->get("inherent_score") == Value(std::int64_t{6}));
  CHECK(read_versions(db, risk).count("inherent_score") == 0);
  repo.update("risk", risk, {{"inherent_impact", std::int64_t{4}}});  // the score moves, uncounted
  CHECK(read_versions(db, risk).count("inherent_score") == 0);
  CHECK(vector(risk, "inherent_impact") == mine(2));

  repo.remove("risk", risk);
  CHECK(vector(risk, "_deleted") == mine(1));
  CHECK(vector(action, "_deleted") == mine(1));  // the part_of cascade
  CHECK(vector(action, "title") == mine(1));
}

TEST_CASE("versions: migration 3 gives an older file a replica and leaves its records without vectors") {
  TempDir dir;
  Database db(dir.file("old.sqlite"));
  // A file as the build before version vectors left it: migrations 1 and 2, and a record.
  std::vector<Migration> older(workspace_migrations().begin(), workspace_migrations().begin() + 2);
  apply_migrations(db, older, "This workspace");
  ensure_tables(db, Registry::builtin());
  FixedClock clock("2026-03-01T10:00:00Z");
  db.exec(
      "INSERT INTO rec_asset (id, created_at, created_by, updated_at, updated_by, revision, deleted, name, type, "
      "status) "
      "VALUES ('old-laptop', '2025-01-01T00:00:00Z', 'Anna', '2025-01-01T00:00:00Z', 'Anna', 1, 0, 'Laptop', "
      "'hardware', 'in_use')");
  CHECK(db.user_version() == 2);

  migrate(db);
  CHECK(db.user_version() == latest_schema_version());  // 3, and the steps after it
  const std::string replica = local_replica_id(db);
  CHECK(replica.size() == 36);
  CHECK(read_versions(db, "old-laptop").empty());  // written by nobody: equal on every side

  Repository repo(db, Registry::builtin(), clock, "Anna");
  CHECK(repo.replica_id() == replica);
  repo.update("asset", "old-laptop", {{"location", text("Office")}});
  CHECK(read_versions(db, "old-laptop") == RecordVersions{{"location", {{replica, 1}}}});
}

TEST_CASE_FIXTURE(Fixture,
                  "versions: a copied file given a new replica keeps counting the old writes under the old id") {
  const std::string laptop = repo.create("asset", {{"name", text("Laptop")}, {"type", text("hardware")}});
  const std::string old_id = me;
  const std::string new_id = assign_new_replica(db);
  CHECK(new_id != old_id);
  CHECK(local_replica_id(db) == new_id);
  CHECK(vector(laptop, "name") == VersionVector{{old_id, 1}});

  Repository copy(db, Registry::builtin(), clock, "Ben");  // opened after the change
  copy.update("asset", laptop, {{"name", text("Old laptop")}});
  CHECK(vector(laptop, "name") == VersionVector{{old_id, 1}, {new_id, 1}});
}
