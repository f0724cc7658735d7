#include <doctest/doctest.h>

#include <map>
#include <set>

#include "core/catalogs/builtin_catalogs.hpp"
#include "core/catalogs/seed.hpp"
#include "core/workspace/workspace.hpp"
#include "tests/core/observer_spy.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::test::ObserverSpy;
using isms::test::TempDir;

namespace {

const WorkspaceDraft draft{"ISMS 2027", "Client GmbH", "Anna Dvořák"};
const std::string workspace_id = "0b7c1f52-9a3e-4d6b-8c21-5e4f3a2b1c0d";

std::string text(const Record& record, const char* key) { return to_display(record.get(key)); }

Value text_value(const char* value) { return std::string(value); }

std::map<std::string, Value> custom_control(const char* applicable) {
  return {{"ref", text_value("C-1")},
          {"title", text_value("Clean desk in the lab")},
          {"theme", text_value("physical")},
          {"source", text_value("custom")},
          {"applicable", text_value(applicable)}};
}

}  // namespace

TEST_CASE("catalog seed: the compiled-in Annex A has the 93 controls of ISO/IEC 27001:2022") {
  const auto& controls = catalogs::annex_a_controls();
  REQUIRE(controls.size() == 93);
  std::map<std::string, int> per_theme;
  std::set<std::string> refs;
  for (const auto& control : controls) {
    ++per_theme[control.theme];
    refs.insert(control.ref);
  }
  CHECK(refs.size() == 93);
  CHECK(per_theme ==
        std::map<std::string, int>{{"organizational", 37}, {"people", 8}, {"physical", 14}, {"technological", 34}});
  CHECK(controls.front().ref == "5.1");
  CHECK(controls.front().title == "Policies for information security");
  CHECK(controls.back().ref == "8.34");
  CHECK(controls.back().title == "Protection of information systems during audit testing");

  const auto& clauses = catalogs::iso_clauses();
  REQUIRE(clauses.size() == 41);
  CHECK(clauses.front().ref == "4");
  CHECK(clauses.front().parent_ref.empty());
  CHECK(clauses.back().ref == "10.2");
  // Every parent is itself a clause listed before its children.
  std::set<std::string> seen;
  for (const auto& clause : clauses) {
    if (!clause.parent_ref.empty()) CHECK_MESSAGE(seen.count(clause.parent_ref) == 1, clause.ref);
    seen.insert(clause.ref);
  }
}

TEST_CASE("catalog seed: a new workspace holds every control and clause, in its one creating transaction") {
  TempDir dir;
  FixedClock clock("2026-05-01T08:00:00Z");
  ObserverSpy spy;
  auto workspace = Workspace::create(dir.str(), workspace_id, draft, clock, &spy);
  const Repository& records = workspace->records();
  CHECK(spy.count("committed", workspace->db_path()) == 1);

  REQUIRE(records.count("control") == 93);
  std::map<std::string, int> per_theme;
  for (const Record& control : records.list("control")) {
    ++per_theme[text(control, "theme")];
    CHECK(text(control, "source") == "annex_a");
    CHECK(text(control, "applicable") == "undecided");
    CHECK(text(control, "implementation_status") == "not_started");
    CHECK(control.created_by == "Anna Dvořák");
  }
  CHECK(per_theme ==
        std::map<std::string, int>{{"organizational", 37}, {"people", 8}, {"physical", 14}, {"technological", 34}});

  const std::optional<Record> first = records.get("control", "annex-a-5.1");
  REQUIRE(first.has_value());
  CHECK(text(*first, "ref") == "5.1");
  CHECK(text(*first, "title") == "Policies for information security");
  CHECK(text(*first, "theme") == "organizational");
  const std::optional<Record> people = records.get("control", "annex-a-6.3");
  REQUIRE(people.has_value());
  CHECK(text(*people, "title") == "Information security awareness, education and training");
  CHECK(text(*people, "theme") == "people");
  const std::optional<Record> last = records.get("control", "annex-a-8.34");
  REQUIRE(last.has_value());
  CHECK(text(*last, "title") == "Protection of information systems during audit testing");
  CHECK(text(*last, "theme") == "technological");
  CHECK_FALSE(records.get("control", "annex-a-8.35").has_value());

  CHECK(records.count("clause") == catalogs::iso_clauses().size());
  for (const auto& clause : catalogs::iso_clauses()) {
    const std::optional<Record> record = records.get("clause", catalogs::clause_id(clause.ref));
    REQUIRE_MESSAGE(record.has_value(), clause.ref);
    CHECK(text(*record, "ref") == clause.ref);
    CHECK(text(*record, "title") == clause.title);
    CHECK(text(*record, "parent_ref") == clause.parent_ref);
    CHECK(text(*record, "status") == "not_assessed");
  }
  const std::optional<Record> risk_assessment = records.get("clause", "clause-6.1.2");
  REQUIRE(risk_assessment.has_value());
  CHECK(text(*risk_assessment, "title") == "Information security risk assessment");
  CHECK(text(*risk_assessment, "parent_ref") == "6.1");
  CHECK(is_null(records.get("clause", "clause-4")->get("parent_ref")));

  // The workspace's own creation is still the first thing its history tells.
  CHECK(workspace->last_change_at() == "2026-05-01T08:00:00Z");
  CHECK(records.history(workspace_id).size() == 3);
}

