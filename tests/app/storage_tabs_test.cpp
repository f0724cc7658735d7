// Issue 6 natively: a workspace another tab holds is read-only here and every write is refused;
// taking it over; the export reminder; the choice and words of the storage banners.
#include <doctest/doctest.h>

#include <algorithm>

#include "app/session.hpp"
#include "app/storage_notices.hpp"
#include "core/util/clock.hpp"
#include "core/workspace/catalog.hpp"
#include "core/workspace/export_marks.hpp"
#include "tests/app/fake_platform.hpp"
#include "tests/core/temp_dir.hpp"

using isms::FixedClock;
using isms::WorkspaceDraft;
using isms::app::RecordDraft;
using isms::app::Session;
using isms::app::StorageBanner;
using isms::app::StorageFacts;
using isms::test::FakePlatform;
using isms::test::TempDir;

namespace {

const WorkspaceDraft kDraft{"ISMS 2027", "Contoso GmbH", "Jan Nowak"};

struct Tabs {
  TempDir dir;
  FakePlatform platform;
  FixedClock clock{"2026-11-02T09:00:00Z"};
  Session session{platform, clock, dir.str()};
  std::string id, ws_dir, asset_id;

  // A workspace with one asset, closed again, which "another tab" then holds.
  Tabs() {
    session.start();
    REQUIRE(session.create_workspace(kDraft).empty());
    id = session.current()->id();
    ws_dir = session.current()->dir();
    RecordDraft asset = isms::app::draft_for_new(session.current()->registry().get("asset"));
    asset.text["name"] = "Payroll database";
    asset.text["type"] = "information";
    REQUIRE(session.save_record(asset));
    asset_id = asset.id;
    session.close_workspace();
  }
  RecordDraft asset_draft() {
    return isms::app::draft_of(session.current()->registry().get("asset"),
                               *session.current()->records().get("asset", asset_id));
  }
  std::int64_t changes() { return isms::export_marks::latest_change(session.current()->database()); }
  std::size_t commits_of_workspace() {
    return static_cast<std::size_t>(
        std::count(platform.committed_paths.begin(), platform.committed_paths.end(), session.current()->db_path()));
  }
};

// An export runs a slice per frame (Session::continue_work): the frames a person would see.
void export_all(Session& session) {
  session.export_bundle(false);
  for (int frame = 0; session.busy() && frame < 1000; ++frame) session.continue_work();
  REQUIRE_FALSE(session.busy().has_value());
}

}  // namespace

TEST_CASE_FIXTURE(Tabs, "a workspace made here is held here, and closing it lets it go") {
  CHECK(platform.released == std::vector<std::string>{ws_dir});
  session.open_workspace(id);
  REQUIRE(session.current() != nullptr);
  CHECK_FALSE(session.read_only());
  CHECK(platform.held.count(ws_dir) == 1);
  // Opened from storage again: another tab may have written it since this tab last read it.
  CHECK(platform.reloaded.back() == ws_dir);
  session.close_workspace();
  CHECK(platform.held.empty());
}

TEST_CASE_FIXTURE(Tabs, "opened while another tab holds it, the workspace is read-only and every write is refused") {
  platform.held_elsewhere.insert(ws_dir);
  session.open_workspace(id);
  REQUIRE(session.current() != nullptr);
  CHECK(session.read_only());
  CHECK(session.access() == Session::Access::OpenElsewhere);
  const std::int64_t before = changes();
  const std::size_t commits = commits_of_workspace();
  const std::string message = Session::kReadOnlyMessage;

  RecordDraft draft = asset_draft();
  draft.text["location"] = "Frankfurt";
  CHECK_FALSE(session.save_record(draft));
  CHECK(draft.problem == message);
  CHECK(draft.text["location"] == "Frankfurt");  // what was typed stays

  RecordDraft fresh = isms::app::draft_for_new(session.current()->registry().get("asset"));
  fresh.text["name"] = "Laptop";
  fresh.text["type"] = "hardware";
  CHECK_FALSE(session.save_record(fresh));
  CHECK(fresh.is_new());

  RecordDraft doomed = asset_draft();
  CHECK_FALSE(session.delete_record(doomed, isms::OnLinks::Unlink));
  CHECK(doomed.problem == message);

  session.attach_file(asset_id);
  CHECK(platform.pickers.empty());  // not even asked for a file
  CHECK(session.problem() == message);
  session.dismiss_problem();

  session.free_deleted_attachments();
  CHECK(session.problem() == message);
  session.dismiss_problem();

  const auto errors = session.rename_workspace(id, "Renamed in the read-only tab");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == message);

  // A bundle of this workspace is not merged into it.
  export_all(session);
  REQUIRE(platform.downloads.size() == 1);  // reading is fine: the export is handed over
  session.receive_bundle("copy.isms.json", platform.downloads[0].bytes);
  CHECK_FALSE(session.pending_merge().has_value());
  CHECK(session.problem() == "\"copy.isms.json\" was not imported: " + message);

  // Nothing was written, and nothing asked the browser to write this workspace back.
  CHECK(changes() == before);
  CHECK(commits_of_workspace() == commits);
  CHECK(session.current()->meta().name == "ISMS 2027");
  CHECK(isms::to_display(session.current()->records().get("asset", asset_id)->get("location")).empty());
  CHECK(isms::export_marks::read(session.current()->database())->exported_at.empty());  // no export recorded
}

