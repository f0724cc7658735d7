#include "app/status_tone.hpp"

#include <algorithm>
#include <iterator>

namespace isms::app {
namespace {

template <std::size_t N>
bool one_of(std::string_view value, const std::string_view (&values)[N]) {
  return std::find(std::begin(values), std::end(values), value) != std::end(values);
}

// The values of every register's status, level and verdict enums, by what they mean.
constexpr std::string_view kGood[] = {"done",      "closed", "implemented", "effective", "achieved",     "approved",
                                      "published", "active", "in_use",      "compliant", "in_place",     "resolved",
                                      "held",      "low",    "treated",     "accepted",  "satisfactory", "yes"};
constexpr std::string_view kActive[] = {
    "in_progress",     "planned",   "assessed",     "analysed",       "triaged",     "treatment_planned",
    "actions_planned", "in_review", "under_review", "under_revision", "monitoring",  "requested",
    "proposed",        "contained", "review",       "identified",     "verification"};
constexpr std::string_view kAttention[] = {"medium",
                                           "partially_implemented",
                                           "partially_compliant",
                                           "partially",
                                           "minor",
                                           "minor_issues",
                                           "draft",
                                           "new",
                                           "open",
                                           "paused"};
constexpr std::string_view kBad[] = {"high",         "critical", "non_compliant", "major",
                                     "major_issues", "missed",   "rejected",      "not_implemented"};
constexpr std::string_view kMuted[] = {"cancelled", "retired",        "left",         "not_started", "undecided",
                                       "disposed",  "not_applicable", "not_assessed", "terminated",  "no"};

// Deadlines: dates by which something is to be done or looked at again.
constexpr std::string_view kDeadlines[] = {"due_date", "review_date",     "next_review", "planned_end",
                                           "next_due", "next_assessment", "contract_end"};

}  // namespace

// Fields whose enum is a state or a judgement (chips); other enums classify (plain text).
bool is_status_like(const FieldDef& field) {
  const std::string& key = field.key;
  const auto ends_with = [&](std::string_view tail) {
    return key.size() >= tail.size() && key.compare(key.size() - tail.size(), tail.size(), tail) == 0;
  };
  if (field.type != FieldType::Enum) return false;
  return key == "status" || ends_with("_status") || ends_with("level") || key == "applicable" || key == "compliance" ||
         key == "outcome" || key == "effectiveness" || key == "severity" || key == "result" || key == "rating" ||
         key == "conclusion";
}

bool is_deadline(const FieldDef& field) { return field.type == FieldType::Date && one_of(field.key, kDeadlines); }

Tone tone_of(const FieldDef& field, std::string_view value) {
  if (value.empty() || !is_status_like(field)) return Tone::Plain;
  if (one_of(value, kGood)) return Tone::Good;
  if (one_of(value, kBad)) return Tone::Bad;
  if (one_of(value, kAttention)) return Tone::Attention;
  if (one_of(value, kActive)) return Tone::Active;
  if (one_of(value, kMuted)) return Tone::Muted;
  return Tone::Plain;
}

bool is_overdue(const EntityDef& def, const FieldDef& field, const Record& record, std::string_view today) {
  if (!is_deadline(field)) return false;
  const Value& value = record.get(field.key);
  if (!std::holds_alternative<std::string>(value)) return false;
  const std::string& date = std::get<std::string>(value);
  if (date.size() != 10 || date >= today) return false;
  // A finished or stopped record has no deadline left.
  if (def.lifecycle) {
    if (const FieldDef* status = def.field(def.lifecycle->field)) {
      const Value& state = record.get(status->key);
      if (std::holds_alternative<std::string>(state) && ends_deadlines(std::get<std::string>(state))) return false;
    }
  }
  return true;
}

bool ends_deadlines(std::string_view state) {
  if (!one_of(state, kGood) && !one_of(state, kMuted)) return false;
  // "active" people and "published" documents are not finished: their review dates still count.
  // Nor is what has not begun: a milestone not started after its planned end is late (as the
  // dashboard's late milestones say, core/program/program_figures.hpp), a supplier not assessed
  // after its assessment date is overdue.
  constexpr std::string_view kStillDue[] = {"active",      "published", "approved",    "in_use",
                                            "not_started", "undecided", "not_assessed"};
  return !one_of(state, kStillDue);
}

const std::vector<std::string>& states_ending_deadlines() {
  static const std::vector<std::string> states = [] {
    std::vector<std::string> all;
    for (const std::string_view state : kGood) {
      if (ends_deadlines(state)) all.emplace_back(state);
    }
    for (const std::string_view state : kMuted) {
      if (ends_deadlines(state)) all.emplace_back(state);
    }
    return all;
  }();
  return states;
}

}  // namespace isms::app
