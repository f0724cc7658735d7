// The logic behind the dashboard, the risk matrix and the Statement of Applicability view
// (issue 4): what they show comes from core's figures and is read once per change; a click
// opens a record without dropping unsaved work; an in-place SoA edit goes through the rules.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "app/dashboard_figures.hpp"
#include "app/record_navigation.hpp"
#include "app/risk_matrix_counts.hpp"
#include "app/session.hpp"
#include "app/soa_rows.hpp"
#include "app/ui_state.hpp"
#include "core/figures/figures.hpp"
#include "core/kpi/kpi_register.hpp"
#include "core/util/clock.hpp"
#include "tests/app/fake_platform.hpp"
#include "tests/app/open_workspace.hpp"
#include "tests/core/temp_dir.hpp"

namespace {

using isms::FixedClock;
using isms::Record;
using isms::to_display;
using isms::Value;
using isms::app::DashboardCache;
using isms::app::DashboardFigures;
using isms::app::MatrixCell;
using isms::app::Page;
using isms::app::RecordDraft;
using isms::app::Session;
using isms::app::SoaEdit;
using isms::app::SoaRow;
using isms::app::SoaTable;
using isms::app::UiState;
using isms::test::FakePlatform;
using isms::test::kToday;
using isms::test::OpenWorkspace;
using isms::test::TempDir;

const SoaRow& row_of(const SoaTable& table, const std::string& ref) {
  const auto found =
      std::find_if(table.rows.begin(), table.rows.end(), [&](const SoaRow& row) { return row.ref == ref; });
  REQUIRE(found != table.rows.end());
  return *found;
}

std::size_t position_of(const SoaTable& table, const std::string& ref) {
  return static_cast<std::size_t>(&row_of(table, ref) - table.rows.data());
}

}  // namespace

TEST_CASE("dashboard: figures come from core and are computed once per change of the workspace") {
  OpenWorkspace w;
  DashboardCache cache;
  const DashboardFigures& empty = cache.get(w.session);
  CHECK(cache.computations() == 1);
  CHECK(empty.today == kToday);
  CHECK(empty.soa.total.controls == 93);
  CHECK(empty.soa.total.undecided == 93);
  CHECK(empty.risks == 0);
  CHECK(empty.above_appetite.empty());
  CHECK(empty.kpi_counts.at("no_data") == 0);
  CHECK(empty.program.milestones == isms::figures::program_progress(w.records()).milestones);
  cache.get(w.session);
  cache.get(w.session);
  CHECK(cache.computations() == 1);  // frames without a change reuse the figures

  const std::string ransomware = w.add_risk("Ransomware", 4, 4);  // 16: high, above the Medium appetite
  w.add_risk("Phishing", 2, 2);                                   // 4: low
  const std::string action = w.add(
      "treatment_action", {{"title", "Patch the file servers"}, {"risk", ransomware}, {"due_date", "2026-11-01"}});
  const std::string kpi = w.add("kpi", {{"name", "Patched within 14 days"}, {"target", "95"}, {"unit", "%"}});
  for (const auto& [date, value] : {std::pair{"2026-10-01", "80"},
                                    {"2026-08-01", "70"},
                                    {"2026-09-01", "75"},
                                    {"2026-12-31", "99"}}) {  // the last one is in the future
    w.add("measurement", {{"kpi", kpi}, {"date", date}, {"value", value}});
  }
  w.add("objective", {{"title", "Fewer incidents"}});

  const DashboardFigures& f = cache.get(w.session);
  CHECK(cache.computations() == 2);
  CHECK(f.risks == 2);
  CHECK(f.risk_levels.inherent.at("high") == 1);
  CHECK(f.risk_levels.inherent.at("low") == 1);
  CHECK(f.risk_levels.residual.at("") == 2);  // neither is treated yet
  REQUIRE(f.above_appetite.size() == 1);
  CHECK(f.above_appetite[0].id == ransomware);
  CHECK(f.appetite == isms::RiskLevel::Medium);
  CHECK(f.objectives.at("draft") == 1);
  CHECK(f.objectives == isms::figures::objectives_by_status(w.records()));

  // The KPI: judged by core's rules, its sparkline the values up to today in date order.
  CHECK(f.kpi_counts == isms::kpi_status_counts(w.records(), kToday));
  REQUIRE(f.kpis.size() == 1);
  CHECK(f.kpis[0].name == "Patched within 14 days");
  CHECK(f.kpis[0].status == isms::KpiStatus::OffTarget);
  CHECK(f.kpis[0].trend == isms::KpiTrend::Improving);
  CHECK(f.kpis[0].latest == doctest::Approx(80));
  CHECK(f.kpis[0].recent == std::vector<float>{70, 75, 80});

  // The overdue action is listed, with what it is and its date.
  const auto listed = std::find_if(f.overdue.begin(), f.overdue.end(),
                                   [&](const isms::app::OverdueItem& item) { return item.id == action; });
  REQUIRE(listed != f.overdue.end());
  CHECK(listed->kind == "treatment_action");
  CHECK(listed->what == "Treatment action");
  CHECK(listed->title == "Patch the file servers");
  CHECK(listed->detail == "2026-11-01");

  // A new day is a new "overdue": computed again without any change of the data.
  w.clock.set("2026-11-27T00:00:01Z");
  CHECK(cache.get(w.session).today == "2026-11-27");
  CHECK(cache.computations() == 3);
}

