#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "core/model/field_builder.hpp"
#include "core/model/registers/registers.hpp"
#include "core/model/value_access.hpp"
#include "core/risk/risk_method.hpp"
#include "core/risk/risk_register.hpp"
#include "core/util/date.hpp"
#include "core/util/text.hpp"

namespace isms::registers {
namespace {

// One assessment of a risk: before treatment (inherent) or after it (residual). The labels are
// the fields' labels, kept here so the form and the messages cannot drift apart.
struct Assessment {
  const char* likelihood;
  const char* likelihood_label;
  const char* impact;
  const char* impact_label;
  const char* score;
  const char* level;
};

constexpr Assessment inherent{"inherent_likelihood", "Inherent likelihood", "inherent_impact",
                              "Inherent impact",     "inherent_score",      "inherent_level"};
constexpr Assessment residual{"residual_likelihood", "Residual likelihood", "residual_impact",
                              "Residual impact",     "residual_score",      "residual_level"};

// The method the rules measure against, or nullopt when the stored one cannot be used: then the
// scores stay empty and the scale check says why, instead of scoring with a method nobody chose.
std::optional<RiskMethod> usable_method(const RecordContext& context) {
  try {
    return workspace_risk_method(context);
  } catch (const std::invalid_argument&) {
    return std::nullopt;
  }
}

// A level on a scale of `levels` steps; nullopt when absent or outside it (the scale check reports that).
std::optional<int> on_scale(const Values& values, const std::string& key, int levels) {
  const std::optional<std::int64_t> level = integer_at(values, key);
  if (!level || *level < 1 || *level > levels) return std::nullopt;
  return static_cast<int>(*level);
}

void assess(const RiskMethod* method, const Assessment& which, Values& values) {
  values[which.score] = std::monostate{};
  values[which.level] = std::monostate{};
  if (method == nullptr) return;
  const std::optional<int> likelihood = on_scale(values, which.likelihood, method->likelihood_levels);
  const std::optional<int> impact = on_scale(values, which.impact, method->impact_levels);
  if (!likelihood || !impact) return;  // not assessed yet (residual), or off the scale
  const int score = method->score(*likelihood, *impact);
  values[which.score] = std::int64_t{score};
  values[which.level] = std::string(to_value(method->level_of(score)));
}

// Scores and levels always come from the workspace's current method, so a risk never shows a
// level computed under thresholds that no longer apply.
void derive_scores(const RecordContext& context, Values& values) {
  const std::optional<RiskMethod> method = usable_method(context);
  assess(method ? &*method : nullptr, inherent, values);
  assess(method ? &*method : nullptr, residual, values);
}

// The scales are the method's (3 to 10 steps each), so the bounds cannot be field rules.
std::optional<FieldError> within_scales(const RecordContext& context, const std::string& /*id*/, const Values& values) {
  RiskMethod method;
  try {
    method = workspace_risk_method(context);
  } catch (const std::invalid_argument& problem) {
    return FieldError{inherent.likelihood, "The risk method cannot be used: " + std::string(problem.what()) +
                                               " Correct it before assessing risks."};
  }
  const std::array<std::tuple<const char*, const char*, int>, 4> scales = {{
      {inherent.likelihood, inherent.likelihood_label, method.likelihood_levels},
      {inherent.impact, inherent.impact_label, method.impact_levels},
      {residual.likelihood, residual.likelihood_label, method.likelihood_levels},
      {residual.impact, residual.impact_label, method.impact_levels},
  }};
  for (const auto& [key, label, levels] : scales) {
    const std::optional<std::int64_t> level = integer_at(values, key);
    if (level && (*level < 1 || *level > levels)) {
      return FieldError{
          key, std::string(label) + " must be between 1 and " + std::to_string(levels) + " (the risk method's scale)."};
    }
  }
  return std::nullopt;
}

// A residual assessment is a pair: one number alone cannot be scored. Neither means "not treated yet".
std::optional<FieldError> residual_pair(const Values& values) {
  const bool likelihood = !is_null(value_at(values, residual.likelihood));
  const bool impact = !is_null(value_at(values, residual.impact));
  if (likelihood && !impact) {
    return FieldError{residual.impact, "Residual impact is required when a residual likelihood is given."};
  }
  if (impact && !likelihood) {
    return FieldError{residual.likelihood, "Residual likelihood is required when a residual impact is given."};
  }
  return std::nullopt;
}

// Treatment lowers a risk or leaves it as it is; a higher residual score means the assessment or
// the treatment is wrong. Scores, not likelihood and impact one by one: a control may well trade
// a little more impact for much less likelihood.
std::optional<FieldError> residual_not_above_inherent(const Values& values) {
  const std::optional<std::int64_t> before = integer_at(values, inherent.score);
  const std::optional<std::int64_t> after = integer_at(values, residual.score);
  if (!before || !after || *after <= *before) return std::nullopt;
  return FieldError{residual.likelihood, "Residual score (" + std::to_string(*after) +
                                             ") cannot be above the inherent score (" + std::to_string(*before) + ")."};
}

// Choosing "accept" as the treatment option is a proposal a consultant drafts before the owner has
// signed off; the acceptance itself is recorded when the status becomes Accepted.
bool is_acceptance(const Values& values) { return text_is(values, "status", "accepted"); }

// 6.1.3 f): the risk owner's acceptance is a decision by someone on a day, and the register is its evidence.
RecordCheck required_for_acceptance(const char* key, const char* label) {
  return [key, label](const Values& values) -> std::optional<FieldError> {
    if (!is_acceptance(values) || !is_null(value_at(values, key))) return std::nullopt;
    return FieldError{key, std::string(label) + " is required to accept a risk."};
  };
}

// 6.1.2 a) 1): the appetite is the acceptance criterion; above it, accepting is an exception that
// needs its reasons written down. The level accepted is the residual one once the risk is treated.
std::optional<FieldError> rationale_above_appetite(const RecordContext& context, const std::string& /*id*/,
                                                   const Values& values) {
  if (!is_acceptance(values)) return std::nullopt;
  const std::string* rationale = text_at(values, "acceptance_rationale");
  if (rationale != nullptr && !is_blank(*rationale)) return std::nullopt;
  const std::string* level_text = text_at(values, residual.level);
  if (level_text == nullptr) level_text = text_at(values, inherent.level);
  const std::optional<RiskLevel> level = level_text != nullptr ? parse_level(*level_text) : std::nullopt;
  const std::optional<RiskMethod> method = usable_method(context);
  if (!level || !method || !method->above_appetite(*level)) return std::nullopt;
  return FieldError{"acceptance_rationale",
                    "Acceptance rationale is required to accept a risk above the risk appetite (" +
                        std::string(to_label(method->appetite)) + ")."};
}

// A mitigated risk counts as treated only through the controls that mitigate it (6.1.3 b)).
std::optional<FieldError> controls_for_treated_mitigation(const Values& values) {
  if (!text_is(values, "treatment", "mitigate") || !text_is(values, "status", "treated")) return std::nullopt;
  if (!is_null(value_at(values, "controls"))) return std::nullopt;  // an empty list is stored as null
  return FieldError{"controls", "Controls are required for a mitigated risk that is treated."};
}

std::vector<EnumOption> level_options() {
  std::vector<EnumOption> options;
  for (const RiskLevel level : {RiskLevel::Low, RiskLevel::Medium, RiskLevel::High, RiskLevel::Critical}) {
    options.push_back({std::string(to_value(level)), std::string(to_label(level))});
  }
  return options;
}

// Identified, then assessed; from there treated (through a plan), accepted as it is, or closed.
// Reassessment is always possible once a risk has been dealt with (a changed threat, an incident,
// the periodic review of 8.2), and a closed risk may come back. A new risk may also be closed
// straight away when it turns out to be no risk (a duplicate, out of scope).
LifecycleDef risk_lifecycle() {
  LifecycleDef lifecycle;
  lifecycle.field = "status";
  lifecycle.transitions = {
      {"identified", "assessed"},
      {"identified", "closed"},
      {"assessed", "treatment_planned"},
      {"assessed", "accepted"},
      {"assessed", "closed"},
      {"treatment_planned", "treated"},
      {"treatment_planned", "assessed"},
      {"treated", "accepted"},
      {"treated", "closed"},
      {"treated", "assessed"},
      {"accepted", "assessed"},
      {"accepted", "closed"},
      {"closed", "assessed"},
  };
  return lifecycle;
}

std::vector<FieldDef> assessment_fields(const Assessment& which, bool required, const std::string& when) {
  FieldBuilder likelihood = field(which.likelihood, which.likelihood_label, FieldType::Integer)
                                .help("How likely the risk is " + when + ", on the risk method's likelihood scale.");
  FieldBuilder impact = field(which.impact, which.impact_label, FieldType::Integer)
                            .help("How severe its consequences are " + when + ", on the risk method's impact scale.");
  if (required) {
    likelihood.required();
    impact.required();
  }
  const std::string prefix = required ? "Inherent" : "Residual";
  return {
      likelihood,
      impact,
      field(which.score, prefix + " score", FieldType::Integer).computed().help("Computed by the risk method."),
      field(which.level, prefix + " level", FieldType::Enum)
          .options(level_options())
          .computed()
          .help("Computed from the score and the risk method's thresholds."),
  };
}

std::vector<FieldDef> risk_fields() {
  std::vector<FieldDef> fields = {
      field("title", "Title", FieldType::Text).required(),
      field("description", "Description", FieldType::LongText),
      field("assets", "Assets", FieldType::LinkList).links_to("asset").help("The assets the risk affects."),
      field("threat", "Threat", FieldType::Text).help("What could happen, e.g. a ransomware attack."),
      field("vulnerability", "Vulnerability", FieldType::Text)
          .help("The weakness it exploits, e.g. unpatched servers."),
      field("owner", "Risk owner", FieldType::Link)
          .links_to("person")
          .help("The person accountable for managing the risk and approving its treatment."),
  };
  for (FieldDef& def : assessment_fields(inherent, true, "before treatment")) fields.push_back(std::move(def));
  fields.push_back(
      field("treatment", "Treatment option", FieldType::Enum)
          .options({{"mitigate", "Mitigate"}, {"accept", "Accept"}, {"transfer", "Transfer"}, {"avoid", "Avoid"}}));
  fields.push_back(field("controls", "Controls", FieldType::LinkList)
                       .links_to("control")
                       .help("The controls that treat the risk; they appear in the Statement of Applicability."));
  for (FieldDef& def : assessment_fields(residual, false, "after treatment")) fields.push_back(std::move(def));
  std::vector<FieldDef> rest = {
      field("accepted_by", "Accepted by", FieldType::Link)
          .links_to("person")
          .help("Who accepted the risk as it is, usually its owner."),
      field("accepted_on", "Accepted on", FieldType::Date),
      field("acceptance_rationale", "Acceptance rationale", FieldType::LongText)
          .help("Why the risk is accepted; required above the risk appetite."),
      field("review_date", "Next review", FieldType::Date),
      // Required because the lifecycle needs a current state to check a transition against.
      field("status", "Status", FieldType::Enum)
          .required()
          .options({{"identified", "Identified"},
                    {"assessed", "Assessed"},
                    {"treatment_planned", "Treatment planned"},
                    {"treated", "Treated"},
                    {"accepted", "Accepted"},
                    {"closed", "Closed"}})
          .default_value(std::string("identified")),
  };
  for (FieldDef& def : rest) fields.push_back(std::move(def));
  return fields;
}

std::optional<FieldError> due_not_before_start(const Values& values) {
  const std::string* start_text = text_at(values, "start_date");
  const std::string* due_text = text_at(values, "due_date");
  if (start_text == nullptr || due_text == nullptr) return std::nullopt;
  const std::optional<CivilDate> start = parse_date(*start_text);
  const std::optional<CivilDate> due = parse_date(*due_text);
  if (!start || !due || !(*due < *start)) return std::nullopt;
  return FieldError{"due_date", "Due date must not be before the start date."};
}

// "Done" and the progress must tell the same story; the person says so rather than the register
// guessing which of the two is wrong.
std::optional<FieldError> done_means_complete(const Values& values) {
  if (!text_is(values, "status", "done")) return std::nullopt;
  const std::optional<std::int64_t> progress = integer_at(values, "progress");
  if (progress && *progress == 100) return std::nullopt;
  return FieldError{"progress", "Progress must be 100% for a done action."};
}

// Planned, started, finished or dropped. A done action may be reopened, a cancelled one planned again.
LifecycleDef action_lifecycle() {
  LifecycleDef lifecycle;
  lifecycle.field = "status";
  lifecycle.transitions = {
      {"planned", "in_progress"}, {"planned", "done"},          {"planned", "cancelled"}, {"in_progress", "planned"},
      {"in_progress", "done"},    {"in_progress", "cancelled"}, {"done", "in_progress"},  {"cancelled", "planned"},
  };
  return lifecycle;
}

}  // namespace

// The risk register (ISO/IEC 27001:2022 6.1.2 risk assessment, 8.2 its performance): each risk is
// scored under the workspace's risk method (core/risk/risk_method.hpp) and carries its treatment
// decision and, when retained, the owner's acceptance.
EntityDef risk() {
  EntityDef def;
  def.kind = "risk";
  def.label = "Risk";
  def.plural = "Risks";
  def.title_field = "title";
  def.fields = risk_fields();
  def.lifecycle = risk_lifecycle();
  def.checks = {residual_pair, residual_not_above_inherent, required_for_acceptance("accepted_by", "Accepted by"),
                required_for_acceptance("accepted_on", "Accepted on"), controls_for_treated_mitigation};
  // The scale first: a likelihood off the scale has no level to hold against the appetite.
  def.context_checks = {within_scales, rationale_above_appetite};
  def.derive = derive_scores;
  return def;
}

// The risk treatment plan (6.1.3 e), 8.3): what is done about a risk, by whom and when. Part of its
// risk, so deleting the risk deletes its actions and restoring it brings them back. Whether an
// action is overdue depends on the day it is looked at, so it is computed (is_overdue), not stored.
EntityDef treatment_action() {
  EntityDef def;
  def.kind = "treatment_action";
  def.label = "Treatment action";
  def.plural = "Treatment plan";
  def.title_field = "title";
  def.fields = {
      field("title", "Title", FieldType::Text).required(),
      field("risk", "Risk", FieldType::Link).part_of("risk").required(),
      field("controls", "Implements controls", FieldType::LinkList)
          .links_to("control")
          .help("The controls this action puts in place."),
      field("owner", "Owner", FieldType::Link).links_to("person").help("The person who sees the action through."),
      field("start_date", "Start date", FieldType::Date),
      field("due_date", "Due date", FieldType::Date),
      // Required because the lifecycle needs a current state to check a transition against.
      field("status", "Status", FieldType::Enum)
          .required()
          .options(
              {{"planned", "Planned"}, {"in_progress", "In progress"}, {"done", "Done"}, {"cancelled", "Cancelled"}})
          .default_value(std::string("planned")),
      field("progress", "Progress (%)", FieldType::Integer).range(0, 100).default_value(std::int64_t{0}),
      field("completed_on", "Completed on", FieldType::Date),
      field("notes", "Notes", FieldType::LongText),
  };
  def.lifecycle = action_lifecycle();
  def.checks = {due_not_before_start, done_means_complete};
  return def;
}

}  // namespace isms::registers
