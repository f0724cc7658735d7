#include <doctest/doctest.h>

#include "core/util/date.hpp"

using namespace isms;

namespace {

CivilDate date(const char* text) {
  const std::optional<CivilDate> parsed = parse_date(text);
  REQUIRE(parsed.has_value());
  return *parsed;
}

}  // namespace

TEST_CASE("date: parse_date reads YYYY-MM-DD into its parts") {
  const CivilDate parsed = date("2026-03-05");
  CHECK(parsed.year == 2026);
  CHECK(parsed.month == 3);
  CHECK(parsed.day == 5);
  CHECK(date("0001-01-01") == CivilDate{1, 1, 1});
  CHECK(date("9999-12-31") == CivilDate{9999, 12, 31});
}

TEST_CASE("date: parse_date refuses anything but a real calendar day in the exact shape") {
  for (const char* text : {"", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32", "2026-04-31", "2026-1-01",
                           "2026-01-1", "abcd-ef-gh", "2026/01/01", "2026-01-01T00:00:00Z", " 2026-01-01",
                           "2026-01-01 ", "+026-01-01", "0000-01-01", "20260101"}) {
    CAPTURE(text);
    CHECK_FALSE(parse_date(text).has_value());
  }
}

TEST_CASE("date: leap years follow the Gregorian rule (1900 no, 2000 yes)") {
  CHECK_FALSE(parse_date("1900-02-29").has_value());
  CHECK(parse_date("2000-02-29").has_value());
  CHECK_FALSE(parse_date("2026-02-29").has_value());
  CHECK(parse_date("2028-02-29").has_value());
  CHECK_FALSE(parse_date("2100-02-29").has_value());
  CHECK(parse_date("2400-02-29").has_value());
  CHECK(days_between(date("1900-01-01"), date("1901-01-01")) == 365);
  CHECK(days_between(date("2000-01-01"), date("2001-01-01")) == 366);
  CHECK(add_days(date("1900-02-28"), 1) == date("1900-03-01"));
  CHECK(add_days(date("2000-02-28"), 1) == date("2000-02-29"));
}

TEST_CASE("date: format_date zero-pads and round-trips through parse_date") {
  CHECK(format_date(CivilDate{2026, 3, 5}) == "2026-03-05");
  CHECK(format_date(CivilDate{33, 1, 9}) == "0033-01-09");
  CHECK(format_date(CivilDate{}) == "1970-01-01");
  for (const char* text : {"2026-03-05", "2028-02-29", "1999-12-31", "0001-01-01", "9999-12-31"}) {
    CAPTURE(text);
    CHECK(format_date(date(text)) == text);
  }
}

TEST_CASE("date: days_since_epoch counts from 1970-01-01") {
  CHECK(days_since_epoch(date("1970-01-01")) == 0);
  CHECK(days_since_epoch(date("1970-01-02")) == 1);
  CHECK(days_since_epoch(date("1969-12-31")) == -1);
  CHECK(days_since_epoch(date("2000-03-01")) == 11017);
  CHECK(days_since_epoch(date("2026-11-26")) == 20783);
  CHECK(days_since_epoch(date("0001-01-01")) == -719162);
  CHECK(date_from_days(0) == CivilDate{1970, 1, 1});
  CHECK(date_from_days(-1) == CivilDate{1969, 12, 31});
  CHECK(date_from_days(20783) == date("2026-11-26"));
}

TEST_CASE("date: days and dates round-trip over four centuries, one day at a time") {
  // 1899-12-31 to 2300-01-01 covers every kind of leap rule twice and the epoch between them.
  const std::int64_t first = days_since_epoch(date("1899-12-31"));
  const std::int64_t last = days_since_epoch(date("2300-01-01"));
  CivilDate previous = date_from_days(first - 1);
  for (std::int64_t days = first; days <= last; ++days) {
    const CivilDate current = date_from_days(days);
    if (days_since_epoch(current) != days || !(previous < current) || !parse_date(format_date(current))) {
      FAIL("round trip broken at day " << days << " (" << format_date(current) << ")");
    }
    previous = current;
  }
  CHECK(format_date(date_from_days(last)) == "2300-01-01");
}

TEST_CASE("date: add_days moves across months, years and backwards") {
  CHECK(add_days(date("2026-12-31"), 1) == date("2027-01-01"));
  CHECK(add_days(date("2026-03-01"), -1) == date("2026-02-28"));
  CHECK(add_days(date("2026-11-26"), 7) == date("2026-12-03"));
  CHECK(add_days(date("2026-11-26"), 0) == date("2026-11-26"));
  CHECK(add_days(date("2026-01-01"), 365) == date("2027-01-01"));
}

TEST_CASE("date: add_months clamps to the end of a shorter month") {
  CHECK(add_months(date("2026-01-31"), 1) == date("2026-02-28"));
  CHECK(add_months(date("2028-01-31"), 1) == date("2028-02-29"));
  CHECK(add_months(date("2026-03-31"), 1) == date("2026-04-30"));
  CHECK(add_months(date("2026-08-31"), 6) == date("2027-02-28"));
  CHECK(add_months(date("2028-02-29"), 12) == date("2029-02-28"));
  CHECK(add_months(date("2026-01-15"), 1) == date("2026-02-15"));
  // The clamp is not carried on: a date clamped to the 28th stays a 28th.
  CHECK(add_months(add_months(date("2026-01-31"), 1), 1) == date("2026-03-28"));
}

TEST_CASE("date: add_months crosses years in both directions") {
  CHECK(add_months(date("2026-11-26"), 3) == date("2027-02-26"));
  CHECK(add_months(date("2026-12-15"), 1) == date("2027-01-15"));
  CHECK(add_months(date("2026-01-15"), -1) == date("2025-12-15"));
  CHECK(add_months(date("2026-03-31"), -1) == date("2026-02-28"));
  CHECK(add_months(date("2026-05-10"), -17) == date("2024-12-10"));
  CHECK(add_months(date("2026-05-10"), 0) == date("2026-05-10"));
  CHECK(add_months(date("2026-05-10"), 24) == date("2028-05-10"));
}

TEST_CASE("date: days_between is to minus from") {
  CHECK(days_between(date("2026-01-01"), date("2026-01-31")) == 30);
  CHECK(days_between(date("2026-01-31"), date("2026-01-01")) == -30);
  CHECK(days_between(date("2026-11-26"), date("2026-11-26")) == 0);
  CHECK(days_between(date("2026-02-01"), date("2026-03-01")) == 28);
  CHECK(days_between(date("2028-02-01"), date("2028-03-01")) == 29);
}

TEST_CASE("date: date_of_timestamp keeps the day of a store timestamp") {
  CHECK(date_of_timestamp("2026-11-26T09:30:00Z") == "2026-11-26");
  CHECK(date_of_timestamp("2026-11-26") == "2026-11-26");
  CHECK(date_of_timestamp("2026-11-2") == "");
  CHECK(date_of_timestamp("") == "");
}

TEST_CASE("date: CivilDate compares in calendar order") {
  CHECK(date("2026-02-28") < date("2026-03-01"));
  CHECK(date("2025-12-31") < date("2026-01-01"));
  CHECK(date("2026-03-01") > date("2026-02-01"));
  CHECK(date("2026-03-01") == CivilDate{2026, 3, 1});
}
