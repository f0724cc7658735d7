#include <doctest/doctest.h>

#include "core/workspace/catalog.hpp"
#include "tests/core/observer_spy.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::test::ObserverSpy;
using isms::test::TempDir;

namespace {

namespace fs = std::filesystem;

WorkspaceDraft draft(std::string name) { return {std::move(name), "Client GmbH", "Anna Dvořák"}; }

// Everything in the root except the catalog's own folder.
std::vector<std::string> workspace_folders(const TempDir& root) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(root.path())) {
    if (entry.path().filename() != "catalog") names.push_back(entry.path().filename().string());
  }
  return names;
}

struct Fixture {
  TempDir root;
  FixedClock clock{"2026-06-01T09:00:00Z"};
  ObserverSpy spy;
  WorkspaceCatalog catalog{root.str(), clock, &spy};
};

}  // namespace

TEST_CASE("catalog: lives in root/catalog and has a stable device id") {
  TempDir root;
  FixedClock clock("2026-06-01T09:00:00Z");
  std::string device;
  {
    WorkspaceCatalog catalog(root.str(), clock);
    CHECK(fs::exists(root.file("catalog/catalog.sqlite")));
    CHECK(WorkspaceCatalog::catalog_dir(root.str()) == root.str() + "/catalog");
    CHECK(catalog.workspace_dir("abc") == root.str() + "/ws-abc");
    device = catalog.device_id();
    CHECK(device.size() == 36);
  }
  ObserverSpy spy;
  WorkspaceCatalog again(root.str(), clock, &spy);
  CHECK(again.device_id() == device);
  CHECK(again.active().empty());
  CHECK(spy.events.empty());  // reopening wrote nothing, so there is nothing to persist
}

TEST_CASE_FIXTURE(Fixture, "catalog: create makes the folder, the file and the row, and returns the open workspace") {
  auto workspace = catalog.create(draft("ISMS 2027"));
  const std::string dir = catalog.workspace_dir(workspace->id());
  CHECK(workspace->dir() == dir);
  CHECK(fs::exists(dir + "/workspace.sqlite"));

  const auto info = catalog.find(workspace->id());
  REQUIRE(info.has_value());
  CHECK(info->name == "ISMS 2027");
  CHECK(info->client == "Client GmbH");
  CHECK(info->consultant == "Anna Dvořák");
  CHECK(info->created_at == "2026-06-01T09:00:00Z");
  CHECK(info->updated_at == "2026-06-01T09:00:00Z");
  CHECK_FALSE(info->in_trash());
  CHECK_FALSE(catalog.find("unknown").has_value());
}

TEST_CASE_FIXTURE(Fixture, "catalog: the observer hears prepare_dir before the folder exists, then each commit") {
  auto workspace = catalog.create(draft("Observed"));
  const std::string dir = catalog.workspace_dir(workspace->id());
  REQUIRE_FALSE(spy.events.empty());
  // The catalog's own first commit (device id) came at construction; find prepare_dir.
  std::size_t prepare_at = spy.events.size();
  for (std::size_t i = 0; i < spy.events.size(); ++i) {
    if (spy.events[i].what == "prepare_dir") prepare_at = i;
  }
  REQUIRE(prepare_at < spy.events.size());
  CHECK(spy.events[prepare_at].path == dir);
  CHECK_FALSE(spy.dir_existed_at_prepare);
  for (std::size_t i = 0; i < prepare_at; ++i) CHECK(spy.events[i].path != workspace->db_path());
  CHECK(spy.count("committed", workspace->db_path()) == 1);
  CHECK(spy.count("committed", catalog.db_path()) >= 2);  // device id, then the new row

  workspace->records().create("asset", {{"name", std::string("Laptop")}, {"type", std::string("hardware")}});
  CHECK(spy.count("committed", workspace->db_path()) == 2);
  workspace->rename("Renamed");
  CHECK(spy.count("committed", workspace->db_path()) == 3);
}

TEST_CASE_FIXTURE(Fixture, "catalog: an invalid draft creates no folder and no row and prepares nothing") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "Workspace name is required."},
      {" \t ", "Workspace name is required."},
      {std::string(201, 'n'), "Workspace name is too long (201 characters; at most 200)."},
  };
  for (const auto& [name, message] : cases) {
    try {
      catalog.create(draft(name));
      FAIL("create should refuse the name");
    } catch (const ValidationError& error) {
      CHECK(error.message_for("name") == message);
    }
  }
  CHECK(catalog.validate(draft("")).size() == 1);
  CHECK(catalog.validate(draft("fine")).empty());
  CHECK(workspace_folders(root).empty());
  CHECK(catalog.active().empty());
  for (const auto& event : spy.events) CHECK(event.what != "prepare_dir");
}

TEST_CASE_FIXTURE(Fixture, "catalog: names with quotes, emoji and accents round-trip") {
  for (const char* name : {"Müller & Søn, Łódź", "O'Brien \"Ltd\" 🚀"}) {
    auto workspace = catalog.create(draft(name));
    CHECK(catalog.find(workspace->id())->name == name);
    const std::string dir = workspace->dir();
    workspace.reset();
    CHECK(Workspace::open(dir, clock, nullptr)->meta().name == name);
  }
}

