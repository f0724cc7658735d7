// The search index (core/store/search_index.hpp) stays true through every way a workspace is
// written: after each write, search everywhere through the index finds exactly what a scan of
// every row finds (search_records(..., false), today's search kept as the oracle), and the
// index holds exactly one row per live record, with the text the triggers would write now.
#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "core/store/schema.hpp"
#include "core/store/search.hpp"
#include "core/store/search_index.hpp"
#include "core/store/sql_text.hpp"
#include "core/store/undo_stack.hpp"
#include "tests/core/merge_test_support.hpp"

using namespace isms;
using isms::test::text;

namespace {

// What a hit list says, in order, with everything a person sees of each hit.
std::vector<std::string> described(const std::vector<SearchHit>& hits) {
  std::vector<std::string> lines;
  for (const SearchHit& hit : hits) {
    lines.push_back(hit.kind + "|" + hit.id + "|" + hit.title + "|" + std::to_string(static_cast<int>(hit.match)) + "|" +
                    hit.parent_kind + "|" + hit.parent_id + "|" + hit.parent_title);
  }
  return lines;
}

// Questions of every shape: words, pieces of words, ids with other separators, too short for
// trigrams, beyond ASCII, LIKE's wildcards, and nothing at all.
const std::vector<std::string> questions = {
    "lap",  "LAPTOP", "top",    "old lap", "a.5",    "A.5.15", "5.1",   "clause", "annex-a-8", "backup", "müller",
    "MÜLL", "jörg",   "ÖRG",    "ΑΘΗ",     "москва", "łódź",   "ŁÓDŹ",  "ß",      "la",        "5",      "é",
    "100%", "e_c",    "%",      "x",       "zzzzz",  "server", "ROOM",  "a5",     "a-5",       "Øre",    "eur",
};

// Every question through the index and by a scan: the same hits in the same order.
void check_index_matches_scan(const Repository& records, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> all = questions;
  all.insert(all.end(), extra.begin(), extra.end());
  for (const std::string& question : all) {
    for (const std::size_t limit : {std::size_t{3}, std::size_t{50}}) {
      const SearchRequest request{question, limit, {}};
      CHECK_MESSAGE(described(search_records(records, request)) == described(search_records(records, request, false)),
                    "question: ", question, ", limit ", limit);
    }
  }
}

std::int64_t count_of(const Database& db, const std::string& sql) {
  Statement query = db.prepare(sql);
  query.step();
  return query.column_int64(0);
}

// The index holds, for each register, one row per live record with the text written now.
void check_index_is_true(const Repository& records) {
  const Database& db = records.database();
  const auto indexed = indexed_registers(db);
  std::int64_t live = 0;
  for (const EntityDef& def : records.registry().all()) {
    REQUIRE_MESSAGE(indexed.count(def.kind) == 1, def.kind);
    std::string body;
    for (const std::string& column : searched_columns(def)) body += (body.empty() ? "" : ", ") + quote_identifier(column);
    const std::string base = std::to_string(indexed.at(def.kind).first_rowid);
    const std::string expected = "SELECT rowid + " + base + ", isms_search_body(" + body + "), isms_search_ids(id) FROM " +
                                 quote_identifier(def.table()) + " WHERE deleted = 0";
    const std::string held = "SELECT rowid, body, ids FROM search_index WHERE rowid >= " + base + " AND rowid < " + base +
                             " + " + std::to_string(search_rowid_span);
    const std::int64_t expected_rows = count_of(db, "SELECT count(*) FROM (" + expected + ")");
    CHECK_MESSAGE(count_of(db, "SELECT count(*) FROM (" + held + ")") == expected_rows, def.kind);
    CHECK_MESSAGE(count_of(db, "SELECT count(*) FROM (" + expected + " EXCEPT " + held + ")") == 0, def.kind);
    live += expected_rows;
  }
  CHECK(count_of(db, "SELECT count(*) FROM search_index") == live);  // nothing outside the registers' ranges
}

void check_all(const Repository& records, const std::vector<std::string>& extra = {}) {
  check_index_is_true(records);
  check_index_matches_scan(records, extra);
}

struct IndexFixture {
  FixedClock clock{"2026-05-01T08:00:00Z"};
  std::unique_ptr<test::Copy> copy = test::origin(clock);
  Repository& records = copy->records();

