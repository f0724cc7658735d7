#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/model/field_builder.hpp"
#include "core/model/registers/registers.hpp"
#include "core/model/value_access.hpp"
#include "core/util/date.hpp"

namespace isms::registers {
namespace {

// Times of an incident are written "2026-11-26T09:30": the organisation's local time to the
// minute, as people read it off a clock or an alert. No seconds and no zone: nobody knows the
// second something was noticed, and one ISMS has one local time. The shape is fixed so that the
// texts sort in time order and "reported before detected" is a plain comparison.
constexpr const char* time_example = "2026-11-26T09:30";

bool two_digits_at_most(std::string_view text, std::size_t at, int most) {
  const char tens = text[at];
  const char ones = text[at + 1];
  if (tens < '0' || tens > '9' || ones < '0' || ones > '9') return false;
  return (tens - '0') * 10 + (ones - '0') <= most;
}

bool is_local_minute(std::string_view text) {
  if (text.size() != 16 || text[10] != 'T' || text[13] != ':') return false;
  return parse_date(text.substr(0, 10)).has_value() && two_digits_at_most(text, 11, 23) &&
         two_digits_at_most(text, 14, 59);
}

RecordCheck time_format(const char* key, const char* label) {
  return [key, label](const Values& values) -> std::optional<FieldError> {
    const std::string* text = text_at(values, key);
    if (text == nullptr || is_local_minute(*text)) return std::nullopt;
    return FieldError{key, std::string(label) + " must be a date and time like " + time_example + "."};
  };
}

std::optional<FieldError> reported_not_before_detected(const Values& values) {
  const std::string& detected = text_or_empty(value_at(values, "detected_at"));
  const std::string& reported = text_or_empty(value_at(values, "reported_at"));
  if (!is_local_minute(detected) || !is_local_minute(reported) || reported >= detected) return std::nullopt;
  return FieldError{"reported_at", "Reported at cannot be before the incident was detected (" + detected + ")."};
}

// The states an incident reaches only through triage (A.5.25: events are assessed and classified).
bool is_triaged(const Values& values) { return !text_is(values, "status", "new") && has_text(values, "status"); }

// Severity is what triage decides: a new report may come without it, a triaged incident may not.
std::optional<FieldError> severity_after_triage(const Values& values) {
  if (!is_triaged(values) || !is_null(value_at(values, "severity"))) return std::nullopt;
  return FieldError{"severity", "Severity is required once the incident is triaged."};
}

// A.5.26: incidents are responded to in line with the procedure, so an incident contained or
// resolved says what was done.
std::optional<FieldError> response_recorded(const Values& values) {
  static const std::set<std::string> handled = {"contained", "resolved"};
  const std::string& status = text_or_empty(value_at(values, "status"));
  if (handled.count(status) == 0 || has_text(values, "response")) return std::nullopt;
  return FieldError{"response", "Response is required once the incident is " + status + "."};
}

// A.5.27: knowledge gained from incidents is used to strengthen the controls; closing is the
// moment that knowledge is written down. (A false alarm closed after triage says so here.)
std::optional<FieldError> lessons_before_closing(const Values& values) {
  if (!text_is(values, "status", "closed") || has_text(values, "lessons_learned")) return std::nullopt;
  return FieldError{"lessons_learned", "Lessons learned is required before the incident is closed."};
}

// New (reported), triaged (assessed and classified), contained (the damage stopped), resolved
// (normal operation restored), closed (lessons learned recorded). Triage may find the incident
// resolved already (a phishing mail reported and deleted) or no incident at all (closed, the
// lessons learned saying why). A resolved incident that flares up again goes back to contained;
// a closed one is reopened by triage when new facts turn up.
LifecycleDef incident_lifecycle() {
  LifecycleDef lifecycle;
  lifecycle.field = "status";
  lifecycle.transitions = {
      {"new", "triaged"},        {"triaged", "contained"},  {"triaged", "resolved"}, {"triaged", "closed"},
      {"contained", "resolved"}, {"resolved", "contained"}, {"resolved", "closed"},  {"closed", "triaged"},
  };
  return lifecycle;
}

}  // namespace

// Information security incidents (the incident management process; Annex A 5.24-5.28, 6.8):
// from the report through triage, containment and resolution to the lessons learned, with the
// nonconformities and ISMS changes they led to.
EntityDef incident() {
  EntityDef def;
  def.kind = "incident";
  def.label = "Incident";
  def.plural = "Incidents";
  def.title_field = "title";
  def.fields = {
      field("title", "Title", FieldType::Text).required(),
      field("detected_at", "Detected at", FieldType::Text)
          .required()
          .help(std::string("When the event was noticed, local time, e.g. ") + time_example + "."),
      field("reported_at", "Reported at", FieldType::Text)
          .required()
          .help(std::string("When it was reported to the ISMS, local time, e.g. ") + time_example + "."),
      field("reported_by", "Reported by", FieldType::Link).links_to("person"),
      field("category", "Category", FieldType::Enum)
          .required()
          .options({{"malware", "Malware"},
                    {"phishing", "Phishing"},
                    {"unauthorised_access", "Unauthorised access"},
                    {"data_leak", "Data leak"},
                    {"loss_or_theft", "Loss or theft"},
                    {"service_outage", "Service outage"},
                    {"physical", "Physical"},
                    {"other", "Other"}}),
      field("severity", "Severity", FieldType::Enum)
          .options({{"low", "Low"}, {"medium", "Medium"}, {"high", "High"}, {"critical", "Critical"}})
          .help("Decided at triage."),
      field("affected_assets", "Affected assets", FieldType::LinkList).links_to("asset"),
      field("description", "Description", FieldType::LongText).help("What happened, as far as is known."),
      field("response", "Response", FieldType::LongText).help("What was done to contain and resolve it."),
      // Required because the lifecycle needs a current state to check a transition against.
      field("status", "Status", FieldType::Enum)
          .required()
          .options({{"new", "New"},
                    {"triaged", "Triaged"},
                    {"contained", "Contained"},
                    {"resolved", "Resolved"},
                    {"closed", "Closed"}})
          .default_value(std::string("new")),
      field("lessons_learned", "Lessons learned", FieldType::LongText)
          .help("What the organisation changes so that it does not happen again; required to close."),
      field("nonconformities", "Nonconformities", FieldType::LinkList).links_to("nonconformity"),
      field("changes", "Changes", FieldType::LinkList)
          .links_to("change_request")
          .help("The ISMS changes the incident led to."),
  };
  def.lifecycle = incident_lifecycle();
  def.checks = {time_format("detected_at", "Detected at"),
                time_format("reported_at", "Reported at"),
                reported_not_before_detected,
                severity_after_triage,
                response_recorded,
                lessons_before_closing};
  return def;
}

}  // namespace isms::registers