TEST_CASE("catalog seed: ids are the same in every workspace, so copies of one workspace merge") {
  TempDir one, two;
  FixedClock clock("2026-05-01T08:00:00Z");
  auto first = Workspace::create(one.str(), workspace_id, draft, clock, nullptr);
  auto second = Workspace::create(two.str(), "another-id", draft, clock, nullptr);
  std::set<std::string> ids_one, ids_two;
  for (const Record& record : first->records().list("control")) ids_one.insert(record.id);
  for (const Record& record : second->records().list("control")) ids_two.insert(record.id);
  CHECK(ids_one.size() == 93);
  CHECK(ids_one == ids_two);
  CHECK(ids_one.count("annex-a-5.1") == 1);
}

TEST_CASE("catalog seed: seeding again adds nothing and writes nothing") {
  TempDir dir;
  FixedClock clock("2026-05-01T08:00:00Z");
  ObserverSpy spy;
  {
    auto workspace = Workspace::create(dir.str(), workspace_id, draft, clock, &spy);
    CHECK(catalogs::seed_catalogs(workspace->database(), workspace->records()) == 0);
    CHECK(workspace->records().count("control") == 93);
    CHECK(workspace->records().count("clause") == 41);
  }
  const std::string path = dir.file(Workspace::file_name);
  const std::string before = test::read_bytes(path);
  auto reopened = Workspace::open(dir.str(), clock, &spy);
  CHECK(reopened->records().count("control") == 93);
  CHECK(reopened->records().count("clause") == 41);
  CHECK(spy.count("committed", path) == 1);  // only the creation: opening wrote nothing
  reopened.reset();
  CHECK(test::read_bytes(path) == before);
}

TEST_CASE("catalog seed: opening a file from an older build adds what is missing and keeps user edits") {
  TempDir dir;
  FixedClock clock("2026-05-01T08:00:00Z");
  {
    auto workspace = Workspace::create(dir.str(), workspace_id, draft, clock, nullptr);
    Repository& records = workspace->records();
    clock.set("2026-05-02T10:00:00Z");
    records.update("control", "annex-a-5.1",
                   {{"applicable", text_value("yes")},
                    {"justification", text_value("Required by the board.")},
                    {"title", text_value("Our information security policies")}});
    records.update("clause", "clause-4.2", {{"status", text_value("gap")}, {"note", text_value("No list yet.")}});
    records.remove("clause", "clause-4.1");
    // What a build without the catalogs left behind: no clause table at all, and some controls
    // missing (as if a later catalog release had added them).
    workspace->database().exec("DROP TABLE rec_clause");
    workspace->database().exec("DELETE FROM rec_control WHERE id IN ('annex-a-5.2', 'annex-a-8.34')");
  }
  clock.set("2026-05-03T09:00:00Z");
  auto reopened = Workspace::open(dir.str(), clock, nullptr);
  const Repository& records = reopened->records();
  CHECK(records.count("control") == 93);
  CHECK(records.count("clause") == 41);
  const std::optional<Record> edited = records.get("control", "annex-a-5.1");
  REQUIRE(edited.has_value());
  CHECK(text(*edited, "applicable") == "yes");
  CHECK(text(*edited, "justification") == "Required by the board.");
  CHECK(text(*edited, "title") == "Our information security policies");
  CHECK(edited->revision == 2);
  const std::optional<Record> restored = records.get("control", "annex-a-8.34");
  REQUIRE(restored.has_value());
  CHECK(restored->created_at == "2026-05-03T09:00:00Z");
  CHECK(restored->created_by == "Anna Dvořák");
  CHECK(records.get("control", "annex-a-5.2").has_value());

  // Seeding again on a second open changes nothing more.
  reopened.reset();
  auto again = Workspace::open(dir.str(), clock, nullptr);
  CHECK(again->records().count("control") == 93);
  CHECK(again->records().list("control", true).size() == 93);
  CHECK(again->records().list("clause", true).size() == 41);
}

