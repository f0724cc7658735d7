// Issue 4, item 3: a record's history in the editor, "who changed what, when": change sets
// newest first, each field in words (labels, option labels, linked titles, "(empty)"), and
// creation, deletion and restoring as sentences of their own.
#include <doctest/doctest.h>

#include <algorithm>

#include "app/record_history.hpp"
#include "tests/app/open_workspace.hpp"

using isms::app::group_history;
using isms::app::HistoryGroup;
using isms::app::HistoryLine;
using isms::app::HistoryView;
using isms::app::read_record_history;
using isms::app::refresh_history;
using isms::app::shortened;
using isms::test::OpenWorkspace;

namespace {

struct HistoryWorkspace : OpenWorkspace {
  const isms::EntityDef& risk_def() { return records().registry().get("risk"); }
  std::vector<HistoryGroup> history_of(const std::string& id) { return read_record_history(records(), risk_def(), id); }
  // Saves as the editor does: the record as it is, with `fields` typed over it.
  void edit(const std::string& id, const std::map<std::string, std::string>& fields) {
    isms::app::RecordDraft draft = isms::app::draft_of(risk_def(), *records().get("risk", id));
    for (const auto& [key, text] : fields) draft.text[key] = text;
    REQUIRE_MESSAGE(session.save_record(draft), draft.problem);
  }
};

std::vector<std::string> texts(const HistoryGroup& group) {
  std::vector<std::string> lines;
  for (const HistoryLine& line : group.lines) lines.push_back(line.text);
  return lines;
}

bool has_line(const HistoryGroup& group, const std::string& text) {
  const std::vector<std::string> lines = texts(group);
  return std::find(lines.begin(), lines.end(), text) != lines.end();
}

}  // namespace

TEST_CASE_FIXTURE(HistoryWorkspace, "edits are grouped by change set, newest first, in words") {
  const std::string person = add("person", {{"name", "Ola Nordmann"}});
  const std::string risk = add_risk("Ransomware", 4, 3);
  edit(risk, {{"title", "Ransomware attack"}, {"threat", "Encryption of file shares"}});
  edit(risk, {{"owner", person}, {"status", "assessed"}});
  edit(risk, {{"threat", ""}});

  const std::vector<HistoryGroup> groups = history_of(risk);
  REQUIRE(groups.size() == 4);
  for (const HistoryGroup& group : groups) {
    CHECK(group.author == records().author());
    CHECK(group.at == std::string(isms::test::kToday) + "T08:00:00Z");
  }
  CHECK(groups[0].what == "Edited");
  CHECK(texts(groups[0]) == std::vector<std::string>{"Threat: Encryption of file shares → (empty)"});
  CHECK(groups[1].what == "Edited");
  // The owner by name, not by id; the status by its label.
  CHECK(has_line(groups[1], "Risk owner: (empty) → Ola Nordmann"));
  CHECK(has_line(groups[1], "Status: Identified → Assessed"));
  CHECK(groups[2].what == "Edited");
  CHECK(texts(groups[2]) ==
        std::vector<std::string>{"Title: Ransomware → Ransomware attack", "Threat: (empty) → Encryption of file shares"});
  // Creation: a sentence as the headline, then the values it was given (the empty ones left out).
  CHECK(groups[3].what == "Created");
  CHECK(has_line(groups[3], "Title: Ransomware"));
  CHECK(has_line(groups[3], "Inherent likelihood: 4"));
  CHECK(has_line(groups[3], "Status: Identified"));
  CHECK(std::none_of(groups[3].lines.begin(), groups[3].lines.end(),
                     [](const HistoryLine& line) { return line.text.find("(empty)") != std::string::npos; }));
}

TEST_CASE_FIXTURE(HistoryWorkspace, "deletion, restoring and undo have their own sentences") {
  const std::string risk = add_risk("Ransomware", 4, 3);
  edit(risk, {{"title", "Ransomware attack"}});
  REQUIRE(session.undo());  // the edit
  isms::app::RecordDraft draft = isms::app::draft_of(risk_def(), *records().get("risk", risk));
  REQUIRE(session.delete_record(draft, isms::OnLinks::Refuse));
  REQUIRE(records().restore("risk", risk).empty());

  const std::vector<HistoryGroup> groups = history_of(risk);
  REQUIRE(groups.size() == 5);
  CHECK(groups[0].what == "Restored");
  CHECK(groups[0].lines.empty());
  CHECK(groups[1].what == "Deleted");
  CHECK(groups[1].lines.empty());
  CHECK(groups[2].what == "Undo: edit of risk \"Ransomware attack\"");
  CHECK(texts(groups[2]) == std::vector<std::string>{"Title: Ransomware attack → Ransomware"});
  CHECK(groups[3].what == "Edited");
  CHECK(groups[4].what == "Created");

  // Undoing a creation deletes the record: said as a sentence under the undo.
  const std::string second = add_risk("Phishing", 3, 3);
  REQUIRE(session.undo());
  const std::vector<HistoryGroup> undone = history_of(second);
  REQUIRE(undone.size() == 2);
  CHECK(undone[0].what == "Undo: creation of risk \"Phishing\"");
  CHECK(texts(undone[0]) == std::vector<std::string>{"Deleted"});
  REQUIRE(session.redo());
  CHECK(texts(history_of(second)[0]) == std::vector<std::string>{"Restored"});
}

