#include <map>
#include <optional>
#include <string>

#include "core/model/field_builder.hpp"
#include "core/model/registers/registers.hpp"
#include "core/model/value_access.hpp"
#include "core/util/date.hpp"

namespace isms::registers {
namespace {

// How the sentence names the state the objective is entering; "" for the states that need no
// SMART check yet (a draft is being worked out, a cancelled one will never be measured).
std::string becoming(const std::string& status) {
  if (status == "active") return "becomes active";
  if (status == "achieved") return "is marked achieved";
  if (status == "missed") return "is marked missed";
  return "";
}

// 6.2 and the seed's A1 (SMART): an objective that is pursued, or judged, must be measurable
// (a KPI or a target value), achievable (why), relevant (the business goal), time-bound (a due
// date) and owned. A draft may lack them all: the objective-setting workshop fills them in.
std::optional<FieldError> smart_when_pursued(const Values& values) {
  const std::string when = becoming(text_or_empty(values.at("status")));
  if (when.empty()) return std::nullopt;
  if (is_null(values.at("measure")) && is_null(values.at("target_value"))) {
    return FieldError{"measure", "Measured by or Target value is required before the objective " + when + "."};
  }
  if (!has_text(values, "achievable")) {
    return FieldError{"achievable", "Why it is achievable is required before the objective " + when + "."};
  }
  if (!has_text(values, "business_goal")) {
    return FieldError{"business_goal", "Relevant to (business goal) is required before the objective " + when + "."};
  }
  if (is_null(values.at("due_date"))) {
    return FieldError{"due_date", "Due date is required before the objective " + when + "."};
  }
  if (is_null(values.at("owner"))) return FieldError{"owner", "Owner is required before the objective " + when + "."};
  return std::nullopt;
}

// A plan that ends after the objective is due cannot achieve it in time.
std::optional<FieldError> plan_within_due_date(const Values& values) {
  const std::optional<CivilDate> plan = parse_date(text_or_empty(values.at("plan_when")));
  const std::optional<CivilDate> due = parse_date(text_or_empty(values.at("due_date")));
  if (!plan || !due || *plan <= *due) return std::nullopt;
  return FieldError{"plan_when", "By when cannot be after the objective's due date (" + format_date(*due) + ")."};
}

}  // namespace

// 6.2: information security objectives, SMART (seed A1), with the plan to achieve them (6.2 f-k:
// what will be done, what resources, who, by when, how results are evaluated). Senior management
// approves them (seed section 4), which approved_by and approved_on record.
EntityDef objective() {
  EntityDef def;
  def.kind = "objective";
  def.label = "Objective";
  def.plural = "Objectives";
  def.title_field = "title";
  def.fields = {
      field("title", "Objective", FieldType::Text).required().help("The specific statement of what is to be reached."),
      field("measure", "Measured by", FieldType::Link).links_to("kpi"),
      field("target_value", "Target value", FieldType::Number),
      field("unit", "Unit", FieldType::Text).max_length(32),
      field("achievable", "Why it is achievable", FieldType::LongText),
      field("business_goal", "Relevant to (business goal)", FieldType::LongText)
          .help("The organisation's goal this objective serves."),
      field("due_date", "Due date", FieldType::Date),
      field("owner", "Owner", FieldType::Link).links_to("person"),
      field("status", "Status", FieldType::Enum)
          .required()
          .options({{"draft", "Draft"},
                    {"active", "Active"},
                    {"achieved", "Achieved"},
                    {"missed", "Missed"},
                    {"cancelled", "Cancelled"}})
          .default_value(std::string("draft")),
      field("plan_what", "What will be done", FieldType::LongText),
      field("plan_resources", "Resources", FieldType::LongText),
      field("plan_who", "Who", FieldType::Link).links_to("person"),
      field("plan_when", "By when", FieldType::Date),
      field("plan_evaluation", "How results are evaluated", FieldType::LongText),
      field("approved_by", "Approved by", FieldType::Link).links_to("person"),
      field("approved_on", "Approved on", FieldType::Date),
  };
  // Achieved and missed can be reopened (a result found wrong in review); a cancelled objective
  // goes back to draft before it is pursued again, so it is checked as new.
  def.lifecycle = LifecycleDef{"status",
                               {{"draft", "active"},
                                {"draft", "cancelled"},
                                {"active", "achieved"},
                                {"active", "missed"},
                                {"active", "cancelled"},
                                {"achieved", "active"},
                                {"missed", "active"},
                                {"cancelled", "draft"}}};
  def.checks = {smart_when_pursued, plan_within_due_date};
  return def;
}

}  // namespace isms::registers