TEST_CASE("dashboard: a record opens in its register's editor, and unsaved changes are never dropped for it") {
  OpenWorkspace w;
  const std::string risk = w.add_risk("Ransomware", 3, 3);
  const std::string action =
      w.add("treatment_action", {{"title", "Patch the file servers"}, {"risk", risk}, {"due_date", "2026-11-01"}});
  UiState ui;
  ui.page = Page::Dashboard;
  REQUIRE(isms::app::open_in_register(ui, w.records(), "treatment_action", action));
  CHECK(ui.page == Page::Register);
  CHECK(ui.table.kind == "treatment_action");
  CHECK(ui.draft.kind == "treatment_action");
  CHECK(ui.draft.id == action);
  CHECK(ui.draft.text.at("title") == "Patch the file servers");

  // Typed and not saved: opening another record shows this one again, with a note, text intact.
  ui.draft.text["title"] = "Patch every server";
  ui.draft.dirty = true;
  ui.page = Page::Dashboard;
  REQUIRE(isms::app::open_in_register(ui, w.records(), "risk", risk));
  CHECK(ui.page == Page::Register);
  CHECK(ui.table.kind == "treatment_action");
  CHECK(ui.draft.id == action);
  CHECK(ui.draft.text.at("title") == "Patch every server");
  CHECK(ui.draft.problem == "Save or discard the changes to this record before opening another.");

  // A record deleted meanwhile opens nothing.
  ui.draft = RecordDraft{};
  RecordDraft doomed = isms::app::draft_of(w.records().registry().get("risk"), *w.records().get("risk", risk));
  REQUIRE(w.session.delete_record(doomed, isms::OnLinks::Refuse));
  ui.page = Page::Dashboard;
  CHECK_FALSE(isms::app::open_in_register(ui, w.records(), "risk", risk));
  CHECK(ui.page == Page::Dashboard);
}

TEST_CASE("risk matrix: risks are counted per cell before and after treatment, and a cell narrows the table") {
  OpenWorkspace w;
  w.add_risk("Ransomware", 4, 3);
  const std::string treated = w.add_risk("Stolen laptop", 4, 3);
  w.add_risk("Phishing", 1, 1);
  RecordDraft draft = isms::app::draft_of(w.records().registry().get("risk"), *w.records().get("risk", treated));
  draft.text["residual_likelihood"] = "2";
  draft.text["residual_impact"] = "3";
  REQUIRE(w.session.save_record(draft));

  isms::app::RiskMatrixCache cache;
  const isms::app::RiskMatrixCounts& m = cache.get(w.session);
  CHECK(m.risks == 3);
  CHECK(m.count({false, 4, 3}) == 2);
  CHECK(m.count({false, 1, 1}) == 1);
  CHECK(m.count({false, 3, 4}) == 0);  // likelihood and impact are not interchangeable
  CHECK(m.count({true, 2, 3}) == 1);
  CHECK(m.count({true, 4, 3}) == 0);
  CHECK(m.count({false, 6, 1}) == 0);  // off the 5x5 scale: no cell, no crash
  CHECK(m.not_assessed == 0);
  CHECK(m.not_treated == 2);
  CHECK(m.score({false, 4, 3}) == 12);
  CHECK(m.level({false, 4, 3}) == isms::RiskLevel::High);
  CHECK(m.level({false, 1, 1}) == isms::RiskLevel::Low);

  // The cell as a filter: exactly the risks counted in it.
  isms::RecordQuery inherent;
  isms::app::add_cell_conditions(inherent, {false, 4, 3});
  CHECK(w.records().query("risk", inherent).size() == 2);
  isms::RecordQuery residual;
  isms::app::add_cell_conditions(residual, {true, 2, 3});
  const std::vector<Record> narrowed = w.records().query("risk", residual);
  REQUIRE(narrowed.size() == 1);
  CHECK(narrowed[0].id == treated);
  CHECK(isms::app::describe_cell({false, 4, 3}, m.method) ==
        "Before treatment: likelihood 4 (Likely) × impact 3 (Moderate)");
  CHECK(isms::app::describe_cell({true, 2, 3}, m.method) ==
        "After treatment: likelihood 2 (Unlikely) × impact 3 (Moderate)");

  // Read again after a change, not before.
  const isms::app::RiskMatrixCounts* first = &cache.get(w.session);
  CHECK(first->count({false, 1, 1}) == 1);
  w.add_risk("Insider", 1, 1);
  CHECK(cache.get(w.session).count({false, 1, 1}) == 2);
}

