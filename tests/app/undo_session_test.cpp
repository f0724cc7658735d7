// Issue 4 natively: undo and redo through the Session, as the top bar and the keys call them.
#include <doctest/doctest.h>

#include "app/session.hpp"
#include "core/util/clock.hpp"
#include "tests/app/fake_platform.hpp"
#include "tests/core/temp_dir.hpp"

using isms::FixedClock;
using isms::WorkspaceDraft;
using isms::app::RecordDraft;
using isms::app::Session;
using isms::test::FakePlatform;
using isms::test::TempDir;

namespace {

struct UndoSession {
  TempDir dir;
  FakePlatform platform;
  FixedClock clock{"2026-11-26T10:00:00Z"};
  Session session{platform, clock, dir.str()};
  std::string workspace_id;

  UndoSession() {
    session.start();
    REQUIRE(session.create_workspace({"ISMS 2027", "Contoso GmbH", "Jan Nowak"}).empty());
    workspace_id = session.current()->id();
  }
  RecordDraft new_risk(const std::string& title) {
    RecordDraft draft = isms::app::draft_for_new(session.current()->registry().get("risk"));
    draft.text["title"] = title;
    draft.text["inherent_likelihood"] = "4";
    draft.text["inherent_impact"] = "3";
    REQUIRE(session.save_record(draft));
    return draft;
  }
  std::string title_of(const std::string& id) {
    const auto record = session.current()->records().get("risk", id);
    REQUIRE(record.has_value());
    return record->deleted ? "(deleted)" : isms::to_display(record->get("title"));
  }
};

}  // namespace

TEST_CASE_FIXTURE(UndoSession, "undo and redo of the person's saves, with labels and notices") {
  // A new workspace (its catalogs, its seeded program) has nothing to undo.
  CHECK_FALSE(session.can_undo());
  CHECK_FALSE(session.can_redo());
  CHECK(session.undo_label().empty());
  CHECK_FALSE(session.undo());
  CHECK(session.problem() == "Nothing was undone: There is nothing to undo.");
  session.dismiss_problem();

  RecordDraft risk = new_risk("Ransomware");
  risk.text["title"] = "Ransomware attack";
  REQUIRE(session.save_record(risk));
  CHECK(session.can_undo());
  CHECK(session.undo_label() == "edit of risk \"Ransomware attack\"");

  const auto revision = session.data_revision();
  const auto merges = session.merges_done();
  REQUIRE(session.undo());
  CHECK(title_of(risk.id) == "Ransomware");
  CHECK(session.notice() == "Undone: edit of risk \"Ransomware attack\".");
  CHECK(session.data_revision() > revision);  // the table reads again
  CHECK(session.merges_done() > merges);      // and so does the editor
  CHECK(session.rewritten_by_undo(risk.id));
  CHECK(session.redo_label() == "edit of risk \"Ransomware\"");
  CHECK(session.undo_label() == "creation of risk \"Ransomware\"");

  REQUIRE(session.redo());
  CHECK(title_of(risk.id) == "Ransomware attack");
  CHECK(session.notice() == "Redone: edit of risk \"Ransomware\".");
  CHECK_FALSE(session.can_redo());

  REQUIRE(session.undo());
  REQUIRE(session.undo());
  CHECK(title_of(risk.id) == "(deleted)");
  CHECK(session.current()->records().count("risk") == 0);
}

TEST_CASE_FIXTURE(UndoSession, "deleting through the session is undone, and a refusal becomes the problem shown") {
  RecordDraft risk = new_risk("Ransomware");
  REQUIRE(session.delete_record(risk, isms::OnLinks::Refuse));
  CHECK(session.undo_label() == "deletion of risk \"Ransomware\"");
  REQUIRE(session.undo());
  CHECK(title_of(risk.id) == "Ransomware");

  RecordDraft edited = isms::app::draft_of(session.current()->registry().get("risk"),
                                           *session.current()->records().get("risk", risk.id));
  edited.text["title"] = "Ransomware attack";
  REQUIRE(session.save_record(edited));

  // Someone else's write (a merge, say) changed the title since the person's edit.
  session.current()->records().update("risk", risk.id, {{"title", std::string("Changed elsewhere")}});
  const auto revision = session.data_revision();
  CHECK_FALSE(session.undo());
  CHECK(session.problem() ==
        "Nothing was undone: Cannot undo the edit of risk \"Changed elsewhere\": the risk 'Changed elsewhere' has "
        "had its Title changed since (by another edit or a merge). Nothing was changed.");
  CHECK(session.data_revision() == revision);
  CHECK(title_of(risk.id) == "Changed elsewhere");
}

TEST_CASE_FIXTURE(UndoSession, "the stack survives closing and opening the workspace, and a read-only tab refuses") {
  RecordDraft risk = new_risk("Ransomware");
  risk.text["title"] = "Ransomware attack";
  REQUIRE(session.save_record(risk));
  REQUIRE(session.undo());
  const std::string ws_dir = session.current()->dir();
  session.close_workspace();

  platform.held_elsewhere.insert(ws_dir);
  session.open_workspace(workspace_id);
  REQUIRE(session.current() != nullptr);
  REQUIRE(session.read_only());
  CHECK(session.can_redo());  // what there is, shown; but not done here
  CHECK_FALSE(session.redo());
  CHECK(session.problem() == Session::kReadOnlyMessage);
  CHECK(title_of(risk.id) == "Ransomware");
  session.dismiss_problem();
  session.close_workspace();

  platform.held_elsewhere.clear();
  session.open_workspace(workspace_id);
  REQUIRE_FALSE(session.read_only());
  CHECK(session.redo_label() == "edit of risk \"Ransomware\"");
  REQUIRE(session.redo());
  CHECK(title_of(risk.id) == "Ransomware attack");
  REQUIRE(session.undo());
  CHECK(title_of(risk.id) == "Ransomware");
}

TEST_CASE_FIXTURE(UndoSession, "renaming the open workspace is undoable too") {
  REQUIRE(session.rename_workspace(workspace_id, "ISMS 2028").empty());
  CHECK(session.undo_label() == "edit of workspace \"ISMS 2028\"");
  REQUIRE(session.undo());
  CHECK(session.current()->meta().name == "ISMS 2027");
}
