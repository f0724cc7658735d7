#pragma once
// A month as a calendar shows it (the date picker, issue 4 item 3): weeks start on Monday, as
// ISO 8601 and most of our users' calendars do.

#include <string>

#include "core/util/date.hpp"

namespace isms::app {

struct CalendarMonth {
  int year = 1970, month = 1;
  int leading_blanks = 0;  // days of the first week before the 1st (0 when the 1st is a Monday)
  int days = 31;           // in this month
  std::string title;       // "November 2026"
};

CalendarMonth calendar_month(int year, int month);
// The month before or after (`step` -1 or +1, or any number of months).
CalendarMonth step_month(const CalendarMonth& month, int step);

}  // namespace isms::app