TEST_CASE_FIXTURE(Tabs, "taking over reads the workspace again and makes it writable") {
  platform.held_elsewhere.insert(ws_dir);
  session.open_workspace(id);
  REQUIRE(session.read_only());

  SUBCASE("the other tab does not let go") {
    platform.other_tab_lets_go = false;
    session.take_over();
    CHECK(session.read_only());
    CHECK_FALSE(session.taking_over());
    CHECK(session.problem() ==
          "The workspace could not be taken over. Close it in the other tab or window, then try again.");
  }
  SUBCASE("the other tab lets go: what it wrote meanwhile is read, then this tab writes") {
    // The other tab's last change, written to the shared file while this one showed it read-only.
    {
      auto other = isms::Workspace::open(ws_dir, clock, nullptr);
      other->records().update("asset", asset_id, {{"location", std::string("Written by the other tab")}});
    }
    const std::size_t reloads = platform.reloaded.size();
    const std::uint64_t merges = session.merges_done();
    session.take_over();
    CHECK_FALSE(session.read_only());
    CHECK(platform.held.count(ws_dir) == 1);
    CHECK(platform.reloaded.size() == reloads + 1);
    CHECK(session.merges_done() == merges + 1);  // the editor reads its record again
    RecordDraft draft = asset_draft();
    CHECK(draft.text["location"] == "Written by the other tab");
    draft.text["location"] = "Frankfurt";
    CHECK(session.save_record(draft));
    CHECK(draft.problem.empty());
  }
}

TEST_CASE_FIXTURE(Tabs, "when another tab takes the workspace over, this one becomes read-only") {
  session.open_workspace(id);
  REQUIRE_FALSE(session.read_only());
  platform.other_tab_takes(ws_dir);
  CHECK(session.read_only());
  CHECK(session.access() == Session::Access::TakenOver);
  RecordDraft draft = asset_draft();
  draft.text["location"] = "Typed after the take-over";
  CHECK_FALSE(session.save_record(draft));
  CHECK(draft.problem == Session::kReadOnlyMessage);
  // Taking it back works the same way.
  session.take_over();
  CHECK_FALSE(session.read_only());
  CHECK(session.save_record(draft));
}

TEST_CASE_FIXTURE(Tabs, "a read-only workspace shows what the tab that holds it saved") {
  platform.held_elsewhere.insert(ws_dir);
  session.open_workspace(id);
  {
    auto other = isms::Workspace::open(ws_dir, clock, nullptr);
    other->records().update("asset", asset_id, {{"location", std::string("Saved in the other tab")}});
  }
  const std::uint64_t revision = session.data_revision();
  REQUIRE(platform.changed_handler);
  platform.changed_handler(ws_dir);
  CHECK(session.data_revision() > revision);
  CHECK(asset_draft().text["location"] == "Saved in the other tab");
  CHECK(session.read_only());
}

TEST_CASE_FIXTURE(Tabs, "the list of workspaces another tab changed is read again") {
  CHECK(session.workspaces().size() == 1);
  {
    // What the browser layer does when another tab saved the list: folds it into this tab's file.
    isms::WorkspaceCatalog other(dir.str(), clock);
    other.create({"Made in the other tab", "Fabrikam", "Jan Nowak"});
  }
  REQUIRE(platform.changed_handler);
  platform.changed_handler(isms::WorkspaceCatalog::catalog_dir(dir.str()));
  CHECK(session.workspaces().size() == 2);
}