  std::string asset(const std::string& name, std::map<std::string, Value> more = {}) {
    more["name"] = text(name);
    more["type"] = text("hardware");
    return records.create("asset", std::move(more));
  }
  std::vector<std::string> titles(const std::string& question) {
    std::vector<std::string> found;
    for (const SearchHit& hit : search_records(records, {question, 50, {}})) found.push_back(hit.title);
    return found;
  }
};

}  // namespace

TEST_CASE_FIXTURE(IndexFixture, "search index: a new workspace has every seeded record indexed") {
  CHECK(count_of(records.database(), "SELECT count(*) FROM search_index") > 100);  // Annex A, clauses, processes
  check_all(records);
}

TEST_CASE_FIXTURE(IndexFixture, "search index: follows create, edit, delete and restore") {
  const std::string laptop = asset("Old laptops", {{"description", text("Kept in server room B")}});
  check_all(records);
  CHECK(titles("lap") == std::vector<std::string>{"Old laptops"});
  records.update("asset", laptop, {{"name", text("Tablets")}});
  check_all(records);
  CHECK(titles("lap").empty());
  CHECK(titles("tablet") == std::vector<std::string>{"Tablets"});
  CHECK(titles("room b") == std::vector<std::string>{"Tablets"});
  records.update("asset", laptop, {{"description", Value()}});  // a field emptied
  check_all(records);
  CHECK(titles("room b").empty());
  records.update("asset", laptop, {{"classification", text("confidential")}});  // not searched: no index write
  check_all(records);
  records.remove("asset", laptop);
  check_all(records);
  CHECK(titles("tablet").empty());
  records.restore("asset", laptop);
  check_all(records);
  CHECK(titles("tablet") == std::vector<std::string>{"Tablets"});
}

TEST_CASE_FIXTURE(IndexFixture, "search index: follows undo and redo") {
  std::string laptop;
  {
    UndoStack::Recording recording(records);
    laptop = asset("Laptop fleet");
  }
  {
    UndoStack::Recording recording(records);
    records.update("asset", laptop, {{"name", text("Printer fleet")}});
  }
  {
    UndoStack::Recording recording(records);
    records.remove("asset", laptop);
  }
  UndoStack stack(records);
  CHECK(titles("fleet").empty());
  stack.undo();  // the deletion
  check_all(records);
  CHECK(titles("fleet") == std::vector<std::string>{"Printer fleet"});
  stack.undo();  // the rename
  check_all(records);
  CHECK(titles("fleet") == std::vector<std::string>{"Laptop fleet"});
  stack.undo();  // the creation
  check_all(records);
  CHECK(titles("fleet").empty());
  stack.redo();
  stack.redo();
  check_all(records);
  CHECK(titles("fleet") == std::vector<std::string>{"Printer fleet"});
}

TEST_CASE_FIXTURE(IndexFixture, "search index: follows a merge and an import as a new workspace") {
  const std::string laptop = asset("Laptop fleet");
  const std::string printer = asset("Printer");
  auto ben = test::copy_of(copy->bundle(), clock);
  check_all(ben->records());  // the import
  CHECK(described(search_records(ben->records(), {"fleet", 50, {}})) == described(search_records(records, {"fleet", 50, {}})));
  ben->records().update("asset", laptop, {{"name", text("Tablet fleet")}});
  ben->records().remove("asset", printer);
  ben->records().create("person", {{"name", text("Jörg Müller")}});
  bundle::apply_merge(*copy->ws, ben->bundle("Ben"), {});
  check_all(records);
  CHECK(titles("fleet") == std::vector<std::string>{"Tablet fleet"});
  CHECK(titles("printer").empty());
  CHECK(titles("MÜLLER") == std::vector<std::string>{"Jörg Müller"});
}

