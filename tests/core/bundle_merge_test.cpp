#include <doctest/doctest.h>

#include <stdexcept>

#include "core/attachments/attachments.hpp"
#include "core/store/field_versions.hpp"
#include "core/store/history_log.hpp"
#include "tests/core/merge_test_support.hpp"

using namespace isms;
using namespace isms::bundle;
using isms::test::Copy;
using isms::test::text;

namespace {

// Two copies of one workspace: Anna's, where it was made, and Ben's, made from her bundle.
struct Pair {
  FixedClock clock{"2026-11-26T09:00:00Z"};
  std::unique_ptr<Copy> anna = test::origin(clock);
  std::unique_ptr<Copy> ben;
  std::string laptop, printer, anna_person, ben_person;

  Pair() {
    anna_person = anna->records().create("person", {{"name", text("Anna Dvořák")}});
    ben_person = anna->records().create("person", {{"name", text("Ben Novák")}});
    laptop = anna->records().create("asset", {{"name", text("Laptop")},
                                              {"type", text("hardware")},
                                              {"owner", text(anna_person)},
                                              {"confidentiality", std::int64_t{3}}});
    printer = anna->records().create("asset", {{"name", text("Printer")}, {"type", text("hardware")}});
    ben = test::copy_of(anna->bundle(), clock);
    ben->records().set_author("Ben Novák");
    clock.set("2026-11-26T10:00:00Z");
  }

  static Record record(Copy& copy, const std::string& kind, const std::string& id) {
    const std::optional<Record> found = copy.records().get(kind, id);
    REQUIRE(found.has_value());
    return *found;
  }
  static Value field(Copy& copy, const std::string& id, const std::string& key) {
    return record(copy, "asset", id).get(key);
  }
  static VersionVector vector(Copy& copy, const std::string& id, const std::string& key) {
    return read_versions(copy.records().database(), id)[key];
  }
};

}  // namespace

TEST_CASE_FIXTURE(Pair, "merge: a field changed on one side only takes that side's value, without a conflict") {
  anna->records().update("asset", laptop, {{"location", text("Office")}});
  ben->records().update("asset", laptop, {{"classification", text("confidential")}});

  const MergePreview preview = plan_merge(*anna->ws, ben->bundle("Ben Novák"));
  CHECK(preview.conflicts.empty());
  CHECK(preview.by_kind.at("asset").changed == 1);
  CHECK(preview.by_kind.at("asset").unchanged == 1);  // the printer
  CHECK(preview.total.changed == 1);
  CHECK(preview.total.added == 0);
  CHECK(preview.total.deleted == 0);
  CHECK(preview.total.conflicting == 0);

  const MergeResult result = apply_merge(*anna->ws, ben->bundle("Ben Novák"), {});
  CHECK(result.total.changed == 1);
  CHECK(field(*anna, laptop, "location") == text("Office"));              // hers stays
  CHECK(field(*anna, laptop, "classification") == text("confidential"));  // his is taken
  // Made by Anna with its default, changed by Ben since.
  CHECK(vector(*anna, laptop, "classification") ==
        VersionVector{{anna->ws->replica_id(), 1}, {ben->ws->replica_id(), 1}});

  apply_merge(*ben->ws, anna->bundle(), {});
  CHECK(field(*ben, laptop, "location") == text("Office"));
  CHECK(test::register_of(*anna->ws) == test::register_of(*ben->ws));
}

TEST_CASE_FIXTURE(Pair, "merge: the same bundle twice changes nothing the second time") {
  ben->records().update("asset", laptop, {{"location", text("Office")}});
  ben->records().create("asset", {{"name", text("Phone")}, {"type", text("hardware")}});
  ben->records().remove("asset", printer);
  const Bundle from_ben = ben->bundle("Ben Novák");

  const MergeResult first = apply_merge(*anna->ws, from_ben, {});
  CHECK(first.total.added == 1);
  CHECK(first.total.changed == 1);
  CHECK(first.total.deleted == 1);
  CHECK_FALSE(first.change_set.empty());

  const std::string before = test::dump(anna->records().database());
  const MergePreview again = plan_merge(*anna->ws, from_ben);
  CHECK(again.conflicts.empty());
  CHECK(again.total.unchanged == from_ben.records.size());
  CHECK(again.total.added + again.total.changed + again.total.deleted + again.total.conflicting == 0);
  const MergeResult second = apply_merge(*anna->ws, from_ben, {});
  CHECK(second.change_set.empty());
  CHECK(second.total.unchanged == from_ben.records.size());
  CHECK(test::dump(anna->records().database()) == before);  // no history, no change set, no data
}