TEST_CASE_FIXTURE(Tabs, "a workspace open in another tab is neither renamed nor deleted for good from here") {
  platform.held_elsewhere.insert(ws_dir);
  CHECK(session.rename_workspace(id, "Renamed from the list").empty());  // the name itself is fine
  CHECK(session.problem() ==
        "The workspace could not be renamed because it is open in another tab or window. Rename it there.");
  CHECK(session.workspaces()[0].name == "ISMS 2027");
  session.dismiss_problem();

  session.move_to_trash(id);
  session.empty_trash();
  CHECK(session.problem() ==
        "The trash was not emptied because \"ISMS 2027\" is open in another tab or window. Close it there, then "
        "empty the trash again.");
  CHECK(session.trash().size() == 1);
  CHECK(std::filesystem::exists(ws_dir));

  platform.held_elsewhere.clear();  // closed there
  session.empty_trash();
  CHECK(session.trash().empty());
  CHECK_FALSE(std::filesystem::exists(ws_dir));
  CHECK(platform.held.empty());
}

TEST_CASE_FIXTURE(Tabs, "the export reminder: changes never exported, then an export, then 7 days") {
  session.open_workspace(id);
  auto reminder = [&](int days) {
    return isms::export_marks::reminder(session.current()->database(), clock.now_utc(), days);
  };
  // Created here, then one asset: never exported.
  CHECK(reminder(7).due);
  CHECK(reminder(7).never_exported);
  CHECK(reminder(7).changes == 1);

  clock.set("2026-11-03T09:00:00Z");
  export_all(session);
  CHECK_FALSE(reminder(7).due);
  CHECK(isms::export_marks::read(session.current()->database())->exported_at == "2026-11-03T09:00:00Z");

  RecordDraft draft = asset_draft();
  draft.text["location"] = "Frankfurt";
  REQUIRE(session.save_record(draft));
  CHECK_FALSE(reminder(7).due);
  clock.set("2026-11-10T09:00:00Z");
  CHECK(reminder(7).due);
  CHECK(reminder(7).days_since_export == 7);
}

TEST_CASE("a workspace made from a bundle starts with nothing to remind of") {
  Tabs anna, ben;
  anna.session.open_workspace(anna.id);
  export_all(anna.session);
  TempDir fresh;
  FakePlatform platform;
  FixedClock clock("2026-11-02T09:00:00Z");
  Session carla(platform, clock, fresh.str());
  carla.start();
  carla.receive_bundle("from-anna.isms.json", anna.platform.downloads.at(0).bytes);
  REQUIRE(carla.current() != nullptr);
  CHECK_FALSE(isms::export_marks::reminder(carla.current()->database(), clock.now_utc(), 7).due);
  CHECK(platform.held.count(carla.current()->dir()) == 1);
}

TEST_CASE("the export reminder's days are a setting of this browser, 7 unless chosen") {
  FakePlatform platform;
  CHECK(isms::app::reminder_days(platform) == 7);
  isms::app::set_reminder_days(platform, 14);
  CHECK(platform.settings["export-reminder-days"] == "14");
  CHECK(isms::app::reminder_days(platform) == 14);
  isms::app::set_reminder_days(platform, 0);
  CHECK(isms::app::reminder_days(platform) == 1);
  isms::app::set_reminder_days(platform, 5000);
  CHECK(isms::app::reminder_days(platform) == 365);
  platform.settings["export-reminder-days"] = "soon";
  CHECK(isms::app::reminder_days(platform) == 7);
}