TEST_CASE("catalog seed: a seeded record the user deleted stays deleted") {
  TempDir dir;
  FixedClock clock("2026-05-01T08:00:00Z");
  {
    auto workspace = Workspace::create(dir.str(), workspace_id, draft, clock, nullptr);
    workspace->records().remove("clause", "clause-4.1");
  }
  auto reopened = Workspace::open(dir.str(), clock, nullptr);
  CHECK(reopened->records().count("clause") == 40);
  CHECK(reopened->records().get("clause", "clause-4.1")->deleted);
}

TEST_CASE("catalog seed: the Statement of Applicability needs a justification for every decision") {
  TempDir dir;
  FixedClock clock("2026-05-01T08:00:00Z");
  auto workspace = Workspace::create(dir.str(), workspace_id, draft, clock, nullptr);
  Repository& records = workspace->records();

  for (const char* decision : {"yes", "no"}) {
    CAPTURE(decision);
    try {
      records.update("control", "annex-a-5.7", {{"applicable", text_value(decision)}});
      FAIL("a decision without justification should be refused");
    } catch (const ValidationError& error) {
      CHECK(error.message_for("justification") == "Justification is required for every applicability decision.");
      CHECK(std::string(error.what()).find("Justification") != std::string::npos);
    }
    // Blank text counts as none.
    CHECK_THROWS_AS(records.update("control", "annex-a-5.7",
                                   {{"applicable", text_value(decision)}, {"justification", text_value("   ")}}),
                    ValidationError);
    CHECK_THROWS_AS(records.create("control", custom_control(decision)), ValidationError);
  }
  CHECK(text(*records.get("control", "annex-a-5.7"), "applicable") == "undecided");

  // Undecided needs none; a decision with one is accepted.
  const std::string undecided = records.create("control", custom_control("undecided"));
  CHECK(text(*records.get("control", undecided), "source") == "custom");
  records.update("control", "annex-a-5.7",
                 {{"applicable", text_value("no")}, {"justification", text_value("No threat feeds are used.")}});
  CHECK(text(*records.get("control", "annex-a-5.7"), "applicable") == "no");
  // Removing the justification of a decision is refused too.
  CHECK_THROWS_AS(records.update("control", "annex-a-5.7", {{"justification", Value()}}), ValidationError);

  std::map<std::string, Value> decided = custom_control("yes");
  decided["ref"] = text_value("C-2");
  decided["justification"] = text_value("Visitors walk through the lab.");
  const std::string id = records.create("control", decided);
  CHECK(text(*records.get("control", id), "ref") == "C-2");
  CHECK(records.count("control") == 95);
}

TEST_CASE("catalog seed: custom controls have references of their own") {
  TempDir dir;
  FixedClock clock("2026-05-01T08:00:00Z");
  auto workspace = Workspace::create(dir.str(), workspace_id, draft, clock, nullptr);
  Repository& records = workspace->records();
  const std::string own = records.create("control", custom_control("undecided"));

  std::map<std::string, Value> clash = custom_control("undecided");
  clash["ref"] = text_value("5.1");
  try {
    records.create("control", clash);
    FAIL("a custom control took an Annex A number");
  } catch (const ValidationError& error) {
    CHECK(error.message_for("ref") ==
          "Reference 5.1 is already used by the control 'Policies for information security'; give this one its "
          "own, e.g. C-1.");
  }
  CHECK_THROWS_AS(records.create("control", custom_control("undecided")), ValidationError);  // C-1 again
  records.update("control", own, {{"title", text_value("Clean desk, lab and office")}});     // keeps its own
  CHECK(records.count("control") == 94);
}

TEST_CASE("catalog seed: a control's fields are checked like any other register's") {
  const EntityDef& control = Registry::builtin().get("control");
  std::map<std::string, Value> values = normalise(control, custom_control("undecided"));
  CHECK(validate(control, values).empty());
  CHECK(text_value("custom") == values["source"]);

  values["theme"] = text_value("astrological");
  const std::vector<FieldError> errors = validate(control, values);
  REQUIRE(errors.size() == 1);
  CHECK(errors.front().field == "theme");
  CHECK(errors.front().message == "Theme must be one of: Organizational, People, Physical, Technological.");

  // A field error and the record check on one field give one message, not two.
  values["theme"] = text_value("people");
  values["applicable"] = text_value("yes");
  values["justification"] = Value(std::int64_t{3});
  const std::vector<FieldError> both = validate(control, values);
  REQUIRE(both.size() == 1);
  CHECK(both.front().message == "Justification must be text.");

  // Without a source a new control is custom; the ref is required.
  std::map<std::string, Value> bare =
      normalise(control, {{"title", text_value("Visitor log")}, {"theme", text_value("physical")}});
  CHECK(bare["source"] == text_value("custom"));
  CHECK(validate(control, bare).front().message == "Reference is required.");
}
