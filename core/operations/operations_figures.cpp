#include "core/operations/operations_figures.hpp"

#include <cstddef>
#include <optional>
#include <stdexcept>

#include "core/util/date.hpp"

namespace isms::figures {
namespace {

// Every option of an Enum field at 0, so a chart shows the empty bars too.
Counts zero_counts(const Repository& records, std::string_view kind, std::string_view field) {
  Counts counts;
  for (const EnumOption& option : records.registry().get(kind).field(field)->options) counts[option.value] = 0;
  return counts;
}

std::string column_or_empty(const Statement& row, int column) {
  return row.column_is_null(column) ? std::string() : row.column_text(column);
}

}  // namespace

CountsBySeverity incidents_by_severity_and_status(const Repository& records) {
  const Counts statuses = zero_counts(records, "incident", "status");
  CountsBySeverity counts;
  for (const auto& [severity, zero] : zero_counts(records, "incident", "severity")) counts[severity] = statuses;
  Statement query =
      records.database().prepare("SELECT severity, status, count(*) FROM rec_incident WHERE deleted = 0 GROUP BY 1, 2");
  while (query.step()) {
    // try_emplace: the "" row of incidents without a severity gets every status too.
    Counts& by_status = counts.try_emplace(column_or_empty(query, 0), statuses).first->second;
    by_status[column_or_empty(query, 1)] += static_cast<std::size_t>(query.column_int64(2));
  }
  return counts;
}

Counts open_incidents(const Repository& records) {
  Counts counts = zero_counts(records, "incident", "severity");
  Statement query = records.database().prepare(
      "SELECT severity, count(*) FROM rec_incident WHERE deleted = 0 AND status <> 'closed' GROUP BY 1");
  while (query.step()) counts[column_or_empty(query, 0)] += static_cast<std::size_t>(query.column_int64(1));
  return counts;
}

std::vector<Flagged> supplier_assessments_due(const Repository& records, std::string_view today, int within_days) {
  const std::optional<CivilDate> day = parse_date(today);
  if (!day) throw std::invalid_argument("supplier_assessments_due: today must be a date like 2026-11-26.");
  // "YYYY-MM-DD" sorts in calendar order, so the window is a text comparison SQLite can do.
  const std::string limit = format_date(add_days(*day, within_days));
  Statement query = records.database().prepare(
      "SELECT id, name, coalesce(next_assessment, '') FROM rec_supplier WHERE deleted = 0 AND status = 'active' "
      "AND (next_assessment IS NULL OR next_assessment <= ?) "
      "ORDER BY coalesce(next_assessment, ''), name COLLATE NOCASE, id");
  query.bind(1, limit);
  std::vector<Flagged> due;
  while (query.step()) due.push_back({"supplier", query.column_text(0), query.column_text(1), query.column_text(2)});
  return due;
}

Counts improvements_by_status(const Repository& records) {
  Counts counts = zero_counts(records, "improvement", "status");
  Statement query =
      records.database().prepare("SELECT status, count(*) FROM rec_improvement WHERE deleted = 0 GROUP BY 1");
  while (query.step()) counts[column_or_empty(query, 0)] += static_cast<std::size_t>(query.column_int64(1));
  return counts;
}

}  // namespace isms::figures