TEST_CASE_FIXTURE(Pair, "merge: a field changed on both sides to different values is a conflict showing both") {
  const std::string cleo = ben->records().create("person", {{"name", text("Cleo Malá")}});
  anna->records().update("asset", laptop, {{"owner", text(ben_person)}, {"classification", text("restricted")}});
  ben->records().update("asset", laptop, {{"owner", text(cleo)}, {"classification", text("public")}});

  const MergePreview preview = plan_merge(*anna->ws, ben->bundle("Ben Novák"));
  REQUIRE(preview.conflicts.size() == 2);
  const Conflict& owner = preview.conflicts[0];
  CHECK(owner.type == ConflictType::Field);
  CHECK(owner.kind == "asset");
  CHECK(owner.id == laptop);
  CHECK(owner.title == "Laptop");
  CHECK(owner.field == "owner");
  CHECK(owner.field_label == "Owner");
  CHECK(owner.mine.text == "Ben Novák");
  CHECK(owner.theirs.text == "Cleo Malá");  // a person only the bundle has, named by its title
  CHECK(owner.mine.raw == text(ben_person));
  CHECK(owner.theirs.raw == text(cleo));
  CHECK(owner.why == "Changed here and in the bundle to different values.");
  CHECK_FALSE(owner.chosen.has_value());
  const Conflict& classification = preview.conflicts[1];
  CHECK(classification.field == "classification");
  CHECK(classification.mine.text == "Restricted");  // enum labels, not values
  CHECK(classification.theirs.text == "Public");
  CHECK(classification.theirs.raw == text("public"));
  CHECK(preview.by_kind.at("asset").conflicting == 1);
  CHECK(preview.by_kind.at("person").added == 1);
  CHECK_FALSE(preview.resolved());
}

TEST_CASE_FIXTURE(Pair, "merge: the same change on both sides is no conflict, and its vector joins both") {
  anna->records().update("asset", laptop, {{"location", text("Office")}});
  ben->records().update("asset", laptop, {{"location", text("Office")}});

  const MergePreview preview = plan_merge(*anna->ws, ben->bundle("Ben Novák"));
  CHECK(preview.conflicts.empty());
  CHECK(preview.by_kind.at("asset").unchanged == 2);
  apply_merge(*anna->ws, ben->bundle("Ben Novák"), {});
  CHECK(vector(*anna, laptop, "location") == VersionVector{{anna->ws->replica_id(), 1}, {ben->ws->replica_id(), 1}});
  apply_merge(*ben->ws, anna->bundle(), {});
  CHECK(vector(*ben, laptop, "location") == vector(*anna, laptop, "location"));
  CHECK(plan_merge(*anna->ws, ben->bundle()).total.unchanged == ben->bundle().records.size());
}

