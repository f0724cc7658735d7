#include <doctest/doctest.h>

#include "core/store/migrations.hpp"
#include "core/workspace/upgrade.hpp"
#include "core/workspace/workspace.hpp"
#include "tests/core/observer_spy.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::test::ObserverSpy;
using isms::test::TempDir;

namespace {

const WorkspaceDraft draft{"ISMS 2027", "Müller & Søn, Łódź", "Anna Dvořák"};
const std::string workspace_id = "6f1c2b9e-1d2a-4c3b-9e8f-0a1b2c3d4e5f";

}  // namespace

TEST_CASE("workspace: create makes the file with its details, history and the consultant as author") {
  TempDir dir;
  FixedClock clock("2026-05-01T08:00:00Z");
  ObserverSpy spy;
  auto workspace = Workspace::create(dir.str(), workspace_id, draft, clock, &spy);
  CHECK(std::filesystem::exists(dir.file(Workspace::file_name)));
  CHECK(workspace->db_path() == dir.file(Workspace::file_name));
  CHECK(workspace->id() == workspace_id);
  CHECK(workspace->dir() == dir.str());
  CHECK(workspace->database().user_version() == latest_schema_version());

  const WorkspaceMeta meta = workspace->meta();
  CHECK(meta.id == workspace_id);
  CHECK(meta.name == "ISMS 2027");
  CHECK(meta.client == "Müller & Søn, Łódź");
  CHECK(meta.consultant == "Anna Dvořák");
  CHECK(meta.description.empty());
  CHECK(meta.created_at == "2026-05-01T08:00:00Z");
  CHECK(meta.updated_at == "2026-05-01T08:00:00Z");

  const auto history = workspace->records().history(workspace_id);
  CHECK(history.size() == 3);
  CHECK(history.front().author == "Anna Dvořák");
  // The whole creation is one transaction: one request to persist.
  CHECK(spy.count("committed", workspace->db_path()) == 1);
}

TEST_CASE("workspace: rename is validated and recorded in history with old and new name") {
  TempDir dir;
  FixedClock clock("2026-05-01T08:00:00Z");
  ObserverSpy spy;
  auto workspace = Workspace::create(dir.str(), workspace_id, draft, clock, &spy);
  clock.set("2026-05-02T12:30:00Z");
  workspace->rename("O'Brien \"Ltd\" 🚀");
  CHECK(workspace->meta().name == "O'Brien \"Ltd\" 🚀");
  CHECK(workspace->last_change_at() == "2026-05-02T12:30:00Z");
  CHECK(workspace->meta().updated_at == "2026-05-02T12:30:00Z");
  const HistoryEntry last = workspace->records().history(workspace_id).back();
  CHECK(last.field == "name");
  CHECK(last.old_value == std::optional<std::string>("ISMS 2027"));
  CHECK(last.new_value == std::optional<std::string>("O'Brien \"Ltd\" 🚀"));
  CHECK(spy.count("committed", workspace->db_path()) == 2);

  CHECK_THROWS_AS(workspace->rename("   "), ValidationError);
  CHECK_THROWS_AS(workspace->rename(std::string(201, 'x')), ValidationError);
  CHECK(workspace->meta().name == "O'Brien \"Ltd\" 🚀");
  CHECK(spy.count("committed", workspace->db_path()) == 2);
}

TEST_CASE("workspace: the last change is the newest history time, through clock changes and rollbacks") {
  TempDir dir;
  FixedClock clock("2026-05-01T08:00:00Z");
  auto workspace = Workspace::create(dir.str(), workspace_id, draft, clock, nullptr);
  clock.set("2026-05-03T09:00:00Z");
  workspace->rename("Later");
  CHECK(workspace->last_change_at() == "2026-05-03T09:00:00Z");
  // A laptop clock set back: the newest time stays the latest, not the last row's.
  clock.set("2026-05-02T09:00:00Z");
  workspace->rename("Written with an earlier clock");
  CHECK(workspace->last_change_at() == "2026-05-03T09:00:00Z");
  clock.set("2026-05-04T10:00:00Z");
  {
    // Read inside a transaction that is then rolled back: the time it saw must not stick.
    Transaction transaction(workspace->database());
    workspace->rename("Rolled back");
    CHECK(workspace->last_change_at() == "2026-05-04T10:00:00Z");
  }
  CHECK(workspace->meta().name == "Written with an earlier clock");
  CHECK(workspace->last_change_at() == "2026-05-03T09:00:00Z");
  clock.set("2026-05-05T11:00:00Z");
  workspace->rename("After the rollback");
  CHECK(workspace->last_change_at() == "2026-05-05T11:00:00Z");
}

