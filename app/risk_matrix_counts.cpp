#include "app/risk_matrix_counts.hpp"

#include <stdexcept>

#include "app/session.hpp"
#include "core/risk/risk_register.hpp"
#include "core/store/sqlite.hpp"

namespace isms::app {
namespace {

struct Pair {
  const char* likelihood;
  const char* impact;
};
constexpr Pair kInherent{"inherent_likelihood", "inherent_impact"};
constexpr Pair kResidual{"residual_likelihood", "residual_impact"};

// One GROUP BY pass per matrix; returns how many live risks have no such pair.
std::size_t fill(const Repository& records, const Pair& pair, const RiskMethod& method,
                 std::vector<std::vector<std::size_t>>& cells) {
  cells.assign(static_cast<std::size_t>(method.likelihood_levels),
               std::vector<std::size_t>(static_cast<std::size_t>(method.impact_levels), 0));
  Statement query = records.database().prepare(std::string("SELECT ") + pair.likelihood + ", " + pair.impact +
                                               ", count(*) FROM rec_risk WHERE deleted = 0 GROUP BY 1, 2");
  std::size_t missing = 0;
  while (query.step()) {
    const auto count = static_cast<std::size_t>(query.column_int64(2));
    if (query.column_is_null(0) || query.column_is_null(1)) {
      missing += count;
      continue;
    }
    const std::int64_t likelihood = query.column_int64(0), impact = query.column_int64(1);
    if (likelihood < 1 || likelihood > method.likelihood_levels || impact < 1 || impact > method.impact_levels)
      continue;
    cells[static_cast<std::size_t>(likelihood - 1)][static_cast<std::size_t>(impact - 1)] += count;
  }
  return missing;
}

}  // namespace

std::size_t RiskMatrixCounts::count(const MatrixCell& cell) const {
  const auto& cells = cell.residual ? residual : inherent;
  if (cell.likelihood < 1 || cell.impact < 1 || static_cast<std::size_t>(cell.likelihood) > cells.size()) return 0;
  const auto& row = cells[static_cast<std::size_t>(cell.likelihood - 1)];
  return static_cast<std::size_t>(cell.impact) <= row.size() ? row[static_cast<std::size_t>(cell.impact - 1)] : 0;
}

RiskMatrixCounts count_risk_matrix(const Repository& records) {
  RiskMatrixCounts counts;
  try {
    counts.method = workspace_risk_method(records);
  } catch (const std::invalid_argument&) {
    counts.method = RiskMethod::standard();
    counts.method_usable = false;
  }
  counts.risks = records.count("risk");
  counts.not_assessed = fill(records, kInherent, counts.method, counts.inherent);
  counts.not_treated = fill(records, kResidual, counts.method, counts.residual);
  return counts;
}

void add_cell_conditions(RecordQuery& query, const MatrixCell& cell) {
  const Pair& pair = cell.residual ? kResidual : kInherent;
  query.where_is(pair.likelihood, Condition::Op::Equal, {Value(std::int64_t{cell.likelihood})});
  query.where_is(pair.impact, Condition::Op::Equal, {Value(std::int64_t{cell.impact})});
}

std::string describe_cell(const MatrixCell& cell, const RiskMethod& method) {
  const auto named = [](int level, const std::string& label) {
    const std::string number = std::to_string(level);
    return label == number ? number : number + " (" + label + ")";
  };
  std::string likelihood = std::to_string(cell.likelihood), impact = std::to_string(cell.impact);
  try {
    likelihood = named(cell.likelihood, likelihood_label(method, cell.likelihood));
    impact = named(cell.impact, impact_label(method, cell.impact));
  } catch (const std::out_of_range&) {
    // A cell of a scale the method no longer has: the numbers say enough.
  }
  return std::string(cell.residual ? "After treatment" : "Before treatment") + ": likelihood " + likelihood +
         " × impact " + impact;
}

const RiskMatrixCounts& RiskMatrixCache::get(Session& session) {
  Workspace& ws = *session.current();
  if (!valid_ || workspace_ != ws.id() || revision_ != session.data_revision()) {
    counts_ = count_risk_matrix(ws.records());
    workspace_ = ws.id();
    revision_ = session.data_revision();
    valid_ = true;
  }
  return counts_;
}

}  // namespace isms::app
