#pragma once
// The program timeline as a Gantt chart by month (issue 4, item 5): which milestone runs from when
// to when, how far it is, which are late. Computed from the live milestones, apart from drawing,
// so the geometry and the lateness are tested natively (tests/app/views_logic_test.cpp).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/store/repository.hpp"
#include "core/util/date.hpp"

namespace isms::app {

struct TimelineBar {
  std::string id, activity;
  std::string status;         // the milestone's status value: not_started, in_progress, done
  std::string status_label;   // as the register shows it
  std::string owner;          // the owner role's name, "" when none
  std::int64_t month = 0;     // the program month, 0 when not set
  std::int64_t progress = 0;  // 0..100
  CivilDate start, end;       // end >= start; a milestone with one date runs that one day
  bool late = false;          // figures::is_late: planned end passed and not done
};

struct TimelineChart {
  std::string today;                     // "YYYY-MM-DD" the chart was made for
  CivilDate first_month;                 // the 1st of the first month shown
  int months = 0;                        // columns; 0 when nothing is scheduled
  std::vector<TimelineBar> bars;         // scheduled milestones, by start, then program month, then activity
  std::vector<TimelineBar> unscheduled;  // milestones with neither planned date, by program month
  std::size_t done = 0, late = 0;

  // Where a day falls on the month axis, in months from first_month: the 1st of the first month
  // is 0, the 1st of the next month 1, mid-month about .5. The end of a bar is the position of
  // the day after its end (a one-day milestone has a width).
  double position(const CivilDate& day) const;
  // "Jan 2027" for column `index`.
  std::string month_label(int index) const;
};

TimelineChart timeline_chart(const Repository& records, std::string_view today);

// The chart, computed again only when the workspace's data or the day changes.
struct TimelineCache {
  std::uint64_t revision = UINT64_MAX;
  std::string workspace, today;
  TimelineChart chart;
  const TimelineChart& get(const Repository& records, const std::string& workspace_id, std::uint64_t data_revision,
                           const std::string& day);
};

}  // namespace isms::app
