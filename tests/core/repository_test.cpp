#include <doctest/doctest.h>

#include <set>

#include "core/model/registry.hpp"
#include "core/store/migrations.hpp"
#include "core/store/repository.hpp"
#include "core/store/schema.hpp"
#include "core/store/value_text.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::test::TempDir;

namespace {

using Values = std::map<std::string, Value>;

Value text(std::string s) { return Value(std::move(s)); }

std::int64_t count_of(const Database& db, const std::string& sql) {
  Statement query = db.prepare(sql);
  query.step();
  return query.column_int64(0);
}

struct Fixture {
  TempDir dir;
  Database db{dir.file("r.sqlite")};
  FixedClock clock{"2026-03-01T10:00:00Z"};
  Repository repo{db, Registry::builtin(), clock, "Anna Dvořák"};
  int commits = 0;

  Fixture() {
    migrate(db);
    ensure_tables(db, Registry::builtin());
    db.set_on_commit([this] { ++commits; });
  }

  std::string laptop() {
    return repo.create("asset", {{"name", text("Laptop")},
                                 {"type", text("hardware")},
                                 {"confidentiality", std::int64_t{4}},
                                 {"owner", text("")}});
  }
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "repository: create stores a normalised record and one history row per non-null field") {
  const std::string id = repo.create(
      "asset", {{"name", text("  Laptop  ")}, {"type", text("hardware")}, {"confidentiality", std::int64_t{4}}},
      "first asset");
  CHECK(id.size() == 36);
  CHECK(commits == 1);

  const auto record = repo.get("asset", id);
  REQUIRE(record.has_value());
  CHECK(record->kind == "asset");
  CHECK(record->revision == 1);
  CHECK_FALSE(record->deleted);
  CHECK(record->created_at == "2026-03-01T10:00:00Z");
  CHECK(record->created_by == "Anna Dvořák");
  CHECK(record->updated_at == record->created_at);
  CHECK(record->get("name") == text("Laptop"));
  CHECK(record->get("classification") == text("internal"));  // default
  CHECK(record->get("status") == text("in_use"));            // default
  CHECK(record->get("confidentiality") == Value(std::int64_t{4}));
  CHECK(is_null(record->get("owner")));
  CHECK(is_null(record->get("no_such_field")));

  const auto history = repo.history(id);
  // name, type, classification, confidentiality, status
  REQUIRE(history.size() == 5);
  std::set<std::string> fields;
  for (const HistoryEntry& entry : history) {
    fields.insert(entry.field);
    CHECK(entry.change_set == history.front().change_set);
    CHECK(entry.author == "Anna Dvořák");
    CHECK(entry.at == "2026-03-01T10:00:00Z");
    CHECK(entry.kind == "asset");
    CHECK(entry.record_id == id);
    CHECK_FALSE(entry.old_value.has_value());
    CHECK(entry.new_value.has_value());
  }
  CHECK(fields == std::set<std::string>{"name", "type", "classification", "confidentiality", "status"});
  CHECK(history.front().seq < history.back().seq);

  Statement change_set = db.prepare("SELECT author, at, description FROM change_sets WHERE id = ?");
  change_set.bind(1, history.front().change_set);
  REQUIRE(change_set.step());
  CHECK(change_set.column_text(0) == "Anna Dvořák");
  CHECK(change_set.column_text(2) == "first asset");
}

TEST_CASE_FIXTURE(Fixture, "repository: update records only the fields that changed, with old and new values") {
  const std::string id = laptop();
  clock.set("2026-03-02T09:00:00Z");
  repo.set_author("Ben Okafor");
  repo.update("asset", id,
              {{"name", text("Laptop")},  // unchanged: no history row
               {"location", text("Berlin office")},
               {"confidentiality", std::int64_t{2}}});
  const auto record = repo.get("asset", id);
  CHECK(record->revision == 2);
  CHECK(record->updated_at == "2026-03-02T09:00:00Z");
  CHECK(record->updated_by == "Ben Okafor");
  CHECK(record->created_by == "Anna Dvořák");
  CHECK(record->get("location") == text("Berlin office"));
  CHECK(record->get("type") == text("hardware"));  // untouched

  const auto history = repo.history(id);
  // Five rows from create (name, type, classification, confidentiality, status), two from
  // this update: location and confidentiality, not the unchanged name.
  REQUIRE(history.size() == 7);
  CHECK(history[5].field == "confidentiality");
  CHECK(history[6].field == "location");
}

TEST_CASE_FIXTURE(Fixture, "repository: the update's history rows share a change set and carry old and new text") {
  const std::string id = laptop();
  const std::size_t created_rows = repo.history(id).size();
  repo.set_author("Ben Okafor");
  repo.update("asset", id,
              {{"location", text("Berlin")}, {"confidentiality", std::int64_t{2}}, {"name", text("Laptop")}}, "moved");
  const auto history = repo.history(id);
  REQUIRE(history.size() == created_rows + 2);
  const HistoryEntry& first = history[created_rows];
  const HistoryEntry& second = history[created_rows + 1];
  CHECK(first.change_set == second.change_set);
  CHECK(first.change_set != history.front().change_set);
  std::map<std::string, HistoryEntry> by_field{{first.field, first}, {second.field, second}};
  REQUIRE(by_field.count("confidentiality") == 1);
  REQUIRE(by_field.count("location") == 1);
  CHECK(by_field["confidentiality"].old_value == std::optional<std::string>("4"));
  CHECK(by_field["confidentiality"].new_value == std::optional<std::string>("2"));
  CHECK_FALSE(by_field["location"].old_value.has_value());
  CHECK(by_field["location"].new_value == std::optional<std::string>("Berlin"));
  CHECK(by_field["location"].author == "Ben Okafor");

  repo.update("asset", id, {{"location", Value()}});
  const auto cleared = repo.history(id).back();
  CHECK(cleared.field == "location");
  CHECK(cleared.old_value == std::optional<std::string>("Berlin"));
  CHECK_FALSE(cleared.new_value.has_value());
  CHECK(is_null(repo.get("asset", id)->get("location")));
}

TEST_CASE_FIXTURE(Fixture, "repository: an update that changes nothing writes nothing") {
  const std::string id = laptop();
  const auto before = repo.get("asset", id);
  const std::int64_t history_rows = count_of(db, "SELECT count(*) FROM history");
  const std::int64_t change_sets = count_of(db, "SELECT count(*) FROM change_sets");
  const int commits_before = commits;
  clock.set("2030-01-01T00:00:00Z");
  // Same values, differently spelled: whitespace is trimmed and "4" is the rating 4.
  repo.update("asset", id, {{"name", text(" Laptop ")}, {"confidentiality", text("4")}, {"owner", text("  ")}});
  repo.update("asset", id, {});
  const auto after = repo.get("asset", id);
  CHECK(after->revision == before->revision);
  CHECK(after->updated_at == before->updated_at);
  CHECK(count_of(db, "SELECT count(*) FROM history") == history_rows);
  CHECK(count_of(db, "SELECT count(*) FROM change_sets") == change_sets);
  CHECK(commits == commits_before);
}

TEST_CASE_FIXTURE(Fixture, "repository: remove leaves a tombstone that list() hides - restore brings it back") {
  const std::string keep = laptop();
  clock.set("2026-03-01T10:00:01Z");
  const std::string gone = laptop();
  CHECK(repo.count("asset") == 2);

  repo.remove("asset", gone);
  CHECK(repo.count("asset") == 1);
  const auto live = repo.list("asset");
  REQUIRE(live.size() == 1);
  CHECK(live[0].id == keep);
  CHECK(repo.list("asset", true).size() == 2);
  const auto tombstone = repo.get("asset", gone);
  REQUIRE(tombstone.has_value());
  CHECK(tombstone->deleted);
  CHECK(tombstone->revision == 2);
  CHECK(tombstone->get("name") == text("Laptop"));  // the data stays for merging and restoring
  const HistoryEntry marker = repo.history(gone).back();
  CHECK(marker.field == "_deleted");
  CHECK(marker.old_value == std::optional<std::string>("0"));
  CHECK(marker.new_value == std::optional<std::string>("1"));

  CHECK_THROWS_WITH_AS(repo.update("asset", gone, {{"name", text("x")}}), ("No asset with id " + gone + ".").c_str(),
                       StoreError);
  const auto rows = repo.history(gone).size();
  repo.remove("asset", gone);  // already deleted: nothing more happens
  CHECK(repo.history(gone).size() == rows);

  repo.restore("asset", gone);
  CHECK(repo.count("asset") == 2);
  CHECK(repo.get("asset", gone)->revision == 3);
  CHECK(repo.history(gone).back().new_value == std::optional<std::string>("0"));
  CHECK_THROWS_AS(repo.remove("asset", "no-such-id"), StoreError);
  CHECK_THROWS_AS(repo.restore("asset", "no-such-id"), StoreError);
}

TEST_CASE_FIXTURE(Fixture, "repository: list is ordered by creation time, then id") {
  clock.set("2026-03-05T00:00:00Z");
  const std::string late = laptop();
  clock.set("2026-03-04T00:00:00Z");
  const std::string early = laptop();
  const auto records = repo.list("asset");
  REQUIRE(records.size() == 2);
  CHECK(records[0].id == early);
  CHECK(records[1].id == late);
}

TEST_CASE_FIXTURE(Fixture, "repository: a lifecycle transition that is not allowed is refused and changes nothing") {
  const std::string id = laptop();  // in_use
  try {
    repo.update("asset", id, {{"status", text("planned")}, {"location", text("Lab")}});
    FAIL("the transition in_use -> planned should be refused");
  } catch (const ValidationError& error) {
    CHECK(error.message_for("status") == "Status cannot change from In use to Planned; allowed: Retired.");
  }
  CHECK(repo.get("asset", id)->get("status") == text("in_use"));
  CHECK(is_null(repo.get("asset", id)->get("location")));
  repo.update("asset", id, {{"status", text("retired")}});
  CHECK(repo.get("asset", id)->get("status") == text("retired"));
  repo.update("asset", id, {{"status", text("in_use")}});
  CHECK(repo.get("asset", id)->get("status") == text("in_use"));
}

TEST_CASE_FIXTURE(Fixture, "repository: invalid values throw ValidationError and leave no row and no history") {
  const int commits_before = commits;
  try {
    repo.create("asset", {{"name", text("   ")}, {"type", text("spaceship")}, {"confidentiality", std::int64_t{9}}});
    FAIL("create should refuse these values");
  } catch (const ValidationError& error) {
    CHECK(error.message_for("name") == "Name is required.");
    CHECK_FALSE(error.message_for("type").empty());
    CHECK(error.message_for("confidentiality") == "Confidentiality must be between 1 and 5.");
  }
  CHECK(count_of(db, "SELECT count(*) FROM rec_asset") == 0);
  CHECK(count_of(db, "SELECT count(*) FROM history") == 0);
  CHECK(count_of(db, "SELECT count(*) FROM change_sets") == 0);
  CHECK(commits == commits_before);

  const std::string id = laptop();
  const auto rows = repo.history(id).size();
  CHECK_THROWS_AS(repo.update("asset", id, {{"name", text("")}}), ValidationError);
  CHECK_THROWS_AS(repo.update("asset", id, {{"colour", text("blue")}}), ValidationError);
  CHECK(repo.get("asset", id)->get("name") == text("Laptop"));
  CHECK(repo.get("asset", id)->revision == 1);
  CHECK(repo.history(id).size() == rows);
}

TEST_CASE_FIXTURE(Fixture, "repository: a failure in the middle of a write rolls back the record and its history") {
  // Sabotage the history table so the insert of the record succeeds and the history fails.
  db.exec("CREATE TRIGGER refuse_history BEFORE INSERT ON history BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
  CHECK_THROWS_AS(laptop(), StoreError);
  CHECK(count_of(db, "SELECT count(*) FROM rec_asset") == 0);
  CHECK(count_of(db, "SELECT count(*) FROM change_sets") == 0);
  CHECK(commits == 0);
}

TEST_CASE_FIXTURE(Fixture, "repository: unknown kinds and missing records are reported") {
  CHECK_THROWS_AS(repo.create("spaceship", {}), std::out_of_range);
  CHECK_FALSE(repo.get("asset", "nope").has_value());
  CHECK_THROWS_WITH_AS(repo.update("asset", "nope", {{"name", text("x")}}), "No asset with id nope.", StoreError);
  const std::string id = laptop();
  CHECK_THROWS_AS(repo.create_with_id("asset", id, {{"name", text("Again")}, {"type", text("site")}}), StoreError);
}

TEST_CASE_FIXTURE(Fixture, "repository: text survives exactly, whatever it contains") {
  const std::string tricky = "O'Brien \"Ltd\" 🚀 -- '; DROP TABLE rec_asset; --";
  const std::string id = repo.create(
      "asset", {{"name", text(tricky)}, {"type", text("people")}, {"description", text("Line one\nLine two\tTabbed")}});
  const auto record = repo.get("asset", id);
  CHECK(record->get("name") == text(tricky));
  CHECK(record->get("description") == text("Line one\nLine two\tTabbed"));
  CHECK(repo.history(id).front().new_value == std::optional<std::string>(tricky));
}

TEST_CASE("history text: every value type survives the trip through text") {
  const EntityDef& asset = Registry::builtin().get("asset");
  FieldDef number_field = *asset.field("name");
  number_field.type = FieldType::Number;

  CHECK_FALSE(to_history_text(Value()).has_value());
  CHECK(is_null(from_history_text(*asset.field("name"), std::nullopt)));
  CHECK(to_history_text(Value(std::int64_t{-42})) == std::optional<std::string>("-42"));
  CHECK(from_history_text(*asset.field("confidentiality"), "3") == Value(std::int64_t{3}));
  for (const double d : {0.1, 1.0 / 3.0, -2.5e-300, 12345678.9}) {
    const auto stored = to_history_text(Value(d));
    REQUIRE(stored.has_value());
    CHECK(from_history_text(number_field, stored) == Value(d));
  }
  CHECK(from_history_text(*asset.field("name"), "007") == text("007"));  // text stays text
  CHECK(to_display(Value(2.0)) == "2");
  CHECK(to_display(Value()).empty());
}
