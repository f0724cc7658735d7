// Upgrades keep data (issue 6): workspace files written by the builds just before each migration
// (tests/core/upgrade_fixtures/, made by scripts/make_upgrade_fixture.sh from those commits) open
// in today's build with every record, field, deletion and history row they held, and go on
// working: edited, reopened, exported. A file from a newer build is refused and left untouched.
//
// There is no fixture from before migration 1: the first build already wrote schema 1 (an empty
// file reaching the latest schema is tested in migrations_test.cpp).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>

#include "core/bundle/export.hpp"
#include "core/model/links.hpp"
#include "core/store/migrations.hpp"
#include "core/store/search.hpp"
#include "core/workspace/workspace.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::test::TempDir;

namespace {

const StorageObserver quiet_observer;

// A copy of the fixture as a workspace folder in `dir`, so the committed file is never written.
std::string copy_fixture(const TempDir& dir, const std::string& name) {
  const std::filesystem::path folder = dir.path() / "ws";
  std::filesystem::create_directories(folder);
  std::filesystem::copy_file(std::filesystem::path(ISMS_UPGRADE_FIXTURES) / name, folder / Workspace::file_name);
  return folder.string();
}

int schema_of(const std::string& folder) {
  Database db((std::filesystem::path(folder) / Workspace::file_name).string());
  return db.user_version();
}

std::unique_ptr<Workspace> open(const std::string& folder, const Clock& clock) {
  return Workspace::open(folder, clock, const_cast<StorageObserver*>(&quiet_observer));
}

const Record* by_field(const std::vector<Record>& records, const std::string& field, const std::string& text) {
  const auto found =
      std::find_if(records.begin(), records.end(), [&](const Record& r) { return to_display(r.get(field)) == text; });
  return found == records.end() ? nullptr : &*found;
}

std::string text(const Record& record, const std::string& field) { return to_display(record.get(field)); }

// The live person a Link field points at, by name.
std::string person_named(const Repository& records, const Value& link) {
  const auto person = records.get("person", to_display(link));
  return person && !person->deleted ? text(*person, "name") : "(no person)";
}

bool has_history(const Repository& records, const std::string& id, const std::string& field, const std::string& at,
                 const std::string& author) {
  for (const HistoryEntry& entry : records.history(id)) {
    if (entry.field == field && entry.at == at && entry.author == author) return true;
  }
  return false;
}

std::size_t live_annex_a_controls(const Repository& records) {
  std::size_t count = 0;
  for (const Record& control : records.list("control")) count += text(control, "source") == "annex_a" ? 1 : 0;
  return count;
}

}  // namespace

