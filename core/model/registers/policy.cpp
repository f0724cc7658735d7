#include <map>
#include <optional>
#include <string>

#include "core/model/field_builder.hpp"
#include "core/model/registers/registers.hpp"
#include "core/model/value_access.hpp"
#include "core/util/date.hpp"
#include "core/util/text.hpp"

namespace isms::registers {
namespace {

// The states in which the document is in force by an approval: the approval must be on record.
// (Later states come only from these through the lifecycle, and keep what was recorded here; an
// old document imported as retired need not invent an approval nobody recorded.)
bool is_approved_state(const std::string& status) { return status == "approved" || status == "published"; }

// Seed B1 and 7.5.2: policies are approved through a formal process, and the register shows by
// whom, when, and which version. Senior management approves policies (seed section 4).
std::optional<FieldError> approval_recorded(const Values& values) {
  const std::string& status = text_or_empty(values.at("status"));
  if (!is_approved_state(status)) return std::nullopt;
  const std::string when = status == "approved" ? "is approved" : "is published";
  if (is_null(values.at("approved_by"))) {
    return FieldError{"approved_by", "Approved by is required before the document " + when + "."};
  }
  if (is_null(values.at("approved_on"))) {
    return FieldError{"approved_on", "Approved on is required before the document " + when + "."};
  }
  if (is_null(values.at("approved_version"))) {
    return FieldError{"approved_version", "Approved version is required before the document " + when + "."};
  }
  return std::nullopt;
}

// An approval covers one text. Changing the version of an approved document, or approving it
// again after a rework under the old approval, would publish a text nobody approved.
std::optional<FieldError> approved_version_is_current(const Values& values) {
  if (!is_approved_state(text_or_empty(values.at("status")))) return std::nullopt;
  const std::string& approved = text_or_empty(values.at("approved_version"));
  const std::string& version = text_or_empty(values.at("version"));
  if (approved.empty() || version.empty() || approved == version) return std::nullopt;
  return FieldError{"approved_version", "Approved version (" + approved + ") must be the document's version (" +
                                            version + ") while it is approved or published; record the approval of " +
                                            "version " + version + ", or start a new version."};
}

std::optional<FieldError> disposal_after_approval(const Values& values) {
  const std::optional<CivilDate> disposal = parse_date(text_or_empty(values.at("disposal_date")));
  const std::optional<CivilDate> approval = parse_date(text_or_empty(values.at("approved_on")));
  if (!disposal || !approval || *disposal >= *approval) return std::nullopt;
  return FieldError{"disposal_date",
                    "Disposal date cannot be before the approval date (" + format_date(*approval) + ")."};
}

// 7.5.3 f): the disposal of documented information is controlled, so it leaves a date behind.
std::optional<FieldError> disposal_recorded(const Values& values) {
  if (text_or_empty(values.at("status")) != "disposed" || !is_null(values.at("disposal_date"))) return std::nullopt;
  return FieldError{"disposal_date", "Disposal date is required before the document is disposed."};
}

// A status in running text: "under revision" for under_revision.
std::string state_text(std::string status) {
  for (char& c : status) {
    if (c == '_') c = ' ';
  }
  return status;
}

// Only one version of a document is in force: a version that supersedes another may be published
// only once that one is retired. policy_versions.hpp's publish() retires it in the same
// transaction; a plain status change that would leave two versions in force is refused here.
std::optional<FieldError> previous_version_retired(const RecordContext& context, const std::string& /*id*/,
                                                   const Values& values) {
  if (text_or_empty(values.at("status")) != "published" || is_null(values.at("supersedes"))) return std::nullopt;
  const std::optional<Record> previous = context.find("policy", text_or_empty(values.at("supersedes")));
  if (!previous || previous->deleted) return std::nullopt;
  const std::string& status = text_or_empty(previous->get("status"));
  if (status == "retired" || status == "disposed") return std::nullopt;
  return FieldError{"supersedes", "Previous version '" + to_display(previous->get("title")) + "' (version " +
                                      to_display(previous->get("version")) + ") is still " + state_text(status) +
                                      "; it must be retired when this version is published."};
}

// One document, one line of versions: two drafts superseding the same version would both end up
// in force (each publish retires only the old one).
std::optional<FieldError> one_next_version(const RecordContext& context, const std::string& id, const Values& values) {
  if (is_null(values.at("supersedes"))) return std::nullopt;
  for (const Record& other : context.find_by("policy", "supersedes", values.at("supersedes"))) {
    if (other.id == id) continue;
    return FieldError{"supersedes", "'" + to_display(other.get("title")) + "' (version " +
                                        to_display(other.get("version")) +
                                        ") is already the next version of that document; a document has one next "
                                        "version."};
  }
  return std::nullopt;
}

// The approver approves the version in front of them: when a document becomes approved (or is
// entered as approved or published) without saying which version, it is the current one. An
// approved version already on record is never overwritten: approved_version_is_current then
// asks for a new approval instead of quietly moving the old one to a new text.
// Sent back to draft, the text is reworked: the old approval no longer covers it and is cleared
// (history keeps it), so approving again needs a new approver and date. In review it is kept: the
// approver may be filled in ahead of the decision.
void fill_approved_version(const RecordContext& /*context*/, Values& values) {
  if (text_or_empty(values["status"]) == "draft") {
    values["approved_by"] = std::monostate{};
    values["approved_on"] = std::monostate{};
    values["approved_version"] = std::monostate{};
    return;
  }
  if (!is_approved_state(text_or_empty(values["status"])) || !is_null(values["approved_version"])) return;
  values["approved_version"] = values["version"];
}

}  // namespace

// Policies and other documented information (7.5; seed B1; the security policy management
// process: development and approval, distribution, secure storage, change management, retention
// period and disposal). A new version is a new record that supersedes the old one, which is kept
// and retired, never overwritten (core/policy/policy_versions.hpp).
EntityDef policy() {
  EntityDef def;
  def.kind = "policy";
  def.label = "Document";
  def.plural = "Policies and documents";
  def.title_field = "title";
  def.fields = {
      field("title", "Title", FieldType::Text).required(),
      field("type", "Type", FieldType::Enum)
          .required()
          .options({{"policy", "Policy"},
                    {"standard", "Standard"},
                    {"guideline", "Guideline"},
                    {"procedure", "Procedure"},
                    {"record", "Record"}}),
      field("version", "Version", FieldType::Text).required().max_length(32).default_value(std::string("0.1")),
      field("owner", "Owner", FieldType::Link).links_to("person"),
      field("classification", "Classification", FieldType::Enum)
          .required()
          .options({{"public", "Public"},
                    {"internal", "Internal"},
                    {"confidential", "Confidential"},
                    {"restricted", "Restricted"}})
          .default_value(std::string("internal")),
      field("storage_location", "Storage location", FieldType::Text)
          .help("Where the controlled copy is kept, and who may change it."),
      field("distribution", "Distribution", FieldType::LongText).help("Who receives the document, and how."),
      field("retention_period", "Retention period", FieldType::Text).max_length(64).help("e.g. 7 years."),
      field("disposal_date", "Disposal date", FieldType::Date),
      field("status", "Status", FieldType::Enum)
          .required()
          .options({{"draft", "Draft"},
                    {"in_review", "In review"},
                    {"approved", "Approved"},
                    {"published", "Published"},
                    {"under_revision", "Under revision"},
                    {"retired", "Retired"},
                    {"disposed", "Disposed"}})
          .default_value(std::string("draft")),
      field("approved_by", "Approved by", FieldType::Link).links_to("person"),
      field("approved_on", "Approved on", FieldType::Date),
      field("approved_version", "Approved version", FieldType::Text)
          .max_length(32)
          .help("Filled in with the version when the document is approved."),
      field("next_review", "Next review", FieldType::Date),
      field("supersedes", "Previous version", FieldType::Link).links_to("policy"),
      field("controls", "Controls", FieldType::LinkList).links_to("control"),
      field("requirements", "Requirements", FieldType::LinkList).links_to("requirement"),
      field("change_requests", "Change requests", FieldType::LinkList)
          .links_to("change_request")
          .help("The change requests that led to this version."),
      field("process", "Process", FieldType::Link).links_to("process"),
  };
  // A revision is a new record (start_new_version) that goes through review and approval like
  // any draft; the published one waits under revision and is retired when its successor is
  // published. Abandoning the revision sends the old text back through review (under_revision ->
  // in_review) rather than straight back to published: someone judged it in need of change.
  def.lifecycle = LifecycleDef{"status",
                               {{"draft", "in_review"},
                                {"in_review", "approved"},
                                {"in_review", "draft"},
                                {"approved", "published"},
                                {"approved", "draft"},
                                {"published", "under_revision"},
                                {"published", "retired"},
                                {"under_revision", "in_review"},
                                {"under_revision", "retired"},
                                {"retired", "disposed"}}};
  def.checks = {approval_recorded, approved_version_is_current, disposal_after_approval, disposal_recorded};
  def.context_checks = {previous_version_retired, one_next_version};
  def.derive = fill_approved_version;
  return def;
}

}  // namespace isms::registers
