#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/figures/figures.hpp"
#include "core/store/repository.hpp"

// The figures of internal audits and nonconformities (9.2, 10.2) for the dashboard and the
// management review, each from one SQL query over the register tables (fast on 5,000
// nonconformities and 10,000 checklist items: bench/ measures them). Dates are "YYYY-MM-DD";
// "today" is passed in, so tests and the dashboard agree on ages and what is overdue.
namespace isms::figures {

// The age buckets of open_nonconformities_by_age, by days since Raised on: under 30 days, 30 to
// under 90, 90 to under 180, and 180 or more. One raised after today counts as under 30.
inline constexpr const char* age_under_30 = "under_30";
inline constexpr const char* age_30_to_90 = "30_to_90";
inline constexpr const char* age_90_to_180 = "90_to_180";
inline constexpr const char* age_over_180 = "over_180";

struct NonconformityAges {
  std::size_t open = 0;  // live nonconformities that are not closed
  Counts by_age;         // the four buckets above, each present; "" for one without a raised date
  Counts by_severity;    // "minor", "major", each present; "" for one without a severity
};

// Open (not closed) nonconformities by how long ago they were raised, and by severity.
NonconformityAges open_nonconformities_by_age(const Repository& records, std::string_view today);

// Corrective actions planned or in progress whose due date is before today (due today is not
// overdue yet); the detail is the due date. Oldest due date first.
std::vector<Flagged> overdue_corrective_actions(const Repository& records, std::string_view today);

// Checklist items of live audits by result, every result present (not_assessed included).
Counts audit_findings_by_result(const Repository& records);

// The same per live audit, keyed by the audit's id; an audit without a checklist has all zeros.
std::map<std::string, Counts> audit_findings_by_audit(const Repository& records);

}  // namespace isms::figures