TEST_CASE_FIXTURE(Pair, "merge: a choice per field takes that side's value, and wins over both sides afterwards") {
  anna->records().update("asset", laptop, {{"owner", text(ben_person)}, {"classification", text("restricted")}});
  ben->records().update("asset", laptop,
                        {{"owner", text("")}, {"classification", text("public")}, {"location", text("Home")}});
  // Ben's owner write came after the copy: he has seen hers ({a:1}), she has not seen his.
  CHECK(vector(*ben, laptop, "owner") == VersionVector{{anna->ws->replica_id(), 1}, {ben->ws->replica_id(), 1}});

  Resolutions choices;
  choices.choose(laptop, "owner", Side::Theirs);
  choices.choose(laptop, "classification", Side::Mine);
  const MergePreview preview = plan_merge(*anna->ws, ben->bundle("Ben Novák"), choices);
  CHECK(preview.resolved());
  CHECK(preview.conflicts[0].chosen == Side::Theirs);
  apply_merge(*anna->ws, ben->bundle("Ben Novák"), choices);

  CHECK(is_null(field(*anna, laptop, "owner")));
  CHECK(field(*anna, laptop, "classification") == text("restricted"));
  CHECK(field(*anna, laptop, "location") == text("Home"));  // not in conflict: merged by itself
  // The pointwise maximum of both, plus one write here.
  CHECK(vector(*anna, laptop, "owner") == VersionVector{{anna->ws->replica_id(), 3}, {ben->ws->replica_id(), 1}});

  const MergePreview back = plan_merge(*ben->ws, anna->bundle());
  CHECK(back.conflicts.empty());
  apply_merge(*ben->ws, anna->bundle(), {});
  CHECK(field(*ben, laptop, "classification") == text("restricted"));
  CHECK(test::register_of(*anna->ws) == test::register_of(*ben->ws));
}

TEST_CASE_FIXTURE(Pair, "merge: a choice for the whole record takes every field and its deletion from that side") {
  anna->records().update("asset", laptop, {{"location", text("Office")}, {"classification", text("restricted")}});
  ben->records().update("asset", laptop, {{"classification", text("public")}, {"confidentiality", std::int64_t{5}}});

  Resolutions theirs;
  theirs.choose_record(laptop, Side::Theirs);
  apply_merge(*anna->ws, ben->bundle("Ben Novák"), theirs);
  CHECK(field(*anna, laptop, "classification") == text("public"));
  CHECK(field(*anna, laptop, "confidentiality") == Value(std::int64_t{5}));
  CHECK(is_null(field(*anna, laptop, "location")));  // his record as a whole: her location goes too

  apply_merge(*ben->ws, anna->bundle(), {});
  CHECK(test::register_of(*anna->ws) == test::register_of(*ben->ws));
}

TEST_CASE_FIXTURE(Pair, "merge: a conflict without a choice is refused and nothing is written") {
  anna->records().update("asset", laptop, {{"owner", text(ben_person)}, {"classification", text("restricted")}});
  ben->records().update("asset", laptop, {{"owner", text("")}, {"classification", text("public")}});
  ben->records().create("asset", {{"name", text("Phone")}, {"type", text("hardware")}});
  const std::string before = test::dump(anna->records().database());

  Resolutions one;
  one.choose(laptop, "classification", Side::Mine);
  CHECK(test::refusal([&] { apply_merge(*anna->ws, ben->bundle("Ben Novák"), {}); }) ==
        "2 conflicts have no choice yet (the first: Owner of the asset 'Laptop'). Keep yours or take theirs for each, "
        "then merge.");
  CHECK(test::refusal([&] { apply_merge(*anna->ws, ben->bundle("Ben Novák"), one); }) ==
        "1 conflict has no choice yet (the first: Owner of the asset 'Laptop'). Keep yours or take theirs for each, "
        "then merge.");
  CHECK_THROWS_AS(apply_merge(*anna->ws, ben->bundle("Ben Novák"), one), MergeError);
  CHECK(test::dump(anna->records().database()) == before);
}