TEST_CASE("upgrade: a workspace saved by the last schema-1 build opens with everything it held") {
  TempDir dir;
  const std::string folder = copy_fixture(dir, "schema1.sqlite");
  REQUIRE(schema_of(folder) == 1);
  FixedClock clock("2026-11-26T10:00:00Z");
  auto ws = open(folder, clock);
  CHECK(ws->database().user_version() == latest_schema_version());

  const WorkspaceMeta meta = ws->meta();
  CHECK(meta.id == "0f1c7a52-5c1e-4b8e-9a39-000000000001");
  CHECK(meta.name == "Fixture schema 1 (renamed)");
  CHECK(meta.client == "Harbour Logistics");
  CHECK(meta.consultant == "Dana Reyes");

  Repository& records = ws->records();
  const std::vector<Record> assets = records.list("asset", true);
  REQUIRE(assets.size() == 3);
  const Record* database = by_field(assets, "name", "Customer database");
  const Record* laptops = by_field(assets, "name", "Laptop fleet");
  const Record* payroll = by_field(assets, "name", "Payroll service");
  REQUIRE(database != nullptr);
  REQUIRE(laptops != nullptr);
  REQUIRE(payroll != nullptr);
  CHECK(text(*database, "type") == "information");
  CHECK(text(*database, "classification") == "confidential");
  CHECK(database->get("confidentiality") == Value(std::int64_t{5}));
  CHECK(database->get("integrity") == Value(std::int64_t{4}));
  CHECK(database->get("availability") == Value(std::int64_t{3}));
  CHECK(text(*database, "location") == "Frankfurt data centre");
  CHECK(text(*database, "description") == "All customer contracts and contacts.\nKept 10 years.");
  CHECK(text(*laptops, "classification") == "internal");  // the default the old build gave it
  CHECK_FALSE(database->deleted);
  CHECK(payroll->deleted);  // a deletion stays a deletion

  // Owners were free text then; now they are people, one per name, and the links index knows them.
  CHECK(person_named(records, database->get("owner")) == "Sam Patel");
  CHECK(laptops->get("owner") == database->get("owner"));
  CHECK(records.count("person") == 2);  // Sam Patel, Ana Müller (the control's owner)
  const std::vector<LinkedRecord> sams = records.linked_from(to_display(database->get("owner")));
  CHECK(std::count_if(sams.begin(), sams.end(), [](const LinkedRecord& l) { return l.kind == "asset"; }) == 2);

  // The Statement of Applicability decision, on a full catalog.
  const std::vector<Record> controls = records.list("control");
  const Record* policies = by_field(controls, "ref", "5.1");
  REQUIRE(policies != nullptr);
  CHECK(text(*policies, "applicable") == "yes");
  CHECK(text(*policies, "justification") == "Policies are the base of the ISMS.");
  CHECK(text(*policies, "implementation_status") == "implemented");
  CHECK(person_named(records, policies->get("owner")) == "Ana Müller");
  CHECK(live_annex_a_controls(records) == 93);

  // The audit trail the old build wrote is still there, under its author and time.
  CHECK(has_history(records, database->id, "name", "2026-01-05T09:10:00Z", "Dana Reyes"));
  CHECK(has_history(records, database->id, "description", "2026-01-06T14:00:00Z", "Dana Reyes"));
  CHECK(has_history(records, payroll->id, "_deleted", "2026-01-06T14:00:00Z", "Dana Reyes"));

  // And it goes on working: an edit, a restore, a reopen that changes nothing more, an export.
  records.update("asset", laptops->id, {{"location", std::string("Head office")}});
  records.restore("asset", payroll->id);
  const std::string payroll_id = payroll->id, laptops_id = laptops->id;
  ws.reset();
  const std::string before_reopen = test::read_bytes((std::filesystem::path(folder) / Workspace::file_name).string());
  ws = open(folder, clock);
  CHECK(test::read_bytes((std::filesystem::path(folder) / Workspace::file_name).string()) == before_reopen);
  CHECK(text(*ws->records().get("asset", laptops_id), "location") == "Head office");
  CHECK_FALSE(ws->records().get("asset", payroll_id)->deleted);
  const bundle::Bundle exported = bundle::export_bundle(*ws);
  CHECK(std::count_if(exported.records.begin(), exported.records.end(),
                      [](const bundle::BundleRecord& r) { return r.kind == "asset"; }) == 3);
}

