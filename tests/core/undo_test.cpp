// The undo stack (core/store/undo_stack.hpp): every kind of write the person makes undone and
// redone through history, refusals that write nothing, and the stack kept in the file.
#include <doctest/doctest.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/bundle/export.hpp"
#include "core/model/links.hpp"
#include "core/store/history_log.hpp"
#include "core/store/undo_stack.hpp"
#include "core/workspace/record_creation.hpp"
#include "core/workspace/workspace.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::test::TempDir;

namespace {

const WorkspaceDraft draft{"ISMS 2027", "Client GmbH", "Anna Dvořák"};
const std::string workspace_id = "0b5f7d1e-2c3a-4e5f-9a8b-7c6d5e4f3a2b";

Value text(std::string s) { return Value(std::move(s)); }

std::int64_t count_of(const Database& db, const std::string& sql) {
  Statement query = db.prepare(sql);
  query.step();
  return query.column_int64(0);
}

std::string versions_of(const Database& db, const std::string& id) {
  Statement query = db.prepare("SELECT versions FROM field_versions WHERE record_id = ?");
  query.bind(1, id);
  return query.step() ? query.column_text(0) : std::string();
}

struct UndoFixture {
  TempDir dir;
  FixedClock clock{"2026-11-26T09:00:00Z"};
  std::unique_ptr<Workspace> workspace = Workspace::create(dir.str(), workspace_id, draft, clock, nullptr);
  Repository* records = &workspace->records();
  int commits = 0;

  UndoFixture() { watch(); }
  void watch() {
    workspace->database().set_on_commit([this] { ++commits; });
  }

  UndoStack stack() { return UndoStack(*records); }

  // A write as the person makes it through the app: recorded on the undo stack.
  template <typename Write>
  auto as_person(Write write) {
    UndoStack::Recording recording(*records);
    return write();
  }

  std::string laptop() {
    return as_person([&] { return records->create("asset", {{"name", text("Laptop")}, {"type", text("hardware")}}); });
  }
  std::string field(const std::string& kind, const std::string& id, const std::string& key) {
    return to_display(records->get(kind, id)->get(key));
  }
  std::int64_t history_rows() { return count_of(workspace->database(), "SELECT count(*) FROM history"); }
};

}  // namespace

TEST_CASE_FIXTURE(UndoFixture, "undo: an edit is set back as a new change set, and redo puts it again") {
  const std::string id = laptop();
  as_person([&] { records->update("asset", id, {{"name", text("Laptop 2")}, {"description", text("Anna's")}}); });
  const std::string versions_after_edit = versions_of(workspace->database(), id);

  CHECK(stack().undo_label() == "edit of asset \"Laptop 2\"");
  CHECK(stack().undo() == "edit of asset \"Laptop 2\"");
  CHECK(field("asset", id, "name") == "Laptop");
  CHECK(field("asset", id, "description").empty());
  // The undo is an edit of its own: history rows under a new change set, versions advanced.
  const std::vector<HistoryEntry> history = records->history(id);
  REQUIRE(history.size() >= 2);
  const HistoryEntry& last = history.back();
  const std::vector<HistoryEntry> undo_set = select_change_set(workspace->database(), last.change_set);
  CHECK(undo_set.size() == 2);
  for (const HistoryEntry& row : undo_set) {
    if (row.field == "name") {
      CHECK(row.old_value == std::optional<std::string>("Laptop 2"));
      CHECK(row.new_value == std::optional<std::string>("Laptop"));
    } else {
      CHECK(row.field == "description");
      CHECK_FALSE(row.new_value.has_value());
    }
  }
  Statement description = workspace->database().prepare("SELECT description FROM change_sets WHERE id = ?");
  description.bind(1, last.change_set);
  REQUIRE(description.step());
  CHECK(description.column_text(0) == "Undo: edit of asset \"Laptop 2\"");
  CHECK(versions_of(workspace->database(), id) != versions_after_edit);

  CHECK(stack().can_redo());
  CHECK(stack().redo_label() == "edit of asset \"Laptop\"");
  stack().redo();
  CHECK(field("asset", id, "name") == "Laptop 2");
  CHECK(field("asset", id, "description") == "Anna's");
  CHECK_FALSE(stack().can_redo());
  // And back to the creation below it.
  CHECK(stack().undo() == "edit of asset \"Laptop 2\"");
  CHECK(stack().undo_label() == "creation of asset \"Laptop\"");
}

TEST_CASE_FIXTURE(UndoFixture, "undo: a creation becomes a tombstone, and redo brings the same record back") {
  const std::string id = laptop();
  CHECK(records->count("asset") == 1);
  stack().undo();
  CHECK(records->count("asset") == 0);
  REQUIRE(records->get("asset", id).has_value());
  CHECK(records->get("asset", id)->deleted);
  CHECK(records->history(id).back().field == "_deleted");
  CHECK(records->history(id).back().new_value == std::optional<std::string>("1"));
  CHECK_FALSE(stack().can_undo());  // the workspace's own making is not the person's edit

  stack().redo();
  CHECK(records->count("asset") == 1);
  CHECK(field("asset", id, "name") == "Laptop");
  CHECK(field("asset", id, "type") == "hardware");
}

