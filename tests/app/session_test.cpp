// The logic behind the workspace views, natively: no ImGui, no browser.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <set>

#include "app/register_groups.hpp"
#include "app/session.hpp"
#include "core/bundle/bundle_json.hpp"
#include "core/util/clock.hpp"
#include "tests/app/fake_platform.hpp"
#include "tests/core/temp_dir.hpp"

namespace fs = std::filesystem;
using isms::FixedClock;
using isms::WorkspaceDraft;
using isms::app::Session;
using isms::test::FakePlatform;
using isms::test::TempDir;

namespace {

const WorkspaceDraft kDraft{"ISMS 2027", "Müller & Søn, Łódź", "Anna Dvořák"};

// A session on a fresh folder, its platform and a clock the test moves.
struct SessionFixture {
  TempDir dir;
  FakePlatform platform;
  FixedClock clock{"2026-11-26T08:00:00Z"};
  Session session{platform, clock, dir.str()};
};

// An export runs a slice per frame: the frames a person would see, until it is done.
void export_all(Session& session, bool include_attachments) {
  session.export_bundle(include_attachments);
  for (int frame = 0; session.busy() && frame < 1000; ++frame) session.continue_work();
  CHECK_FALSE(session.busy().has_value());
}

}  // namespace

TEST_CASE_FIXTURE(SessionFixture, "the session is ready only once the catalog's storage has loaded") {
  platform.answer_loads_at_once = false;
  session.start();
  CHECK_FALSE(session.ready());
  CHECK(session.create_workspace(kDraft).size() == 1);  // refused with a message, not a crash
  platform.answer_next_load();
  CHECK(session.ready());
  CHECK(session.problem().empty());
}

TEST_CASE_FIXTURE(SessionFixture, "storage the browser refuses still gives a session that works in memory") {
  platform.storage_works = false;
  session.start();
  REQUIRE(session.ready());
  CHECK(session.create_workspace(kDraft).empty());
  CHECK(session.workspaces().size() == 1);
}

TEST_CASE_FIXTURE(SessionFixture, "create, rename, trash, restore and empty the trash through the session") {
  session.start();

  SUBCASE("bad input changes nothing") {
    auto errors = session.create_workspace({"   ", "Client", "Consultant"});
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "name");
    CHECK(session.workspaces().empty());
    CHECK(platform.prepared.empty());
  }

  REQUIRE(session.create_workspace(kDraft).empty());
  REQUIRE(session.current() != nullptr);
  const std::string id = session.current()->id();
  CHECK(platform.prepared.size() == 1);
  CHECK_FALSE(platform.committed_paths.empty());

  clock.set("2026-11-26T09:30:00Z");
  CHECK(session.rename_workspace(id, "").size() == 1);
  REQUIRE(session.rename_workspace(id, "ISMS 2027 – renamed").empty());
  CHECK(session.current()->meta().name == "ISMS 2027 – renamed");
  REQUIRE(session.workspaces().size() == 1);
  CHECK(session.workspaces()[0].name == "ISMS 2027 – renamed");
  CHECK(session.workspaces()[0].updated_at == "2026-11-26T09:30:00Z");

  session.move_to_trash(id);
  CHECK(session.current() == nullptr);  // trashing the open workspace closes it
  CHECK(session.workspaces().empty());
  CHECK(session.trash().size() == 1);
  CHECK(platform.flushes >= 1);

  session.restore(id);
  CHECK(session.workspaces().size() == 1);

  session.move_to_trash(id);
  platform.settings["table-layout:" + id] = "[Table][0x1]\nColumn 0 Width=80\n";
  platform.settings["table-layout:another"] = "[Table][0x1]\nColumn 0 Width=90\n";
  session.empty_trash();
  CHECK(session.trash().empty());
  CHECK(platform.removed.size() == 1);
  // Its table layout goes with it; another workspace's stays.
  CHECK(platform.settings.count("table-layout:" + id) == 0);
  CHECK(platform.settings.count("table-layout:another") == 1);
  CHECK_FALSE(fs::exists(dir.path() / ("ws-" + id)));
}

