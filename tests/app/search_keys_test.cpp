// Search everywhere and the keyboard in register tables (issue 4): the logic behind
// app/views/search_box.cpp and the table of app/views/register_page.cpp, without ImGui.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/record_navigation.hpp"
#include "app/search_results.hpp"
#include "app/session.hpp"
#include "app/table_keys.hpp"
#include "app/ui_state.hpp"
#include "core/util/clock.hpp"
#include "tests/app/fake_platform.hpp"
#include "tests/core/temp_dir.hpp"

namespace {

using isms::FixedClock;
using isms::Record;
using isms::app::Page;
using isms::app::RecordDraft;
using isms::app::SearchBox;
using isms::app::Session;
using isms::app::TableAction;
using isms::app::TableCursor;
using isms::app::TableKeys;
using isms::app::UiState;
using isms::test::FakePlatform;
using isms::test::TempDir;

struct OpenWorkspace {
  TempDir dir;
  FakePlatform platform;
  FixedClock clock{"2026-11-26T08:00:00Z"};
  Session session{platform, clock, dir.str()};

  OpenWorkspace() {
    session.start();
    REQUIRE(session.create_workspace({"ISMS 2027", "Client GmbH", "Anna Dvořák"}).empty());
  }
  isms::Repository& records() { return session.current()->records(); }
  std::string add(const std::string& kind, const std::map<std::string, std::string>& fields) {
    RecordDraft draft = isms::app::draft_for_new(records().registry().get(kind));
    for (const auto& [key, text] : fields) draft.text[key] = text;
    const bool saved = session.save_record(draft);
    REQUIRE_MESSAGE(saved, kind << ": " << draft.problem);
    return draft.id;
  }
  std::string add_risk(const std::string& title) {
    return add("risk", {{"title", title}, {"inherent_likelihood", "3"}, {"inherent_impact", "3"}});
  }
  void search(SearchBox& box, const std::string& text) {
    box.text = text;
    // At once: a busy machine could make a search slow enough to wait for a pause in typing.
    isms::app::refresh_search(box, records(), session.current()->id(), session.data_revision(), 0, true);
  }
};

std::vector<Record> rows_of(std::initializer_list<const char*> ids) {
  std::vector<Record> rows;
  for (const char* id : ids) {
    Record record;
    record.id = id;
    rows.push_back(record);
  }
  return rows;
}

TableKeys key(bool TableKeys::*which) {
  TableKeys keys;
  keys.*which = true;
  return keys;
}

}  // namespace

TEST_CASE("search box: hits are read again only when the question or the data changes") {
  OpenWorkspace w;
  w.add_risk("Ransomware on file servers");
  SearchBox box;
  w.search(box, "ransom");
  REQUIRE(box.hits.size() == 1);
  CHECK(box.hits[0].title == "Ransomware on file servers");
  box.hits.clear();  // a frame without a change does not ask core again
  w.search(box, "ransom");
  CHECK(box.hits.empty());
  w.add_risk("Ransom demands by e-mail");  // new data: asked again
  w.search(box, "ransom");
  CHECK(box.hits.size() == 2);
  // Up and Down stop at the ends; a new question starts at the top again.
  isms::app::move_highlight(box, 1);
  isms::app::move_highlight(box, 1);
  CHECK(box.highlight == 1);
  isms::app::move_highlight(box, -5);
  CHECK(box.highlight == 0);
  isms::app::move_highlight(box, 1);
  w.search(box, "ransomware");
  CHECK(box.highlight == 0);
  // The workspace's own details are not a register to search.
  w.search(box, "Client GmbH");
  for (const isms::SearchHit& hit : box.hits) CHECK(hit.kind != "workspace");
}

TEST_CASE("search box: a slow search waits for a pause in typing, Enter does not wait") {
  OpenWorkspace w;
  w.add_risk("Ransomware");
  w.add_risk("Phishing");
  SearchBox box;
  const std::string ws = w.session.current()->id();
  box.text = "ransom";
  CHECK(isms::app::refresh_search(box, w.records(), ws, w.session.data_revision(), 10.0) == 0);  // quick so far
  REQUIRE(box.hits.size() == 1);
  box.last_cost_ms = 80;  // as on a large workspace
  box.text = "phish";
  const int wait = isms::app::refresh_search(box, w.records(), ws, w.session.data_revision(), 11.0);
  CHECK(wait > 0);
  CHECK(wait <= 251);
  CHECK(box.hits[0].title == "Ransomware");  // the last hits stay meanwhile
  CHECK(isms::app::refresh_search(box, w.records(), ws, w.session.data_revision(), 11.1) > 0);
  CHECK(isms::app::refresh_search(box, w.records(), ws, w.session.data_revision(), 11.3) == 0);  // paused
  REQUIRE(box.hits.size() == 1);
  CHECK(box.hits[0].title == "Phishing");
  box.last_cost_ms = 80;
  box.text = "ransomware";
  CHECK(isms::app::refresh_search(box, w.records(), ws, w.session.data_revision(), 12.0, true) == 0);
  CHECK(box.hits[0].title == "Ransomware");
}