TEST_CASE_FIXTURE(Fixture, "catalog: active() lists the most recently changed first") {
  auto first = catalog.create(draft("Alpha"));
  clock.set("2026-06-02T09:00:00Z");
  auto second = catalog.create(draft("Bravo"));
  clock.set("2026-06-02T09:00:00Z");
  auto third = catalog.create(draft("Charlie"));  // same time as Bravo: ordered by name

  auto names = [&] {
    std::vector<std::string> result;
    for (const WorkspaceInfo& info : catalog.active()) result.push_back(info.name);
    return result;
  };
  CHECK(names() == std::vector<std::string>{"Bravo", "Charlie", "Alpha"});

  clock.set("2026-06-03T09:00:00Z");
  first->rename("Alpha renamed");
  catalog.refresh(*first);
  CHECK(names() == std::vector<std::string>{"Alpha renamed", "Bravo", "Charlie"});
  CHECK(catalog.find(first->id())->updated_at == "2026-06-03T09:00:00Z");
}

TEST_CASE_FIXTURE(Fixture, "catalog: refresh adds a row for a workspace the catalog did not know") {
  const std::string dir = catalog.workspace_dir("7e57c0de-0000-4000-8000-000000000001");
  fs::create_directories(dir);
  auto stray = Workspace::create(dir, "7e57c0de-0000-4000-8000-000000000001", draft("Stray"), clock, nullptr);
  CHECK_FALSE(catalog.find(stray->id()).has_value());
  catalog.refresh(*stray);
  REQUIRE(catalog.find(stray->id()).has_value());
  CHECK(catalog.find(stray->id())->name == "Stray");
}

TEST_CASE_FIXTURE(Fixture, "catalog: trash, restore and empty_trash, which deletes the folder for good") {
  auto keep = catalog.create(draft("Keep"));
  auto drop = catalog.create(draft("Drop"));
  const std::string drop_id = drop->id();
  const std::string drop_dir = drop->dir();
  drop.reset();  // closed, as the app does before trashing

  clock.set("2026-06-05T10:00:00Z");
  catalog.move_to_trash(drop_id);
  CHECK(catalog.active().size() == 1);
  REQUIRE(catalog.trashed().size() == 1);
  CHECK(catalog.trashed()[0].trashed_at == "2026-06-05T10:00:00Z");
  CHECK(catalog.find(drop_id)->in_trash());
  CHECK(fs::exists(drop_dir));  // the trash is reversible: nothing deleted yet

  catalog.restore(drop_id);
  CHECK(catalog.active().size() == 2);
  CHECK(catalog.trashed().empty());

  catalog.move_to_trash(drop_id);
  const std::vector<std::string> removed = catalog.empty_trash();
  CHECK(removed == std::vector<std::string>{drop_id});
  CHECK_FALSE(fs::exists(drop_dir));
  CHECK_FALSE(catalog.find(drop_id).has_value());
  CHECK(catalog.trashed().empty());
  CHECK(catalog.active().size() == 1);
  CHECK(spy.count("removing_dir", drop_dir) == 1);
  CHECK(spy.count("removed_dir", drop_dir) == 1);
  CHECK(fs::exists(keep->db_path()));
  CHECK(catalog.empty_trash().empty());

  CHECK_THROWS_AS(catalog.move_to_trash("unknown"), StoreError);
  CHECK_THROWS_AS(catalog.restore("unknown"), StoreError);
}

TEST_CASE_FIXTURE(Fixture, "catalog: trashed() lists the most recently trashed first") {
  auto a = catalog.create(draft("A"));
  auto b = catalog.create(draft("B"));
  clock.set("2026-06-05T10:00:00Z");
  catalog.move_to_trash(b->id());
  clock.set("2026-06-06T10:00:00Z");
  catalog.move_to_trash(a->id());
  const auto trashed = catalog.trashed();
  REQUIRE(trashed.size() == 2);
  CHECK(trashed[0].name == "A");
  CHECK(trashed[1].name == "B");
}

TEST_CASE_FIXTURE(Fixture, "catalog: if creating the workspace fails after the folder was made, nothing is left") {
  // A folder where the workspace file should go makes the file impossible to create.
  struct Sabotage : ObserverSpy {
    void prepare_dir(const std::string& dir) override {
      ObserverSpy::prepare_dir(dir);
      fs::create_directories(dir + "/workspace.sqlite");
    }
  } sabotage;
  WorkspaceCatalog sabotaged(root.str(), clock, &sabotage);
  CHECK_THROWS_AS(sabotaged.create(draft("Doomed")), StoreError);
  CHECK(workspace_folders(root).empty());
  CHECK(sabotaged.active().empty());
  CHECK(sabotaged.trashed().empty());
  REQUIRE(sabotage.events.size() >= 2);
  CHECK(sabotage.events.back().what == "removed_dir");
}
