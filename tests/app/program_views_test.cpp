// The logic behind the program timeline's Gantt chart and the RACI grid (issue 4, item 5): where a
// milestone's bar falls on the month axis, which ones are late, and a RACI cell written through
// the register's rules.
#include <doctest/doctest.h>

#include <string>

#include "app/calendar_month.hpp"
#include "app/raci_grid.hpp"
#include "app/timeline_chart.hpp"
#include "tests/app/open_workspace.hpp"

using isms::CivilDate;
using isms::parse_date;
using isms::test::kToday;
using isms::test::OpenWorkspace;
using namespace isms::app;

namespace {

const TimelineBar* bar_named(const std::vector<TimelineBar>& bars, const std::string& activity) {
  for (const TimelineBar& bar : bars) {
    if (bar.activity == activity) return &bar;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("timeline: bars by start on a month axis from the earliest start, late ones flagged, undated ones apart") {
  OpenWorkspace w;
  const std::size_t seeded = w.records().count("milestone");
  REQUIRE(seeded > 0);  // the seeds' twelve activities, dated from the day the workspace was made
  w.add("milestone", {{"activity", "Kick-off"}, {"planned_start", "2026-10-01"}, {"planned_end", "2026-10-15"}});
  w.add("milestone", {{"activity", "Scoping done early"},
                      {"planned_start", "2026-10-05"},
                      {"planned_end", "2026-10-20"},
                      {"status", "done"},
                      {"progress", "100"}});
  w.add("milestone", {{"activity", "Celebrate"}, {"month", "24"}});

  const TimelineChart chart = timeline_chart(w.records(), kToday);
  CHECK(chart.bars.size() + chart.unscheduled.size() == seeded + 3);
  REQUIRE(chart.unscheduled.size() == 1);
  CHECK(chart.unscheduled[0].activity == "Celebrate");
  CHECK(chart.unscheduled[0].month == 24);

  // The axis starts with the month of the earliest start; bars come in order of start.
  CHECK(chart.first_month == CivilDate{2026, 10, 1});
  CHECK(chart.bars[0].activity == "Kick-off");
  CHECK(chart.bars[1].activity == "Scoping done early");
  CHECK(chart.month_label(0) == "Oct 2026");
  CHECK(chart.month_label(3) == "Jan 2027");
  for (const TimelineBar& bar : chart.bars) {
    CHECK(chart.position(isms::add_days(bar.end, 1)) <= chart.months);  // every bar fits the axis
  }

  // Late: planned end passed and not done. Done is never late; the seeded ones start today.
  CHECK(bar_named(chart.bars, "Kick-off")->late);
  CHECK_FALSE(bar_named(chart.bars, "Scoping done early")->late);
  CHECK(chart.late == 1);
  CHECK(chart.done == 1);

  // Positions: the 1st of a month is a whole number, days in between a fraction of that month.
  CHECK(chart.position({2026, 10, 1}) == doctest::Approx(0.0));
  CHECK(chart.position({2026, 11, 1}) == doctest::Approx(1.0));
  CHECK(chart.position({2026, 10, 16}) == doctest::Approx(15.0 / 31.0));
  CHECK(chart.position({2027, 2, 15}) == doctest::Approx(4.0 + 14.0 / 28.0));
}

TEST_CASE("timeline: a milestone with one date is a one-day bar, the chart is read again only on a change") {
  OpenWorkspace w;
  w.add("milestone", {{"activity", "Certification audit"}, {"planned_end", "2027-09-30"}});
  TimelineCache cache;
  const std::string ws = w.session.current()->id();
  const TimelineChart& first = cache.get(w.records(), ws, w.session.data_revision(), kToday);
  const TimelineBar* audit = bar_named(first.bars, "Certification audit");
  REQUIRE(audit != nullptr);
  CHECK(audit->start == CivilDate{2027, 9, 30});
  CHECK(audit->end == CivilDate{2027, 9, 30});
  CHECK_FALSE(audit->late);
  const std::size_t bars = first.bars.size();

  w.add("milestone", {{"activity", "Surveillance audit"}, {"planned_start", "2028-09-01"}});
  CHECK(cache.get(w.records(), ws, w.session.data_revision(), kToday).bars.size() == bars + 1);
  // The next day a milestone ending today becomes late, with no change to the data.
  w.add("milestone", {{"activity", "Due today"}, {"planned_end", kToday}});
  CHECK_FALSE(bar_named(cache.get(w.records(), ws, w.session.data_revision(), kToday).bars, "Due today")->late);
  CHECK(bar_named(cache.get(w.records(), ws, w.session.data_revision(), "2026-11-27").bars, "Due today")->late);
}

TEST_CASE("raci: the grid shows every process and role, a cell is created, changed and cleared through the rules") {
  OpenWorkspace w;
  const std::string process = w.add("process", {{"name", "Incident management"}, {"category", "core"}});
  const std::string ciso = w.add("role", {{"name", "AAA Security officer"}});
  const std::string it = w.add("role", {{"name", "AAA IT lead"}});

  RaciGrid grid = read_raci(w.records());
  CHECK(grid.processes.size() == w.records().count("process"));
  CHECK(grid.roles.size() == w.records().count("role"));
  CHECK(grid.cell(process, ciso) == nullptr);
  CHECK_FALSE(grid.has_accountable(process));
  const std::size_t lacking = grid.without_accountable;

  std::string problem;
  REQUIRE(set_raci_cell(w.session, process, ciso, "accountable", problem));
  CHECK(problem.empty());
  grid = read_raci(w.records());
  REQUIRE(grid.cell(process, ciso) != nullptr);
  CHECK(raci_letter(grid.cell(process, ciso)->assignment) == "A");
  CHECK(grid.has_accountable(process));
  CHECK(grid.without_accountable == lacking - 1);
  const std::string cell_id = grid.cell(process, ciso)->id;

  // A second accountable is refused by the register's rule; nothing is written.
  CHECK_FALSE(set_raci_cell(w.session, process, it, "accountable", problem));
  CHECK(problem.find("accountable") != std::string::npos);
  CHECK(read_raci(w.records()).cell(process, it) == nullptr);

  // Changing a cell keeps its record; clearing it deletes the record.
  REQUIRE(set_raci_cell(w.session, process, it, "consulted", problem));
  REQUIRE(set_raci_cell(w.session, process, ciso, "responsible", problem));
  grid = read_raci(w.records());
  CHECK(grid.cell(process, ciso)->id == cell_id);
  CHECK(raci_letter(grid.cell(process, ciso)->assignment) == "R");
  CHECK(raci_letter(grid.cell(process, it)->assignment) == "C");
  REQUIRE(set_raci_cell(w.session, process, it, "", problem));
  CHECK(read_raci(w.records()).cell(process, it) == nullptr);
  CHECK(w.records().count("raci") == 1);
  CHECK(raci_letter("informed") == "I");
  CHECK(raci_letter("") == "");
}

TEST_CASE("calendar: a month's first weekday, length and title, and stepping across years") {
  const CalendarMonth november = calendar_month(2026, 11);
  CHECK(november.leading_blanks == 6);  // 2026-11-01 is a Sunday: six days of the week before it
  CHECK(november.days == 30);
  CHECK(november.title == "November 2026");
  CHECK(calendar_month(2027, 2).days == 28);
  CHECK(calendar_month(2028, 2).days == 29);
  CHECK(calendar_month(2026, 6).leading_blanks == 0);  // 2026-06-01 is a Monday
  CHECK(calendar_month(1969, 12).leading_blanks == 0);  // 1969-12-01, a Monday before the epoch
  const CalendarMonth january = step_month(calendar_month(2026, 12), 1);
  CHECK(january.year == 2027);
  CHECK(january.month == 1);
  CHECK(january.leading_blanks == 4);  // 2027-01-01 is a Friday
  CHECK(step_month(january, -13).title == "December 2025");
}