TEST_CASE("soa: references in Annex A's order, controls grouped by theme, counted as core counts them") {
  CHECK(isms::app::ref_before("5.2", "5.10"));
  CHECK_FALSE(isms::app::ref_before("5.10", "5.2"));
  CHECK(isms::app::ref_before("5.37", "6.1"));
  CHECK(isms::app::ref_before("C-2", "C-10"));
  CHECK_FALSE(isms::app::ref_before("8.1", "8.1"));
  CHECK(isms::app::ref_before("8.1", "8.1a"));
  CHECK_FALSE(isms::app::ref_before("c-1", "C-1"));
  CHECK_FALSE(isms::app::ref_before("C-1", "c-1"));

  OpenWorkspace w;
  w.add("control", {{"ref", "C-1"}, {"title", "Clean desk checks"}, {"theme", "organizational"}});
  const SoaTable table = isms::app::read_soa(w.records());
  CHECK(table.rows.size() == 94);
  REQUIRE(table.themes.size() == 4);
  CHECK(table.themes[0].value == "organizational");
  CHECK(table.themes[0].label == "Organizational");
  CHECK(table.themes[0].rows.size() == 38);  // 37 of Annex A and the organisation's own
  CHECK(table.themes[1].rows.size() == 8);
  CHECK(table.themes[2].rows.size() == 14);
  CHECK(table.themes[3].rows.size() == 34);
  CHECK(table.rows[table.themes[0].rows.front()].ref == "5.1");
  CHECK(table.rows[table.themes[0].rows.back()].ref == "C-1");  // after Annex A's
  CHECK(position_of(table, "5.2") < position_of(table, "5.10"));
  CHECK(table.rows[table.themes[3].rows.back()].ref == "8.34");
  const isms::figures::SoaCoverage core = isms::figures::soa_coverage(w.records());
  for (const isms::app::SoaTheme& theme : table.themes) {
    CHECK(theme.coverage.controls == core.by_theme.at(theme.value).controls);
    CHECK(theme.coverage.undecided == core.by_theme.at(theme.value).undecided);
  }
}

TEST_CASE("soa: a row's edit is saved through the control's rules, a refusal keeps what was chosen and typed") {
  OpenWorkspace w;
  isms::app::SoaView view;
  const SoaRow row = row_of(view.table(w.session), "5.1");
  CHECK(row.applicable == "undecided");
  // Someone wrote the control's implementation elsewhere after the row was read.
  w.records().update("control", row.id, {{"implementation_description", Value("Policy set approved in May.")}});

  SoaEdit edit = isms::app::edit_of(row);
  edit.applicable = "yes";
  const std::uint64_t before = w.session.data_revision();
  CHECK_FALSE(isms::app::save_soa_edit(w.session, row.id, edit));
  CHECK(w.session.data_revision() == before);  // nothing written
  REQUIRE(edit.errors.size() == 1);
  CHECK(edit.errors[0].field == "justification");
  CHECK(edit.errors[0].message == "Justification is required for every applicability decision.");
  CHECK(edit.applicable == "yes");  // the choice stays, to be completed
  CHECK(to_display(w.records().get("control", row.id)->get("applicable")) == "undecided");

  edit.justification = "  The base of every other control.  ";
  edit.status = "implemented";
  REQUIRE(isms::app::save_soa_edit(w.session, row.id, edit));
  CHECK(edit.errors.empty());
  CHECK(w.session.notice().empty());  // the row shows it; no banner per choice
  const Record stored = *w.records().get("control", row.id);
  CHECK(to_display(stored.get("applicable")) == "yes");
  CHECK(to_display(stored.get("justification")) == "The base of every other control.");
  CHECK(to_display(stored.get("implementation_status")) == "implemented");
  CHECK(to_display(stored.get("implementation_description")) == "Policy set approved in May.");  // left alone

  // The view reads the table again after the change: the row and its theme's counts.
  const SoaTable& again = view.table(w.session);
  CHECK(row_of(again, "5.1").applicable == "yes");
  CHECK(again.themes[0].coverage.applicable == 1);
  CHECK(again.themes[0].coverage.implemented == 1);
  CHECK(isms::figures::soa_coverage(w.records()).by_theme.at("organizational").implemented == 1);

  // A control deleted meanwhile: said so, and the edit is kept.
  const std::string custom = w.add("control", {{"ref", "C-1"}, {"title", "Clean desk checks"}, {"theme", "people"}});
  RecordDraft doomed = isms::app::draft_of(w.records().registry().get("control"), *w.records().get("control", custom));
  SoaEdit late = isms::app::edit_of(row_of(view.table(w.session), "C-1"));
  REQUIRE(w.session.delete_record(doomed, isms::OnLinks::Refuse));
  late.applicable = "no";
  late.justification = "Not relevant here.";
  CHECK_FALSE(isms::app::save_soa_edit(w.session, custom, late));
  CHECK(late.problem == "This control was deleted meanwhile; what you chose here was not saved.");
  CHECK(late.justification == "Not relevant here.");
}