TEST_CASE("storage banners: at most one, the worst first") {
  StorageFacts facts;
  facts.workspace_open = true;
  facts.storage = {true, false, 900, 1000};  // not persistent, 90% full
  facts.reminder = isms::export_marks::Reminder{true, true, 3, 0};
  facts.save.error = "QuotaExceededError: The quota has been exceeded.";
  facts.save.storage_available = false;
  CHECK(choose_storage_banner(facts) == StorageBanner::Unavailable);
  facts.save.storage_available = true;
  CHECK(choose_storage_banner(facts) == StorageBanner::WriteFailed);
  facts.save.error.clear();
  CHECK(choose_storage_banner(facts) == StorageBanner::NearlyFull);
  facts.storage.used_bytes = 800;  // 80% is not over 80%
  CHECK(choose_storage_banner(facts) == StorageBanner::NotPersistent);
  facts.not_persistent_dismissed = true;
  CHECK(choose_storage_banner(facts) == StorageBanner::ExportReminder);
  facts.reminder_dismissed = true;
  CHECK(choose_storage_banner(facts) == StorageBanner::None);

  facts = StorageFacts{};
  facts.workspace_open = true;
  facts.reminder = isms::export_marks::Reminder{true, true, 3, 0};
  CHECK(choose_storage_banner(facts) == StorageBanner::ExportReminder);  // persistence unknown: no banner for it
  facts.workspace_open = false;
  CHECK(choose_storage_banner(facts) == StorageBanner::None);
  CHECK(isms::app::dismissable(StorageBanner::ExportReminder));
  CHECK(isms::app::dismissable(StorageBanner::NotPersistent));
  CHECK_FALSE(isms::app::dismissable(StorageBanner::WriteFailed));
  CHECK_FALSE(isms::app::dismissable(StorageBanner::NearlyFull));
}

TEST_CASE("storage banners: what they say") {
  StorageFacts facts;
  facts.workspace_open = true;
  facts.save.error = "QuotaExceededError: The quota has been exceeded.";
  CHECK(storage_banner_text(StorageBanner::WriteFailed, facts) ==
        "Changes are not being kept: writing to this browser's storage failed (QuotaExceededError: The quota has "
        "been exceeded.). Your work stays in memory while this page is open; the app tries again with your next "
        "change. Export a bundle now to keep a copy outside this browser.");
  facts.storage = {true, true, 9.0 * 1024 * 1024 * 1024, 10.0 * 1024 * 1024 * 1024};
  CHECK(storage_banner_text(StorageBanner::NearlyFull, facts) ==
        "This browser's storage is nearly full: 9.0 GB of 10.0 GB used (90%). When it is full, changes can no longer "
        "be saved. Export a bundle now to keep a copy outside this browser. Emptying the trash and freeing the files "
        "of deleted attachments makes room.");
  facts.workspace_open = false;
  CHECK(storage_banner_text(StorageBanner::NotPersistent, facts) ==
        "This browser has not promised to keep your data, so it may clear your workspaces when the disk runs low. "
        "Open each workspace and export it as a bundle to keep a copy outside this browser.");
  facts.workspace_open = true;
  facts.reminder = isms::export_marks::Reminder{true, true, 1, 0};
  CHECK(storage_banner_text(StorageBanner::ExportReminder, facts) ==
        "This workspace has 1 change that was never exported. Export a bundle to keep a copy outside this browser, "
        "or to send it to a colleague.");
  facts.reminder = isms::export_marks::Reminder{true, false, 4, 9};
  CHECK(storage_banner_text(StorageBanner::ExportReminder, facts) ==
        "This workspace has 4 changes since it was last exported 9 days ago. Export a bundle to keep a copy outside "
        "this browser, or to send it to a colleague.");
}

TEST_CASE("the settings panel's storage lines") {
  using isms::app::StorageInfo;
  CHECK(isms::app::persistence_text(StorageInfo{}) ==
        "Unknown: this browser does not say whether it keeps your data for good.");
  CHECK(isms::app::persistence_text(StorageInfo{true, true, 0, 0}) ==
        "Granted: this browser will not clear your workspaces to free space.");
  CHECK(isms::app::persistence_text(StorageInfo{true, false, 0, 0}).rfind("Not granted: ", 0) == 0);
  CHECK(isms::app::usage_text(StorageInfo{}) == "Unknown: this browser does not say how much space is used.");
  CHECK(isms::app::usage_text(StorageInfo{true, true, 1536, 10.0 * 1024 * 1024 * 1024}) ==
        "1.5 KB of 10.0 GB used (less than 1%)");
  CHECK(isms::app::usage_text(StorageInfo{true, true, 512 * 1024 * 1024, 1024 * 1024 * 1024}) ==
        "512.0 MB of 1.0 GB used (50%)");
  CHECK(isms::app::byte_size(512) == "512 bytes");
}