TEST_CASE_FIXTURE(Pair, "merge: an edit against a deletion is a conflict on both sides") {
  anna->records().remove("asset", laptop);
  ben->records().update("asset", laptop, {{"location", text("Home")}});

  const MergePreview at_anna = plan_merge(*anna->ws, ben->bundle("Ben Novák"));
  REQUIRE(at_anna.conflicts.size() == 1);
  const Conflict& deletion = at_anna.conflicts[0];
  CHECK(deletion.type == ConflictType::Deletion);
  CHECK(deletion.field == deleted_field);
  CHECK(deletion.field_label == "Deleted");
  CHECK(deletion.title == "Laptop");
  CHECK(deletion.mine.text == "Deleted");
  CHECK(deletion.theirs.text == "Kept");
  CHECK(deletion.mine.raw == Value(std::int64_t{1}));
  CHECK(deletion.why == "Deleted here, but changed in the bundle since: Location.");
  CHECK(at_anna.by_kind.at("asset").conflicting == 1);

  const MergePreview at_ben = plan_merge(*ben->ws, anna->bundle());
  REQUIRE(at_ben.conflicts.size() == 1);
  CHECK(at_ben.conflicts[0].why == "Deleted in the bundle, but changed here since: Location.");
  CHECK(at_ben.conflicts[0].mine.text == "Kept");

  // Anna keeps it after all: the record comes back with Ben's edit, and Ben's copy agrees.
  Resolutions keep;
  keep.choose(laptop, deleted_field, Side::Theirs);
  const MergeResult result = apply_merge(*anna->ws, ben->bundle("Ben Novák"), keep);
  CHECK(result.total.conflicting == 1);
  CHECK_FALSE(record(*anna, "asset", laptop).deleted);
  CHECK(field(*anna, laptop, "location") == text("Home"));
  CHECK(plan_merge(*ben->ws, anna->bundle()).conflicts.empty());
  apply_merge(*ben->ws, anna->bundle(), {});
  CHECK(test::register_of(*anna->ws) == test::register_of(*ben->ws));
}

TEST_CASE_FIXTURE(Pair, "merge: a deletion taken from the bundle without an edit here is no conflict") {
  ben->records().remove("asset", printer);
  anna->records().update("asset", laptop, {{"location", text("Office")}});
  const MergePreview preview = plan_merge(*anna->ws, ben->bundle("Ben Novák"));
  CHECK(preview.conflicts.empty());
  CHECK(preview.by_kind.at("asset").deleted == 1);
  apply_merge(*anna->ws, ben->bundle("Ben Novák"), {});
  CHECK(record(*anna, "asset", printer).deleted);
  CHECK(anna->records().linked_from(printer).empty());
}

TEST_CASE_FIXTURE(Pair, "merge: a deletion on one side that the other side linked to is a conflict") {
  anna->records().remove("person", ben_person);
  ben->records().update("asset", printer, {{"owner", text(ben_person)}});

  const MergePreview at_anna = plan_merge(*anna->ws, ben->bundle("Ben Novák"));
  REQUIRE(at_anna.conflicts.size() == 1);
  CHECK(at_anna.conflicts[0].type == ConflictType::Deletion);
  CHECK(at_anna.conflicts[0].id == ben_person);
  CHECK(at_anna.conflicts[0].title == "Ben Novák");
  CHECK(at_anna.conflicts[0].why == "Deleted here, but still linked from Asset 'Printer' in the merged register.");
  const MergePreview at_ben = plan_merge(*ben->ws, anna->bundle());
  REQUIRE(at_ben.conflicts.size() == 1);
  CHECK(at_ben.conflicts[0].why == "Deleted in the bundle, but still linked from Asset 'Printer'.");

  SUBCASE("keeping the deletion takes the link out") {
    Resolutions stays_deleted;
    stays_deleted.choose(ben_person, deleted_field, Side::Mine);
    apply_merge(*anna->ws, ben->bundle("Ben Novák"), stays_deleted);
    CHECK(record(*anna, "person", ben_person).deleted);
    CHECK(is_null(field(*anna, printer, "owner")));
    CHECK(anna->records().linked_from(ben_person).empty());
  }
  SUBCASE("taking the live record back keeps the link") {
    Resolutions restore;
    restore.choose(ben_person, deleted_field, Side::Theirs);
    apply_merge(*anna->ws, ben->bundle("Ben Novák"), restore);
    CHECK_FALSE(record(*anna, "person", ben_person).deleted);
    CHECK(field(*anna, printer, "owner") == text(ben_person));
    REQUIRE(anna->records().linked_from(ben_person).size() == 1);
  }
  apply_merge(*ben->ws, anna->bundle(), {});
  CHECK(test::register_of(*anna->ws) == test::register_of(*ben->ws));
}

