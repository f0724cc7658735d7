#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/store/repository.hpp"

// The figures the dashboard shows, computed from the live records with one SQL query each (so
// they stay fast on a workspace of 10,000 risks: bench/ measures them). Dates are "YYYY-MM-DD";
// "today" is passed in, so tests and the dashboard agree on what is overdue.
namespace isms::figures {

// Records per value of an Enum field, every option present (0 included), plus "" for records
// that have no value.
using Counts = std::map<std::string, std::size_t>;

struct Coverage {
  std::size_t controls = 0, applicable = 0, not_applicable = 0, undecided = 0;
  std::size_t implemented = 0;  // applicable and implemented
};
struct SoaCoverage {
  Coverage total;
  std::map<std::string, Coverage> by_theme;  // "organizational", "people", "physical", "technological"
};
SoaCoverage soa_coverage(const Repository& records);

// Before treatment (inherent) and after (residual; a risk not yet treated counts under "").
struct RiskLevels {
  Counts inherent, residual;
};
RiskLevels risk_levels(const Repository& records);

// Something the dashboard lists and opens: a record, its title, and the date or level that puts
// it on the list.
struct Flagged {
  std::string kind, id, title, detail;
};

// Open risks (not closed) whose level after treatment (the residual level, or the inherent one
// while there is none) is above the workspace's risk appetite; the detail is that level.
std::vector<Flagged> risks_above_appetite(const Repository& records);

// Only how many: for summaries (a management review's inputs), without reading every title.
std::size_t count_risks_above_appetite(const Repository& records);
std::size_t count_overdue_treatment_actions(const Repository& records, std::string_view today);

// Treatment actions planned or in progress whose due date has passed; the detail is the due date.
std::vector<Flagged> overdue_treatment_actions(const Repository& records, std::string_view today);

// Reviews whose date has passed: risks (not closed), requirements, published documents and open
// context issues; the detail is the review date. Sorted by date, oldest first.
std::vector<Flagged> overdue_reviews(const Repository& records, std::string_view today);

// Approved and published documents whose next review falls within `within_days` from today (or
// has passed); the detail is the review date.
std::vector<Flagged> policies_due_for_review(const Repository& records, std::string_view today, int within_days);

// Processes whose RACI row has no accountable role (the register refuses a second one, but a row
// is filled in cell by cell, so "none yet" is a gap to show rather than a write to refuse). By
// category (governance, core, support), then name; the detail is the category.
std::vector<Flagged> processes_without_accountable(const Repository& records);

Counts objectives_by_status(const Repository& records);
Counts requirements_by_compliance(const Repository& records);  // applicable requirements only
Counts clause_progress(const Repository& records);             // clauses 4 to 10 by status

}  // namespace isms::figures
