#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/field_builder.hpp"
#include "core/model/links.hpp"
#include "core/model/registers/registers.hpp"
#include "core/model/value_access.hpp"
#include "core/util/date.hpp"

namespace isms::registers {
namespace {

// ---- Audit programme (9.2.2; seed D2 "internal audit plans") ----

// One programme per year: two would leave the year's plan saying two things, and the management
// review (9.3.2) reads "the" programme's results.
std::optional<FieldError> one_programme_per_year(const RecordContext& context, const std::string& id,
                                                 const Values& values) {
  const Value& year = value_at(values, "year");
  if (is_null(year)) return std::nullopt;
  for (const Record& other : context.find_by("audit_programme", "year", year)) {
    if (other.id == id) continue;
    return FieldError{"year", "Year " + to_display(year) + " already has an audit programme ('" +
                                  to_display(other.get("title")) + "'); a year has one programme."};
  }
  return std::nullopt;
}

// An approval is someone's decision on a day: half of it is no evidence.
std::optional<FieldError> approval_complete(const Values& values) {
  const bool by = !is_null(value_at(values, "approved_by"));
  const bool on = !is_null(value_at(values, "approved_on"));
  if (by && !on) return FieldError{"approved_on", "Approved on is required when Approved by is given."};
  if (on && !by) return FieldError{"approved_by", "Approved by is required when Approved on is given."};
  return std::nullopt;
}

// ---- Audit (9.2) ----

// `later` (labelled `later_label`) must not fall before `earlier`; either may be missing.
RecordCheck not_before(const char* earlier, const char* later, const char* later_label, const char* earlier_label) {
  return [=](const Values& values) -> std::optional<FieldError> {
    const std::optional<CivilDate> from = parse_date(text_or_empty(value_at(values, earlier)));
    const std::optional<CivilDate> to = parse_date(text_or_empty(value_at(values, later)));
    if (!from || !to || !(*to < *from)) return std::nullopt;
    return FieldError{later, std::string(later_label) + " must not be before the " + earlier_label + "."};
  };
}

bool has_started(const Values& values) {
  return text_is(values, "status", "in_progress") || text_is(values, "status", "reported") ||
         text_is(values, "status", "closed");
}

bool is_reported(const Values& values) {
  return text_is(values, "status", "reported") || text_is(values, "status", "closed");
}

// 9.2.2 b)-c): an audit under way has its auditors and a day it began; a reported one has ended
// and says what it found. What is required grows with the status, so a plan can be drafted early.
std::optional<FieldError> what_each_status_needs(const Values& values) {
  if (has_started(values)) {
    if (is_null(value_at(values, "auditors"))) {
      return FieldError{"auditors", "Auditors are required once the audit is in progress."};
    }
    if (is_null(value_at(values, "actual_start"))) {
      return FieldError{"actual_start", "Actual start is required once the audit is in progress."};
    }
  }
  if (is_reported(values)) {
    if (is_null(value_at(values, "actual_end"))) {
      return FieldError{"actual_end", "Actual end is required before the audit is reported."};
    }
    if (!has_text(values, "report_summary")) {
      return FieldError{"report_summary", "Report summary is required before the audit is reported."};
    }
  }
  return std::nullopt;
}

std::optional<FieldError> end_needs_start(const Values& values) {
  if (is_null(value_at(values, "actual_end")) || !is_null(value_at(values, "actual_start"))) return std::nullopt;
  return FieldError{"actual_start", "Actual start is required when an actual end is given."};
}

std::string person_name(const RecordContext& context, const std::string& id) {
  const std::optional<Record> person = context.find("person", id);
  const std::string name = person ? to_display(person->get("name")) : std::string();
  return name.empty() ? id : name;
}

std::vector<std::string> ids_in(const Values& values, const char* key) {
  const std::optional<std::vector<std::string>> ids = parse_link_list(text_or_empty(value_at(values, key)));
  return ids ? *ids : std::vector<std::string>{};
}

// 9.2.2 b): auditors are chosen for objectivity and impartiality. The register cannot know whose
// work is in scope, but it can refuse the plainest conflict: auditing oneself.
std::optional<FieldError> auditor_not_auditee(const RecordContext& context, const std::string& /*id*/,
                                              const Values& values) {
  const std::vector<std::string> auditors = ids_in(values, "auditors");
  for (const std::string& auditee : ids_in(values, "auditees")) {
    if (std::find(auditors.begin(), auditors.end(), auditee) == auditors.end()) continue;
    return FieldError{"auditees", person_name(context, auditee) +
                                      " cannot be both an auditor and an auditee: an auditor must not audit their "
                                      "own work."};
  }
  return std::nullopt;
}

bool is_nonconformity_result(const Value& result) {
  const std::string& text = text_or_empty(result);
  return text == "minor_nonconformity" || text == "major_nonconformity";
}

// Closing an audit ends its follow-up (9.2.2 and 10.2): every finding that is a nonconformity
// must by then be on the nonconformity register, or it would be lost with the closed audit.
std::optional<FieldError> findings_raised_before_closing(const RecordContext& context, const std::string& id,
                                                         const Values& values) {
  if (!text_is(values, "status", "closed")) return std::nullopt;
  std::size_t missing = 0;
  for (const Record& item : context.find_by("audit_item", "audit", Value(id))) {
    if (is_nonconformity_result(item.get("result")) && is_null(item.get("nonconformity"))) ++missing;
  }
  if (missing == 0) return std::nullopt;
  const bool one = missing == 1;
  return FieldError{"status",
                    "The audit cannot be closed while " + std::to_string(missing) +
                        (one ? " finding marked as a nonconformity has" : " findings marked as nonconformities have") +
                        " no nonconformity raised; raise " + (one ? "it" : "them") + " first."};
}

// Planned, carried out, reported, closed once its findings are followed up. An audit that has
// started may be put back to planned (postponed); a report may be withdrawn for more fieldwork.
// Closed is final: a closed audit is evidence, and a new look is a new audit.
LifecycleDef audit_lifecycle() {
  return LifecycleDef{"status",
                      {{"planned", "in_progress"},
                       {"in_progress", "planned"},
                       {"in_progress", "reported"},
                       {"reported", "in_progress"},
                       {"reported", "closed"}}};
}

// ---- Checklist item ----

std::vector<EnumOption> result_options() {
  return {{"not_assessed", "Not assessed"},
          {"conform", "Conform"},
          {"observation", "Observation"},
          {"opportunity_for_improvement", "Opportunity for improvement"},
          {"minor_nonconformity", "Minor nonconformity"},
          {"major_nonconformity", "Major nonconformity"}};
}

// One requirement per question keeps the findings countable by clause and by control.
std::optional<FieldError> clause_or_control(const Values& values) {
  if (is_null(value_at(values, "clause")) || is_null(value_at(values, "control"))) return std::nullopt;
  return FieldError{"control",
                    "Clause and Control cannot both be chosen: a checklist item checks one clause or one control."};
}

// The linked nonconformity is the finding's follow-up; a finding downgraded to an observation
// would leave a nonconformity on the register that no finding supports.
std::optional<FieldError> nonconformity_needs_finding(const Values& values) {
  if (is_null(value_at(values, "nonconformity")) || is_nonconformity_result(value_at(values, "result"))) {
    return std::nullopt;
  }
  return FieldError{"result", "Result must be a minor or major nonconformity while a nonconformity is linked."};
}

// The same clause or control twice in one audit would count its finding twice.
std::optional<FieldError> asked_once_per_audit(const RecordContext& context, const std::string& id,
                                               const Values& values) {
  for (const auto& [key, kind] : {std::pair{"clause", "clause"}, std::pair{"control", "control"}}) {
    const Value& target = value_at(values, key);
    if (is_null(target)) continue;
    for (const Record& other : context.find_by("audit_item", key, target)) {
      if (other.id == id || other.get("audit") != value_at(values, "audit")) continue;
      const std::optional<Record> subject = context.find(kind, text_or_empty(target));
      const std::string ref = subject ? to_display(subject->get("ref")) : text_or_empty(target);
      return FieldError{key, "This audit already has a checklist item for " + std::string(kind) + " " + ref + "."};
    }
  }
  return std::nullopt;
}

// A closed audit is evidence: its checklist is what the auditor found then. A later look is a
// new audit, so no item of a closed audit is added or changed.
std::optional<FieldError> audit_still_open(const RecordContext& context, const std::string& /*id*/,
                                           const Values& values) {
  const std::optional<Record> parent = context.find("audit", text_or_empty(value_at(values, "audit")));
  if (!parent || parent->deleted || !text_is(parent->fields, "status", "closed")) return std::nullopt;
  return FieldError{"audit", "The audit is closed; its checklist is kept as it was. Plan a new audit to look again."};
}

}  // namespace

// The audit programme of one year (9.2.2; seed D2 "internal audit plans", month 4 "internal audit
// planning"): what the year's audits are for and against what, approved by management.
EntityDef audit_programme() {
  EntityDef def;
  def.kind = "audit_programme";
  def.label = "Audit programme";
  def.plural = "Audit programmes";
  def.title_field = "title";
  def.fields = {
      field("year", "Year", FieldType::Integer).required().range(2000, 2100),
      field("title", "Title", FieldType::Text).required(),
      field("objectives", "Objectives", FieldType::LongText).help("What the year's audits are to show."),
      field("criteria", "Audit criteria", FieldType::LongText)
          .help("What is audited against: ISO/IEC 27001, the policies, contracts."),
      field("approach", "Frequency and methods", FieldType::LongText)
          .help("How often each area is audited, how, by whom, and how results are reported (9.2.2)."),
      field("approved_by", "Approved by", FieldType::Link).links_to("person"),
      field("approved_on", "Approved on", FieldType::Date),
  };
  def.checks = {approval_complete};
  def.context_checks = {one_programme_per_year};
  return def;
}

// An internal audit (9.2; seed D2, month 5 "conduct first internal audit"; the internal audit
// process): its plan, the people, the dates, and the report. The questions and findings are its
// checklist items; core/assurance/audits.hpp builds the checklist and raises nonconformities.
EntityDef audit() {
  EntityDef def;
  def.kind = "audit";
  def.label = "Internal audit";
  def.plural = "Internal audits";
  def.title_field = "title";
  def.fields = {
      field("title", "Title", FieldType::Text).required(),
      field("programme", "Audit programme", FieldType::Link).links_to("audit_programme"),
      field("scope", "Scope", FieldType::LongText).help("The processes, sites and controls the audit covers."),
      field("criteria", "Audit criteria", FieldType::LongText),
      field("auditors", "Auditors", FieldType::LinkList)
          .links_to("person")
          .help("Who audits; never someone whose own work is audited."),
      field("auditees", "Auditees", FieldType::LinkList).links_to("person").help("Whose work is audited."),
      field("planned_start", "Planned start", FieldType::Date),
      field("planned_end", "Planned end", FieldType::Date),
      field("actual_start", "Actual start", FieldType::Date),
      field("actual_end", "Actual end", FieldType::Date),
      // Required because the lifecycle needs a current state to check a transition against.
      field("status", "Status", FieldType::Enum)
          .required()
          .options(
              {{"planned", "Planned"}, {"in_progress", "In progress"}, {"reported", "Reported"}, {"closed", "Closed"}})
          .default_value(std::string("planned")),
      field("report_summary", "Report summary", FieldType::LongText)
          .help("What the audit found, for the management review (9.2.2 c)); required before it is reported."),
  };
  def.lifecycle = audit_lifecycle();
  def.checks = {not_before("planned_start", "planned_end", "Planned end", "planned start"),
                not_before("actual_start", "actual_end", "Actual end", "actual start"), end_needs_start,
                what_each_status_needs};
  def.context_checks = {auditor_not_auditee, findings_raised_before_closing};
  return def;
}

// One question of an audit's checklist and its finding. Part of the audit: deleting the audit
// deletes its checklist. A question checks a clause (4-10), an Annex A control, or neither (a free
// question); a finding that is a nonconformity links the nonconformity raised for it.
EntityDef audit_item() {
  EntityDef def;
  def.kind = "audit_item";
  def.label = "Checklist item";
  def.plural = "Audit checklist";
  def.title_field = "question";
  def.fields = {
      field("audit", "Audit", FieldType::Link).part_of("audit").required(),
      field("clause", "Clause", FieldType::Link).links_to("clause"),
      field("control", "Control", FieldType::Link).links_to("control"),
      field("question", "Question", FieldType::Text).required().max_length(1000),
      field("result", "Result", FieldType::Enum)
          .required()
          .options(result_options())
          .default_value(std::string("not_assessed")),
      field("evidence", "Evidence notes", FieldType::LongText)
          .help("What the auditor saw, read or was told: documents, records, interviews."),
      field("nonconformity", "Nonconformity", FieldType::Link)
          .links_to("nonconformity")
          .help("The nonconformity raised for this finding."),
  };
  def.checks = {clause_or_control, nonconformity_needs_finding};
  def.context_checks = {asked_once_per_audit, audit_still_open};
  return def;
}

}  // namespace isms::registers
