#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>

#include "core/model/field_builder.hpp"
#include "core/model/registers/registers.hpp"
#include "core/model/value_access.hpp"
#include "core/util/date.hpp"

namespace isms::registers {
namespace {

// ---- Nonconformity (10.2; seed F1 "non-conformity reports") ----

bool status_in(const Values& values, std::initializer_list<const char*> states) {
  for (const char* state : states) {
    if (text_is(values, "status", state)) return true;
  }
  return false;
}

// 10.2 b): the cause is determined before actions are chosen, or the actions treat a symptom.
std::optional<FieldError> root_cause_when_analysed(const Values& values) {
  if (!status_in(values, {"analysed", "actions_planned", "verification", "closed"})) return std::nullopt;
  if (has_text(values, "root_cause")) return std::nullopt;
  return FieldError{"root_cause", "Root cause is required before the nonconformity is analysed."};
}

// A review's outcome is someone's judgement on a day (10.2 d)); without both it proves nothing.
std::optional<FieldError> review_complete(const Values& values) {
  if (is_null(value_at(values, "effective"))) return std::nullopt;
  if (is_null(value_at(values, "review_date"))) {
    return FieldError{"review_date", "Review date is required when the effectiveness review is recorded."};
  }
  if (is_null(value_at(values, "reviewer"))) {
    return FieldError{"reviewer", "Reviewer is required when the effectiveness review is recorded."};
  }
  return std::nullopt;
}

std::optional<FieldError> review_after_raising(const Values& values) {
  const std::optional<CivilDate> raised = parse_date(text_or_empty(value_at(values, "raised_on")));
  const std::optional<CivilDate> reviewed = parse_date(text_or_empty(value_at(values, "review_date")));
  if (!raised || !reviewed || !(*reviewed < *raised)) return std::nullopt;
  return FieldError{"review_date", "Review date cannot be before the day the nonconformity was raised (" +
                                       format_date(*raised) + ")."};
}

// The rule: closing is the outcome of an effective review, nothing else. The operation
// record_effectiveness_review (core/assurance/audits.hpp) closes or reopens; this keeps a plain
// status change from closing without one.
std::optional<FieldError> closed_only_when_effective(const Values& values) {
  if (!text_is(values, "status", "closed") || text_is(values, "effective", "yes")) return std::nullopt;
  return FieldError{"effective",
                    "A nonconformity cannot be closed before a review found the corrective actions effective."};
}

// The review that closes a nonconformity judged the actions that were done: a review dated before
// the last action was completed (an old "effective" left over from before a reopening, or filled
// in ahead) has not seen them.
std::optional<FieldError> review_after_actions(const RecordContext& context, const std::string& id,
                                               const Values& values) {
  if (!text_is(values, "status", "closed")) return std::nullopt;
  const std::optional<CivilDate> reviewed = parse_date(text_or_empty(value_at(values, "review_date")));
  if (!reviewed) return std::nullopt;  // the record check asks for the date
  std::optional<CivilDate> last_done;
  for (const Record& action : context.find_by("corrective_action", "nonconformity", Value(id))) {
    if (text_or_empty(action.get("status")) != "done") continue;
    const std::optional<CivilDate> done = parse_date(text_or_empty(action.get("completed_on")));
    if (done && (!last_done || *last_done < *done)) last_done = done;
  }
  if (!last_done || !(*reviewed < *last_done)) return std::nullopt;
  return FieldError{"review_date",
                    "The effectiveness review must come after the last corrective action was completed (" +
                        format_date(*last_done) + ") to close the nonconformity."};
}

// A nonconformity in verification or closed was judged on its finished actions: reopening one,
// or adding one, goes through reopening the nonconformity, not around it.
std::optional<FieldError> finished_while_verified(const RecordContext& context, const std::string& /*id*/,
                                                  const Values& values) {
  if (text_is(values, "status", "done") || text_is(values, "status", "cancelled")) return std::nullopt;
  const std::optional<Record> parent = context.find("nonconformity", text_or_empty(value_at(values, "nonconformity")));
  if (!parent || parent->deleted) return std::nullopt;
  const std::string& status = text_or_empty(parent->get("status"));
  if (status != "verification" && status != "closed") return std::nullopt;
  return FieldError{"status", "The nonconformity is " + std::string(status == "closed" ? "closed" : "in verification") +
                                  "; reopen it (back to actions planned) before adding or reopening a corrective "
                                  "action."};
}

// Once actions are planned there are actions (10.2 c)); once they are being verified, every one
// that was not dropped is done, or there is nothing finished to verify yet.
std::optional<FieldError> actions_match_status(const RecordContext& context, const std::string& id,
                                               const Values& values) {
  if (!status_in(values, {"actions_planned", "verification", "closed"})) return std::nullopt;
  std::size_t active = 0, unfinished = 0;
  for (const Record& action : context.find_by("corrective_action", "nonconformity", Value(id))) {
    const std::string& status = text_or_empty(action.get("status"));
    if (status == "cancelled") continue;
    ++active;
    if (status != "done") ++unfinished;
  }
  if (active == 0) {
    return FieldError{"status",
                      "A nonconformity needs at least one corrective action that is not cancelled once its actions "
                      "are planned."};
  }
  if (unfinished == 0 || text_is(values, "status", "actions_planned")) return std::nullopt;
  const std::string when = text_is(values, "status", "closed") ? "closed" : "in verification";
  return FieldError{"status", "All corrective actions must be done or cancelled before the nonconformity is " + when +
                                  "; " + std::to_string(unfinished) + (unfinished == 1 ? " is" : " are") + " not."};
}

// Open, analysed (root cause found), actions planned, verification (actions done, effectiveness
// checked), closed. Analysis may be revisited while the actions are only planned. A review that
// finds the actions ineffective sends it back to actions planned, from verification or, when a
// later look shows the problem back, from closed (10.2 d) and f)); nothing else leaves closed.
LifecycleDef nonconformity_lifecycle() {
  return LifecycleDef{"status",
                      {{"open", "analysed"},
                       {"analysed", "open"},
                       {"analysed", "actions_planned"},
                       {"actions_planned", "analysed"},
                       {"actions_planned", "verification"},
                       {"verification", "actions_planned"},
                       {"verification", "closed"},
                       {"closed", "actions_planned"}}};
}

// ---- Corrective action ----

// "Done" is a fact with a date, which the effectiveness review measures from.
std::optional<FieldError> done_has_date(const Values& values) {
  if (!text_is(values, "status", "done") || !is_null(value_at(values, "completed_on"))) return std::nullopt;
  return FieldError{"completed_on", "Completed on is required when the corrective action is done."};
}

// Planned, started, finished or dropped. A done action may be reopened, a cancelled one planned again.
LifecycleDef action_lifecycle() {
  return LifecycleDef{"status",
                      {{"planned", "in_progress"},
                       {"planned", "done"},
                       {"planned", "cancelled"},
                       {"in_progress", "planned"},
                       {"in_progress", "done"},
                       {"in_progress", "cancelled"},
                       {"done", "in_progress"},
                       {"cancelled", "planned"}}};
}

}  // namespace

// The nonconformity register (10.2; seed F1; the ISMS improvement process): what did not conform,
// where it was found, the immediate correction, the root cause, the corrective actions (their own
// records, part of it) and the review of whether they worked.
EntityDef nonconformity() {
  EntityDef def;
  def.kind = "nonconformity";
  def.label = "Nonconformity";
  def.plural = "Nonconformities";
  def.title_field = "title";
  def.fields = {
      field("title", "Title", FieldType::Text).required(),
      field("source", "Source", FieldType::Enum)
          .required()
          .options({{"audit", "Audit"},
                    {"incident", "Incident"},
                    {"management_review", "Management review"},
                    {"feedback", "Feedback"},
                    {"monitoring", "Monitoring"},
                    {"other", "Other"}}),
      field("description", "Description", FieldType::LongText)
          .required()
          .help("What does not conform, and the evidence."),
      field("clause", "Clause", FieldType::Link).links_to("clause").help("The requirement of clauses 4-10 not met."),
      field("control", "Control", FieldType::Link).links_to("control").help("The control not met."),
      field("severity", "Severity", FieldType::Enum).required().options({{"minor", "Minor"}, {"major", "Major"}}),
      field("raised_on", "Raised on", FieldType::Date).required(),
      field("raised_by", "Raised by", FieldType::Link).links_to("person"),
      field("audit_item", "Audit finding", FieldType::Link)
          .links_to("audit_item")
          .help("The checklist item whose finding this is, when an audit raised it."),
      field("incidents", "Incidents", FieldType::LinkList).links_to("incident"),
      field("correction", "Correction", FieldType::LongText).help("The immediate fix (10.2 a))."),
      field("root_cause", "Root cause", FieldType::LongText)
          .help("Why it happened (10.2 b)); required from Analysed on."),
      // Required because the lifecycle needs a current state to check a transition against.
      field("status", "Status", FieldType::Enum)
          .required()
          .options({{"open", "Open"},
                    {"analysed", "Analysed"},
                    {"actions_planned", "Actions planned"},
                    {"verification", "Verification"},
                    {"closed", "Closed"}})
          .default_value(std::string("open")),
      field("review_date", "Review date", FieldType::Date).help("When the effectiveness of the actions was reviewed."),
      field("reviewer", "Reviewer", FieldType::Link).links_to("person"),
      field("effective", "Corrective actions effective", FieldType::Enum)
          .options({{"yes", "Yes"}, {"no", "No"}})
          .help("The review's outcome (10.2 d)); only an effective review closes the nonconformity."),
      field("review_note", "Review note", FieldType::LongText),
  };
  def.lifecycle = nonconformity_lifecycle();
  def.checks = {root_cause_when_analysed, review_complete, review_after_raising, closed_only_when_effective};
  def.context_checks = {actions_match_status, review_after_actions};
  return def;
}

// A corrective action (10.2 c); seed F1 "corrective action plans"). Part of its nonconformity:
// deleting that deletes its actions, and restoring it brings them back.
EntityDef corrective_action() {
  EntityDef def;
  def.kind = "corrective_action";
  def.label = "Corrective action";
  def.plural = "Corrective actions";
  def.title_field = "title";
  def.fields = {
      field("nonconformity", "Nonconformity", FieldType::Link).part_of("nonconformity").required(),
      field("title", "Title", FieldType::Text).required(),
      field("description", "Description", FieldType::LongText),
      field("owner", "Owner", FieldType::Link).links_to("person").help("The person who sees the action through."),
      field("due_date", "Due date", FieldType::Date),
      // Required because the lifecycle needs a current state to check a transition against.
      field("status", "Status", FieldType::Enum)
          .required()
          .options(
              {{"planned", "Planned"}, {"in_progress", "In progress"}, {"done", "Done"}, {"cancelled", "Cancelled"}})
          .default_value(std::string("planned")),
      field("completed_on", "Completed on", FieldType::Date),
  };
  def.lifecycle = action_lifecycle();
  def.checks = {done_has_date};
  def.context_checks = {finished_while_verified};
  return def;
}

}  // namespace isms::registers