TEST_CASE_FIXTURE(UndoFixture, "undo: a deletion with unlinking comes back with its parts and its links") {
  const std::string asset = laptop();
  const std::string risk = as_person([&] {
    return records->create("risk", {{"title", text("Ransomware")},
                                    {"inherent_likelihood", std::int64_t{4}},
                                    {"inherent_impact", std::int64_t{3}},
                                    {"assets", link_list({asset})}});
  });
  const std::string action = as_person([&] {
    return records->create("treatment_action", {{"title", text("Offline backups")}, {"risk", text(risk)}});
  });
  // The asset, unlinked from the risk; then the risk with its action (a part of it).
  as_person([&] { records->remove("asset", asset, OnLinks::Unlink); });
  CHECK(field("risk", risk, "assets").empty());
  as_person([&] { records->remove("risk", risk); });
  CHECK(records->get("treatment_action", action)->deleted);

  CHECK(stack().undo_label() == "deletion of risk \"Ransomware\"");
  stack().undo();
  CHECK_FALSE(records->get("risk", risk)->deleted);
  CHECK_FALSE(records->get("treatment_action", action)->deleted);
  CHECK(records->linked_from(risk).size() == 1);  // the link index follows

  stack().undo();
  CHECK_FALSE(records->get("asset", asset)->deleted);
  CHECK(field("risk", risk, "assets") == to_display(link_list({asset})));
  REQUIRE(records->linked_from(asset).size() == 1);
  CHECK(records->linked_from(asset)[0].id == risk);

  stack().redo();
  CHECK(records->get("asset", asset)->deleted);
  CHECK(field("risk", risk, "assets").empty());
  CHECK(records->linked_from(asset).empty());
}

TEST_CASE_FIXTURE(UndoFixture, "undo: restoring is undone like any write, and lifecycle steps are no obstacle") {
  const std::string id = laptop();
  as_person([&] { records->remove("asset", id); });
  as_person([&] { records->restore("asset", id); });
  CHECK(stack().undo_label() == "restoring of asset \"Laptop\"");
  stack().undo();
  CHECK(records->get("asset", id)->deleted);

  // Closed -> identified is no transition a person may make, but undoing the closing is.
  const std::string risk = as_person([&] {
    return records->create("risk",
                           {{"title", text("Ransomware")}, {"inherent_likelihood", std::int64_t{4}},
                            {"inherent_impact", std::int64_t{3}}});
  });
  as_person([&] { records->update("risk", risk, {{"status", text("closed")}}); });
  CHECK_THROWS_AS(records->update("risk", risk, {{"status", text("identified")}}), ValidationError);
  stack().undo();
  CHECK(field("risk", risk, "status") == "identified");
  CHECK(field("risk", risk, "inherent_score") == "12");  // computed fields stay derived
  stack().redo();
  CHECK(field("risk", risk, "status") == "closed");
}

TEST_CASE_FIXTURE(UndoFixture, "undo: one action of several change sets is one entry") {
  const std::string review = as_person([&] {
    return create_record(*records, "management_review", {{"title", text("Review 2026")}, {"date", text("2026-12-01")}},
                         "2026-11-26");
  });
  REQUIRE(records->count("review_input") == 10);
  CHECK(stack().undo_label() == "creation of management review \"Review 2026\"");
  stack().undo();
  CHECK(records->count("management_review") == 0);
  CHECK(records->count("review_input") == 0);
  CHECK_FALSE(stack().can_undo());
  stack().redo();
  CHECK(records->count("review_input") == 10);
  CHECK(field("management_review", review, "title") == "Review 2026");
}

TEST_CASE_FIXTURE(UndoFixture, "undo: a field changed since is named and nothing is written") {
  const std::string id = laptop();
  as_person([&] { records->update("asset", id, {{"name", text("Laptop 2")}}); });
  records->update("asset", id, {{"name", text("Laptop 3")}});  // another writer (a merge, say): not recorded
  const std::int64_t rows = history_rows();
  const int commits_before = commits;
  CHECK_THROWS_WITH_AS(stack().undo(),
                       "Cannot undo the edit of asset \"Laptop 3\": the asset 'Laptop 3' has had its Name changed "
                       "since (by another edit or a merge). Nothing was changed.",
                       StoreError);
  CHECK(history_rows() == rows);
  CHECK(commits == commits_before);
  CHECK(field("asset", id, "name") == "Laptop 3");
  CHECK(stack().can_undo());  // still there: the person may set the name back and try again
  CHECK_FALSE(stack().can_redo());
}