TEST_CASE_FIXTURE(Pair, "merge: two valid edits that together break a rule are a rule conflict for the record") {
  // Reset the pair around a KPI whose thresholds both change.
  const std::string kpi = anna->records().create(
      "kpi", {{"name", text("Patch coverage")}, {"target", 90.0}, {"amber_threshold", 80.0}, {"red_threshold", 70.0}});
  apply_merge(*ben->ws, anna->bundle(), {});
  anna->records().update("kpi", kpi, {{"amber_threshold", 75.0}});
  ben->records().update("kpi", kpi, {{"red_threshold", 78.0}});
  std::string rule;
  try {
    anna->records().update("kpi", kpi, {{"red_threshold", 78.0}});
  } catch (const ValidationError& refused) {
    rule = refused.errors().front().message;
  }
  REQUIRE_FALSE(rule.empty());

  const std::string bytes = test::read_bytes(anna->ws->db_path());
  const MergePreview preview = plan_merge(*anna->ws, ben->bundle("Ben Novák"));
  CHECK(test::read_bytes(anna->ws->db_path()) == bytes);  // the trial merge left no trace
  REQUIRE(preview.conflicts.size() == 1);
  const Conflict& conflict = preview.conflicts[0];
  CHECK(conflict.type == ConflictType::Rule);
  CHECK(conflict.title == "Patch coverage");
  CHECK(conflict.field.empty());
  CHECK(conflict.why == "Together, the changes here and in the bundle break a rule: " + rule);
  CHECK(conflict.mine.text == "Amber threshold: 75; Red threshold: 70");
  CHECK(conflict.theirs.text == "Amber threshold: 80; Red threshold: 78");
  CHECK(preview.by_kind.at("kpi").conflicting == 1);

  const std::string before = test::dump(anna->records().database());
  CHECK(test::refusal([&] { apply_merge(*anna->ws, ben->bundle("Ben Novák"), {}); }) ==
        "The merged KPI 'Patch coverage' would break a rule: " + rule +
            " Preview the merge again and choose a side for it.");
  CHECK(test::dump(anna->records().database()) == before);

  Resolutions theirs;
  theirs.choose_record(kpi, Side::Theirs);
  CHECK(plan_merge(*anna->ws, ben->bundle("Ben Novák"), theirs).conflicts.empty());
  apply_merge(*anna->ws, ben->bundle("Ben Novák"), theirs);
  const Record merged = record(*anna, "kpi", kpi);
  CHECK(merged.get("amber_threshold") == Value(80.0));
  CHECK(merged.get("red_threshold") == Value(78.0));
  apply_merge(*ben->ws, anna->bundle(), {});
  CHECK(test::register_of(*anna->ws) == test::register_of(*ben->ws));
}

TEST_CASE_FIXTURE(Pair,
                  "merge: a new record that breaks a rule here is a rule conflict; keeping mine adds it deleted") {
  anna->records().create("control",
                         {{"ref", text("C-1")}, {"title", text("Backups")}, {"theme", text("organizational")}});
  const std::string theirs = ben->records().create(
      "control", {{"ref", text("C-1")}, {"title", text("Encryption")}, {"theme", text("technological")}});

  const MergePreview preview = plan_merge(*anna->ws, ben->bundle("Ben Novák"));
  REQUIRE(preview.conflicts.size() == 1);
  const Conflict& conflict = preview.conflicts[0];
  CHECK(conflict.type == ConflictType::Rule);
  CHECK(conflict.id == theirs);
  CHECK(conflict.title == "Encryption");
  CHECK(conflict.why ==
        "Together, the changes here and in the bundle break a rule: Reference C-1 is already used by the control "
        "'Backups'; give this one its own, e.g. C-1.");
  CHECK(conflict.mine.text == "Not in this workspace");
  CHECK(conflict.theirs.text ==
        "Reference: C-1; Title: Encryption; Theme: Technological; Source: Custom; Applicable: Undecided; "
        "Implementation status: Not started");
  CHECK(preview.by_kind.at("control").conflicting == 1);

  Resolutions take;
  take.choose_record(theirs, Side::Theirs);
  CHECK(test::refusal([&] { apply_merge(*anna->ws, ben->bundle("Ben Novák"), take); }) ==
        "The merged control 'Encryption' would break a rule: Reference C-1 is already used by the control 'Backups'; "
        "give this one its own, e.g. C-1. Choose the other side for this record as a whole, then merge.");

  Resolutions keep;
  keep.choose_record(theirs, Side::Mine);
  apply_merge(*anna->ws, ben->bundle("Ben Novák"), keep);
  CHECK(record(*anna, "control", theirs).deleted);  // here, not wanted
  CHECK(plan_merge(*ben->ws, anna->bundle()).conflicts.empty());
  apply_merge(*ben->ws, anna->bundle(), {});
  CHECK(record(*ben, "control", theirs).deleted);  // and that choice goes round
  CHECK(test::register_of(*anna->ws) == test::register_of(*ben->ws));
}

