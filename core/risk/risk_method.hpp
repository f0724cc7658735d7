#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/entity.hpp"
#include "core/model/field_error.hpp"
#include "core/model/value.hpp"

// How a workspace assesses risk (ISO/IEC 27001:2022 6.1.2 a) to d)): the likelihood and impact
// scales, how a score is reached, which scores make which level, and the risk acceptance
// criteria (the appetite). Pure logic; the register record ("risk_method") stores it.
namespace isms {

enum class RiskLevel { Low, Medium, High, Critical };

std::string_view to_value(RiskLevel level);  // "low", "medium", "high", "critical": the stored Enum values
std::string_view to_label(RiskLevel level);  // "Low", "Medium", "High", "Critical"
std::optional<RiskLevel> parse_level(std::string_view value);  // the stored value; nullopt for anything else

enum class RiskScoring { Product, Matrix };

struct RiskMethod {
  int likelihood_levels = 5;  // 3 to 10
  int impact_levels = 5;      // 3 to 10
  // One per level, level 1 first. Empty means numbers only (see likelihood_label()).
  std::vector<std::string> likelihood_labels;
  std::vector<std::string> impact_labels;
  RiskScoring scoring = RiskScoring::Product;
  std::vector<std::vector<int>> matrix;  // Matrix only: [likelihood - 1][impact - 1] -> score
  // Score thresholds: a score below medium_from is Low. The defaults are standard()'s, see there.
  int medium_from = 5;
  int high_from = 10;
  int critical_from = 17;
  RiskLevel appetite = RiskLevel::Medium;  // levels above it need treatment or a reasoned acceptance

  // The 5x5 likelihood × impact method most ISO 27001 toolkits start from.
  static RiskMethod standard();

  // Throws std::out_of_range when a level is outside 1..likelihood_levels or 1..impact_levels.
  int score(int likelihood, int impact) const;
  RiskLevel level_of(int score) const;
  bool above_appetite(RiskLevel level) const;  // strictly above: a risk at the appetite is accepted
  int max_score() const;                       // the highest score score() can return

  bool operator==(const RiskMethod& other) const = default;
};

// The method as the "risk_method" register's values, in normalise()'s canonical form (integers as
// int64, empty text as null), so they compare equal to what the store holds.
std::map<std::string, Value> to_values(const RiskMethod& method);

// The method a record describes. Fields left out or null take standard()'s value (as normalise()
// would fill in the defaults), except the labels: none given means "1", "2", ...
// Throws std::invalid_argument with the check's message when the values do not pass
// check_risk_method() or a level count is outside 3..10: score() must never index outside the matrix.
RiskMethod method_from_values(const std::map<std::string, Value>& values);

// The register's record check (a RecordCheck): labels, matrix and thresholds must fit the level
// counts. Names the field to mark. Problems a field rule already reports (a level count outside
// 3..10, a missing value) are left to it, and the checks that depend on that field are skipped.
std::optional<FieldError> check_risk_method(const std::map<std::string, Value>& values);

// The level's label, or its number when the method has no labels. Throws std::out_of_range
// outside 1..levels.
std::string likelihood_label(const RiskMethod& method, int level);
std::string impact_label(const RiskMethod& method, int level);

}  // namespace isms

namespace isms::registers {

// One record per workspace (id "risk-method"), defaults equal to RiskMethod::standard().
// Also declared in registers.hpp; repeated here so the risk code and its tests need only this header.
EntityDef risk_method();

}  // namespace isms::registers
