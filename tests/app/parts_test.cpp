// A record's parts in its editor (issue 4): which registers are parts of which, the columns of
// their compact tables, their order, a part added, refused, corrected and deleted as the form
// does it; and a KPI's measurements as the series its chart draws.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app/kpi_series.hpp"
#include "app/part_registers.hpp"
#include "app/session.hpp"
#include "core/model/registry.hpp"
#include "core/util/clock.hpp"
#include "tests/app/fake_platform.hpp"
#include "tests/core/temp_dir.hpp"

namespace {

using isms::EntityDef;
using isms::FieldDef;
using isms::Record;
using isms::Registry;
using isms::Value;
using isms::app::PartRegister;
using isms::app::RecordDraft;
using isms::app::is_part_link;
using isms::app::part_registers;

std::vector<std::string> kinds_of(const std::vector<PartRegister>& parts) {
  std::vector<std::string> kinds;
  for (const PartRegister& part : parts) kinds.push_back(part.def->kind + "." + part.parent->key);
  return kinds;
}

std::vector<std::string> keys_of(const std::vector<const FieldDef*>& fields) {
  std::vector<std::string> keys;
  for (const FieldDef* field : fields) keys.push_back(field->key);
  return keys;
}

struct OpenWorkspace {
  isms::test::TempDir dir;
  isms::test::FakePlatform platform;
  isms::FixedClock clock{"2026-11-26T08:00:00Z"};
  isms::app::Session session{platform, clock, dir.str()};

  OpenWorkspace() {
    session.start();
    REQUIRE(session.create_workspace({"ISMS 2027", "Client GmbH", "Anna Dvořák"}).empty());
  }
  isms::Repository& records() { return session.current()->records(); }
  const PartRegister& part(const std::string& parent_kind, std::size_t index = 0) {
    static std::vector<PartRegister> parts;
    parts = part_registers(records().registry(), parent_kind);
    REQUIRE(parts.size() > index);
    return parts[index];
  }
  std::string add(const std::string& kind, const std::map<std::string, std::string>& fields) {
    RecordDraft draft = isms::app::draft_for_new(records().registry().get(kind));
    for (const auto& [key, text] : fields) draft.text[key] = text;
    REQUIRE_MESSAGE(session.save_record(draft), draft.problem << (draft.errors.empty() ? "" : draft.errors[0].message));
    return draft.id;
  }
  std::string add_part(const PartRegister& part, const std::string& parent, const std::map<std::string, std::string>& fields) {
    RecordDraft draft = isms::app::draft_for_new_part(part, parent);
    for (const auto& [key, text] : fields) draft.text[key] = text;
    REQUIRE_MESSAGE(session.save_record(draft), draft.problem << (draft.errors.empty() ? "" : draft.errors[0].message));
    return draft.id;
  }
};

std::vector<std::string> texts_of(const std::vector<Record>& records, const std::string& key) {
  std::vector<std::string> texts;
  for (const Record& record : records) texts.push_back(isms::to_display(record.get(key)));
  return texts;
}

}  // namespace

TEST_CASE("the part registers of a kind come from the definitions' part_of links") {
  const Registry& registry = Registry::builtin();
  CHECK(kinds_of(part_registers(registry, "kpi")) == std::vector<std::string>{"measurement.kpi"});
  CHECK(kinds_of(part_registers(registry, "management_review")) ==
        std::vector<std::string>{"review_input.review", "review_action.review"});
  CHECK(kinds_of(part_registers(registry, "audit")) == std::vector<std::string>{"audit_item.audit"});
  CHECK(kinds_of(part_registers(registry, "training_session")) ==
        std::vector<std::string>{"training_attendance.session"});
  CHECK(kinds_of(part_registers(registry, "risk")) == std::vector<std::string>{"treatment_action.risk"});
  CHECK(kinds_of(part_registers(registry, "nonconformity")) ==
        std::vector<std::string>{"corrective_action.nonconformity"});
  // A RACI cell is part of both its process and its role.
  CHECK(kinds_of(part_registers(registry, "process")) == std::vector<std::string>{"raci.process"});
  CHECK(kinds_of(part_registers(registry, "role")) == std::vector<std::string>{"raci.role"});
  // Attachments are part of a record of any kind: listed apart, never as a part register.
  CHECK(part_registers(registry, "asset").empty());
  CHECK(part_registers(registry, "measurement").empty());

  // Every part_of link to a named kind is found from its parent's side.
  for (const EntityDef& def : registry.all()) {
    for (const FieldDef& field : def.fields) {
      if (!field.part_of || field.link_kind == isms::any_kind) continue;
      const std::vector<PartRegister> parts = part_registers(registry, field.link_kind);
      CHECK_MESSAGE(std::any_of(parts.begin(), parts.end(),
                                [&](const PartRegister& p) { return p.def == &def && p.parent == &field; }),
                    def.kind << "." << field.key);
    }
  }
}

