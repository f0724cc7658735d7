#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/model/field_builder.hpp"
#include "core/model/links.hpp"
#include "core/model/registers/registers.hpp"
#include "core/model/value_access.hpp"

namespace isms::registers {
namespace {

// The states a change reaches only after its impact was assessed, and those only after approval.
const std::set<std::string>& assessed_states() {
  static const std::set<std::string> states = {"assessed", "approved", "implemented", "closed"};
  return states;
}
const std::set<std::string>& approved_states() {
  static const std::set<std::string> states = {"approved", "implemented", "closed"};
  return states;
}

// 6.3: changes to the ISMS are carried out in a planned manner, so a change is not decided on
// before someone has written down what it affects.
std::optional<FieldError> impact_assessed(const Values& values) {
  const std::string& status = text_or_empty(value_at(values, "status"));
  if (assessed_states().count(status) == 0 || has_text(values, "impact_assessment")) return std::nullopt;
  return FieldError{"impact_assessment", "Impact assessment is required before the change is " + status + "."};
}

// An approval is a decision by someone on a day; the register is its evidence.
RecordCheck approval_recorded(const char* key, const char* label) {
  return [key, label](const Values& values) -> std::optional<FieldError> {
    const std::string& status = text_or_empty(value_at(values, "status"));
    if (approved_states().count(status) == 0 || !is_null(value_at(values, key))) return std::nullopt;
    return FieldError{key, std::string(label) + " is required before the change is " + status + "."};
  };
}

// "A change to a policy links to the policy's new version": once a change that affects documents
// is carried out, the version it produced is named, so the document's history shows why it changed.
std::optional<FieldError> new_version_named(const Values& values) {
  const std::string& status = text_or_empty(value_at(values, "status"));
  if (status != "implemented" && status != "closed") return std::nullopt;
  const std::string* affected = text_at(values, "affected_documents");
  if (affected == nullptr || parse_link_list(*affected).value_or(std::vector<std::string>{}).empty()) {
    return std::nullopt;
  }
  if (!is_null(value_at(values, "new_policy_version"))) return std::nullopt;
  return FieldError{"new_policy_version", "New document version is required before a change to documents is " +
                                              status + ": link the new version it produced."};
}

// That version must be a new version of
// one of the documents the change affects (or one of them itself, when the change drafts a new
// document that is also listed). A change that lists no documents may introduce a new one.
std::optional<FieldError> new_version_of_affected(const RecordContext& context, const std::string& /*id*/,
                                                  const Values& values) {
  const std::string& version_id = text_or_empty(value_at(values, "new_policy_version"));
  const std::string* affected_text = text_at(values, "affected_documents");
  if (version_id.empty() || affected_text == nullptr) return std::nullopt;
  const std::vector<std::string> affected = parse_link_list(*affected_text).value_or(std::vector<std::string>{});
  const auto listed = [&affected](const std::string& id) {
    return std::find(affected.begin(), affected.end(), id) != affected.end();
  };
  if (affected.empty() || listed(version_id)) return std::nullopt;
  const std::optional<Record> version = context.find("policy", version_id);
  if (!version) return std::nullopt;  // the link check reports a missing target
  if (listed(text_or_empty(version->get("supersedes")))) return std::nullopt;
  return FieldError{"new_policy_version", "New document version ('" + to_display(version->get("title")) +
                                              "', version " + to_display(version->get("version")) +
                                              ") must be a new version of one of the affected documents."};
}

// Requested, then assessed (impact written down), then approved or rejected; an approved change
// is implemented and then closed once its effect is checked. An assessment that raises questions
// goes back to the requester (assessed -> requested); a rejected change may be requested again
// with a better case. Approval may still be withdrawn before implementation (approved ->
// rejected). A closed change stays closed: a further change is a new request.
LifecycleDef change_lifecycle() {
  LifecycleDef lifecycle;
  lifecycle.field = "status";
  lifecycle.transitions = {
      {"requested", "assessed"}, {"requested", "rejected"}, {"assessed", "approved"},
      {"assessed", "rejected"},  {"assessed", "requested"}, {"approved", "implemented"},
      {"approved", "rejected"},  {"implemented", "closed"}, {"rejected", "requested"},
  };
  return lifecycle;
}

}  // namespace

// ISMS changes (6.3 planning of changes; the ISMS change management process). Its change requests
// are an input of the security policy management process: a change to a policy links to the
// policy's new version, and that version lists the change among its change requests.
EntityDef change_request() {
  EntityDef def;
  def.kind = "change_request";
  def.label = "ISMS change";
  def.plural = "ISMS changes";
  def.title_field = "title";
  def.fields = {
      field("title", "Title", FieldType::Text).required(),
      field("description", "Description", FieldType::LongText).help("What is to change."),
      field("requested_by", "Requested by", FieldType::Link).links_to("person"),
      field("reason", "Reason", FieldType::LongText).help("Why: an incident, an audit finding, a new requirement."),
      field("impact_assessment", "Impact assessment", FieldType::LongText)
          .help("What the change affects and what could go wrong; required before the change is assessed."),
      field("affected_processes", "Affected processes", FieldType::LinkList).links_to("process"),
      field("affected_documents", "Affected documents", FieldType::LinkList).links_to("policy"),
      // Required because the lifecycle needs a current state to check a transition against.
      field("status", "Status", FieldType::Enum)
          .required()
          .options({{"requested", "Requested"},
                    {"assessed", "Assessed"},
                    {"approved", "Approved"},
                    {"rejected", "Rejected"},
                    {"implemented", "Implemented"},
                    {"closed", "Closed"}})
          .default_value(std::string("requested")),
      field("approved_by", "Approved by", FieldType::Link).links_to("person"),
      field("approved_on", "Approved on", FieldType::Date),
      field("new_policy_version", "New document version", FieldType::Link)
          .links_to("policy")
          .help("A change to a policy links to the policy's new version."),
  };
  def.lifecycle = change_lifecycle();
  def.checks = {impact_assessed, approval_recorded("approved_by", "Approved by"),
                approval_recorded("approved_on", "Approved on"), new_version_named};
  def.context_checks = {new_version_of_affected};
  return def;
}

}  // namespace isms::registers
