#include <doctest/doctest.h>

#include "core/bundle/export.hpp"
#include "core/workspace/export_marks.hpp"
#include "core/workspace/workspace.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::test::TempDir;

namespace {

const WorkspaceDraft kDraft{"ISMS 2027", "Müller & Søn", "Anna Dvořák"};

struct Fixture {
  TempDir dir;
  FixedClock clock{"2026-11-02T09:00:00Z"};
  std::unique_ptr<Workspace> ws =
      Workspace::create(dir.str(), "7b0c8a34-0000-4000-8000-000000000001", kDraft, clock, nullptr);

  void add_asset(const std::string& name) {
    ws->records().create("asset", {{"name", name}, {"type", std::string("hardware")}});
  }
  bool has_table() { return ws->database().prepare("SELECT 1 FROM sqlite_master WHERE name = 'export_marks'").step(); }
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "export marks: reading a file without marks writes nothing") {
  CHECK_FALSE(export_marks::read(ws->database()).has_value());
  const auto r = export_marks::reminder(ws->database(), clock.now_utc(), 7);
  CHECK(r.never_exported);
  CHECK(r.changes > 0);  // the creation and the seeded catalogs: a file from before marks existed
  CHECK(r.due);
  CHECK_FALSE(has_table());
}

TEST_CASE_FIXTURE(Fixture, "export marks: the start of a workspace is not a change to remind of") {
  export_marks::record_start(ws->database());
  auto mark = export_marks::read(ws->database());
  REQUIRE(mark.has_value());
  CHECK(mark->exported_at.empty());
  CHECK(mark->change_seq == export_marks::latest_change(ws->database()));
  CHECK(mark->change_seq > 0);
  auto r = export_marks::reminder(ws->database(), clock.now_utc(), 7);
  CHECK_FALSE(r.due);
  CHECK(r.never_exported);
  CHECK(r.changes == 0);

  // Never exported, and now one change: due at once, whatever the number of days.
  add_asset("Laptop");
  r = export_marks::reminder(ws->database(), clock.now_utc(), 30);
  CHECK(r.due);
  CHECK(r.never_exported);
  CHECK(r.changes == 1);

  // A second start does not move the mark.
  export_marks::record_start(ws->database());
  CHECK(export_marks::read(ws->database())->change_seq == mark->change_seq);
}

TEST_CASE_FIXTURE(Fixture, "export marks: after an export, changes remind once the export is N days old") {
  export_marks::record_start(ws->database());
  add_asset("Laptop");
  clock.set("2026-11-03T10:00:00Z");
  export_marks::record_export(ws->database(), clock);
  const auto mark = export_marks::read(ws->database());
  REQUIRE(mark.has_value());
  CHECK(mark->exported_at == "2026-11-03T10:00:00Z");
  CHECK(mark->change_seq == export_marks::latest_change(ws->database()));

  auto r = export_marks::reminder(ws->database(), clock.now_utc(), 7);
  CHECK_FALSE(r.due);
  CHECK_FALSE(r.never_exported);
  CHECK(r.changes == 0);

  // Nothing changed since: no reminder however old the export is.
  clock.set("2026-12-24T10:00:00Z");
  CHECK_FALSE(export_marks::reminder(ws->database(), clock.now_utc(), 7).due);

  clock.set("2026-11-04T10:00:00Z");
  add_asset("Server");
  ws->records().create(
      "asset", {{"name", std::string("Router")}, {"type", std::string("hardware")}, {"location", std::string("Edge")}});
  r = export_marks::reminder(ws->database(), clock.now_utc(), 7);
  CHECK(r.changes == 2);  // two saves, however many fields each wrote
  CHECK(r.days_since_export == 1);
  CHECK_FALSE(r.due);

  clock.set("2026-11-10T09:59:59Z");  // 6 days, 23:59:59 after the export
  CHECK_FALSE(export_marks::reminder(ws->database(), clock.now_utc(), 7).due);
  clock.set("2026-11-10T10:00:00Z");
  r = export_marks::reminder(ws->database(), clock.now_utc(), 7);
  CHECK(r.days_since_export == 7);
  CHECK(r.due);
  // The number of days is the person's choice.
  CHECK_FALSE(export_marks::reminder(ws->database(), clock.now_utc(), 8).due);
  CHECK(export_marks::reminder(ws->database(), clock.now_utc(), 1).due);

  // A new export starts the count again.
  export_marks::record_export(ws->database(), clock);
  CHECK_FALSE(export_marks::reminder(ws->database(), clock.now_utc(), 1).due);
}

TEST_CASE_FIXTURE(Fixture, "export marks: recording a mark is not a change, and a bundle does not carry it") {
  export_marks::record_start(ws->database());
  const std::int64_t before = export_marks::latest_change(ws->database());
  clock.set("2031-01-01T00:00:00Z");
  export_marks::record_export(ws->database(), clock);
  CHECK(export_marks::latest_change(ws->database()) == before);
  CHECK_FALSE(export_marks::reminder(ws->database(), clock.now_utc(), 7).due);

  clock.set("2026-11-02T09:30:00Z");
  const std::string text = bundle::export_bundle_text(*ws, {});
  CHECK(text.find("2031-01-01") == std::string::npos);
  CHECK(text.find("export_marks") == std::string::npos);
}

TEST_CASE("export marks: whole days between two timestamps") {
  CHECK(export_marks::whole_days_between("2026-11-01T00:00:00Z", "2026-11-01T23:59:59Z") == 0);
  CHECK(export_marks::whole_days_between("2026-11-01T12:00:00Z", "2026-11-02T12:00:00Z") == 1);
  CHECK(export_marks::whole_days_between("2026-02-27T08:00:00Z", "2026-03-06T08:00:00Z") == 7);
  CHECK(export_marks::whole_days_between("2026-11-02T00:00:00Z", "2026-11-01T00:00:00Z") == 0);
  CHECK(export_marks::whole_days_between("", "2026-11-01T00:00:00Z") == 0);
  CHECK(export_marks::whole_days_between("2026-11-01T00:00:00Z", "not a time") == 0);
}