TEST_CASE("search box: a hit opens its record, a part without a page its parent, never over unsaved text") {
  OpenWorkspace w;
  const std::string risk = w.add_risk("Ransomware");
  const std::string action = w.add("treatment_action", {{"title", "Offline backups"}, {"risk", risk}});
  const std::string kpi = w.add("kpi", {{"name", "Backups restored"}, {"target", "100"}, {"unit", "%"}});
  w.add("measurement", {{"kpi", kpi}, {"date", "2026-10-01"}, {"value", "90"}, {"note", "Quarterly restore test"}});
  SearchBox box;
  UiState ui;
  ui.page = Page::Dashboard;

  w.search(box, "offline");
  REQUIRE(box.hits.size() == 1);
  CHECK(isms::app::hit_context(w.records().registry(), box.hits[0]) == "Treatment action of Ransomware");
  REQUIRE(isms::app::open_search_hit(ui, w.records(), box.hits[0]));  // the treatment plan has a page
  CHECK(ui.page == Page::Register);
  CHECK(ui.table.kind == "treatment_action");
  CHECK(ui.draft.id == action);

  w.search(box, "quarterly");
  REQUIRE(box.hits.size() == 1);
  CHECK(isms::app::hit_context(w.records().registry(), box.hits[0]) == "Measurement of Backups restored");
  REQUIRE(isms::app::open_search_hit(ui, w.records(), box.hits[0]));  // measurements open their KPI
  CHECK(ui.table.kind == "kpi");
  CHECK(ui.draft.id == kpi);

  w.search(box, "A.5.15");  // a control of the Statement of Applicability
  REQUIRE(!box.hits.empty());
  CHECK(isms::app::hit_context(w.records().registry(), box.hits[0]) == "Control");
  REQUIRE(isms::app::open_search_hit(ui, w.records(), box.hits[0]));
  CHECK(ui.table.kind == "control");
  CHECK(ui.draft.id == "annex-a-5.15");

  // Unsaved text stays: its record is shown again, with the app's note.
  ui.draft.text["title"] = "Access control (draft)";
  ui.draft.dirty = true;
  w.search(box, "ransomware");
  REQUIRE(isms::app::open_search_hit(ui, w.records(), box.hits[0]));
  CHECK(ui.table.kind == "control");
  CHECK(ui.draft.id == "annex-a-5.15");
  CHECK(ui.draft.text.at("title") == "Access control (draft)");
  CHECK(ui.draft.problem == "Save or discard the changes to this record before opening another.");
}

TEST_CASE("table keys: arrows, pages and the ends move the selection, Enter opens, Delete asks") {
  const std::vector<Record> rows = rows_of({"a", "b", "c", "d", "e", "f", "g"});
  TableCursor cursor;
  cursor.page_rows = 3;
  // Nothing selected yet: the first key selects the first row and does nothing else.
  CHECK(apply_table_keys(cursor, key(&TableKeys::enter), rows) == TableAction::None);
  CHECK(cursor.id == "a");
  CHECK(cursor.scroll_pending);
  cursor.scroll_pending = false;
  CHECK(apply_table_keys(cursor, key(&TableKeys::up), rows) == TableAction::None);
  CHECK(cursor.id == "a");  // stops at the top
  CHECK_FALSE(cursor.scroll_pending);
  apply_table_keys(cursor, key(&TableKeys::down), rows);
  CHECK(cursor.id == "b");
  CHECK(cursor.scroll_pending);
  apply_table_keys(cursor, key(&TableKeys::page_down), rows);  // a page keeps one row in sight
  CHECK(cursor.id == "d");
  apply_table_keys(cursor, key(&TableKeys::page_down), rows);
  CHECK(cursor.id == "f");
  apply_table_keys(cursor, key(&TableKeys::page_down), rows);
  CHECK(cursor.id == "g");  // stops at the end
  apply_table_keys(cursor, key(&TableKeys::page_up), rows);
  CHECK(cursor.id == "e");
  apply_table_keys(cursor, key(&TableKeys::home), rows);
  CHECK(cursor.id == "a");
  apply_table_keys(cursor, key(&TableKeys::end), rows);
  CHECK(cursor.id == "g");
  CHECK(apply_table_keys(cursor, key(&TableKeys::enter), rows) == TableAction::Open);
  CHECK(apply_table_keys(cursor, key(&TableKeys::del), rows) == TableAction::Delete);
  CHECK(cursor.id == "g");
  CHECK(apply_table_keys(cursor, TableKeys{}, rows) == TableAction::None);
  CHECK(apply_table_keys(cursor, key(&TableKeys::down), {}) == TableAction::None);
}

TEST_CASE("table keys: the selection is found by id, and a row that goes leaves it at its place") {
  TableCursor cursor;
  cursor.id = "c";
  cursor.index = 2;
  CHECK(cursor_row(cursor, rows_of({"a", "b", "c"})) == 2);
  CHECK(cursor_row(cursor, rows_of({"c", "a", "b"})) == 0);  // sorted otherwise
  CHECK(cursor_row(cursor, rows_of({"a", "b", "d", "e"})) == 2);  // deleted: the row now there
  CHECK(cursor_row(cursor, rows_of({"a"})) == 0);                 // the table got shorter
  CHECK(cursor_row(cursor, {}) == -1);
  cursor.id.clear();
  CHECK(cursor_row(cursor, rows_of({"a"})) == -1);
  // Moving from a row that went: from its old place.
  cursor.id = "c";
  cursor.index = 2;
  apply_table_keys(cursor, key(&TableKeys::down), rows_of({"a", "b", "d", "e"}));
  CHECK(cursor.id == "e");
}

TEST_CASE("table keys: the scroll moves only as far as needed to show the selected row") {
  // A view of 100 px under a header of 20: four rows of 20 fit whole.
  CHECK(isms::app::scroll_to_show(0, 100, 20, 20, 0) == 0);
  CHECK(isms::app::scroll_to_show(0, 100, 20, 20, 3) == 0);
  CHECK(isms::app::scroll_to_show(0, 100, 20, 20, 4) == 20);  // the fifth: one row down
  CHECK(isms::app::scroll_to_show(200, 100, 20, 20, 5) == 100);  // above: it becomes the top row
  CHECK(isms::app::scroll_to_show(200, 100, 20, 20, 11) == 200);
}