TEST_CASE_FIXTURE(SessionFixture, "a workspace trashed while it is still opening does not open") {
  session.start();
  REQUIRE(session.create_workspace(kDraft).empty());
  const std::string id = session.current()->id();
  session.close_workspace();

  platform.answer_loads_at_once = false;
  session.open_workspace(id);
  CHECK(session.opening());
  session.move_to_trash(id);
  CHECK_FALSE(session.opening());
  platform.answer_next_load();  // the load finishes after all
  CHECK(session.current() == nullptr);
  CHECK(session.trash().size() == 1);
}

TEST_CASE_FIXTURE(SessionFixture, "renaming a workspace that is not open loads its storage first") {
  session.start();
  REQUIRE(session.create_workspace(kDraft).empty());
  const std::string id = session.current()->id();
  session.close_workspace();

  platform.answer_loads_at_once = false;
  REQUIRE(session.rename_workspace(id, "Renamed while closed").empty());
  CHECK(session.workspaces()[0].name == "ISMS 2027");  // not yet: storage is loading
  platform.answer_next_load();
  CHECK(session.workspaces()[0].name == "Renamed while closed");

  session.open_workspace(id);
  platform.answer_next_load();
  REQUIRE(session.current() != nullptr);
  CHECK(session.current()->meta().name == "Renamed while closed");
}

TEST_CASE_FIXTURE(SessionFixture, "records are saved from drafts that keep the typed text when refused") {
  session.start();
  REQUIRE(session.create_workspace(kDraft).empty());
  const isms::EntityDef& risk = session.current()->registry().get("risk");

  isms::app::RecordDraft draft = isms::app::draft_for_new(risk);
  draft.text["title"] = "Ransomware";
  draft.text["inherent_likelihood"] = "9";
  draft.text["inherent_impact"] = "three";
  const std::uint64_t before = session.data_revision();
  CHECK_FALSE(session.save_record(draft));
  CHECK(session.data_revision() == before);  // nothing written
  REQUIRE_FALSE(draft.errors.empty());
  CHECK(draft.text["inherent_impact"] == "three");  // what was typed stays
  CHECK(draft.is_new());

  draft.text["inherent_likelihood"] = "4";
  draft.text["inherent_impact"] = "3";
  REQUIRE(session.save_record(draft));
  CHECK_FALSE(draft.is_new());
  CHECK(draft.text["inherent_level"] == "high");  // computed by core, shown after saving
  CHECK(session.data_revision() > before);
  CHECK(session.notice() == "Added risk \"Ransomware\".");

  // A person who owns it cannot be deleted without asking; with unlink, it goes.
  isms::app::RecordDraft person = isms::app::draft_for_new(session.current()->registry().get("person"));
  person.text["name"] = "Anna";
  REQUIRE(session.save_record(person));
  draft.text["owner"] = person.id;
  REQUIRE(session.save_record(draft));
  CHECK_FALSE(session.delete_record(person, isms::OnLinks::Refuse));
  CHECK(person.problem.find("still linked from 1 record: Risk 'Ransomware' (Risk owner)") != std::string::npos);
  CHECK(session.delete_record(person, isms::OnLinks::Unlink));
}