TEST_CASE("a part's compact table shows its title and the most telling fields, never the parent") {
  const Registry& registry = Registry::builtin();
  CHECK(keys_of(part_columns(part_registers(registry, "kpi")[0])) == std::vector<std::string>{"date", "value"});
  // The title, then enums, links and dates before numbers and text; in the form's order.
  CHECK(keys_of(part_columns(part_registers(registry, "audit")[0])) ==
        std::vector<std::string>{"question", "clause", "control", "result"});
  CHECK(keys_of(part_columns(part_registers(registry, "management_review")[0])) ==
        std::vector<std::string>{"topic", "input_id"});
  CHECK(keys_of(part_columns(part_registers(registry, "management_review")[1])) ==
        std::vector<std::string>{"title", "owner", "due_date", "status"});
  CHECK(keys_of(part_columns(part_registers(registry, "training_session")[0])) ==
        std::vector<std::string>{"person", "attended", "score"});
  CHECK(keys_of(part_columns(part_registers(registry, "process")[0], 2)) == std::vector<std::string>{"assignment", "role"});
}

TEST_CASE("a KPI's measurements are added, refused with the text kept, listed by date and deleted") {
  OpenWorkspace ws;
  const std::string kpi = ws.add("kpi", {{"name", "Patch compliance"}, {"unit", "%"}, {"target", "95"}});
  const std::string other = ws.add("kpi", {{"name", "Phishing clicks"}});
  const PartRegister& measurements = ws.part("kpi");

  // A new part's form has its parent filled in.
  RecordDraft draft = isms::app::draft_for_new_part(measurements, kpi);
  CHECK(draft.kind == "measurement");
  CHECK(draft.text.at("kpi") == kpi);

  // Refused: the message is the field's, every typed text stays, nothing is written.
  draft.text["date"] = "2026-03-31";
  draft.text["value"] = "ninety";
  CHECK_FALSE(ws.session.save_record(draft));
  REQUIRE(draft.errors.size() == 1);
  CHECK(draft.errors[0].field == "value");
  CHECK(draft.errors[0].message == "Value must be a number.");
  CHECK(draft.text.at("value") == "ninety");
  CHECK(draft.text.at("date") == "2026-03-31");
  CHECK(draft.is_new());
  CHECK(parts_of(ws.records(), measurements, kpi).empty());
  draft.text["value"] = "91.5";
  REQUIRE(ws.session.save_record(draft));

  // Listed by date whatever the order they were entered in, and only the KPI's own.
  ws.add_part(measurements, kpi, {{"date", "2026-01-31"}, {"value", "88"}});
  ws.add_part(measurements, kpi, {{"date", "2026-02-28"}, {"value", "90"}});
  ws.add_part(measurements, other, {{"date", "2026-02-28"}, {"value", "3"}});
  std::vector<Record> rows = parts_of(ws.records(), measurements, kpi);
  CHECK(texts_of(rows, "date") == std::vector<std::string>{"2026-01-31", "2026-02-28", "2026-03-31"});
  CHECK(texts_of(rows, "value") == std::vector<std::string>{"88", "90", "91.5"});

  // Edited and deleted as the form and its question do it.
  RecordDraft edit = isms::app::draft_of(*measurements.def, rows[1]);
  edit.text["value"] = "89";
  REQUIRE(ws.session.save_record(edit));
  RecordDraft removing = isms::app::draft_of(*measurements.def, rows[0]);
  REQUIRE(ws.session.delete_record(removing, isms::OnLinks::Refuse));
  rows = parts_of(ws.records(), measurements, kpi);
  CHECK(texts_of(rows, "value") == std::vector<std::string>{"89", "91.5"});

  // The "Linked from" list leaves the parts to their sections.
  for (const isms::LinkedRecord& referrer : ws.records().linked_from(kpi)) {
    CHECK(is_part_link(ws.records().registry(), referrer, "kpi") == (referrer.kind == "measurement"));
  }
  CHECK_FALSE(is_part_link(ws.records().registry(), {"attachment", "x", "x", "record"}, "kpi"));
}