TEST_CASE("grouping on its own: descriptions, creation by a merge, unknown fields, links by title") {
  OpenWorkspace ws;
  const std::string person = ws.add("person", {{"name", "Ola Nordmann"}});
  const isms::EntityDef& def = ws.records().registry().get("risk");
  auto row = [](std::string set, std::string field, std::optional<std::string> before,
                std::optional<std::string> after, std::string author) {
    isms::HistoryEntry entry;
    entry.change_set = std::move(set);
    entry.kind = "risk";
    entry.record_id = "r1";
    entry.field = std::move(field);
    entry.old_value = std::move(before);
    entry.new_value = std::move(after);
    entry.author = std::move(author);
    entry.at = "2026-11-20T09:30:00Z";
    return entry;
  };
  const std::vector<isms::HistoryEntry> entries = {
      row("m", "title", std::nullopt, "Flood", "Kari"),
      row("m", "inherent_level", std::nullopt, "high", "Kari"),
      row("e", "owner", std::nullopt, person, "Anna"),
      row("e", "old_field", "x", "y", "Anna"),
      row("e", "owner", person, "gone-id", "Anna"),
      row("d", "title", "Flood", "Flood (old)", "Anna"),
      row("d", "_deleted", "0", "1", "Anna"),
  };
  const std::map<std::string, std::string> descriptions = {
      {"m", "Merged bundle from Kari, exported 2026-11-19T10:00:00Z"},
      {"e", "Updated Risk"},
      {"d", "Deleted Asset 'Server room'"},  // the risk was unlinked when an asset went
  };
  isms::report::TitleCache titles(ws.records());
  const std::vector<HistoryGroup> groups = group_history(def, entries, descriptions, titles);
  REQUIRE(groups.size() == 3);
  CHECK(groups[0].what == "Deleted Asset 'Server room'");
  CHECK(texts(groups[0]) == std::vector<std::string>{"Deleted", "Title: Flood → Flood (old)"});
  CHECK(groups[1].what == "Edited");
  CHECK(groups[1].author == "Anna");
  // In the form's order; a field the definition no longer has comes last, by its key.
  CHECK(texts(groups[1]) == std::vector<std::string>{"Risk owner: (empty) → Ola Nordmann",
                                                     "Risk owner: Ola Nordmann → gone-id", "old_field: x → y"});
  CHECK(groups[2].what == "Merged bundle from Kari, exported 2026-11-19T10:00:00Z");
  CHECK(groups[2].author == "Kari");
  CHECK(texts(groups[2]) == std::vector<std::string>{"Created", "Title: Flood", "Inherent level: High"});

  // A change set without a description is an edit.
  CHECK(group_history(def, {row("x", "title", "A", "B", "Anna")}, {}, titles).front().what == "Edited");
}

TEST_CASE("long values are shortened on one line, the full text kept for the tooltip") {
  CHECK(shortened("short") == "short");
  CHECK(shortened("two\nlines") == "two lines");
  CHECK(shortened("abcdef", 6) == "abcdef");
  CHECK(shortened("abcdefg", 6) == "abcde…");
  CHECK(shortened("Łódź Łódź", 5) == "Łódź…");  // code points, not bytes

  OpenWorkspace ws;
  const std::string risk = ws.add_risk("Ransomware", 4, 3);
  const std::string long_text(150, 'x');
  ws.records().update("risk", risk, {{"description", long_text}});
  const std::vector<HistoryGroup> groups = read_record_history(ws.records(), ws.records().registry().get("risk"), risk);
  REQUIRE(groups.front().lines.size() == 1);
  const HistoryLine& line = groups.front().lines.front();
  CHECK(line.text == "Description: (empty) → " + std::string(59, 'x') + "…");
  CHECK(line.full == "Description: (empty) → " + long_text);
}

TEST_CASE_FIXTURE(HistoryWorkspace, "the view reads the history once per record and change of the data") {
  const std::string first = add_risk("Ransomware", 4, 3);
  const std::string second = add_risk("Phishing", 3, 3);
  HistoryView view;
  const std::string ws_id = session.current()->id();
  for (int frame = 0; frame < 5; ++frame) {
    refresh_history(view, records(), risk_def(), ws_id, first, session.data_revision());
  }
  CHECK(view.reads == 1);
  CHECK(view.groups.size() == 1);

  view.shown = 2 * HistoryView::kPage;  // "Show older" was clicked
  edit(first, {{"title", "Ransomware attack"}});
  refresh_history(view, records(), risk_def(), ws_id, first, session.data_revision());
  CHECK(view.reads == 2);
  CHECK(view.groups.size() == 2);
  CHECK(view.shown == 2 * HistoryView::kPage);  // the same record keeps what was shown

  refresh_history(view, records(), risk_def(), ws_id, second, session.data_revision());
  CHECK(view.reads == 3);
  CHECK(view.shown == HistoryView::kPage);  // another record starts from the newest
  CHECK(view.groups.front().what == "Created");
}