TEST_CASE_FIXTURE(SessionFixture, "evidence is attached from a picked file, opened on demand and removed") {
  session.start();
  REQUIRE(session.create_workspace(kDraft).empty());
  isms::app::RecordDraft asset = isms::app::draft_for_new(session.current()->registry().get("asset"));
  asset.text["name"] = "Payroll database";
  asset.text["type"] = "information";
  REQUIRE(session.save_record(asset));

  session.attach_file(asset.id);
  REQUIRE(platform.pickers.size() == 1);
  CHECK(session.attachments_of(asset.id).empty());  // nothing until the person has chosen
  platform.pickers[0]("backup-test.pdf", "application/pdf", "%PDF-1.7 evidence");
  CHECK(session.notice() == "Attached \"backup-test.pdf\".");
  const auto files = session.attachments_of(asset.id);
  REQUIRE(files.size() == 1);

  session.open_attachment(files[0].id);
  REQUIRE(platform.downloads.size() == 1);
  CHECK(platform.downloads[0].name == "backup-test.pdf");
  CHECK(platform.downloads[0].type == "application/pdf");
  CHECK(platform.downloads[0].bytes == "%PDF-1.7 evidence");
  REQUIRE(platform.loaded_files.size() == 1);  // the bytes were asked for only now
  CHECK(platform.loaded_files[0].find("/blobs/") != std::string::npos);

  SUBCASE("a file over the limit is refused with the reason and nothing is stored") {
    session.attach_file(asset.id);
    platform.pickers[1]("huge.iso", "", std::string(25 * 1024 * 1024 + 1, 'x'));
    CHECK(session.problem().rfind("\"huge.iso\" was not attached: ", 0) == 0);
    CHECK(session.attachments_of(asset.id).size() == 1);
  }
  SUBCASE("damaged bytes are not handed out") {
    const std::string path = platform.loaded_files[0];
    std::ofstream(path, std::ios::binary | std::ios::trunc) << "tampered";
    session.open_attachment(files[0].id);
    CHECK(platform.downloads.size() == 1);
    CHECK(session.problem().rfind("\"backup-test.pdf\" could not be opened: ", 0) == 0);
  }
  SUBCASE("removed, it leaves the record's list; freeing its space drops the kept copy too") {
    session.remove_attachment(files[0].id);
    CHECK(session.attachments_of(asset.id).empty());
    CHECK(session.notice() == "Removed \"backup-test.pdf\".");
    CHECK(session.deleted_attachment_contents().files == 1);
    session.free_deleted_attachments();
    CHECK(session.notice() == "Freed the files of 1 deleted attachment.");
    CHECK(session.deleted_attachment_contents().files == 0);
    CHECK(platform.forgotten == std::vector<std::string>{platform.loaded_files[0]});
    CHECK_FALSE(std::filesystem::exists(platform.loaded_files[0]));
  }
}

TEST_CASE_FIXTURE(SessionFixture, "a management review made from the form gets its ten inputs pre-filled") {
  session.start();
  REQUIRE(session.create_workspace(kDraft).empty());
  isms::app::RecordDraft review = isms::app::draft_for_new(session.current()->registry().get("management_review"));
  review.text["title"] = "Management review 2026";
  review.text["date"] = "2026-12-10";
  REQUIRE(session.save_record(review));
  const auto inputs = session.current()->records().query(
      "review_input", isms::RecordQuery().where_is("review", isms::Condition::Op::Equal, {review.id}));
  CHECK(inputs.size() == 10);
}

TEST_CASE_FIXTURE(SessionFixture, "tables export as the CSV they show and reports download as HTML") {
  session.start();
  REQUIRE(session.create_workspace(kDraft).empty());
  for (std::string title : {"Phishing", "Ransomware", "=HYPERLINK(\"x\")"}) {
    isms::app::RecordDraft risk = isms::app::draft_for_new(session.current()->registry().get("risk"));
    risk.text["title"] = std::move(title);
    risk.text["inherent_likelihood"] = std::string("2");
    risk.text["inherent_impact"] = std::string("2");
    REQUIRE(session.save_record(risk));
  }
  session.export_table_csv("risk", {"title", "status"}, "ransom", {});
  REQUIRE(platform.downloads.size() == 1);
  CHECK(platform.downloads[0].name == "müller-søn-Łódź-isms-2027-risks-2026-11-26.csv");
  CHECK(platform.downloads[0].type == "text/csv;charset=utf-8");
  CHECK(platform.downloads[0].bytes == "\xEF\xBB\xBFTitle,Status\r\nRansomware,Identified\r\n");

  session.export_table_csv("risk", {"title"}, "", {{"title", true}});
  CHECK(platform.downloads[1].bytes == "\xEF\xBB\xBFTitle\r\nRansomware\r\nPhishing\r\n\"'=HYPERLINK(\"\"x\"\")\"\r\n");

  session.download_report(Session::Report::RiskRegister);
  REQUIRE(platform.downloads.size() == 3);
  CHECK(platform.downloads[2].name == "müller-søn-Łódź-isms-2027-risk-register-2026-11-26.html");
  CHECK(platform.downloads[2].bytes.find("Ransomware") != std::string::npos);
  CHECK(platform.downloads[2].bytes.find("=HYPERLINK(&quot;x&quot;)") != std::string::npos);

  session.download_report(Session::Report::ReviewMinutes, "no-such-review");
  CHECK(platform.downloads.size() == 3);
  CHECK(session.problem().rfind("The report was not made: No management review with id no-such-review", 0) == 0);
}