TEST_CASE("a management review's pre-filled inputs are listed a to g, made in the same second") {
  OpenWorkspace ws;
  const std::string review = ws.add("management_review", {{"title", "Management review 2026"}, {"date", "2026-12-10"}});
  const std::vector<Record> inputs = parts_of(ws.records(), ws.part("management_review", 0), review);
  REQUIRE(inputs.size() == 10);
  CHECK(texts_of(inputs, "input_id") ==
        std::vector<std::string>{"a", "b", "c", "d1", "d2", "d3", "d4", "e", "f", "g"});
  CHECK(parts_of(ws.records(), ws.part("management_review", 1), review).empty());
}

namespace {

Record kpi_record(Value target, std::string unit = "") {
  Record kpi;
  kpi.id = "kpi-1";
  kpi.fields["target"] = std::move(target);
  if (!unit.empty()) kpi.fields["unit"] = unit;
  return kpi;
}

Record measurement(const std::string& date, Value value) {
  Record m;
  m.id = "m-" + date;
  m.fields["date"] = date;
  m.fields["value"] = std::move(value);
  return m;
}

}  // namespace

TEST_CASE("a KPI's series is in date order with its target inside round axis ticks") {
  using isms::app::kpi_series;
  const isms::app::KpiSeries series =
      kpi_series(kpi_record(95.0, "%"), {measurement("2026-03-31", 91.5), measurement("2026-01-31", std::int64_t{72}),
                                         measurement("2026-02-28", 90.0)});
  REQUIRE(series.points.size() == 3);
  CHECK(series.points[0].date == "2026-01-31");
  CHECK(series.points[0].value == 72.0);
  CHECK(series.points[2].date == "2026-03-31");
  CHECK(series.points[1].day - series.points[0].day == 28);
  CHECK(series.first_day == series.points[0].day);
  CHECK(series.last_day == series.points[2].day);
  REQUIRE(series.target.has_value());
  CHECK(*series.target == 95.0);
  CHECK(series.unit == "%");
  // 72 to 95 and some room, in round steps: no point and no target on the frame's edge.
  CHECK(series.ticks == std::vector<double>{70, 80, 90, 100});
  CHECK(series.low == 70);
  CHECK(series.high == 100);
}

TEST_CASE("a KPI's series: no target, one value, one day twice, unreadable measurements") {
  using isms::app::kpi_series;
  // Without a target the range is the values'; a flat series gets room on both sides.
  const auto flat = kpi_series(kpi_record(Value{}), {measurement("2026-05-01", 4.0), measurement("2026-06-01", 4.0)});
  CHECK_FALSE(flat.target.has_value());
  CHECK(flat.low < 4.0);
  CHECK(flat.high > 4.0);
  // One day measured twice: both kept, in the order entered (the later corrects).
  const auto twice = kpi_series(kpi_record(Value{}), {measurement("2026-05-01", 1.0), measurement("2026-05-01", 2.0)});
  REQUIRE(twice.points.size() == 2);
  CHECK(twice.points[0].value == 1.0);
  CHECK(twice.points[1].value == 2.0);
  CHECK(twice.first_day == twice.last_day);
  // What cannot be drawn is left out.
  const auto bad = kpi_series(kpi_record(10.0), {measurement("2026-13-01", 1.0), measurement("2026-05-01", Value{}),
                                                  measurement("2026-05-02", 12.0)});
  REQUIRE(bad.points.size() == 1);
  CHECK(bad.points[0].value == 12.0);
  CHECK(bad.ticks.front() < 10.0);
  CHECK(bad.ticks.back() > 12.0);
  // None at all: an empty series with an axis still.
  const auto none = kpi_series(kpi_record(Value{}), {});
  CHECK(none.points.empty());
  CHECK(none.ticks.size() >= 2);
}

TEST_CASE("round axis ticks and their text") {
  using isms::app::round_ticks;
  CHECK(round_ticks(0, 97) == std::vector<double>{0, 20, 40, 60, 80, 100});
  CHECK(round_ticks(0.1, 0.3, 2) == std::vector<double>{0.1, 0.2, 0.3});
  CHECK(round_ticks(-3, 2) == std::vector<double>{-3, -2, -1, 0, 1, 2});
  CHECK(isms::app::tick_text(0.30000000000000004) == "0.3");
  CHECK(isms::app::tick_text(40) == "40");
  CHECK(isms::app::tick_text(-2.5) == "-2.5");
}
