#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace isms {

// A day of the proleptic Gregorian calendar, without time or time zone: review dates, due dates
// and measurement dates in the register are calendar days, and treating them as instants would
// make them shift with the viewer's zone. Compares in calendar order.
struct CivilDate {
  int year = 1970, month = 1, day = 1;
  auto operator<=>(const CivilDate&) const = default;
};

// "YYYY-MM-DD" naming a real calendar day (2026-02-29 is refused, 2028-02-29 accepted), years
// 0001 to 9999. Exactly that shape: no signs, spaces, single-digit months or times, so what is
// accepted is also what format_date writes back. nullopt for anything else.
std::optional<CivilDate> parse_date(std::string_view text);

// "2026-03-05": zero-padded, so the strings sort in calendar order.
std::string format_date(const CivilDate& date);

// Days from 1970-01-01 (= 0); negative before it. Howard Hinnant's days_from_civil, which is
// exact for every Gregorian date and needs no table or loop.
std::int64_t days_since_epoch(const CivilDate& date);

// The inverse of days_since_epoch (Hinnant's civil_from_days).
CivilDate date_from_days(std::int64_t days);

CivilDate add_days(const CivilDate& date, std::int64_t days);

// Calendar months, clamped to the end of the target month: 2026-01-31 + 1 month = 2026-02-28.
// The clamp is what people mean by "one month later" for a date at the end of a month; rolling
// over into March would skip February's review entirely. Negative months go back.
CivilDate add_months(const CivilDate& date, int months);

// to - from, in days: positive when `to` is later.
std::int64_t days_between(const CivilDate& from, const CivilDate& to);

// The calendar day of a store timestamp: "2026-11-26T09:30:00Z" -> "2026-11-26" (its first ten
// characters, which is the UTC day; see Clock). "" if the text is shorter than a date.
std::string date_of_timestamp(std::string_view utc);

}  // namespace isms
