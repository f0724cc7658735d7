#include "core/assurance/assurance_figures.hpp"

#include "core/figures/counting.hpp"

namespace isms::figures {
NonconformityAges open_nonconformities_by_age(const Repository& records, std::string_view today) {
  NonconformityAges ages;
  ages.by_age = {{age_under_30, 0}, {age_30_to_90, 0}, {age_90_to_180, 0}, {age_over_180, 0}};
  ages.by_severity = zero_counts(records, "nonconformity", "severity");
  // One pass, grouped by bucket and severity; julianday() is NULL for a missing or malformed date.
  Statement query = records.database().prepare(
      "SELECT CASE WHEN julianday(raised_on) IS NULL THEN '' "
      "WHEN julianday(?1) - julianday(raised_on) < 30 THEN 'under_30' "
      "WHEN julianday(?1) - julianday(raised_on) < 90 THEN '30_to_90' "
      "WHEN julianday(?1) - julianday(raised_on) < 180 THEN '90_to_180' ELSE 'over_180' END, "
      "severity, count(*) FROM rec_nonconformity WHERE deleted = 0 AND coalesce(status, '') <> 'closed' "
      "GROUP BY 1, 2");
  query.bind(1, today);
  while (query.step()) {
    const auto count = static_cast<std::size_t>(query.column_int64(2));
    ages.open += count;
    ages.by_age[query.column_text(0)] += count;
    ages.by_severity[query.column_text(1)] += count;
  }
  return ages;
}

std::vector<Flagged> overdue_corrective_actions(const Repository& records, std::string_view today) {
  Statement query = records.database().prepare(
      "SELECT id, title, due_date FROM rec_corrective_action WHERE deleted = 0 AND due_date < ? "
      "AND status IN ('planned', 'in_progress') ORDER BY due_date, id");
  query.bind(1, today);
  std::vector<Flagged> found;
  while (query.step()) {
    found.push_back({"corrective_action", query.column_text(0), query.column_text(1), query.column_text(2)});
  }
  return found;
}

Counts audit_findings_by_result(const Repository& records) {
  // Items are part of their audit and deleted with it; the condition also keeps out an item whose
  // audit is gone some other way (a damaged import), so the figure matches what the audits show.
  return count_by(records, "audit_item", "result", " AND audit IN (SELECT id FROM rec_audit WHERE deleted = 0)");
}

std::map<std::string, Counts> audit_findings_by_audit(const Repository& records) {
  const Counts zero = zero_counts(records, "audit_item", "result");
  std::map<std::string, Counts> by_audit;
  Statement query = records.database().prepare(
      "SELECT a.id, i.result, count(i.id) FROM rec_audit AS a LEFT JOIN rec_audit_item AS i ON i.audit = a.id "
      "AND i.deleted = 0 WHERE a.deleted = 0 GROUP BY 1, 2");
  while (query.step()) {
    Counts& counts = by_audit.try_emplace(query.column_text(0), zero).first->second;
    const auto count = static_cast<std::size_t>(query.column_int64(2));
    if (count > 0) counts[query.column_text(1)] += count;
  }
  return by_audit;
}

}  // namespace isms::figures
