#include <optional>
#include <string>

#include "core/model/field_builder.hpp"
#include "core/model/registers/registers.hpp"
#include "core/model/value_access.hpp"
#include "core/util/date.hpp"

namespace isms::registers {
namespace {

// A.5.22: suppliers are monitored and their service delivery reviewed; a next assessment planned
// before the last one took place is a typing error, not a plan.
std::optional<FieldError> next_not_before_last(const Values& values) {
  const std::optional<CivilDate> last = parse_date(text_or_empty(value_at(values, "last_assessment")));
  const std::optional<CivilDate> next = parse_date(text_or_empty(value_at(values, "next_assessment")));
  if (!last || !next || !(*next < *last)) return std::nullopt;
  return FieldError{"next_assessment",
                    "Next assessment cannot be before the last assessment (" + format_date(*last) + ")."};
}

// The suppliers whose failure would hurt most are the ones whose monitoring must never lapse:
// while such a supplier delivers, the register always says when it is looked at next.
std::optional<FieldError> next_assessment_planned(const Values& values) {
  if (!text_is(values, "status", "active")) return std::nullopt;
  if (!text_is(values, "criticality", "high") && !text_is(values, "criticality", "critical")) return std::nullopt;
  if (!is_null(value_at(values, "next_assessment"))) return std::nullopt;
  return FieldError{"next_assessment",
                    "Next assessment is required for an active supplier whose criticality is high or critical."};
}

// A result is the outcome of an assessment on a day; without the day nobody can tell how old it is.
std::optional<FieldError> result_has_date(const Values& values) {
  const std::string& result = text_or_empty(value_at(values, "assessment_result"));
  if (result.empty() || result == "not_assessed" || !is_null(value_at(values, "last_assessment"))) return std::nullopt;
  return FieldError{"last_assessment", "Last assessment is required when an assessment result is given."};
}

// Major issues are followed up (A.5.22), so they are written down where the next review finds them.
std::optional<FieldError> major_issues_described(const Values& values) {
  if (!text_is(values, "assessment_result", "major_issues") || has_text(values, "open_issues")) return std::nullopt;
  return FieldError{"open_issues", "Open issues is required when the assessment result is Major issues."};
}

// A.5.19/5.20: the end of a relationship is the day access must be gone; the contract's end date
// is where the exit (returned data, revoked accounts) is checked against.
std::optional<FieldError> termination_dated(const Values& values) {
  if (!text_is(values, "status", "terminated") || !is_null(value_at(values, "contract_end"))) return std::nullopt;
  return FieldError{"contract_end", "Contract end date is required before the supplier is terminated."};
}

// Prospective (being chosen), active (delivering), under review (an assessment or a problem is
// being looked at), terminated (the contract has ended). A prospect may be assessed before it is
// contracted (prospective -> under review); a prospect that is not chosen is deleted rather than
// terminated, since there is no contract to end. A terminated supplier that is engaged again goes
// through selection again (terminated -> prospective).
LifecycleDef supplier_lifecycle() {
  LifecycleDef lifecycle;
  lifecycle.field = "status";
  lifecycle.transitions = {
      {"prospective", "active"},     {"prospective", "under_review"}, {"active", "under_review"},
      {"active", "terminated"},      {"under_review", "active"},      {"under_review", "terminated"},
      {"terminated", "prospective"},
  };
  return lifecycle;
}

}  // namespace

// Suppliers (the supplier management process; Annex A 5.19-5.22): who delivers what, how much it
// matters, what they can reach, what the contract requires and how their security is checked.
EntityDef supplier() {
  EntityDef def;
  def.kind = "supplier";
  def.label = "Supplier";
  def.plural = "Suppliers";
  def.title_field = "name";
  def.fields = {
      field("name", "Name", FieldType::Text).required(),
      field("service", "Service provided", FieldType::Text).help("What the supplier delivers, e.g. cloud hosting."),
      // Required: it decides how closely the supplier is monitored.
      field("criticality", "Criticality", FieldType::Enum)
          .required()
          .options({{"low", "Low"}, {"medium", "Medium"}, {"high", "High"}, {"critical", "Critical"}})
          .help("How much the organisation depends on the supplier and its access."),
      field("data_accessed", "Data accessed", FieldType::LongText)
          .help("The organisation's information the supplier can see or process."),
      field("systems_accessed", "Systems accessed", FieldType::LongText)
          .help("The systems, networks and premises the supplier can reach."),
      field("contract_reference", "Contract reference", FieldType::Text),
      field("contract_end", "Contract end date", FieldType::Date),
      field("security_requirements", "Security requirements", FieldType::LinkList)
          .links_to("requirement")
          .help("The requirements the agreement with the supplier covers (A.5.20)."),
      field("last_assessment", "Last assessment", FieldType::Date),
      field("next_assessment", "Next assessment", FieldType::Date),
      field("assessment_result", "Assessment result", FieldType::Enum)
          .required()
          .options({{"satisfactory", "Satisfactory"},
                    {"minor_issues", "Minor issues"},
                    {"major_issues", "Major issues"},
                    {"not_assessed", "Not assessed"}})
          .default_value(std::string("not_assessed")),
      // Required because the lifecycle needs a current state to check a transition against.
      field("status", "Status", FieldType::Enum)
          .required()
          .options({{"prospective", "Prospective"},
                    {"active", "Active"},
                    {"under_review", "Under review"},
                    {"terminated", "Terminated"}})
          .default_value(std::string("prospective")),
      field("open_issues", "Open issues", FieldType::LongText)
          .help("What the last assessment found still to be fixed."),
      field("owner", "Owner", FieldType::Link)
          .links_to("person")
          .help("The person who manages the relationship with the supplier."),
  };
  def.lifecycle = supplier_lifecycle();
  def.checks = {next_not_before_last, next_assessment_planned, result_has_date, major_issues_described,
                termination_dated};
  return def;
}

}  // namespace isms::registers
