#include <optional>
#include <set>
#include <string>

#include "core/model/field_builder.hpp"
#include "core/model/registers/registers.hpp"
#include "core/model/value_access.hpp"

namespace isms::registers {
namespace {

// An approved initiative is a commitment: somebody carries it (F2 "initiate projects"), to a
// date while it is under way. A done one keeps its owner as the person who answers for it.
std::optional<FieldError> owner_once_approved(const Values& values) {
  static const std::set<std::string> committed = {"approved", "in_progress", "done"};
  if (committed.count(text_or_empty(value_at(values, "status"))) == 0 || !is_null(value_at(values, "owner"))) {
    return std::nullopt;
  }
  return FieldError{"owner", "Owner is required once the initiative is approved."};
}

std::optional<FieldError> due_while_planned(const Values& values) {
  if (!text_is(values, "status", "approved") && !text_is(values, "status", "in_progress")) return std::nullopt;
  if (!is_null(value_at(values, "due_date"))) return std::nullopt;
  return FieldError{"due_date", "Due date is required while the initiative is approved or in progress."};
}

// Proposed, then approved or rejected; an approved initiative is started and done. Approval may be
// withdrawn before work starts (approved -> proposed), and management may stop an initiative
// under way (approved or in progress -> rejected). A done initiative whose benefit did not show
// is taken up again (done -> in progress); a rejected one may be proposed again.
LifecycleDef improvement_lifecycle() {
  LifecycleDef lifecycle;
  lifecycle.field = "status";
  lifecycle.transitions = {
      {"proposed", "approved"},    {"proposed", "rejected"}, {"approved", "in_progress"},
      {"approved", "proposed"},    {"approved", "rejected"}, {"in_progress", "done"},
      {"in_progress", "rejected"}, {"done", "in_progress"},  {"rejected", "proposed"},
  };
  return lifecycle;
}

// Section 6 A: feedback from an interested party names the party, so its needs (4.2) can be
// traced to what was done about them.
std::optional<FieldError> party_named(const Values& values) {
  if (!text_is(values, "source", "interested_party") || !is_null(value_at(values, "interested_party"))) {
    return std::nullopt;
  }
  return FieldError{"interested_party", "Interested party is required when the source is Interested party."};
}

}  // namespace

// Improvement initiatives (seed F2, 10.1 continual improvement; the ISMS improvement process):
// projects that improve the ISMS's processes, documents and controls, from whatever prompted them.
EntityDef improvement() {
  EntityDef def;
  def.kind = "improvement";
  def.label = "Improvement initiative";
  def.plural = "Improvement initiatives";
  def.title_field = "title";
  def.fields = {
      field("title", "Title", FieldType::Text).required(),
      field("source", "Source", FieldType::Enum)
          .required()
          .options({{"feedback", "Feedback"},
                    {"audit", "Audit"},
                    {"review", "Management review"},
                    {"incident", "Incident"},
                    {"idea", "Idea"}}),
      field("description", "Description", FieldType::LongText),
      field("expected_benefit", "Expected benefit", FieldType::LongText)
          .help("What will be better, and how it will show (a KPI, fewer incidents)."),
      field("owner", "Owner", FieldType::Link).links_to("person"),
      // Required because the lifecycle needs a current state to check a transition against.
      field("status", "Status", FieldType::Enum)
          .required()
          .options({{"proposed", "Proposed"},
                    {"approved", "Approved"},
                    {"in_progress", "In progress"},
                    {"done", "Done"},
                    {"rejected", "Rejected"}})
          .default_value(std::string("proposed")),
      field("due_date", "Due date", FieldType::Date),
      field("processes", "Processes", FieldType::LinkList).links_to("process"),
      field("policies", "Policies", FieldType::LinkList).links_to("policy"),
      field("controls", "Controls", FieldType::LinkList).links_to("control"),
  };
  def.lifecycle = improvement_lifecycle();
  def.checks = {owner_once_approved, due_while_planned};
  return def;
}

// Feedback and surveys (seed section 6 A): what employees, interested parties and auditors said,
// and the improvement initiatives it led to (6 B).
EntityDef feedback() {
  EntityDef def;
  def.kind = "feedback";
  def.label = "Feedback";
  def.plural = "Feedback and surveys";
  def.title_field = "summary";
  def.fields = {
      field("source", "Source", FieldType::Enum)
          .required()
          .options({{"employee_survey", "Employee survey"},
                    {"feedback_session", "Feedback session"},
                    {"interested_party", "Interested party"},
                    {"auditor", "Auditor"}}),
      field("date", "Date", FieldType::Date).required(),
      field("summary", "Summary", FieldType::Text).required().help("In one line: what was said."),
      field("details", "Details", FieldType::LongText).help("The full feedback or the survey's results."),
      field("rating", "Rating", FieldType::Rating).range(1, 5).help("1 (poor) to 5 (very good), where one was given."),
      field("interested_party", "Interested party", FieldType::Link).links_to("interested_party"),
      field("improvements", "Improvements", FieldType::LinkList)
          .links_to("improvement")
          .help("The improvement initiatives started from this feedback."),
  };
  def.checks = {party_named};
  return def;
}

}  // namespace isms::registers