TEST_CASE("bundles: export, open as a new workspace elsewhere, edit both, merge back with a conflict") {
  // Two browser profiles: two sessions on two folders.
  SessionFixture anna, ben;
  anna.session.start();
  ben.session.start();
  REQUIRE(anna.session.create_workspace(kDraft).empty());
  isms::app::RecordDraft asset = isms::app::draft_for_new(anna.session.current()->registry().get("asset"));
  asset.text["name"] = std::string("Payroll database");
  asset.text["type"] = std::string("information");
  REQUIRE(anna.session.save_record(asset));

  export_all(anna.session, false);
  REQUIRE(anna.platform.downloads.size() == 1);
  const std::string first = anna.platform.downloads[0].bytes;
  CHECK(anna.platform.downloads[0].name == "müller-søn-Łódź-isms-2027-2026-11-26.isms.json");

  // Ben has no such workspace: it opens as a new one, with Anna's asset.
  ben.session.receive_bundle("first.isms.json", first);
  REQUIRE(ben.session.current() != nullptr);
  CHECK(ben.session.current()->id() == anna.session.current()->id());
  CHECK(ben.session.current()->records().get("asset", asset.id)->get("name") == isms::Value("Payroll database"));
  CHECK(ben.session.workspaces().size() == 1);

  // Both change the location; Anna also the description, Ben the owner's... name of the asset.
  auto edit = [](SessionFixture& who, const std::string& id, std::map<std::string, std::string> texts) {
    isms::app::RecordDraft draft = isms::app::draft_of(who.session.current()->registry().get("asset"),
                                                       *who.session.current()->records().get("asset", id));
    for (auto& [key, text] : texts) draft.text[key] = text;
    REQUIRE(who.session.save_record(draft));
  };
  edit(anna, asset.id, {{"location", "Frankfurt DC"}, {"description", "Payroll for 300 staff"}});
  edit(ben, asset.id, {{"location", "Azure West Europe"}});
  export_all(ben.session, false);
  const std::string from_ben = ben.platform.downloads.back().bytes;

  // A damaged file changes nothing and says why.
  anna.session.receive_bundle("broken.isms.json", from_ben.substr(0, from_ben.size() / 2));
  CHECK(anna.session.problem().rfind("\"broken.isms.json\" was not imported: The bundle is incomplete", 0) == 0);
  CHECK_FALSE(anna.session.pending_merge().has_value());
  anna.session.dismiss_problem();

  anna.session.receive_bundle("from-ben.isms.json", from_ben);
  REQUIRE(anna.session.pending_merge().has_value());
  const auto& preview = anna.session.pending_merge()->preview;
  REQUIRE(preview.conflicts.size() == 1);
  CHECK(preview.conflicts[0].field == "location");
  CHECK(preview.conflicts[0].mine.text == "Frankfurt DC");
  CHECK(preview.conflicts[0].theirs.text == "Azure West Europe");
  CHECK(anna.session.current()->records().get("asset", asset.id)->get("location") == isms::Value("Frankfurt DC"));

  CHECK_FALSE(anna.session.confirm_merge());  // not before every conflict has a choice
  anna.session.choose(preview.conflicts[0], isms::bundle::Side::Theirs);
  REQUIRE(anna.session.confirm_merge());
  CHECK_FALSE(anna.session.pending_merge().has_value());
  const isms::Record merged = *anna.session.current()->records().get("asset", asset.id);
  CHECK(merged.get("location") == isms::Value("Azure West Europe"));
  CHECK(merged.get("description") == isms::Value("Payroll for 300 staff"));

  // A bundle of another workspace waits while typed text is unsaved: switching would drop it.
  SessionFixture carla;
  carla.session.start();
  REQUIRE(carla.session.create_workspace({"Other client", "Other GmbH", "Carla"}).empty());
  bool typing = true;
  carla.session.set_unsaved_text_check([&typing] { return typing; });
  carla.session.receive_bundle("from-ben.isms.json", from_ben);
  CHECK(carla.session.problem() ==
        "\"from-ben.isms.json\" was not imported: It is a bundle of another workspace; save or discard the changes "
        "to the record you are editing first, then import it again.");
  CHECK(carla.session.current()->meta().name == "Other client");
  typing = false;
  carla.session.receive_bundle("from-ben.isms.json", from_ben);
  CHECK(carla.session.current()->id() == ben.session.current()->id());

  // Importing the same bundle again finds nothing to do, also when its workspace is not open:
  // it is opened first, then previewed.
  anna.session.close_workspace();
  anna.session.receive_bundle("from-ben.isms.json", from_ben);
  REQUIRE(anna.session.current() != nullptr);
  CHECK(anna.session.current()->id() == ben.session.current()->id());
  REQUIRE(anna.session.pending_merge().has_value());
  CHECK(anna.session.pending_merge()->preview.conflicts.empty());
  CHECK(anna.session.pending_merge()->preview.total.changed == 0);
  CHECK(anna.session.pending_merge()->preview.total.added == 0);
}

