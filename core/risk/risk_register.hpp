#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "core/model/entity.hpp"
#include "core/model/record.hpp"
#include "core/model/record_context.hpp"
#include "core/model/value.hpp"
#include "core/risk/risk_method.hpp"
#include "core/store/repository.hpp"

// The risk register (ISO/IEC 27001:2022 6.1.2, 8.2) and its treatment plan (6.1.3, 8.3): the
// operations that span several records. The registers' own rules are in
// core/model/registers/risk.cpp.
namespace isms {

// The id of the workspace's one "risk_method" record.
constexpr const char* risk_method_id = "risk-method";

// The workspace's risk method: its "risk_method" record, or RiskMethod::standard() when there is
// none or it is deleted (a bare database). Throws std::invalid_argument when the stored record
// cannot be used, which only a damaged file or import can cause: its register refuses such values.
RiskMethod workspace_risk_method(const RecordContext& records);

struct MethodChange {
  std::size_t risks_recomputed = 0;  // live risks whose stored scores or levels changed
  std::size_t levels_changed = 0;    // of those, the ones whose inherent or residual level changed
};

// Changes the workspace's risk method (creating its record from standard() if there is none) and
// recomputes every live risk, in one transaction and one change set (the method register asks the
// repository for that: a plain update of the method does the same), with history.
// Throws ValidationError, with nothing written, listing at once:
//  - what the method's own rules refuse (its register's messages and fields);
//  - naming "likelihood_levels" or "impact_levels", when live risks use a level the new scale lacks:
//    "3 risks have a likelihood above 4; change them first or keep 5 levels.".
// When those pass but a recomputed risk would break one of its own rules (an accepted risk now above
// the appetite without a rationale; a residual score above the inherent one under a new matrix),
// throws ValidationError naming "appetite" or "scoring", with the risk's title and its message.
MethodChange change_risk_method(Repository& records, std::map<std::string, Value> changes);

// A treatment action not finished by its due date: the due date is before `today` ("YYYY-MM-DD")
// and it is still planned or in progress. Due today is not overdue yet. False when either date is
// missing or not a date: overdue is computed, never stored, so there is nothing to go stale.
bool is_overdue(const Record& treatment_action, std::string_view today);

}  // namespace isms

namespace isms::registers {

// Also declared in registers.hpp; repeated here so the risk code and its tests need only this header.
EntityDef risk();
EntityDef treatment_action();  // part of a risk: deleting the risk deletes its actions

}  // namespace isms::registers