TEST_CASE_FIXTURE(UndoFixture, "undo: a result that breaks a rule is refused with the rule's message") {
  const std::string asset = laptop();
  // A risk made outside the stack now points at the laptop: undoing its creation would leave a dangling link.
  const std::string risk = records->create("risk", {{"title", text("Theft")},
                                                    {"inherent_likelihood", std::int64_t{2}},
                                                    {"inherent_impact", std::int64_t{2}},
                                                    {"assets", link_list({asset})}});
  const std::int64_t rows = history_rows();
  CHECK_THROWS_WITH_AS(stack().undo(),
                       "Cannot undo the creation of asset \"Laptop\": the asset 'Laptop' would be deleted, but Risk "
                       "'Theft' (Assets) links to it now. Remove those links first.",
                       StoreError);
  CHECK(history_rows() == rows);
  CHECK_FALSE(records->get("asset", asset)->deleted);

  // The person takes the laptop off the risk; the laptop is deleted since, outside the stack:
  // undoing would point the risk at a deleted asset.
  as_person([&] { records->update("risk", risk, {{"assets", link_list({})}}); });
  records->remove("asset", asset);
  const std::int64_t rows_now = history_rows();
  CHECK_THROWS_WITH_AS(stack().undo(),
                       "Cannot undo the edit of risk \"Theft\": the risk 'Theft' would break its rules: Assets points "
                       "to a deleted asset ('Laptop'). Restore it or choose another.",
                       StoreError);
  CHECK(history_rows() == rows_now);
  CHECK(field("risk", risk, "assets").empty());
}

TEST_CASE_FIXTURE(UndoFixture, "undo: a new edit drops what could be redone, a save that changes nothing keeps it") {
  const std::string id = laptop();
  as_person([&] { records->update("asset", id, {{"name", text("Laptop 2")}}); });
  stack().undo();
  REQUIRE(stack().can_redo());
  as_person([&] { records->update("asset", id, {{"name", text("Laptop")}}); });  // no change: nothing written
  CHECK(stack().can_redo());
  as_person([&] { records->update("asset", id, {{"description", text("new")}}); });
  CHECK_FALSE(stack().can_redo());
  CHECK(stack().undo_label() == "edit of asset \"Laptop\"");
  CHECK_THROWS_WITH_AS(stack().redo(), "There is nothing to redo.", StoreError);
}

TEST_CASE_FIXTURE(UndoFixture, "undo: the stack is kept in the file and survives closing and opening it") {
  const std::string id = laptop();
  as_person([&] { records->update("asset", id, {{"name", text("Laptop 2")}}); });
  as_person([&] { records->update("asset", id, {{"name", text("Laptop 3")}}); });
  stack().undo();
  workspace.reset();
  workspace = Workspace::open(dir.str(), clock, nullptr);
  records = &workspace->records();
  CHECK(stack().undo_label() == "edit of asset \"Laptop 2\"");
  CHECK(stack().redo_label() == "edit of asset \"Laptop 2\"");
  stack().redo();
  CHECK(field("asset", id, "name") == "Laptop 3");
  stack().undo();
  stack().undo();
  CHECK(field("asset", id, "name") == "Laptop");
}

TEST_CASE_FIXTURE(UndoFixture, "undo: only the last entries are kept") {
  const std::string id = laptop();
  for (std::size_t i = 0; i < UndoStack::kKeep + 5; ++i) {
    as_person([&] { records->update("asset", id, {{"name", text("Laptop " + std::to_string(i))}}); });
  }
  CHECK(count_of(workspace->database(), "SELECT count(*) FROM undo_entries") == UndoStack::kKeep);
  std::size_t undone = 0;
  while (stack().can_undo()) {
    stack().undo();
    ++undone;
  }
  CHECK(undone == UndoStack::kKeep);
  CHECK(field("asset", id, "name") == "Laptop 4");  // back to before the oldest kept edit
  CHECK(count_of(workspace->database(), "SELECT count(*) FROM undo_change_sets WHERE entry NOT IN "
                                        "(SELECT seq FROM undo_entries)") == 0);
}

TEST_CASE_FIXTURE(UndoFixture, "undo: a bundle exported after an undo has the undone values and no undo stack") {
  const std::string id = laptop();
  as_person([&] { records->update("asset", id, {{"name", text("Laptop 2")}}); });
  stack().undo();
  const bundle::Bundle exported = bundle::export_bundle(*workspace);
  bool found = false;
  for (const bundle::BundleRecord& record : exported.records) {
    if (record.id != id) continue;
    found = true;
    CHECK(to_display(record.fields.at("name")) == "Laptop");
  }
  CHECK(found);
  for (const bundle::BundleRecord& record : exported.records) CHECK(record.kind.find("undo") == std::string::npos);
}

TEST_CASE_FIXTURE(UndoFixture, "undo: writes made without a recording (merges, imports, seeding) are not undoable") {
  records->create("asset", {{"name", text("Server")}, {"type", text("hardware")}});
  CHECK_FALSE(stack().can_undo());
  CHECK(stack().undo_label().empty());
  CHECK_THROWS_WITH_AS(stack().undo(), "There is nothing to undo.", StoreError);
}