TEST_CASE("the navigation groups list every register a person edits on its own page") {
  std::set<std::string> grouped;
  for (const isms::app::RegisterGroup& group : isms::app::register_groups()) {
    for (const std::string& kind : group.kinds) CHECK_MESSAGE(grouped.insert(kind).second, kind);
  }
  // Edited inside their parent, or the workspace's own details: not in the navigation.
  const std::set<std::string> inside = {"workspace",    "measurement",   "training_attendance", "audit_item",
                                        "review_input", "review_action", "attachment"};
  for (const isms::EntityDef& def : isms::Registry::builtin().all()) {
    CHECK_MESSAGE((grouped.count(def.kind) == 1) != (inside.count(def.kind) == 1), def.kind);
    CHECK(isms::Registry::builtin().find(def.kind) != nullptr);
  }
  for (const std::string& kind : grouped) CHECK(isms::Registry::builtin().find(kind) != nullptr);
}

TEST_CASE_FIXTURE(SessionFixture, "bundles: a large export shows its progress frame by frame and can be cancelled") {
  session.start();
  REQUIRE(session.create_workspace(kDraft).empty());
  {
    isms::Transaction batch(session.current()->database());
    for (int i = 0; i < 3000; ++i) {
      session.current()->records().create("person", {{"name", isms::Value("Person " + std::to_string(i))}});
    }
    batch.commit();
  }
  session.set_work_per_frame(std::chrono::milliseconds(0));  // one slice of 500 records a frame
  session.export_bundle(false);
  REQUIRE(session.busy().has_value());
  CHECK(session.busy()->what == "Exporting the workspace…");
  CHECK(session.busy()->cancellable);
  // A bundle that arrives meanwhile waits for nobody: it is refused, and the export goes on.
  std::vector<std::size_t> done;
  session.continue_work();
  done.push_back(session.busy()->done);
  session.receive_bundle("other.isms.json", "{}");
  CHECK(session.problem() ==
        "\"other.isms.json\" was not imported: An export is running; import the bundle again once it "
        "has finished.");
  session.dismiss_problem();
  REQUIRE(session.busy().has_value());
  CHECK(session.busy()->total >= 3000);
  CHECK(done.back() == 500);
  session.continue_work();
  CHECK(session.busy()->done == 1000);

  session.cancel_work();
  CHECK_FALSE(session.busy().has_value());
  CHECK(session.notice() == "The export was cancelled.");
  CHECK(platform.downloads.empty());

  // Run to the end, it downloads one bundle with every person.
  export_all(session, false);
  REQUIRE(platform.downloads.size() == 1);
  const isms::bundle::Bundle bundle = isms::bundle::from_json(platform.downloads[0].bytes, isms::Registry::builtin());
  std::size_t people = 0;
  for (const auto& record : bundle.records) people += record.kind == "person" ? 1 : 0;
  CHECK(people == 3000);
  CHECK(session.notice() == "Exported " + platform.downloads[0].name + " (without attachments).");
}