TEST_CASE_FIXTURE(Pair, "merge: one change set says where it came from, with history and computed fields") {
  const std::string risk = anna->records().create("risk", {{"title", text("Ransomware")},
                                                           {"inherent_likelihood", std::int64_t{2}},
                                                           {"inherent_impact", std::int64_t{3}},
                                                           {"assets", text("[\"" + laptop + "\"]")}});
  apply_merge(*ben->ws, anna->bundle(), {});
  anna->records().update("risk", risk, {{"inherent_likelihood", std::int64_t{4}}});
  ben->records().update("risk", risk, {{"inherent_impact", std::int64_t{5}}});
  const std::int64_t history_before = test::history_rows(*anna->ws);

  const MergeResult result = apply_merge(*anna->ws, ben->bundle("Ben Novák"), {});
  const Record merged = record(*anna, "risk", risk);
  CHECK(merged.get("inherent_likelihood") == Value(std::int64_t{4}));
  CHECK(merged.get("inherent_impact") == Value(std::int64_t{5}));
  CHECK(merged.get("inherent_score") == Value(std::int64_t{20}));  // derived again from both sides

  Statement set = anna->records().database().prepare("SELECT author, description FROM change_sets WHERE id = ?");
  set.bind(1, result.change_set);
  REQUIRE(set.step());
  CHECK(set.column_text(0) == "Anna Dvořák");
  CHECK(set.column_text(1) == "Merged bundle from Ben Novák, exported 2026-11-26T10:00:00Z");
  std::set<std::string> fields;
  for (const HistoryEntry& entry : select_change_set(anna->records().database(), result.change_set)) {
    CHECK(entry.record_id == risk);
    fields.insert(entry.field);
  }
  CHECK(fields.count("inherent_impact") == 1);
  CHECK(fields.count("inherent_score") == 1);
  CHECK(test::history_rows(*anna->ws) > history_before);
  CHECK(anna->records().linked_from(laptop).size() == 1);  // the link index still knows the risk
}

TEST_CASE_FIXTURE(Pair, "merge: an interrupted merge leaves the workspace exactly as it was") {
  for (int i = 0; i < 6; ++i) {
    ben->records().create(
        "asset",
        {{"name", text("Phone " + std::to_string(i))}, {"type", text("hardware")}, {"owner", text(ben_person)}});
  }
  ben->records().update("asset", laptop, {{"location", text("Home")}});
  ben->records().remove("person", anna_person, OnLinks::Unlink);
  attachments::attach(ben->records(), ben->ws->blobs(), laptop, "scan.pdf", "application/pdf", "%PDF-1.4 scan");
  const Bundle from_ben = ben->bundle("Ben Novák");
  const std::string path = anna->ws->db_path();
  const std::string tables = test::dump(anna->records().database());
  const std::string bytes = test::read_bytes(path);

  MergeOptions interrupt;
  std::size_t calls = 0;
  interrupt.after_record_written = [&](std::size_t written) {
    calls = written;
    if (written == 4) throw std::runtime_error("interrupted on purpose");
  };
  CHECK(test::refusal([&] { apply_merge(*anna->ws, from_ben, {}, interrupt); }) == "interrupted on purpose");
  CHECK(calls == 4);
  CHECK(test::dump(anna->records().database()) == tables);  // records, history, links, vectors
  CHECK(test::read_bytes(path) == bytes);
  CHECK(anna->ws->blobs().digests().empty());

  // The same merge, not interrupted, goes through.
  const MergeResult result = apply_merge(*anna->ws, from_ben, {});
  CHECK(result.total.added == 7);  // six phones and the attachment
  CHECK(result.attachments_added == 1);
  CHECK(test::register_of(*anna->ws) == test::register_of(*ben->ws));
}

