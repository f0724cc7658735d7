// Two tabs share the list of workspaces (one file, written back whole): what one tab writes back
// must keep what the other wrote since (core/workspace/catalog_merge).
#include <doctest/doctest.h>

#include <filesystem>

#include "core/workspace/catalog.hpp"
#include "core/workspace/catalog_merge.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::catalog_merge::Row;
using isms::test::TempDir;

namespace {

namespace fs = std::filesystem;

WorkspaceDraft draft(std::string name) { return {std::move(name), "Client GmbH", "Anna Dvořák"}; }

Row row(std::string id, std::string name, std::string updated_at, std::optional<std::string> trashed_at = {}) {
  return {id, name, "Client", "Consultant", "2026-06-01T09:00:00Z", updated_at, trashed_at};
}

// Two tabs on one browser profile: each has its own copy of the list (its own root), both loaded
// from the same saved copy (`saved`, the base); tab B then writes its copy back (theirs).
struct TwoTabs {
  TempDir saved_root, a_root, b_root;
  FixedClock clock{"2026-06-01T09:00:00Z"};
  std::string existing_id;

  TwoTabs() {
    {
      WorkspaceCatalog saved(saved_root.str(), clock);
      existing_id = saved.create(draft("Existing"))->id();
    }
    for (const TempDir* tab : {&a_root, &b_root}) {
      fs::create_directories(tab->path() / "catalog");
      fs::copy_file(file_of(saved_root), file_of(*tab));
    }
  }
  static std::string file_of(const TempDir& root) {
    return (root.path() / "catalog" / catalog_merge::catalog_file_name).string();
  }
  std::vector<std::string> names(WorkspaceCatalog& catalog) {
    std::vector<std::string> out;
    for (const WorkspaceInfo& info : catalog.active()) out.push_back(info.name);
    std::sort(out.begin(), out.end());
    return out;
  }
};

}  // namespace

TEST_CASE("catalog merge: a row one side left alone takes the other side's version") {
  const Row base = row("a", "Alpha", "2026-06-01T09:00:00Z");
  const Row renamed = row("a", "Alpha 2", "2026-06-02T09:00:00Z");
  CHECK(catalog_merge::merge_row(base, base, renamed) == renamed);
  CHECK(catalog_merge::merge_row(base, renamed, base) == renamed);
  // New on one side only.
  CHECK(catalog_merge::merge_row(std::nullopt, std::nullopt, renamed) == renamed);
  CHECK(catalog_merge::merge_row(std::nullopt, renamed, std::nullopt) == renamed);
  // Deleted on one side (the trash emptied), untouched on the other: gone.
  CHECK_FALSE(catalog_merge::merge_row(base, base, std::nullopt).has_value());
  CHECK_FALSE(catalog_merge::merge_row(base, std::nullopt, base).has_value());
}

TEST_CASE("catalog merge: when both sides changed a row, each field takes the side that changed it") {
  const Row base = row("a", "Alpha", "2026-06-01T09:00:00Z");
  const Row ours = row("a", "Alpha renamed here", "2026-06-02T10:00:00Z");
  const Row theirs = row("a", "Alpha", "2026-06-02T09:00:00Z", "2026-06-02T09:00:00Z");  // trashed there
  const auto merged = catalog_merge::merge_row(base, ours, theirs);
  REQUIRE(merged.has_value());
  CHECK((*merged)[1] == "Alpha renamed here");
  CHECK((*merged)[5] == "2026-06-02T10:00:00Z");  // the later change
  CHECK((*merged)[6] == "2026-06-02T09:00:00Z");  // still in the trash
  // Both renamed it: ours, the later time.
  const Row theirs_renamed = row("a", "Alpha renamed there", "2026-06-03T09:00:00Z");
  const auto both = catalog_merge::merge_row(base, ours, theirs_renamed);
  CHECK((*both)[1] == "Alpha renamed here");
  CHECK((*both)[5] == "2026-06-03T09:00:00Z");
  // Changed here, deleted for good there: its folder is gone, so is the row.
  CHECK_FALSE(catalog_merge::merge_row(base, ours, std::nullopt).has_value());
}

TEST_CASE_FIXTURE(TwoTabs, "catalog merge: two tabs creating workspaces keep each other's") {
  WorkspaceCatalog tab_a(a_root.str(), clock);
  WorkspaceCatalog tab_b(b_root.str(), clock);
  clock.set("2026-06-01T10:00:00Z");
  const std::string from_a = tab_a.create(draft("Made in tab A"))->id();
  const std::string from_b = tab_b.create(draft("Made in tab B"))->id();
  tab_b.move_to_trash(existing_id);

  // Tab A folds in tab B's saved copy while its own list stays open (idle), as in the browser.
  catalog_merge::merge_files(file_of(a_root), file_of(saved_root), file_of(b_root));
  CHECK(names(tab_a) == std::vector<std::string>{"Made in tab A", "Made in tab B"});
  REQUIRE(tab_a.find(existing_id).has_value());
  CHECK(tab_a.find(existing_id)->in_trash());
  CHECK(tab_a.find(from_a).has_value());
  CHECK(tab_a.find(from_b).has_value());
  CHECK(tab_a.device_id() == tab_b.device_id());

  // Merging the same copy again changes nothing.
  catalog_merge::merge_files(file_of(a_root), file_of(b_root), file_of(b_root));
  CHECK(names(tab_a) == std::vector<std::string>{"Made in tab A", "Made in tab B"});
}

TEST_CASE_FIXTURE(TwoTabs, "catalog merge: without a common copy every row of theirs is kept, and so are ours") {
  WorkspaceCatalog tab_a(a_root.str(), clock);
  tab_a.create(draft("Only here"));
  catalog_merge::merge_files(file_of(a_root), "", file_of(b_root));
  CHECK(names(tab_a) == std::vector<std::string>{"Existing", "Only here"});
}

TEST_CASE_FIXTURE(TwoTabs, "catalog merge: a workspace deleted for good in the other tab does not come back") {
  {
    WorkspaceCatalog tab_b(b_root.str(), clock);
    tab_b.move_to_trash(existing_id);
    tab_b.empty_trash();
  }
  WorkspaceCatalog tab_a(a_root.str(), clock);
  catalog_merge::merge_files(file_of(a_root), file_of(saved_root), file_of(b_root));
  CHECK_FALSE(tab_a.find(existing_id).has_value());
}

TEST_CASE_FIXTURE(TwoTabs, "catalog merge: two fresh lists agree on the device id saved first") {
  TempDir fresh_a, fresh_b;
  WorkspaceCatalog a(fresh_a.str(), clock), b(fresh_b.str(), clock);
  REQUIRE(a.device_id() != b.device_id());
  catalog_merge::merge_files(file_of(fresh_a), "", file_of(fresh_b));
  CHECK(a.device_id() == b.device_id());
}
