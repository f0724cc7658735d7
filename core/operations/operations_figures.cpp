#include "core/operations/operations_figures.hpp"

#include <cstddef>
#include <optional>
#include <stdexcept>

#include "core/figures/counting.hpp"
#include "core/util/date.hpp"

namespace isms::figures {
CountsBySeverity incidents_by_severity_and_status(const Repository& records) {
  const Counts statuses = zero_counts(records, "incident", "status");
  CountsBySeverity counts;
  for (const auto& [severity, zero] : zero_counts(records, "incident", "severity")) counts[severity] = statuses;
  Statement query =
      records.database().prepare("SELECT severity, status, count(*) FROM rec_incident WHERE deleted = 0 GROUP BY 1, 2");
  while (query.step()) {
    // try_emplace: the "" row of incidents without a severity gets every status too.
    Counts& by_status = counts.try_emplace(query.column_text(0), statuses).first->second;
    by_status[query.column_text(1)] += static_cast<std::size_t>(query.column_int64(2));
  }
  return counts;
}

Counts open_incidents(const Repository& records) {
  return count_by(records, "incident", "severity", " AND status <> 'closed'");
}

std::vector<Flagged> supplier_assessments_due(const Repository& records, std::string_view today, int within_days) {
  const std::optional<CivilDate> day = parse_date(today);
  if (!day) throw std::invalid_argument("supplier_assessments_due: today must be a date like 2026-11-26.");
  // "YYYY-MM-DD" sorts in calendar order, so the window is a text comparison SQLite can do.
  const std::string limit = format_date(add_days(*day, within_days));
  Statement query = records.database().prepare(
      "SELECT id, name, coalesce(next_assessment, '') FROM rec_supplier WHERE deleted = 0 AND status IN ('active', 'under_review') "
      "AND (next_assessment IS NULL OR next_assessment <= ?) "
      "ORDER BY coalesce(next_assessment, ''), name COLLATE NOCASE, id");
  query.bind(1, limit);
  std::vector<Flagged> due;
  while (query.step()) due.push_back({"supplier", query.column_text(0), query.column_text(1), query.column_text(2)});
  return due;
}

Counts improvements_by_status(const Repository& records) { return count_by(records, "improvement", "status"); }

}  // namespace isms::figures
