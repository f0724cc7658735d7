#include "core/policy/policy_versions.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>
#include <utility>

#include "core/model/validation.hpp"
#include "core/store/repository.hpp"
#include "core/store/sqlite.hpp"
#include "core/util/date.hpp"
#include "core/util/text.hpp"

namespace isms {
namespace {

constexpr const char* kind = "policy";

std::string text_of(const Record& record, const char* key) { return to_display(record.get(key)); }

Record live_policy(const Repository& records, const std::string& id) {
  std::optional<Record> record = records.get(kind, id);
  if (!record || record->deleted) throw StoreError("No document with id " + id + ".");
  return std::move(*record);
}

[[noreturn]] void refuse(const char* field, std::string message) {
  throw ValidationError({FieldError{field, std::move(message)}});
}

std::string status_label(const Repository& records, const Record& policy) {
  return records.registry().get(kind).field("status")->option_label(text_of(policy, "status"));
}

void check_can_start_version(const Repository& records, const Record& current, const std::string& new_version) {
  if (text_of(current, "status") != "published") {
    refuse("status", "Status must be Published to start a new version of the document; '" + text_of(current, "title") +
                         "' is " + status_label(records, current) + ".");
  }
  if (new_version.empty()) {
    refuse("version", "Version is required for the new version of the document.");
  }
  if (new_version == text_of(current, "version")) {
    refuse("version", "Version must differ from the current version (" + new_version + ").");
  }
}

// The new draft: the old text's fields, minus what belonged to the old version only.
std::map<std::string, Value> draft_of_next_version(const Record& current, const std::string& new_version) {
  std::map<std::string, Value> fields = current.fields;
  for (const char* key : {"approved_by", "approved_on", "approved_version", "disposal_date"}) {
    fields[key] = std::monostate{};
  }
  fields["status"] = std::string("draft");
  fields["version"] = new_version;
  fields["supersedes"] = current.id;
  return fields;
}

bool is_in_force(const Record& policy) {
  const std::string status = text_of(policy, "status");
  return !policy.deleted && (status == "published" || status == "under_revision");
}

}  // namespace

std::string start_new_version(Repository& records, const std::string& policy_id, std::string new_version) {
  new_version = trim(new_version);
  const Record current = live_policy(records, policy_id);
  check_can_start_version(records, current, new_version);

  Transaction transaction(records.database());
  const std::string title = text_of(current, "title");
  std::string id = records.create(kind, draft_of_next_version(current, new_version),
                                  "Started version " + new_version + " of '" + title + "'");
  records.update(kind, policy_id, {{"status", std::string("under_revision")}},
                 "Under revision: version " + new_version + " started");
  transaction.commit();
  return id;
}

void publish(Repository& records, const std::string& policy_id) {
  const Record policy = live_policy(records, policy_id);
  const std::string version = text_of(policy, "version");

  // The old version first: the register refuses to publish a version while its predecessor is
  // still in force, and if publishing then fails, the transaction takes the retirement back.
  Transaction transaction(records.database());
  const std::string previous_id = text_of(policy, "supersedes");
  if (!previous_id.empty()) {
    const std::optional<Record> previous = records.get(kind, previous_id);
    if (previous && is_in_force(*previous)) {
      records.update(kind, previous_id, {{"status", std::string("retired")}},
                     "Retired: superseded by version " + version);
    }
  }
  records.update(kind, policy_id, {{"status", std::string("published")}}, "Published version " + version);
  transaction.commit();
}

std::vector<Record> policies_due_for_review(const Repository& records, std::string_view today, int within_days) {
  const std::optional<CivilDate> day = parse_date(today);
  if (!day) throw std::invalid_argument("policies_due_for_review: today must be a date like 2026-11-26.");
  const CivilDate limit = add_days(*day, within_days);

  std::vector<Record> due;
  for (const char* status : {"approved", "published"}) {
    for (Record& policy : records.find_by(kind, "status", Value(std::string(status)))) {
      const std::optional<CivilDate> review = parse_date(text_of(policy, "next_review"));
      if (review && *review <= limit) due.push_back(std::move(policy));
    }
  }
  // "YYYY-MM-DD" sorts in calendar order.
  std::sort(due.begin(), due.end(), [](const Record& a, const Record& b) {
    return std::pair(text_of(a, "next_review"), text_of(a, "title")) <
           std::pair(text_of(b, "next_review"), text_of(b, "title"));
  });
  return due;
}

}  // namespace isms
