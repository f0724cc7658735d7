#include "core/risk/risk_register.hpp"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/model/validation.hpp"
#include "core/store/sqlite.hpp"
#include "core/util/date.hpp"

namespace isms {
namespace {

using Values = std::map<std::string, Value>;

constexpr const char* risk_kind = "risk";
constexpr const char* method_kind = "risk_method";

// Writes the new method. With no live record the workspace was using standard(), so the change
// is made to standard(): the result is what the person saw plus what they changed.
void write_method(Repository& records, Values changes) {
  const std::optional<Record> current = records.get(method_kind, risk_method_id);
  if (current && !current->deleted) {
    records.update(method_kind, risk_method_id, std::move(changes), "Changed the risk method");
    return;
  }
  Values values = to_values(RiskMethod::standard());
  for (auto& [key, value] : changes) values[key] = std::move(value);
  if (current) {
    records.restore(method_kind, risk_method_id);
    records.update(method_kind, risk_method_id, std::move(values), "Changed the risk method");
  } else {
    records.create_with_id(method_kind, risk_method_id, std::move(values), "Changed the risk method");
  }
}

bool is_above(const Value& level, int levels) {
  const auto* integer = std::get_if<std::int64_t>(&level);
  return integer != nullptr && *integer > levels;
}

// How many risks use a level above `levels` on one scale, before or after treatment.
std::size_t risks_above(const std::vector<Record>& risks, const char* inherent_key, const char* residual_key,
                        int levels) {
  return static_cast<std::size_t>(std::count_if(risks.begin(), risks.end(), [&](const Record& risk) {
    return is_above(risk.get(inherent_key), levels) || is_above(risk.get(residual_key), levels);
  }));
}

// `scale` with its article: "a likelihood", "an impact".
std::string scale_message(std::size_t risks, const std::string& scale, int new_levels, int old_levels) {
  const bool one = risks == 1;
  return std::to_string(risks) + (one ? " risk has " : " risks have ") + scale + " above " +
         std::to_string(new_levels) + "; change " + (one ? "it" : "them") + " first or keep " +
         std::to_string(old_levels) + " levels.";
}

// The level count a change asks for; the current one when it asks for none, or for one the
// method's own rule refuses (that rule reports it, and a count outside 3..10 says nothing here).
int wanted_levels(const EntityDef& method_def, const Values& changes, const std::string& key, int current) {
  const auto found = changes.find(key);
  if (found == changes.end()) return current;
  const Values normalised = normalise_changes(method_def, {{key, found->second}});
  const auto* count = std::get_if<std::int64_t>(&normalised.at(key));
  if (count == nullptr || *count < 3 || *count > 10) return current;
  return static_cast<int>(*count);
}

// A smaller scale would leave risks pointing at levels that no longer exist, with no score.
std::vector<FieldError> scale_problems(const std::vector<Record>& risks, const RiskMethod& before,
                                       int likelihood_levels, int impact_levels) {
  std::vector<FieldError> problems;
  if (const std::size_t count = risks_above(risks, "inherent_likelihood", "residual_likelihood", likelihood_levels)) {
    problems.push_back(
        {"likelihood_levels", scale_message(count, "a likelihood", likelihood_levels, before.likelihood_levels)});
  }
  if (const std::size_t count = risks_above(risks, "inherent_impact", "residual_impact", impact_levels)) {
    problems.push_back({"impact_levels", scale_message(count, "an impact", impact_levels, before.impact_levels)});
  }
  return problems;
}

// A risk's own rule refused its recomputed values. The method's field is named, since the method
// is what the person is editing: the appetite for an acceptance without a rationale, the scoring
// for anything else (a matrix that puts a residual score above the inherent one).
ValidationError broken_by_method(const Repository& records, const DependentRuleError& error) {
  const FieldError problem = error.inner().empty() ? FieldError{"", error.what()} : error.inner().front();
  const std::string field = problem.field == "acceptance_rationale" ? "appetite" : "scoring";
  const std::optional<Record> risk = records.get(risk_kind, error.id());
  return ValidationError({{field, "The risk '" + (risk ? records.title_of(*risk) : error.id()) +
                                      "' would break a rule under the new method: " + problem.message +
                                      " Change that risk first, or keep the current method."}});
}

// Writes the method (the repository recomputes every risk in the same change set) and checks the
// risks' levels against it, reporting every problem of both at once: shrinking a scale usually
// needs new labels too, and the person should learn that in one go.
void write_checked(Repository& records, const std::vector<Record>& risks, const RiskMethod& before, Values changes) {
  const EntityDef& method_def = records.registry().get(method_kind);
  std::vector<FieldError> problems =
      scale_problems(risks, before, wanted_levels(method_def, changes, "likelihood_levels", before.likelihood_levels),
                     wanted_levels(method_def, changes, "impact_levels", before.impact_levels));
  try {
    write_method(records, std::move(changes));
  } catch (const DependentRuleError& broken) {
    if (!problems.empty()) throw ValidationError(std::move(problems));  // says why, for all risks at once
    throw broken_by_method(records, broken);
  } catch (const ValidationError& refused) {
    std::vector<FieldError> all = refused.errors();
    all.insert(all.end(), problems.begin(), problems.end());
    throw ValidationError(std::move(all));
  }
  if (!problems.empty()) throw ValidationError(std::move(problems));
}

bool differs(const Record& before, const Record& after, std::initializer_list<const char*> keys) {
  return std::any_of(keys.begin(), keys.end(), [&](const char* key) { return before.get(key) != after.get(key); });
}

MethodChange count_changes(const Repository& records, const std::vector<Record>& before) {
  std::map<std::string, Record> now;
  for (Record& risk : records.list(risk_kind)) now.emplace(risk.id, std::move(risk));
  MethodChange result;
  for (const Record& risk : before) {
    const auto after = now.find(risk.id);
    if (after == now.end()) continue;
    if (differs(risk, after->second, {"inherent_score", "inherent_level", "residual_score", "residual_level"})) {
      ++result.risks_recomputed;
    }
    if (differs(risk, after->second, {"inherent_level", "residual_level"})) ++result.levels_changed;
  }
  return result;
}

}  // namespace

RiskMethod workspace_risk_method(const RecordContext& records) {
  const std::optional<Record> record = records.find(method_kind, risk_method_id);
  if (!record || record->deleted) return RiskMethod::standard();
  return method_from_values(record->fields);
}

MethodChange change_risk_method(Repository& records, std::map<std::string, Value> changes) {
  RiskMethod before = RiskMethod::standard();
  try {
    before = workspace_risk_method(records);
  } catch (const std::invalid_argument&) {
    // A damaged method record: this change is how it gets repaired, so it must not be refused here.
  }
  Transaction transaction(records.database());
  const std::vector<Record> risks = records.list(risk_kind);
  write_checked(records, risks, before, std::move(changes));
  const MethodChange result = count_changes(records, risks);
  transaction.commit();
  return result;
}

bool is_overdue(const Record& treatment_action, std::string_view today) {
  if (treatment_action.deleted) return false;
  const auto* status = std::get_if<std::string>(&treatment_action.get("status"));
  if (status == nullptr || (*status != "planned" && *status != "in_progress")) return false;
  const auto* due_text = std::get_if<std::string>(&treatment_action.get("due_date"));
  if (due_text == nullptr) return false;
  const std::optional<CivilDate> due = parse_date(*due_text);
  const std::optional<CivilDate> now = parse_date(today);
  return due && now && *due < *now;
}

}  // namespace isms