namespace {

// What the schema-2 and schema-3 generators both wrote (make_schema2.cpp, make_schema3.cpp): people,
// assets, a risk with its links, a treatment action, a deleted risk, a SoA decision, a KPI with
// its measurements. `residual_impact` is the risk's last value (the schema-3 file edited it again).
void check_risks_and_parts(Workspace& ws, const std::string& name, std::int64_t residual_impact) {
  CHECK(ws.database().user_version() == latest_schema_version());
  CHECK(ws.meta().name == name);
  CHECK_FALSE(ws.replica_id().empty());

  Repository& records = ws.records();
  const std::vector<Record> risks = records.list("risk", true);
  REQUIRE(risks.size() == 2);
  const Record* ransomware = by_field(risks, "title", "Ransomware on the file servers");
  const Record* theft = by_field(risks, "title", "Laptop theft");
  REQUIRE(ransomware != nullptr);
  REQUIRE(theft != nullptr);
  CHECK(theft->deleted);
  CHECK(person_named(records, ransomware->get("owner")) == "Ana Müller");
  CHECK(ransomware->get("inherent_likelihood") == Value(std::int64_t{4}));
  CHECK(ransomware->get("inherent_impact") == Value(std::int64_t{5}));
  CHECK(ransomware->get("residual_likelihood") == Value(std::int64_t{2}));
  CHECK(ransomware->get("residual_impact") == Value(residual_impact));
  CHECK(ransomware->get("inherent_score") == Value(std::int64_t{20}));
  CHECK(ransomware->get("residual_score") == Value(2 * residual_impact));
  CHECK(text(*ransomware, "treatment") == "mitigate");

  // Links both ways: the risk's assets and controls, and who points at the database.
  const FieldDef& assets_field = *ws.registry().get("risk").field("assets");
  const std::vector<std::string> asset_ids = linked_ids(assets_field, ransomware->get("assets"));
  REQUIRE(asset_ids.size() == 2);
  std::vector<std::string> asset_names;
  for (const std::string& id : asset_ids) asset_names.push_back(text(*records.get("asset", id), "name"));
  std::sort(asset_names.begin(), asset_names.end());
  CHECK(asset_names == std::vector<std::string>{"Customer database", "Laptop fleet"});
  const std::vector<LinkedRecord> to_database = records.linked_from(asset_ids[0]);
  CHECK(std::any_of(to_database.begin(), to_database.end(),
                    [&](const LinkedRecord& l) { return l.id == ransomware->id && l.field == "assets"; }));
  const std::vector<Record> controls = records.list("control");
  const Record* backup = by_field(controls, "ref", "8.13");
  REQUIRE(backup != nullptr);
  CHECK(text(*backup, "applicable") == "yes");
  CHECK(text(*backup, "justification") == "Backups answer the ransomware risk.");
  CHECK(person_named(records, backup->get("owner")) == "Sam Patel");
  CHECK(live_annex_a_controls(records) == 93);

  // Parts: the treatment action of the risk, the KPI's measurements.
  const std::vector<Record> actions = records.list("treatment_action");
  REQUIRE(actions.size() == 1);
  CHECK(text(actions[0], "risk") == ransomware->id);
  CHECK(text(actions[0], "due_date") == "2026-06-30");
  const std::vector<Record> kpis = records.list("kpi");
  REQUIRE(kpis.size() == 1);
  CHECK(kpis[0].get("target") == Value(95.0));
  const std::vector<Record> measurements = records.list("measurement");
  REQUIRE(measurements.size() == 2);
  CHECK(text(measurements[0], "kpi") == kpis[0].id);
  REQUIRE(by_field(measurements, "date", "2026-02-28") != nullptr);
  CHECK(by_field(measurements, "date", "2026-02-28")->get("value") == Value(97.5));

  CHECK(has_history(records, ransomware->id, "residual_likelihood", "2026-03-04T08:00:00Z", "Dana Reyes"));
  CHECK(has_history(records, theft->id, "_deleted", "2026-03-03T10:00:00Z", "Dana Reyes"));

  // Editing after the upgrade: the risk method still computes the score; the export has it all.
  records.update("risk", ransomware->id, {{"residual_impact", std::int64_t{1}}});
  CHECK(records.get("risk", ransomware->id)->get("residual_score") == Value(std::int64_t{2}));
  const bundle::Bundle exported = bundle::export_bundle(ws);
  CHECK(std::count_if(exported.records.begin(), exported.records.end(),
                      [](const bundle::BundleRecord& r) { return r.kind == "measurement"; }) == 2);
}

// The id the file gave itself as a copy of the workspace (migration 3's replicas table).
std::string local_replica_of(const std::string& folder) {
  Database db((std::filesystem::path(folder) / Workspace::file_name).string());
  Statement query = db.prepare("SELECT id FROM replicas WHERE local = 1");
  return query.step() ? query.column_text(0) : std::string();
}

}  // namespace

TEST_CASE("upgrade: a workspace saved by the last schema-2 build opens with its links, parts and figures") {
  TempDir dir;
  const std::string folder = copy_fixture(dir, "schema2.sqlite");
  REQUIRE(schema_of(folder) == 2);
  FixedClock clock("2026-11-26T10:00:00Z");
  auto ws = open(folder, clock);
  check_risks_and_parts(*ws, "Fixture schema 2", 4);
}

