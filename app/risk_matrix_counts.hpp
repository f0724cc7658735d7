#pragma once
// The numbers behind the risk matrix heat map (issue 4, item 5): how many live risks sit in each
// likelihood x impact cell, before treatment (inherent) and after it (residual), on the
// workspace's risk method; and the conditions that narrow the risk table to one cell.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/risk/risk_method.hpp"
#include "core/store/record_query.hpp"
#include "core/store/repository.hpp"

namespace isms::app {

class Session;

// One cell of the matrix: before (inherent) or after (residual) treatment.
struct MatrixCell {
  bool residual = false;
  int likelihood = 0, impact = 0;
  bool operator==(const MatrixCell&) const = default;
};

struct RiskMatrixCounts {
  RiskMethod method;
  bool method_usable = true;  // false: the stored method is damaged and the standard one is shown
  // [likelihood - 1][impact - 1]: live risks assessed at that cell. A likelihood or impact off
  // the method's scale (only a damaged file holds one) is counted nowhere.
  std::vector<std::vector<std::size_t>> inherent, residual;
  std::size_t risks = 0;         // live risks
  std::size_t not_assessed = 0;  // of those, without an inherent pair
  std::size_t not_treated = 0;   // of those, without a residual pair

  std::size_t count(const MatrixCell& cell) const;
  int score(const MatrixCell& cell) const { return method.score(cell.likelihood, cell.impact); }
  RiskLevel level(const MatrixCell& cell) const { return method.level_of(score(cell)); }
};

RiskMatrixCounts count_risk_matrix(const Repository& records);

// Narrows a query of the risk register to the risks of one cell.
void add_cell_conditions(RecordQuery& query, const MatrixCell& cell);

// The cell in words, for the filter chip: "Before treatment: likelihood 4 (Likely) × impact 3 (Moderate)".
std::string describe_cell(const MatrixCell& cell, const RiskMethod& method);

// The open workspace's counts, read again only when its data or the workspace changes.
class RiskMatrixCache {
 public:
  const RiskMatrixCounts& get(Session& session);  // requires an open workspace

 private:
  RiskMatrixCounts counts_;
  std::string workspace_;
  std::uint64_t revision_ = 0;
  bool valid_ = false;
};

}  // namespace isms::app
