#include "app/calendar_month.hpp"

#include <array>

namespace isms::app {

CalendarMonth calendar_month(int year, int month) {
  static constexpr std::array<const char*, 12> names = {"January",   "February", "March",    "April",
                                                        "May",       "June",     "July",     "August",
                                                        "September", "October",  "November", "December"};
  CalendarMonth shown;
  shown.year = year;
  shown.month = month;
  const CivilDate first{year, month, 1};
  // 1970-01-01 was a Thursday: 3 days after a Monday.
  const std::int64_t from_monday = (days_since_epoch(first) + 3) % 7;
  shown.leading_blanks = static_cast<int>(from_monday < 0 ? from_monday + 7 : from_monday);
  shown.days = static_cast<int>(days_between(first, add_months(first, 1)));
  shown.title = std::string(names[static_cast<std::size_t>(month - 1)]) + " " + std::to_string(year);
  return shown;
}

CalendarMonth step_month(const CalendarMonth& month, int step) {
  const CivilDate next = add_months({month.year, month.month, 1}, step);
  return calendar_month(next.year, next.month);
}

}  // namespace isms::app