TEST_CASE_FIXTURE(Pair, "merge: restoring a record the merge deleted brings back only that record") {
  ben->records().remove("asset", printer);
  ben->records().update("asset", laptop, {{"location", text("Home")}});
  apply_merge(*anna->ws, ben->bundle("Ben Novák"), {});
  CHECK(record(*anna, "asset", printer).deleted);

  CHECK(anna->records().restore("asset", printer).empty());
  CHECK_FALSE(record(*anna, "asset", printer).deleted);
  CHECK(field(*anna, laptop, "location") == text("Home"));  // the merge's other changes stay
}

TEST_CASE_FIXTURE(Pair, "merge: a bundle of another workspace is refused") {
  auto other = std::make_unique<Copy>();
  other->ws = Workspace::create(other->dir.str(), "ws-beta", {"Beta 2027", "Beta a.s.", "Cleo Malá"}, clock, nullptr);
  const std::string before = test::dump(anna->records().database());
  const std::string message =
      "This bundle is of workspace 'Beta 2027' (client Beta a.s.), not of the open workspace 'Acme 2026'. Import it "
      "as a new workspace instead.";
  CHECK(test::refusal([&] { plan_merge(*anna->ws, other->bundle()); }) == message);
  CHECK(test::refusal([&] { apply_merge(*anna->ws, other->bundle(), {}); }) == message);
  CHECK(test::dump(anna->records().database()) == before);
}

TEST_CASE_FIXTURE(Pair, "merge: a record whose id belongs to another register here is refused") {
  Bundle bundle = ben->bundle("Ben Novák");
  for (BundleRecord& record : bundle.records) {
    if (record.id != laptop) continue;
    record.kind = "person";
    record.fields = {{"name", text("Laptop Person")}};
    record.versions.clear();
  }
  const std::string message = "The bundle's person 'Laptop Person' has the id " + laptop +
                              ", which here belongs to the asset 'Laptop'. Ids must be unique across registers, so "
                              "this bundle cannot be merged.";
  const std::string before = test::dump(anna->records().database());
  CHECK(test::refusal([&] { plan_merge(*anna->ws, bundle); }) == message);
  CHECK(test::refusal([&] { apply_merge(*anna->ws, bundle, {}); }) == message);
  CHECK(test::dump(anna->records().database()) == before);
}

TEST_CASE_FIXTURE(Pair, "merge: attachment contents come with the bundle, checked against their digest") {
  const std::string scan =
      attachments::attach(ben->records(), ben->ws->blobs(), laptop, "scan.pdf", "application/pdf", "%PDF-1.4 scan");

  SUBCASE("contents that do not match their digest refuse the bundle") {
    Bundle damaged = ben->bundle("Ben Novák");
    REQUIRE(damaged.attachments.size() == 1);
    damaged.attachments[0].bytes = std::string("%PDF-1.4 scam");
    const std::string before = test::dump(anna->records().database());
    CHECK(test::refusal([&] { apply_merge(*anna->ws, damaged, {}); }) ==
          "The bundle is damaged: the contents of the attachment 'scan.pdf' do not match their SHA-256 digest. Ask "
          "for the bundle to be exported again.");
    CHECK(test::dump(anna->records().database()) == before);
    CHECK(anna->ws->blobs().digests().empty());
  }
  SUBCASE("a bundle without the bytes merges the record, and a later one brings them") {
    bundle::ExportOptions lean;
    lean.include_attachments = false;
    const MergePreview preview = plan_merge(*anna->ws, export_bundle(*ben->ws, lean));
    CHECK(preview.attachments_to_add == 0);
    apply_merge(*anna->ws, export_bundle(*ben->ws, lean), {});
    CHECK_THROWS_AS(attachments::open(anna->records(), anna->ws->blobs(), scan), StoreError);
    CHECK(plan_merge(*anna->ws, ben->bundle()).attachments_to_add == 1);
    const MergeResult result = apply_merge(*anna->ws, ben->bundle(), {});
    CHECK(result.attachments_added == 1);
    CHECK(result.change_set.empty());  // only the bytes were missing
    CHECK(attachments::open(anna->records(), anna->ws->blobs(), scan) == "%PDF-1.4 scan");
  }
}

