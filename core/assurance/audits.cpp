#include "core/assurance/audits.hpp"

#include <map>
#include <optional>
#include <set>
#include <utility>

#include "core/model/links.hpp"
#include "core/model/validation.hpp"
#include "core/store/sqlite.hpp"
#include "core/util/date.hpp"
#include "core/util/text.hpp"
#include "core/util/utf8.hpp"

namespace isms {
namespace {

using Values = std::map<std::string, Value>;

std::string text_of(const Record& record, const char* key) { return to_display(record.get(key)); }

Record live(const Repository& records, const char* kind, const std::string& id) {
  std::optional<Record> record = records.get(kind, id);
  if (!record || record->deleted) {
    throw StoreError("No " + to_lower_ascii(records.registry().get(kind).label) + " with id " + id + ".");
  }
  return std::move(*record);
}

[[noreturn]] void refuse(const char* field, std::string message) {
  throw ValidationError({FieldError{field, std::move(message)}});
}

// A checklist subject: which of the two links it goes in, and the question asked about it.
struct Subject {
  const char* link;
  std::string question;
};

// Clauses and controls have ids of their own ("clause-6.1.2", "annex-a-5.1", a custom control's
// uuid), so the id alone says which it is. Tombstones count: the item's link check then says the
// clause or control is deleted, in the register's words.
Subject subject_of(const Repository& records, const std::string& id) {
  if (const std::optional<Record> clause = records.get("clause", id)) {
    return {"clause", "Is clause " + text_of(*clause, "ref") + " (" + text_of(*clause, "title") + ") met?"};
  }
  if (const std::optional<Record> control = records.get("control", id)) {
    return {"control", "Is control " + text_of(*control, "ref") + " (" + text_of(*control, "title") +
                           ") implemented and effective?"};
  }
  refuse("clause", "No clause or control has the id " + id + "; choose from the workspace's clauses and controls.");
}

// At most `limit` code points of valid UTF-8, cut on a character boundary, with "…" when cut.
std::string shortened(const std::string& text, std::size_t limit) {
  if (count_code_points(text) <= limit) return text;
  std::size_t kept = 0, end = 0;
  while (end < text.size() && kept + 1 < limit) {
    ++end;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    ++kept;
  }
  return text.substr(0, end) + "\xE2\x80\xA6";
}

std::size_t limit_of(const Repository& records, const char* key) {
  return effective_max_length(*records.registry().get("nonconformity").field(key));
}

// What was checked, in a few words: "clause 6.1.2 Information security risk assessment", or the
// question itself for a free one.
std::string what_was_checked(const Repository& records, const Record& item) {
  for (const char* kind : {"clause", "control"}) {
    if (is_null(item.get(kind))) continue;
    if (const std::optional<Record> subject = records.get(kind, text_of(item, kind))) {
      return std::string(kind) + " " + text_of(*subject, "ref") + " " + text_of(*subject, "title");
    }
  }
  return text_of(item, "question");
}

// Findings are raised at the close of the audit when it has one; before that, on the day the
// auditor recorded the finding.
std::string raised_on(const Record& audit, const Record& item) {
  if (!is_null(audit.get("actual_end"))) return text_of(audit, "actual_end");
  return date_of_timestamp(item.updated_at);
}

Values nonconformity_from(const Repository& records, const Record& audit, const Record& item) {
  const std::string result = text_of(item, "result");
  std::string description = "Finding of the internal audit '" + records.title_of(audit) + "' (" +
                            records.registry().get("audit_item").field("result")->option_label(result) +
                            "): " + text_of(item, "question");
  if (!is_null(item.get("evidence"))) description += "\n\nEvidence: " + text_of(item, "evidence");
  Values values = {
      {"title", shortened("Audit finding: " + what_was_checked(records, item), limit_of(records, "title"))},
      {"source", std::string("audit")},
      {"description", shortened(description, limit_of(records, "description"))},
      {"clause", item.get("clause")},
      {"control", item.get("control")},
      {"severity", std::string(result == "major_nonconformity" ? "major" : "minor")},
      {"raised_on", raised_on(audit, item)},
      {"audit_item", item.id},
      {"status", std::string("open")},
  };
  const FieldDef& auditors = *records.registry().get("audit").field("auditors");
  const std::vector<std::string> auditor_ids = linked_ids(auditors, audit.get("auditors"));
  if (auditor_ids.size() == 1) values["raised_by"] = auditor_ids.front();
  return values;
}

}  // namespace

std::size_t build_checklist(Repository& records, const std::string& audit_id,
                            const std::vector<std::string>& clause_and_control_ids) {
  const Record audit = live(records, "audit", audit_id);
  std::set<std::string> on_checklist;
  for (const Record& item : records.find_by("audit_item", "audit", Value(audit_id))) {
    for (const char* link : {"clause", "control"}) {
      if (!is_null(item.get(link))) on_checklist.insert(text_of(item, link));
    }
  }
  Transaction transaction(records.database());
  std::size_t added = 0;
  for (const std::string& id : clause_and_control_ids) {
    if (!on_checklist.insert(id).second) continue;
    const Subject subject = subject_of(records, id);
    records.create("audit_item", {{"audit", audit_id}, {subject.link, id}, {"question", subject.question}},
                   "Checklist of '" + records.title_of(audit) + "'");
    ++added;
  }
  transaction.commit();
  return added;
}

std::string raise_nonconformity(Repository& records, const std::string& audit_item_id) {
  const Record item = live(records, "audit_item", audit_item_id);
  const std::string result = text_of(item, "result");
  if (result != "minor_nonconformity" && result != "major_nonconformity") {
    refuse("result",
           "A nonconformity can be raised only for a finding whose result is a minor or major "
           "nonconformity; this one is " +
               records.registry().get("audit_item").field("result")->option_label(result) + ".");
  }
  if (!is_null(item.get("nonconformity"))) {
    const std::optional<Record> raised = records.get("nonconformity", text_of(item, "nonconformity"));
    refuse("nonconformity", "A nonconformity was already raised for this finding ('" +
                                (raised ? records.title_of(*raised) : text_of(item, "nonconformity")) + "').");
  }
  const Record audit = live(records, "audit", text_of(item, "audit"));

  Transaction transaction(records.database());
  const std::string note = "Raised from the internal audit '" + records.title_of(audit) + "'";
  std::string id = records.create("nonconformity", nonconformity_from(records, audit, item), note);
  records.update("audit_item", audit_item_id, {{"nonconformity", id}}, note);
  transaction.commit();
  return id;
}

void record_effectiveness_review(Repository& records, const std::string& nc_id, const std::string& reviewer_id,
                                 std::string date, bool effective, std::string note) {
  const Record nc = live(records, "nonconformity", nc_id);
  const std::string status = text_of(nc, "status");
  if (status != "verification" && status != "closed") {
    const std::string label = records.registry().get("nonconformity").field("status")->option_label(status);
    refuse("status",
           "An effectiveness review is recorded once the corrective actions are done and the nonconformity is in "
           "verification; it is " +
               to_lower_ascii(label) + " now.");
  }
  Transaction transaction(records.database());
  records.update("nonconformity", nc_id,
                 {{"review_date", std::move(date)},
                  {"reviewer", reviewer_id},
                  {"effective", std::string(effective ? "yes" : "no")},
                  {"review_note", std::move(note)},
                  {"status", std::string(effective ? "closed" : "actions_planned")}},
                 effective ? "Effectiveness review: the corrective actions are effective; closed"
                           : "Effectiveness review: the corrective actions are not effective; reopened");
  transaction.commit();
}

}  // namespace isms