TEST_CASE_FIXTURE(SessionFixture, "bundles: an export with attachments waits for their bytes, then carries them") {
  session.start();
  REQUIRE(session.create_workspace(kDraft).empty());
  platform.answer_files_at_once = false;
  const std::string asset = session.current()->records().create(
      "asset", {{"name", isms::Value("Laptop")}, {"type", isms::Value("hardware")}});
  isms::attachments::attach(session.current()->records(), session.current()->blobs(), asset, "scan.pdf",
                            "application/pdf", "%PDF scan");
  isms::attachments::attach(session.current()->records(), session.current()->blobs(), asset, "photo.jpg", "image/jpeg",
                            "JPEG bytes");
  session.export_bundle(true);
  for (int frame = 0; frame < 3; ++frame) session.continue_work();
  REQUIRE(session.busy().has_value());
  CHECK(session.busy()->what == "Reading the attached files from this browser's storage…");
  CHECK(session.busy()->total == 2);
  CHECK(platform.downloads.empty());
  platform.answer_file_loads();
  for (int frame = 0; session.busy() && frame < 100; ++frame) session.continue_work();
  REQUIRE(platform.downloads.size() == 1);
  const isms::bundle::Bundle bundle = isms::bundle::from_json(platform.downloads[0].bytes, isms::Registry::builtin());
  REQUIRE(bundle.attachments.size() == 2);
  for (const auto& attachment : bundle.attachments) CHECK(attachment.bytes.has_value());
}

TEST_CASE_FIXTURE(SessionFixture, "the person using this browser authors its changes and its bundles") {
  session.start();
  REQUIRE(session.create_workspace(kDraft).empty());
  CHECK(session.person_name().empty());
  CHECK(session.current()->records().author() == "Anna Dvořák");  // the consultant, while no name is set

  CHECK(session.set_person_name(std::string(101, 'x')) ==
        std::optional<std::string>("A name can be at most 100 characters long."));
  CHECK(session.person_name().empty());  // refused: nothing changed
  CHECK(session.set_person_name("  Ben Novák ") == std::nullopt);
  CHECK(session.person_name() == "Ben Novák");
  CHECK(session.notice() == "Your changes are now recorded as made by Ben Novák.");

  isms::app::RecordDraft asset = isms::app::draft_for_new(session.current()->registry().get("asset"));
  asset.text["name"] = std::string("Laptop");
  asset.text["type"] = std::string("hardware");
  REQUIRE(session.save_record(asset));
  CHECK(session.current()->records().get("asset", asset.id)->created_by == "Ben Novák");
  export_all(session, false);
  REQUIRE(platform.downloads.size() == 1);
  CHECK(isms::bundle::from_json(platform.downloads[0].bytes, isms::Registry::builtin()).exported_by == "Ben Novák");

  // Kept per browser: the next workspace opened here writes under the same name.
  const std::string first = session.current()->id();
  session.close_workspace();
  session.open_workspace(first);
  REQUIRE(session.current() != nullptr);
  CHECK(session.current()->records().author() == "Ben Novák");
}
