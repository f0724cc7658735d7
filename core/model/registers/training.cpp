#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/model/field_builder.hpp"
#include "core/model/registers/registers.hpp"
#include "core/model/value_access.hpp"

namespace isms::registers {
namespace {

constexpr const char* session_kind = "training_session";
constexpr const char* attendance_kind = "training_attendance";

std::vector<EnumOption> yes_no() { return {{"yes", "Yes"}, {"no", "No"}}; }

std::vector<EnumOption> session_statuses() {
  return {{"planned", "Planned"}, {"held", "Held"}, {"cancelled", "Cancelled"}};
}

std::string status_label(const Value& status) {
  for (const EnumOption& option : session_statuses()) {
    if (option.value == text_or_empty(status)) return option.label;
  }
  return text_or_empty(status);
}

// Planned, then held or cancelled; a cancelled session may be planned again. Held goes back to
// Planned only to correct a session recorded as held by mistake, and only while nobody is recorded
// as having attended it (attendance_only_when_held); it cannot become Cancelled, since it took place.
LifecycleDef session_lifecycle() {
  LifecycleDef lifecycle;
  lifecycle.field = "status";
  lifecycle.transitions = {
      {"planned", "held"},
      {"planned", "cancelled"},
      {"cancelled", "planned"},
      {"held", "planned"},
  };
  return lifecycle;
}

// A role-specific training is aimed at a role (7.2 a): the competence that role needs); without
// one, nobody could tell whose competence it builds.
std::optional<FieldError> role_specific_has_audience(const Values& values) {
  if (!text_is(values, "kind", "role_specific") || has_text(values, "audience_role")) return std::nullopt;
  return FieldError{"audience_role", "Audience role is required for a role-specific training."};
}

// Only mandatory trainings are required of people, so only they can fall due again.
std::optional<FieldError> recurrence_only_when_mandatory(const Values& values) {
  if (is_null(value_at(values, "recurrence_months")) || text_is(values, "mandatory", "yes")) return std::nullopt;
  return FieldError{"recurrence_months",
                    "Repeat every (months) applies only to a mandatory training; set Mandatory to Yes or clear it."};
}

// The attendance list is the evidence that people took part (7.2 d)); a session that is not held
// (any more) cannot have been attended, so it keeps its status while anyone is recorded as attended.
std::optional<FieldError> attended_sessions_stay_held(const RecordContext& context, const std::string& id,
                                                      const Values& values) {
  if (text_is(values, "status", "held")) return std::nullopt;
  std::size_t attended = 0;
  for (const Record& row : context.find_by(attendance_kind, "session", Value(id))) {
    if (text_or_empty(row.get("attended")) == "yes") ++attended;
  }
  if (attended == 0) return std::nullopt;
  const bool one = attended == 1;
  return FieldError{
      "status", "Status must stay Held while " + std::to_string(attended) + (one ? " person is" : " people are") +
                    " recorded as attended; set Attended to No on " + (one ? "that row" : "those rows") + " first."};
}

std::vector<FieldDef> session_fields() {
  return {
      field("topic", "Topic", FieldType::Text)
          .required()
          .help("Sessions with the same topic and audience are occurrences of one training: attending any counts."),
      field("kind", "Kind", FieldType::Enum)
          .required()
          .options({{"general", "General"}, {"role_specific", "Role-specific"}})
          .default_value(std::string("general")),
      field("audience_role", "Audience role", FieldType::Link)
          .links_to("role")
          .help("The role the training is for; empty means everyone."),
      field("mandatory", "Mandatory", FieldType::Enum)
          .required()
          .options(yes_no())
          .default_value(std::string("yes"))
          .help("Mandatory trainings are required of everyone in the audience and count in the coverage."),
      field("date", "Date", FieldType::Date).required(),
      field("trainer", "Trainer", FieldType::Link).links_to("person"),
      field("duration_minutes", "Duration (minutes)", FieldType::Integer).range(1, 1440),
      field("material", "Material reference", FieldType::Text).help("Where the slides or course are, e.g. a link."),
      field("recurrence_months", "Repeat every (months)", FieldType::Integer)
          .range(1, 60)
          .help("For a mandatory training that must be repeated, e.g. 12 for a yearly awareness training."),
      // Required because the lifecycle needs a current state to check a transition against.
      field("status", "Status", FieldType::Enum)
          .required()
          .options(session_statuses())
          .default_value(std::string("planned")),
      field("notes", "Notes", FieldType::LongText),
  };
}

// One attendance row per person and session: two rows could say both yes and no.
std::optional<FieldError> one_row_per_person(const RecordContext& context, const std::string& id,
                                             const Values& values) {
  // By person, not by session: a person has far fewer rows than a company-wide session has.
  for (const Record& other : context.find_by(attendance_kind, "person", value_at(values, "person"))) {
    if (other.id == id || other.get("session") != value_at(values, "session")) continue;
    const std::optional<Record> person = context.find("person", text_or_empty(value_at(values, "person")));
    const std::string name = person ? text_or_empty(person->get("name")) : std::string();
    return FieldError{"person",
                      "Person " + name + " is already on this session's attendance list; change that row instead."};
  }
  return std::nullopt;
}

// Attendance is evidence of a training that took place, so "attended" waits until it is held.
std::optional<FieldError> attendance_only_when_held(const RecordContext& context, const std::string& /*id*/,
                                                    const Values& values) {
  if (!text_is(values, "attended", "yes")) return std::nullopt;
  const std::optional<Record> session = context.find(session_kind, text_or_empty(value_at(values, "session")));
  if (!session || session->deleted || text_or_empty(session->get("status")) == "held") return std::nullopt;
  return FieldError{"attended", "Attended can be Yes only once the session is held; '" +
                                    text_or_empty(session->get("topic")) + "' is " +
                                    status_label(session->get("status")) + "."};
}

// A score measures what someone learnt in the session, so only those who were there have one.
std::optional<FieldError> score_only_when_attended(const Values& values) {
  if (is_null(value_at(values, "score")) || text_is(values, "attended", "yes")) return std::nullopt;
  return FieldError{"score", "Score can be given only when Attended is Yes."};
}

}  // namespace

// Training (seed C1; ISO/IEC 27001:2022 7.2): one record per session that is held, or planned.
// Who must take it is its audience (a role, or everyone) when it is mandatory; sessions with the
// same topic and audience are repeats of one training (core/competence/training_figures.hpp).
EntityDef training_session() {
  EntityDef def;
  def.kind = session_kind;
  def.label = "Training session";
  def.plural = "Training";
  def.title_field = "topic";
  def.fields = session_fields();
  def.lifecycle = session_lifecycle();
  def.checks = {role_specific_has_audience, recurrence_only_when_mandatory};
  def.context_checks = {attended_sessions_stay_held};
  return def;
}

// Who was at a session (the "training attendance records" of C1, 7.2 d) evidence of competence).
// Part of its session: deleting the session deletes its attendance list, and restoring it brings
// it back. The title is the person's link, so a renamed person is never shown under an old name.
EntityDef training_attendance() {
  EntityDef def;
  def.kind = attendance_kind;
  def.label = "Attendance";
  def.plural = "Training attendance";
  def.title_field = "person";
  def.fields = {
      field("session", "Session", FieldType::Link).part_of(session_kind).required(),
      field("person", "Person", FieldType::Link).links_to("person").required(),
      field("attended", "Attended", FieldType::Enum).required().options(yes_no()),
      field("score", "Score", FieldType::Integer).range(0, 100).help("The test result in percent, if there was one."),
      field("note", "Note", FieldType::LongText),
  };
  def.checks = {score_only_when_attended};
  def.context_checks = {one_row_per_person, attendance_only_when_held};
  return def;
}

}  // namespace isms::registers
