#include "core/util/date.hpp"

#include <cstdio>

namespace isms {
namespace {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The number written by the digits text[begin, begin + count); the caller has checked they are digits.
int digits_value(std::string_view text, std::size_t begin, std::size_t count) {
  int value = 0;
  for (std::size_t i = begin; i < begin + count; ++i) value = value * 10 + (text[i] - '0');
  return value;
}

// Division rounding towards minus infinity, so that month arithmetic works the same before year 0.
std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

std::optional<CivilDate> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (!is_digit(text[i])) return std::nullopt;
  }
  const CivilDate date{digits_value(text, 0, 4), digits_value(text, 5, 2), digits_value(text, 8, 2)};
  if (date.year < 1 || date.month < 1 || date.month > 12) return std::nullopt;
  if (date.day < 1 || date.day > days_in_month(date.year, date.month)) return std::nullopt;
  return date;
}

std::string format_date(const CivilDate& date) {
  char buffer[48];  // room for any int in each field, so snprintf never truncates
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

std::int64_t days_since_epoch(const CivilDate& date) {
  // Counts in 400-year eras starting on 1 March, so the leap day is the last day of its year and
  // the month lengths from March on follow the closed formula below.
  const std::int64_t year = static_cast<std::int64_t>(date.year) - (date.month <= 2 ? 1 : 0);
  const std::int64_t era = floor_div(year, 400);
  const std::int64_t year_of_era = year - era * 400;                                       // [0, 399]
  const std::int64_t month_from_march = date.month > 2 ? date.month - 3 : date.month + 9;  // [0, 11]
  const std::int64_t day_of_year = (153 * month_from_march + 2) / 5 + date.day - 1;        // [0, 365]
  const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;  // 719468: days from 0000-03-01 to 1970-01-01
}

CivilDate date_from_days(std::int64_t days) {
  const std::int64_t shifted = days + 719468;
  const std::int64_t era = floor_div(shifted, 146097);
  const std::int64_t day_of_era = shifted - era * 146097;  // [0, 146096]
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;  // [0, 399]
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;  // [0, 11]
  const int day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
  const int month = static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
  const int year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

CivilDate add_days(const CivilDate& date, std::int64_t days) { return date_from_days(days_since_epoch(date) + days); }

CivilDate add_months(const CivilDate& date, int months) {
  const std::int64_t month_index = static_cast<std::int64_t>(date.year) * 12 + (date.month - 1) + months;
  const int year = static_cast<int>(floor_div(month_index, 12));
  const int month = static_cast<int>(month_index - static_cast<std::int64_t>(year) * 12) + 1;
  const int last_day = days_in_month(year, month);
  return {year, month, date.day < last_day ? date.day : last_day};
}

std::int64_t days_between(const CivilDate& from, const CivilDate& to) {
  return days_since_epoch(to) - days_since_epoch(from);
}

std::string date_of_timestamp(std::string_view utc) {
  if (utc.size() < 10) return "";
  return std::string(utc.substr(0, 10));
}

}  // namespace isms