TEST_CASE("merge: A then B gives the same register as B then A") {
  FixedClock clock("2026-11-26T09:00:00Z");
  auto origin = test::origin(clock);
  const std::string person = origin->records().create("person", {{"name", text("Anna")}});
  const std::string laptop = origin->records().create("asset", {{"name", text("Laptop")}, {"type", text("hardware")}});
  const Bundle start = origin->bundle();
  auto a = test::copy_of(start, clock);
  auto b = test::copy_of(start, clock);
  auto first = test::copy_of(start, clock);
  auto second = test::copy_of(start, clock);

  a->records().update("asset", laptop, {{"owner", text(person)}, {"location", text("Office")}});
  a->records().create("asset", {{"name", text("Phone")}, {"type", text("hardware")}, {"owner", text(person)}});
  b->records().update("asset", laptop, {{"classification", text("restricted")}});
  b->records().update("person", person, {{"job_title", text("CISO")}});
  b->records().remove("control", "annex-a-5.1");

  apply_merge(*first->ws, a->bundle(), {});
  apply_merge(*first->ws, b->bundle(), {});
  apply_merge(*second->ws, b->bundle(), {});
  apply_merge(*second->ws, a->bundle(), {});
  CHECK(test::register_of(*first->ws) == test::register_of(*second->ws));
  CHECK(first->records().get("control", "annex-a-5.1")->deleted);
}

TEST_CASE("merge: import as a new workspace keeps the bundle's records and gives the copy its own replica") {
  FixedClock clock("2026-11-26T09:00:00Z");
  auto origin = test::origin(clock);
  origin->records().create("asset", {{"name", text("Laptop")}, {"type", text("hardware")}});
  origin->records().remove("control", "annex-a-5.1");
  const Bundle bundle = origin->bundle("Anna Dvořák");
  clock.set("2026-11-27T08:00:00Z");

  auto copy = test::copy_of(bundle, clock);
  CHECK(copy->ws->id() == "ws-acme");
  CHECK(copy->ws->meta().name == "Acme 2026");
  CHECK(copy->ws->replica_id() != origin->ws->replica_id());
  CHECK(copy->records().author() == "Anna Dvořák");
  CHECK(test::register_of(*copy->ws) == test::register_of(*origin->ws));
  CHECK(copy->records().get("control", "annex-a-5.1")->deleted);  // not seeded again on top
  Statement sets = copy->records().database().prepare("SELECT description FROM change_sets");
  REQUIRE(sets.step());
  CHECK(sets.column_text(0) == "Imported from bundle of Anna Dvořák, exported 2026-11-26T09:00:00Z");
  CHECK_FALSE(sets.step());  // one change set

  // Opening it again changes nothing: the catalogs are complete.
  const std::string before = test::dump(copy->records().database());
  copy->ws.reset();
  copy->ws = Workspace::open(copy->dir.str(), clock, nullptr);
  CHECK(test::dump(copy->records().database()) == before);
}

TEST_CASE("merge: a bundle whose records break the rules does not become a workspace") {
  FixedClock clock("2026-11-26T09:00:00Z");
  auto origin = test::origin(clock);
  const std::string laptop = origin->records().create("asset", {{"name", text("Laptop")}, {"type", text("hardware")}});
  Bundle bundle = origin->bundle();
  for (BundleRecord& record : bundle.records) {
    if (record.id == laptop) record.fields["type"] = Value();
  }
  test::TempDir dir;
  CHECK(test::refusal([&] { bundle::import_as_new_workspace(dir.str(), bundle, clock, nullptr); }) ==
        "The bundle's asset 'Laptop' breaks a rule: Type is required. The bundle was not imported.");
  CHECK_FALSE(std::filesystem::exists(dir.file(Workspace::file_name)));
}