TEST_CASE_FIXTURE(IndexFixture, "search index: letters beyond ASCII are folded as fold_case folds them") {
  asset("ΑΘΗΝΑ office", {{"description", text("Москва branch, Łódź depot")}});
  asset("Straße Øresund", {{"location", text("Jörg's desk")}});
  asset("Kelvin \u212A sign");  // K (U+212A): fold_case keeps it, so "k" does not find it there
  check_all(records, {"αθηνα", "МОСКВА", "łódź", "straße", "strasse", "øresund", "ØRESUND", "\u212A sign", "k sign"});
  CHECK(titles("αθηνα") == std::vector<std::string>{"ΑΘΗΝΑ office"});
  CHECK(titles("ŁÓDŹ depot") == std::vector<std::string>{"ΑΘΗΝΑ office"});
  CHECK(titles("strasse").empty());  // one code point to one: ß is not ss
  CHECK(titles("k sign").empty());
  CHECK(titles("\u212A sign") == std::vector<std::string>{"Kelvin \u212A sign"});
}

TEST_CASE_FIXTURE(IndexFixture, "search index: a register whose searched columns change is indexed again") {
  const std::string laptop = asset("Laptop");
  Database& db = records.database();
  db.exec("UPDATE rec_asset SET \"type\" = 'zebra-typed' WHERE id = '" + laptop + "'");
  // "type" is an Enum, not searched: until a definition searches it, the index does not hold it.
  EntityDef extended = records.registry().get("asset");
  for (FieldDef& field : extended.fields) {
    if (field.key != "type") continue;
    field.type = FieldType::Text;
    field.options.clear();
  }
  std::vector<EntityDef> defs = records.registry().all();
  for (EntityDef& def : defs) {
    if (def.kind == "asset") def = extended;
  }
  const Registry newer(defs);
  ensure_tables(db, newer);
  Repository repository(db, newer, clock, "tester");
  check_all(repository, {"zebra"});
  CHECK(search_records(repository, {"zebra", 50, {}}).size() == 1);
}

TEST_CASE_FIXTURE(IndexFixture, "search index: random edits keep it equal to a scan") {
  std::mt19937 random(20261127);
  const std::vector<std::string> words = {"Laptop", "server", "Müller", "ÖL", "annex", "Łódź", "a-5", "5.1", "x%", "Σ",
                                          "fleet",  "ROOM",   "ßtraße", "dvořák", "Ab",   "ba",   "_",   "a  b", "Лес"};
  auto phrase = [&] {
    std::string out;
    const int count = 1 + static_cast<int>(random() % 4);
    for (int i = 0; i < count; ++i) out += (i ? " " : "") + words[random() % words.size()];
    return out;
  };
  std::vector<std::string> ids;
  std::vector<std::string> asked;
  for (int step = 0; step < 120; ++step) {
    const unsigned action = ids.empty() ? 0 : random() % 5;
    if (action == 0) {
      ids.push_back(asset(phrase(), {{"description", text(phrase())}}));
    } else {
      const std::string& id = ids[random() % ids.size()];
      if (records.get("asset", id)->deleted) {
        records.restore("asset", id);
      } else if (action <= 2) {
        records.update("asset", id, {{random() % 2 ? "name" : "description", text(phrase())}});
      } else {
        records.remove("asset", id);
      }
    }
    // A piece of some text now held, and a whole new phrase.
    const std::string held = phrase();
    const std::size_t from = random() % held.size();
    asked.push_back(held.substr(from, 1 + random() % 6));
    if (step % 20 == 19) {
      check_all(records, asked);
      asked.clear();
    }
  }
}
