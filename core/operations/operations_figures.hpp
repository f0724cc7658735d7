#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/figures/figures.hpp"
#include "core/store/repository.hpp"

// The dashboard's figures on operation and improvement (suppliers, incidents, improvement
// initiatives), one SQL query each over the register tables, like core/figures/figures.hpp,
// whose Counts and Flagged they reuse. Dates are "YYYY-MM-DD"; "today" is passed in.
namespace isms::figures {

// Incidents per severity, each with their counts per status. Every severity and every status is
// present (0 included); incidents not yet triaged, which have no severity, count under "" (present
// only when there are any).
using CountsBySeverity = std::map<std::string, Counts>;
CountsBySeverity incidents_by_severity_and_status(const Repository& records);

// Incidents that are not closed, per severity (every severity present, "" for those without one).
// Resolved incidents count as open: the incident process ends with the lessons learned (A.5.27).
Counts open_incidents(const Repository& records);

// Suppliers still delivering (active, or active and under review: a review in progress is no
// assessment done) whose next assessment falls on or before today + within_days (overdue ones
// included), and those with no next assessment at all; the detail is the date, or ""
// for none. Those without a date come first, then by date, then by name.
// std::invalid_argument when `today` is not a "YYYY-MM-DD" date.
std::vector<Flagged> supplier_assessments_due(const Repository& records, std::string_view today, int within_days);

// Improvement initiatives per status, every status present.
Counts improvements_by_status(const Repository& records);

}  // namespace isms::figures
