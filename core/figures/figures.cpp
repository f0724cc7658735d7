#include "core/figures/figures.hpp"

#include "core/figures/counting.hpp"

#include <algorithm>

#include "core/policy/policy_versions.hpp"
#include "core/risk/risk_register.hpp"

namespace isms::figures {
namespace {

std::vector<Flagged> flagged(const Repository& records, const std::string& kind, const std::string& sql,
                             const std::string& bound) {
  const Database& db = records.database();
  Statement query = db.prepare(sql);
  if (!bound.empty()) query.bind(1, bound);
  std::vector<Flagged> found;
  while (query.step()) found.push_back({kind, query.column_text(0), query.column_text(1), query.column_text(2)});
  return found;
}

void add(Coverage& coverage, const std::string& applicable, const std::string& status, std::size_t count) {
  coverage.controls += count;
  if (applicable == "yes") {
    coverage.applicable += count;
    if (status == "implemented") coverage.implemented += count;
  } else if (applicable == "no") {
    coverage.not_applicable += count;
  } else {
    coverage.undecided += count;
  }
}

}  // namespace

SoaCoverage soa_coverage(const Repository& records) {
  SoaCoverage coverage;
  for (const EnumOption& theme : records.registry().get("control").field("theme")->options) {
    coverage.by_theme[theme.value] = {};
  }
  const Database& db = records.database();
  Statement query = db.prepare(
      "SELECT theme, applicable, implementation_status, count(*) FROM rec_control WHERE deleted = 0 "
      "GROUP BY 1, 2, 3");
  while (query.step()) {
    const std::string theme = query.column_text(0);
    const std::string applicable = query.column_text(1);
    const std::string status = query.column_text(2);
    const auto count = static_cast<std::size_t>(query.column_int64(3));
    add(coverage.total, applicable, status, count);
    add(coverage.by_theme[theme], applicable, status, count);
  }
  return coverage;
}

RiskLevels risk_levels(const Repository& records) {
  return {count_by(records, "risk", "inherent_level"), count_by(records, "risk", "residual_level")};
}

std::vector<Flagged> risks_above_appetite(const Repository& records) {
  const RiskMethod method = workspace_risk_method(records);
  std::vector<Flagged> found;
  for (Flagged& risk : flagged(records, "risk",
                               "SELECT id, title, coalesce(residual_level, inherent_level) FROM rec_risk "
                               "WHERE deleted = 0 AND status <> 'closed' ORDER BY created_at, id",
                               {})) {
    const std::optional<RiskLevel> level = parse_level(risk.detail);
    if (level && method.above_appetite(*level)) found.push_back(std::move(risk));
  }
  return found;
}

std::size_t count_risks_above_appetite(const Repository& records) {
  const RiskMethod method = workspace_risk_method(records);
  std::string levels;
  for (const RiskLevel level : {RiskLevel::Low, RiskLevel::Medium, RiskLevel::High, RiskLevel::Critical}) {
    if (!method.above_appetite(level)) continue;
    levels += std::string(levels.empty() ? "'" : ", '") + std::string(to_value(level)) + "'";  // fixed words
  }
  if (levels.empty()) return 0;
  Statement query = records.database().prepare(
      "SELECT count(*) FROM rec_risk WHERE deleted = 0 AND status <> 'closed' AND "
      "coalesce(residual_level, inherent_level) IN (" +
      levels + ")");
  query.step();
  return static_cast<std::size_t>(query.column_int64(0));
}

std::size_t count_overdue_treatment_actions(const Repository& records, std::string_view today) {
  Statement query = records.database().prepare(
      "SELECT count(*) FROM rec_treatment_action WHERE deleted = 0 AND due_date < ? "
      "AND status IN ('planned', 'in_progress')");
  query.bind(1, std::string(today));
  query.step();
  return static_cast<std::size_t>(query.column_int64(0));
}

std::vector<Flagged> overdue_treatment_actions(const Repository& records, std::string_view today) {
  return flagged(records, "treatment_action",
                 "SELECT id, title, due_date FROM rec_treatment_action WHERE deleted = 0 AND due_date < ? "
                 "AND status IN ('planned', 'in_progress') ORDER BY due_date, id",
                 std::string(today));
}

std::vector<Flagged> overdue_reviews(const Repository& records, std::string_view today) {
  const std::string day(today);
  std::vector<Flagged> found = flagged(records, "risk",
                                       "SELECT id, title, review_date FROM rec_risk WHERE deleted = 0 AND "
                                       "review_date < ? AND status <> 'closed'",
                                       day);
  const auto append = [&found](std::vector<Flagged> more) {
    found.insert(found.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  };
  append(flagged(records, "requirement",
                 "SELECT id, title, next_review FROM rec_requirement WHERE deleted = 0 AND next_review < ?", day));
  append(flagged(records, "policy",
                 "SELECT id, title, next_review FROM rec_policy WHERE deleted = 0 AND next_review < ? "
                 "AND status = 'published'",
                 day));
  append(flagged(records, "context_issue",
                 "SELECT id, title, review_date FROM rec_context_issue WHERE deleted = 0 AND review_date < ? "
                 "AND status <> 'closed'",
                 day));
  std::stable_sort(found.begin(), found.end(), [](const Flagged& a, const Flagged& b) { return a.detail < b.detail; });
  return found;
}

std::vector<Flagged> policies_due_for_review(const Repository& records, std::string_view today, int within_days) {
  std::vector<Flagged> found;
  for (const Record& policy : isms::policies_due_for_review(records, today, within_days)) {
    found.push_back({policy.kind, policy.id, records.title_of(policy), to_display(policy.get("next_review"))});
  }
  return found;
}

std::vector<Flagged> processes_without_accountable(const Repository& records) {
  // In the Process Reference Model's order of categories, then by name.
  return flagged(records, "process",
                 "SELECT id, name, category FROM rec_process AS p WHERE deleted = 0 AND NOT EXISTS (SELECT 1 FROM "
                 "rec_raci AS r WHERE r.deleted = 0 AND r.process = p.id AND r.assignment = 'accountable') ORDER BY "
                 "CASE category WHEN 'governance' THEN 0 WHEN 'core' THEN 1 ELSE 2 END, name COLLATE NOCASE, id",
                 {});
}

Counts objectives_by_status(const Repository& records) { return count_by(records, "objective", "status"); }

Counts requirements_by_compliance(const Repository& records) {
  return count_by(records, "requirement", "compliance_status", " AND coalesce(applicability, '') <> 'not_applicable'");
}

Counts clause_progress(const Repository& records) { return count_by(records, "clause", "status"); }

}  // namespace isms::figures