TEST_CASE("workspace: reopening from disk gives the same details and author") {
  TempDir dir;
  FixedClock clock("2026-05-01T08:00:00Z");
  WorkspaceMeta before;
  {
    auto workspace = Workspace::create(dir.str(), workspace_id, draft, clock, nullptr);
    workspace->records().create("asset", {{"name", std::string("Server")}, {"type", std::string("hardware")}});
    before = workspace->meta();
  }
  auto reopened = Workspace::open(dir.str(), clock, nullptr);
  const WorkspaceMeta after = reopened->meta();
  CHECK(after.id == before.id);
  CHECK(after.name == before.name);
  CHECK(after.client == before.client);
  CHECK(after.consultant == before.consultant);
  CHECK(after.created_at == before.created_at);
  CHECK(after.updated_at == before.updated_at);
  CHECK(reopened->records().count("asset") == 1);
  CHECK(reopened->records().author() == "Anna Dvořák");
}

TEST_CASE("workspace: an invalid draft creates nothing") {
  TempDir dir;
  FixedClock clock("2026-05-01T08:00:00Z");
  try {
    Workspace::create(dir.str(), workspace_id, {"  ", "Client", ""}, clock, nullptr);
    FAIL("create should refuse the draft");
  } catch (const ValidationError& error) {
    CHECK(error.message_for("name") == "Workspace name is required.");
    CHECK(error.message_for("consultant") == "Consultant is required.");
  }
  CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("workspace: create refuses a missing folder and an existing workspace") {
  TempDir dir;
  FixedClock clock("2026-05-01T08:00:00Z");
  CHECK_THROWS_AS(Workspace::create(dir.file("nope"), workspace_id, draft, clock, nullptr), StoreError);
  Workspace::create(dir.str(), workspace_id, draft, clock, nullptr);
  CHECK_THROWS_AS(Workspace::create(dir.str(), workspace_id, draft, clock, nullptr), StoreError);
  CHECK(Workspace::open(dir.str(), clock, nullptr)->meta().name == "ISMS 2027");  // the first is intact
}

TEST_CASE("workspace: open refuses a missing file, a foreign file and a newer file, leaving them untouched") {
  TempDir dir;
  FixedClock clock("2026-05-01T08:00:00Z");
  CHECK_THROWS_WITH_AS(Workspace::open(dir.str(), clock, nullptr),
                       ("No workspace found in " + dir.str() + " (workspace.sqlite is missing).").c_str(), StoreError);

  const std::string path = dir.file(Workspace::file_name);
  {
    Database foreign(path);
    foreign.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine')");
  }
  std::string before = test::read_bytes(path);
  CHECK_THROWS_WITH_AS(Workspace::open(dir.str(), clock, nullptr),
                       ("The file " + path + " is not an ISMS Register workspace.").c_str(), StoreError);
  CHECK(test::read_bytes(path) == before);

  // Migrated but without the details record: not a workspace either, and the upgrade is undone.
  {
    Database half(path);
    half.exec("DROP TABLE notes");
    migrate(half);
  }
  before = test::read_bytes(path);
  CHECK_THROWS_AS(Workspace::open(dir.str(), clock, nullptr), StoreError);
  CHECK(test::read_bytes(path) == before);

  std::filesystem::remove(path);
  {
    std::ofstream junk(path, std::ios::binary);
    junk << "this is not a database, it is a shopping list" << std::string(2000, '.');
  }
  before = test::read_bytes(path);
  CHECK_THROWS_WITH_AS(Workspace::open(dir.str(), clock, nullptr),
                       ("The file " + path + " is not an ISMS Register workspace.").c_str(), StoreError);
  CHECK(test::read_bytes(path) == before);
}

TEST_CASE("workspace: a workspace saved by a newer app is refused with the update message") {
  TempDir dir;
  FixedClock clock("2026-05-01T08:00:00Z");
  Workspace::create(dir.str(), workspace_id, draft, clock, nullptr);
  const std::string path = dir.file(Workspace::file_name);
  {
    Database db(path);
    db.set_user_version(latest_schema_version() + 1);
  }
  const std::string before = test::read_bytes(path);
  try {
    Workspace::open(dir.str(), clock, nullptr);
    FAIL("open should refuse a newer file");
  } catch (const StoreError& error) {
    CHECK(std::string(error.what()).find("saved by a newer version of ISMS Register") != std::string::npos);
    CHECK(std::string(error.what()).find("Update the app to open it.") != std::string::npos);
  }
  CHECK(test::read_bytes(path) == before);
}

TEST_CASE("workspace: opening an up-to-date workspace does not ask for persisting") {
  TempDir dir;
  FixedClock clock("2026-05-01T08:00:00Z");
  Workspace::create(dir.str(), workspace_id, draft, clock, nullptr);
  ObserverSpy spy;
  auto workspace = Workspace::open(dir.str(), clock, &spy);
  CHECK(spy.events.empty());
  workspace->records().create("asset", {{"name", std::string("Wiki")}, {"type", std::string("service")}});
  CHECK(spy.count("committed", workspace->db_path()) == 1);
}

TEST_CASE("workspace: a stray second details record does not make the workspace unopenable") {
  TempDir dir;
  FixedClock clock("2026-05-01T08:00:00Z");
  {
    auto workspace = Workspace::create(dir.str(), workspace_id, draft, clock, nullptr);
    clock.set("2026-05-02T08:00:00Z");
    workspace->records().create(
        "workspace",
        {{"name", std::string("Impostor")}, {"client", std::string("c")}, {"consultant", std::string("x")}});
    workspace->records().remove("workspace", workspace_id);
  }
  auto reopened = Workspace::open(dir.str(), clock, nullptr);
  CHECK(reopened->id() == workspace_id);
  CHECK(reopened->meta().name == "ISMS 2027");
}

TEST_CASE("workspace: owners that an older build kept as names become people on open") {
  TempDir dir;
  FixedClock clock("2026-11-26T09:00:00Z");
  std::string asset_id;
  {
    auto workspace = Workspace::create(dir.str(), "ws-old-owners", {"ISMS", "Client", "Anna"}, clock, nullptr);
    asset_id =
        workspace->records().create("asset", {{"name", std::string("Laptop")}, {"type", std::string("hardware")}});
    // What the build before the people register wrote: a name in the owner column.
    workspace->database().exec("UPDATE rec_asset SET owner = 'Alice Novak'");
    workspace->database().exec("UPDATE rec_control SET owner = 'Alice Novak' WHERE id = 'annex-a-5.1'");
  }
  auto reopened = Workspace::open(dir.str(), clock, nullptr);
  Repository& records = reopened->records();
  REQUIRE(records.count("person") == 1);
  const Record alice = records.list("person").front();
  CHECK(alice.get("name") == Value(std::string("Alice Novak")));
  CHECK(records.get("asset", asset_id)->get("owner") == Value(alice.id));
  CHECK(records.get("control", "annex-a-5.1")->get("owner") == Value(alice.id));
  CHECK(records.linked_from(alice.id).size() == 2);
  // Nothing left to do on the next open.
  CHECK(upgrade_records(records) == 0);
}

TEST_CASE("workspace: an old record that today's rules would refuse still opens, and tombstones get people too") {
  TempDir dir;
  FixedClock clock("2026-11-26T09:00:00Z");
  std::string gone;
  {
    auto workspace = Workspace::create(dir.str(), "ws-old-rules", {"ISMS", "Client", "Anna"}, clock, nullptr);
    Repository& records = workspace->records();
    gone = records.create("asset", {{"name", std::string("Old laptop")}, {"type", std::string("hardware")}});
    records.remove("asset", gone);
    // The first build allowed a custom control numbered like an Annex A one, owners as names.
    workspace->database().exec(
        "INSERT INTO rec_control (id, created_at, created_by, updated_at, updated_by, revision, deleted, ref, title, "
        "theme, source, applicable, implementation_status, owner) VALUES ('c-old', '2026-01-01T00:00:00Z', 'Anna', "
        "'2026-01-01T00:00:00Z', 'Anna', 1, 0, '5.1', 'Our own 5.1', 'people', 'custom', 'undecided', 'not_started', "
        "'Bob Stone')");
    workspace->database().exec("UPDATE rec_asset SET owner = 'Bob Stone'");
  }
  auto reopened = Workspace::open(dir.str(), clock, nullptr);
  Repository& records = reopened->records();
  REQUIRE(records.count("person") == 1);
  const std::string bob = records.list("person").front().id;
  CHECK(records.get("control", "c-old")->get("owner") == Value(bob));
  CHECK(records.get("asset", gone)->get("owner") == Value(bob));
  records.restore("asset", gone);
  CHECK_FALSE(records.get("asset", gone)->deleted);
  CHECK(records.history("c-old").back().old_value == std::optional<std::string>("Bob Stone"));
}
