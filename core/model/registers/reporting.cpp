#include <optional>
#include <string>

#include "core/model/field_builder.hpp"
#include "core/model/registers/registers.hpp"
#include "core/model/value_access.hpp"
#include "core/util/date.hpp"

namespace isms::registers {
namespace {

// A scheduled report goes to someone; a schedule without recipients is a document nobody reads.
std::optional<FieldError> has_recipients(const Values& values) {
  if (!is_null(value_at(values, "recipients"))) return std::nullopt;  // an empty list is stored as null
  return FieldError{"recipients", "Recipients are required: choose at least one role that receives the report."};
}

// Sending a report moves its next due date on; a next due date on or before the last sending
// means that step was forgotten, and the report would show as overdue although it was sent.
std::optional<FieldError> next_due_after_last_sent(const Values& values) {
  const std::string* last_text = text_at(values, "last_sent");
  const std::string* next_text = text_at(values, "next_due");
  if (last_text == nullptr || next_text == nullptr) return std::nullopt;
  const std::optional<CivilDate> last = parse_date(*last_text);
  const std::optional<CivilDate> next = parse_date(*next_text);
  if (!last || !next || *last < *next) return std::nullopt;
  return FieldError{"next_due", "Next due must be after the last sent date (" + *last_text + ")."};
}

// Active or paused (a reorganisation, a holiday period), either retired when the report is no
// longer wanted; a retired report may be taken up again.
LifecycleDef schedule_lifecycle() {
  LifecycleDef lifecycle;
  lifecycle.field = "status";
  lifecycle.transitions = {
      {"active", "paused"}, {"active", "retired"}, {"paused", "active"}, {"paused", "retired"}, {"retired", "active"},
  };
  return lifecycle;
}

}  // namespace

// The reports to senior management (seed section 5 B: "regular reports to senior management on ISMS
// performance"; ISO/IEC 27001:2022 5.1, 9.1 and 7.4 b) to whom): what goes to whom, how often, and
// when next. Recipients are roles, not free text: the seeded Senior Management role is who these
// reports are for, a role survives people changing jobs, and renaming it renames it everywhere.
// A report to someone outside the roles (a client's board) gets a role of its own.
EntityDef report_schedule() {
  EntityDef def;
  def.kind = "report_schedule";
  def.label = "Scheduled report";
  def.plural = "Report schedule";
  def.title_field = "title";
  def.fields = {
      field("title", "Report", FieldType::Text).required().help("What is reported, e.g. \"ISMS performance report\"."),
      field("recipients", "Recipients", FieldType::LinkList)
          .links_to("role")
          .help("The roles that receive it, usually Senior Management."),
      field("frequency", "Frequency", FieldType::Enum)
          .required()
          .options({{"weekly", "Weekly"},
                    {"monthly", "Monthly"},
                    {"quarterly", "Quarterly"},
                    {"half_yearly", "Half-yearly"},
                    {"yearly", "Yearly"}}),
      field("next_due", "Next due", FieldType::Date).required(),
      field("last_sent", "Last sent", FieldType::Date),
      field("owner", "Owner", FieldType::Link).links_to("person").help("Who prepares and sends it."),
      field("content", "Content", FieldType::LongText)
          .help("Which metrics and topics it covers, e.g. the dashboard's KPIs, open risks, audit results."),
      // Required because the lifecycle needs a current state to check a transition against.
      field("status", "Status", FieldType::Enum)
          .required()
          .options({{"active", "Active"}, {"paused", "Paused"}, {"retired", "Retired"}})
          .default_value(std::string("active")),
  };
  def.lifecycle = schedule_lifecycle();
  def.checks = {has_recipients, next_due_after_last_sent};
  return def;
}

}  // namespace isms::registers
