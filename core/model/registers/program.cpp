#include <cctype>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/catalogs/program_catalog.hpp"
#include "core/model/field_builder.hpp"
#include "core/model/registers/registers.hpp"
#include "core/model/value_access.hpp"
#include "core/util/date.hpp"

namespace isms::registers {
namespace {

std::optional<FieldError> end_not_before_start(const Values& values) {
  const std::optional<CivilDate> start = parse_date(text_or_empty(value_at(values, "planned_start")));
  const std::optional<CivilDate> end = parse_date(text_or_empty(value_at(values, "planned_end")));
  if (!start || !end || !(*end < *start)) return std::nullopt;
  return FieldError{"planned_end", "Planned end cannot be before the planned start."};
}

// "Done" and the progress must tell the same story; the person says which of the two is right
// rather than the register guessing.
std::optional<FieldError> done_means_complete(const Values& values) {
  if (!text_is(values, "status", "done")) return std::nullopt;
  const std::optional<std::int64_t> progress = integer_at(values, "progress");
  if (progress && *progress == 100) return std::nullopt;
  return FieldError{"progress", "Progress must be 100% for a done milestone."};
}

// Not started, in progress, done. Work can start and finish in one step; a done milestone is
// reopened as in progress (the evidence did not hold up), and one started by mistake goes back.
// "Late" is no status: it depends on the day (core/program/program_figures.hpp).
LifecycleDef milestone_lifecycle() {
  return LifecycleDef{"status",
                      {{"not_started", "in_progress"},
                       {"not_started", "done"},
                       {"in_progress", "not_started"},
                       {"in_progress", "done"},
                       {"done", "in_progress"}}};
}

// 9.1: calling a component effective is a judgement, and the register keeps what it rests on.
std::optional<FieldError> effective_needs_note(const Values& values) {
  if (!text_is(values, "status", "effective") || has_text(values, "note")) return std::nullopt;
  return FieldError{"note", "Note is required to mark the component effective; say what shows that it works."};
}

// A reference names one component, as A1 names Objective Setting in the seed.
std::optional<FieldError> unique_reference(const RecordContext& context, const std::string& id, const Values& values) {
  for (const Record& other : context.find_by("program_component", "ref", value_at(values, "ref"))) {
    if (other.id == id) continue;
    return FieldError{"ref", "Reference " + to_display(value_at(values, "ref")) +
                                 " is already used by the component '" + to_display(other.get("title")) + "'."};
  }
  return std::nullopt;
}

// Not started, then in place, then effective once it shows results. Effectiveness is only judged
// for what is in place; a component found no longer effective, or no longer in place, steps back.
LifecycleDef component_lifecycle() {
  return LifecycleDef{
      "status",
      {{"not_started", "in_place"}, {"in_place", "not_started"}, {"in_place", "effective"}, {"effective", "in_place"}}};
}

// The seed's headings A to F, from the catalog so the labels cannot drift from the seeded data.
std::vector<EnumOption> group_options() {
  std::vector<EnumOption> options;
  for (const catalogs::ProgramGroup& group : catalogs::program_groups()) {
    std::string letter = group.id;
    for (char& c : letter) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    options.push_back({group.id, letter + ". " + group.title});
  }
  return options;
}

}  // namespace

// The program timeline (seed section 3): one milestone per activity, seeded from the six-month
// example (core/program/program_seed.hpp), each linked to the records that show it done.
//
// Evidence is one list that may point at records of any register. The activities are shown done
// by records of a dozen registers (objectives, requirements, policies, controls, trainings,
// campaigns, KPIs, audits, reviews, nonconformities, improvements, attachments); a list per
// register would give every milestone a dozen fields of which it uses one or two, and still miss
// the next register. Ids are unique across registers, so one list names its records exactly.
EntityDef milestone() {
  EntityDef def;
  def.kind = "milestone";
  def.label = "Milestone";
  def.plural = "Program timeline";
  def.title_field = "activity";
  def.fields = {
      field("month", "Month", FieldType::Integer).range(1, 24).help("The program month, 1 being the first."),
      field("activity", "Activity", FieldType::Text).required(),
      field("planned_start", "Planned start", FieldType::Date),
      field("planned_end", "Planned end", FieldType::Date),
      field("owner_role", "Owner role", FieldType::Link).links_to("role"),
      // Required because the lifecycle needs a current state to check a transition against.
      field("status", "Status", FieldType::Enum)
          .required()
          .options({{"not_started", "Not started"}, {"in_progress", "In progress"}, {"done", "Done"}})
          .default_value(std::string("not_started")),
      field("progress", "Progress (%)", FieldType::Integer).range(0, 100).default_value(std::int64_t{0}),
      field("evidence", "Evidence", FieldType::LinkList)
          .links_to(any_kind)
          .help("The records that show the activity done: objectives, policies, trainings, audits, reviews..."),
      field("note", "Note", FieldType::LongText),
  };
  def.lifecycle = milestone_lifecycle();
  def.checks = {end_not_before_start, done_means_complete};
  return def;
}

// The program's components (seed section 2, A1 to F2) as a checklist: each with the seed's
// actions and tools, and how far the organisation has got with it.
EntityDef program_component() {
  EntityDef def;
  def.kind = "program_component";
  def.label = "Program component";
  def.plural = "Program components";
  def.title_field = "title";
  def.fields = {
      field("ref", "Reference", FieldType::Text).required().max_length(16).help("e.g. A1."),
      field("title", "Title", FieldType::Text).required(),
      field("group", "Group", FieldType::Enum).options(group_options()),
      field("actions", "Actions", FieldType::LongText).help("One action per line."),
      field("tools", "Tools", FieldType::LongText).help("One tool per line."),
      // Required because the lifecycle needs a current state to check a transition against.
      field("status", "Status", FieldType::Enum)
          .required()
          .options({{"not_started", "Not started"}, {"in_place", "In place"}, {"effective", "Effective"}})
          .default_value(std::string("not_started")),
      field("owner_role", "Owner role", FieldType::Link).links_to("role"),
      field("note", "Note", FieldType::LongText).help("What shows the component is in place, or works."),
  };
  def.lifecycle = component_lifecycle();
  def.checks = {effective_needs_note};
  def.context_checks = {unique_reference};
  return def;
}

}  // namespace isms::registers