TEST_CASE("upgrade: a workspace saved by the last schema-3 build keeps its links, parts and merge memory") {
  TempDir dir;
  const std::string folder = copy_fixture(dir, "schema3.sqlite");
  REQUIRE(schema_of(folder) == 3);
  const std::string replica = local_replica_of(folder);
  REQUIRE_FALSE(replica.empty());
  FixedClock clock("2026-11-26T10:00:00Z");
  auto ws = open(folder, clock);
  // The same copy of the workspace as before the upgrade: a colleague's bundle merges as it would have.
  CHECK(ws->replica_id() == replica);
  check_risks_and_parts(*ws, "Fixture schema 3", 3);
}

TEST_CASE("upgrade: a workspace saved by the last schema-4 build finds its records by search") {
  TempDir dir;
  const std::string folder = copy_fixture(dir, "schema4.sqlite");
  REQUIRE(schema_of(folder) == 4);
  FixedClock clock("2026-11-26T10:00:00Z");
  auto ws = open(folder, clock);
  CHECK(schema_of(folder) == latest_schema_version());
  check_risks_and_parts(*ws, "Fixture schema 4", 3);
  const Repository& records = ws->records();
  auto titles = [&](const std::string& question) {
    std::vector<std::string> found;
    for (const SearchHit& hit : search_records(records, {question, 50, {}})) found.push_back(hit.kind + ":" + hit.title);
    // Through the index (migration 5, filled on opening) exactly as by a scan of every row.
    std::vector<std::string> scanned;
    for (const SearchHit& hit : search_records(records, {question, 50, {}}, false)) {
      scanned.push_back(hit.kind + ":" + hit.title);
    }
    CHECK_MESSAGE(found == scanned, question);
    return found;
  };
  // The risk by its title first, then the control whose justification names it.
  CHECK(titles("ransomware") ==
        std::vector<std::string>{"risk:Ransomware on the file servers", "control:Information backup"});
  CHECK(titles("laptop") == std::vector<std::string>{"asset:Laptop fleet"});  // the deleted risk is not found
  CHECK(titles("MÜLLER") == std::vector<std::string>{"person:Ana Müller"});
  CHECK(titles("łukasz") == std::vector<std::string>{"person:ŁUKASZ DVOŘÁK"});
  CHECK(titles("ΠΡΟΜ") == std::vector<std::string>{"person:ŁUKASZ DVOŘÁK"});
  CHECK(titles("answer the ransom") == std::vector<std::string>{"control:Information backup"});
  const std::vector<SearchHit> backups = search_records(records, {"offline back", 50, {}});
  REQUIRE(backups.size() == 1);
  CHECK(backups[0].parent_title == "Ransomware on the file servers");  // a part, named by its parent
  CHECK(search_records(records, {"A.8.13", 1, {}}).front().id == "annex-a-8.13");
  // Written after the upgrade: found by the index the triggers keep.
  ws->records().create("asset", {{"name", std::string("Harbour crane PLC")}, {"type", std::string("hardware")}});
  CHECK(titles("crane plc") == std::vector<std::string>{"asset:Harbour crane PLC"});
}

TEST_CASE("upgrade: a workspace from a newer build is refused with a sentence and left byte for byte as it was") {
  TempDir dir;
  const std::string folder = copy_fixture(dir, "schema2.sqlite");
  const std::string file = (std::filesystem::path(folder) / Workspace::file_name).string();
  {
    Database db(file);
    db.set_user_version(latest_schema_version() + 1);
  }
  const std::string before = test::read_bytes(file);
  FixedClock clock("2026-11-26T10:00:00Z");
  try {
    open(folder, clock);
    FAIL("a newer workspace must be refused");
  } catch (const StoreError& error) {
    const std::string message = error.what();
    CHECK(message.find("saved by a newer version of ISMS Register") != std::string::npos);
    CHECK(message.find("Update the app to open it.") != std::string::npos);
  }
  CHECK(test::read_bytes(file) == before);
}
