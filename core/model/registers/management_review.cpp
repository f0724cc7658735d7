#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/catalogs/program_catalog.hpp"
#include "core/model/field_builder.hpp"
#include "core/model/registers/registers.hpp"
#include "core/model/value_access.hpp"
#include "core/util/date.hpp"
#include "core/util/text.hpp"

namespace isms::registers {
namespace {

// Held and approved: from the meeting on, the review is evidence (9.3, 7.5) and must show it.
bool was_held(const Values& values) {
  return text_is(values, "status", "held") || text_is(values, "status", "approved");
}

// 9.3 and the seed's E1 tools ("minutes of meetings"): who attended and what was said are the
// evidence that the review took place. A planned review has neither yet.
RecordCheck required_once_held(const char* key, const char* label) {
  return [key, label](const Values& values) -> std::optional<FieldError> {
    if (!was_held(values) || !is_null(value_at(values, key))) return std::nullopt;
    return FieldError{key, std::string(label) + " are required once the review has been held."};
  };
}

// Senior management approves the review's outputs (seed section 4): by whom and when is on record.
RecordCheck required_for_approval(const char* key, const char* label) {
  return [key, label](const Values& values) -> std::optional<FieldError> {
    if (!text_is(values, "status", "approved") || !is_null(value_at(values, key))) return std::nullopt;
    return FieldError{key, std::string(label) + " is required to approve the review."};
  };
}

// The minutes of a meeting cannot be approved before it took place.
std::optional<FieldError> approved_after_meeting(const Values& values) {
  const std::optional<CivilDate> approved = parse_date(text_or_empty(value_at(values, "approved_on")));
  const std::optional<CivilDate> held = parse_date(text_or_empty(value_at(values, "date")));
  if (!approved || !held || *approved >= *held) return std::nullopt;
  return FieldError{"approved_on", "Approved on cannot be before the review's date (" + format_date(*held) + ")."};
}

// Planned, then held, then approved. A review marked held by mistake goes back to planned (it has
// not met yet); an approved one is reopened to held to correct its record, and approved again.
// Nothing skips the meeting: planned cannot become approved.
LifecycleDef review_lifecycle() {
  return LifecycleDef{"status", {{"planned", "held"}, {"held", "planned"}, {"held", "approved"}, {"approved", "held"}}};
}

std::string known_input_ids() {
  std::vector<std::string> ids;
  for (const catalogs::ReviewInputTopic& input : catalogs::management_review_inputs()) ids.push_back(input.id);
  return join(ids, ", ");
}

// An input names one of the 9.3.2 topics, so a review can be checked for all of them; an entry
// without one is another topic the review chose to consider.
std::optional<FieldError> known_input(const Values& values) {
  const std::string& id = text_or_empty(value_at(values, "input_id"));
  if (id.empty()) return std::nullopt;
  const auto& inputs = catalogs::management_review_inputs();
  if (std::any_of(inputs.begin(), inputs.end(), [&](const auto& input) { return input.id == id; })) {
    return std::nullopt;
  }
  return FieldError{
      "input_id", "Input must be one of the inputs of 9.3.2 (" + known_input_ids() + "), or empty for another topic."};
}

// One entry per 9.3.2 input and review: two would say two things about the same topic.
std::optional<FieldError> one_entry_per_input(const RecordContext& context, const std::string& id,
                                              const Values& values) {
  const std::string& input_id = text_or_empty(value_at(values, "input_id"));
  if (input_id.empty()) return std::nullopt;
  for (const Record& other : context.find_by("review_input", "review", value_at(values, "review"))) {
    if (other.id != id && text_or_empty(other.get("input_id")) == input_id) {
      return FieldError{"input_id", "The review already has an entry for input " + input_id + "; edit that one."};
    }
  }
  return std::nullopt;
}

// An action decided by a review cannot have been due before the review decided it.
std::optional<FieldError> due_after_review(const RecordContext& context, const std::string& /*id*/,
                                           const Values& values) {
  const std::optional<CivilDate> due = parse_date(text_or_empty(value_at(values, "due_date")));
  if (!due) return std::nullopt;
  const std::optional<Record> review = context.find("management_review", text_or_empty(value_at(values, "review")));
  if (!review) return std::nullopt;  // the link check reports a missing review
  const std::optional<CivilDate> held = parse_date(text_or_empty(review->get("date")));
  if (!held || *due >= *held) return std::nullopt;
  return FieldError{"due_date", "Due date cannot be before the review's date (" + format_date(*held) + ")."};
}

// Open, started, finished or dropped. A done action may be reopened (in progress), a cancelled one
// opened again; a started one may go back to open when nobody works on it after all.
LifecycleDef action_lifecycle() {
  return LifecycleDef{"status",
                      {{"open", "in_progress"},
                       {"open", "done"},
                       {"open", "cancelled"},
                       {"in_progress", "open"},
                       {"in_progress", "done"},
                       {"in_progress", "cancelled"},
                       {"done", "in_progress"},
                       {"cancelled", "open"}}};
}

}  // namespace

// The management review (ISO/IEC 27001:2022 9.3; the seed's E1): top management reviews the ISMS
// at planned intervals. Its inputs (9.3.2) are records of their own, part of the review and
// pre-filled from the register when it is created (core/program/management_reviews.hpp); its
// outputs (9.3.3) are the decisions below and the review actions.
EntityDef management_review() {
  EntityDef def;
  def.kind = "management_review";
  def.label = "Management review";
  def.plural = "Management reviews";
  def.title_field = "title";
  def.fields = {
      field("date", "Date", FieldType::Date).required().help("The day of the meeting."),
      field("title", "Title", FieldType::Text).required().help("e.g. Management review 2026."),
      field("attendees", "Attendees", FieldType::LinkList).links_to("person").help("Who took part in the meeting."),
      field("agenda", "Agenda", FieldType::LongText),
      field("improvement_opportunities", "Improvement opportunities", FieldType::LongText)
          .help("Decisions on opportunities for continual improvement (9.3.3)."),
      field("changes_needed", "Changes needed", FieldType::LongText)
          .help("Decisions on any need for changes to the ISMS (9.3.3)."),
      field("resources", "Resources", FieldType::LongText).help("Decisions on the resources the ISMS needs."),
      field("minutes", "Minutes", FieldType::LongText).help("What was presented, discussed and decided."),
      field("approved_by", "Approved by", FieldType::Link)
          .links_to("person")
          .help("The member of senior management who approved the review's outputs."),
      field("approved_on", "Approved on", FieldType::Date),
      // Required because the lifecycle needs a current state to check a transition against.
      field("status", "Status", FieldType::Enum)
          .required()
          .options({{"planned", "Planned"}, {"held", "Held"}, {"approved", "Approved"}})
          .default_value(std::string("planned")),
  };
  def.lifecycle = review_lifecycle();
  def.checks = {required_once_held("attendees", "Attendees"), required_once_held("minutes", "Minutes"),
                required_for_approval("approved_by", "Approved by"),
                required_for_approval("approved_on", "Approved on"), approved_after_meeting};
  return def;
}

// One input a review considers (9.3.2 a to g): the topic, and a summary pre-filled from the
// register when the review is created, which the person edits like any text.
EntityDef review_input() {
  EntityDef def;
  def.kind = "review_input";
  def.label = "Review input";
  def.plural = "Review inputs";
  def.title_field = "topic";
  def.fields = {
      field("review", "Management review", FieldType::Link).part_of("management_review").required(),
      field("input_id", "Input", FieldType::Text)
          .max_length(8)
          .help("The input of 9.3.2 (a, b, c, d1 to d4, e, f, g); empty for another topic."),
      field("topic", "Topic", FieldType::Text).required(),
      field("summary", "Summary", FieldType::LongText).help("Pre-filled from the register; edit it freely."),
      field("status_note", "Status note", FieldType::LongText).help("What the review concluded about this input."),
  };
  def.checks = {known_input};
  def.context_checks = {one_entry_per_input};
  return def;
}

// An action a review decided (9.3.3, and the follow-up 9.3.2 a) asks about at the next review).
EntityDef review_action() {
  EntityDef def;
  def.kind = "review_action";
  def.label = "Review action";
  def.plural = "Review actions";
  def.title_field = "title";
  def.fields = {
      field("review", "Management review", FieldType::Link).part_of("management_review").required(),
      field("title", "Title", FieldType::Text).required(),
      field("owner", "Owner", FieldType::Link).links_to("person"),
      field("due_date", "Due date", FieldType::Date),
      // Required because the lifecycle needs a current state to check a transition against.
      field("status", "Status", FieldType::Enum)
          .required()
          .options({{"open", "Open"}, {"in_progress", "In progress"}, {"done", "Done"}, {"cancelled", "Cancelled"}})
          .default_value(std::string("open")),
      field("notes", "Notes", FieldType::LongText),
  };
  def.lifecycle = action_lifecycle();
  def.context_checks = {due_after_review};
  return def;
}

}  // namespace isms::registers
