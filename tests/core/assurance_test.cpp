// Internal audits, nonconformities and corrective actions in a real workspace: the registers'
// rules with their messages, the operations that span records (building a checklist, raising a
// nonconformity from a finding, the effectiveness review), and the figures on a small hand-made
// workspace whose answers are known by counting, then on a large one against the time budget.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/assurance/assurance_figures.hpp"
#include "core/assurance/audits.hpp"
#include "core/model/links.hpp"
#include "core/util/text.hpp"
#include "core/workspace/workspace.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::test::TempDir;

namespace {

using Values = std::map<std::string, Value>;

Value text(std::string s) { return Value(std::move(s)); }
Value number(std::int64_t n) { return Value(n); }

// Each problem of a refused write as "field: message", or "(written)" when it went through.
std::string refusal(const std::function<void()>& write) {
  try {
    write();
  } catch (const ValidationError& error) {
    std::vector<std::string> problems;
    for (const FieldError& problem : error.errors()) problems.push_back(problem.field + ": " + problem.message);
    return join(problems, " | ");
  }
  return "(written)";
}

struct AssuranceFixture {
  TempDir dir;
  FixedClock clock{"2026-05-04T09:00:00Z"};
  std::unique_ptr<Workspace> workspace =
      Workspace::create(dir.str(), "ws-assurance", {"ISMS 2026", "Client GmbH", "Anna"}, clock, nullptr);
  Repository& records = workspace->records();
  std::string anna = records.create("person", {{"name", text("Anna Auditor")}});
  std::string ben = records.create("person", {{"name", text("Ben Auditee")}});
  std::string cara = records.create("person", {{"name", text("Cara Reviewer")}});

  std::string audit(const char* title, Values more = {}) {
    more["title"] = text(title);
    return records.create("audit", std::move(more));
  }
  std::string item(const std::string& audit_id, const char* question, Values more = {}) {
    more["audit"] = text(audit_id);
    more["question"] = text(question);
    return records.create("audit_item", std::move(more));
  }
  std::string nonconformity(const char* title, Values more = {}) {
    more["title"] = text(title);
    if (more.count("source") == 0) more["source"] = text("monitoring");
    if (more.count("description") == 0) more["description"] = text("Found in the logs.");
    if (more.count("severity") == 0) more["severity"] = text("minor");
    if (more.count("raised_on") == 0) more["raised_on"] = text("2026-03-01");
    return records.create("nonconformity", std::move(more));
  }
  std::string action(const std::string& nc, const char* title, Values more = {}) {
    more["nonconformity"] = text(nc);
    more["title"] = text(title);
    return records.create("corrective_action", std::move(more));
  }
  Record get(const char* kind, const std::string& id) const { return *records.get(kind, id); }
  std::string field(const char* kind, const std::string& id, const char* key) const {
    return to_display(get(kind, id).get(key));
  }
  // A nonconformity analysed, with one action done: ready for verification.
  std::string ready_for_verification(const char* title) {
    const std::string nc = nonconformity(title);
    records.update("nonconformity", nc, {{"root_cause", text("No review step")}, {"status", text("analysed")}});
    action(nc, "Add a review step", {{"status", text("done")}, {"completed_on", text("2026-04-01")}});
    records.update("nonconformity", nc, {{"status", text("actions_planned")}});
    records.update("nonconformity", nc, {{"status", text("verification")}});
    return nc;
  }
};

std::vector<std::string> questions(const Repository& records, const std::string& audit_id) {
  std::vector<std::string> found;
  for (const Record& item : records.find_by("audit_item", "audit", Value(audit_id))) {
    found.push_back(to_display(item.get("question")));
  }
  std::sort(found.begin(), found.end());  // created in the same second: find_by's order is the ids'
  return found;
}

using Texts = std::vector<std::string>;

}  // namespace

// ---- Audit programme ----

TEST_CASE_FIXTURE(AssuranceFixture, "assurance: one audit programme per year, with a complete approval") {
  const std::string programme =
      records.create("audit_programme", {{"year", number(2026)}, {"title", text("Audit programme 2026")}});
  CHECK(refusal([&] {
          records.create("audit_programme", {{"year", number(2026)}, {"title", text("Second plan")}});
        }) == "year: Year 2026 already has an audit programme ('Audit programme 2026'); a year has one programme.");
  CHECK(refusal([&] {
          records.create("audit_programme", {{"year", number(1999)}, {"title", text("Old")}});
        }) == "year: Year must be between 2000 and 2100.");
  // Saving the programme itself again is no clash, and a deleted programme frees its year.
  CHECK(refusal([&] {
          records.update("audit_programme", programme, {{"objectives", text("Cover 4-10")}});
        }) == "(written)");
  records.remove("audit_programme", programme);
  CHECK(refusal([&] {
          records.create("audit_programme", {{"year", number(2026)}, {"title", text("Audit programme 2026")}});
        }) == "(written)");

  CHECK(refusal([&] {
          records.create("audit_programme",
                         {{"year", number(2027)}, {"title", text("2027")}, {"approved_by", text(anna)}});
        }) == "approved_on: Approved on is required when Approved by is given.");
  CHECK(refusal([&] {
          records.create("audit_programme",
                         {{"year", number(2027)}, {"title", text("2027")}, {"approved_on", text("2026-12-01")}});
        }) == "approved_by: Approved by is required when Approved on is given.");
}

// ---- Audit ----

TEST_CASE_FIXTURE(AssuranceFixture, "assurance: an audit's dates must be in order and its auditors impartial") {
  CHECK(refusal([&] {
          audit("Q2 audit", {{"planned_start", text("2026-06-10")}, {"planned_end", text("2026-06-09")}});
        }) == "planned_end: Planned end must not be before the planned start.");
  CHECK(refusal([&] {
          audit("Q2 audit", {{"actual_start", text("2026-06-10")}, {"actual_end", text("2026-06-01")}});
        }) == "actual_end: Actual end must not be before the actual start.");
  CHECK(refusal([&] {
          audit("Q2 audit", {{"actual_end", text("2026-06-01")}});
        }) == "actual_start: Actual start is required when an actual end is given.");
  CHECK(refusal([&] {
          audit("Q2 audit", {{"auditors", link_list({anna, ben})}, {"auditees", link_list({ben, cara})}});
        }) ==
        "auditees: Ben Auditee cannot be both an auditor and an auditee: an auditor must not audit their own work.");
  CHECK(refusal([&] {
          audit("Q2 audit", {{"planned_start", text("2026-06-10")},
                             {"planned_end", text("2026-06-10")},
                             {"auditors", link_list({anna})},
                             {"auditees", link_list({ben, cara})}});
        }) == "(written)");
}

TEST_CASE_FIXTURE(AssuranceFixture, "assurance: an audit moves through its lifecycle with what each status needs") {
  const std::string id = audit("Q2 audit");
  CHECK(field("audit", id, "status") == "planned");
  // The lifecycle is checked last, so it speaks once the audit has all a report needs.
  const std::string complete = audit("Q3 audit", {{"auditors", link_list({anna})},
                                                  {"actual_start", text("2026-07-01")},
                                                  {"actual_end", text("2026-07-02")},
                                                  {"report_summary", text("Fine.")}});
  CHECK(refusal([&] {
          records.update("audit", complete, {{"status", text("reported")}});
        }) == "status: Status cannot change from Planned to Reported; allowed: In progress.");
  CHECK(refusal([&] {
          records.update("audit", id, {{"status", text("in_progress")}});
        }) == "auditors: Auditors are required once the audit is in progress.");
  records.update("audit", id, {{"auditors", link_list({anna})}});
  CHECK(refusal([&] {
          records.update("audit", id, {{"status", text("in_progress")}});
        }) == "actual_start: Actual start is required once the audit is in progress.");
  records.update("audit", id, {{"status", text("in_progress")}, {"actual_start", text("2026-06-10")}});

  CHECK(refusal([&] {
          records.update("audit", id, {{"status", text("reported")}});
        }) == "actual_end: Actual end is required before the audit is reported.");
  CHECK(refusal([&] {
          records.update("audit", id, {{"status", text("reported")}, {"actual_end", text("2026-06-11")}});
        }) == "report_summary: Report summary is required before the audit is reported.");
  records.update("audit", id,
                 {{"status", text("reported")},
                  {"actual_end", text("2026-06-11")},
                  {"report_summary", text("Two minor findings.")}});
  // A report may be withdrawn for more fieldwork, and closing ends the audit for good.
  records.update("audit", id, {{"status", text("in_progress")}});
  records.update("audit", id, {{"status", text("reported")}});
  records.update("audit", id, {{"status", text("closed")}});
  CHECK(refusal([&] {
          records.update("audit", id, {{"status", text("reported")}});
        }) == "status: Status cannot change from Closed to Reported; allowed: none.");
}

TEST_CASE_FIXTURE(AssuranceFixture, "assurance: a closed audit's checklist is kept as it was") {
  const std::string id = audit("Q2 audit", {{"auditors", link_list({anna})}, {"actual_start", text("2026-06-10")}});
  const std::string question = item(id, "Is the access review done quarterly?");
  records.update("audit", id, {{"status", text("in_progress")}});
  records.update("audit_item", question, {{"result", text("conform")}});  // open: findings change
  records.update("audit", id,
                 {{"status", text("reported")}, {"actual_end", text("2026-06-11")}, {"report_summary", text("Fine.")}});
  records.update("audit", id, {{"status", text("closed")}});
  const std::string closed = "audit: The audit is closed; its checklist is kept as it was. Plan a new audit to look again.";
  CHECK(refusal([&] { records.update("audit_item", question, {{"result", text("observation")}}); }) == closed);
  CHECK(refusal([&] { item(id, "A question asked too late"); }) == closed);
  CHECK(field("audit_item", question, "result") == "conform");
}

// ---- Checklist items ----

TEST_CASE_FIXTURE(AssuranceFixture, "assurance: a checklist item checks one clause, one control or a free question") {
  const std::string id = audit("Q2 audit");
  CHECK(refusal([&] {
          item(id, "Both?", {{"clause", text("clause-9.2")}, {"control", text("annex-a-5.1")}});
        }) == "control: Clause and Control cannot both be chosen: a checklist item checks one clause or one control.");
  const std::string free = item(id, "Do staff know whom to call about an incident?");
  CHECK(field("audit_item", free, "result") == "not_assessed");
  CHECK(refusal([&] { item(id, "", {}); }) == "question: Question is required.");

  item(id, "Is the programme approved?", {{"clause", text("clause-9.2.2")}});
  CHECK(refusal([&] {
          item(id, "Again?", {{"clause", text("clause-9.2.2")}});
        }) == "clause: This audit already has a checklist item for clause 9.2.2.");
  item(id, "Access rules?", {{"control", text("annex-a-5.15")}});
  CHECK(refusal([&] {
          item(id, "Again?", {{"control", text("annex-a-5.15")}});
        }) == "control: This audit already has a checklist item for control 5.15.");
  // Another audit may ask the same.
  CHECK(refusal([&] { item(audit("Q4 audit"), "Again?", {{"clause", text("clause-9.2.2")}}); }) == "(written)");

  // A nonconformity is linked to a nonconformity finding only.
  const std::string nc = nonconformity("Unapproved programme");
  CHECK(refusal([&] {
          records.update("audit_item", free, {{"nonconformity", text(nc)}});
        }) == "result: Result must be a minor or major nonconformity while a nonconformity is linked.");

  // The checklist is part of its audit: deleted and restored with it.
  records.remove("audit", id);
  CHECK(records.find_by("audit_item", "audit", Value(id)).empty());
  records.restore("audit", id);
  CHECK(records.find_by("audit_item", "audit", Value(id)).size() == 3);
}

TEST_CASE_FIXTURE(AssuranceFixture, "assurance: build_checklist adds one question per clause or control, once") {
  const std::string id = audit("Q2 audit");
  item(id, "Existing", {{"clause", text("clause-9.2")}});
  const std::size_t added =
      build_checklist(records, id, {"clause-6.1.2", "annex-a-5.15", "clause-9.2", "clause-6.1.2", "annex-a-8.1"});
  CHECK(added == 3);
  CHECK(questions(records, id) == Texts{"Existing", "Is clause 6.1.2 (Information security risk assessment) met?",
                                        "Is control 5.15 (Access control) implemented and effective?",
                                        "Is control 8.1 (User end point devices) implemented and effective?"});
  const std::vector<Record> items = records.find_by("audit_item", "control", text("annex-a-5.15"));
  REQUIRE(items.size() == 1);
  CHECK(to_display(items[0].get("audit")) == id);
  CHECK(to_display(items[0].get("result")) == "not_assessed");

  // Built again: nothing new. An unknown id refuses the whole list, in one transaction.
  CHECK(build_checklist(records, id, {"clause-6.1.2", "annex-a-5.15"}) == 0);
  CHECK(refusal([&] {
          build_checklist(records, id, {"clause-4.1", "clause-99"});
        }) == "clause: No clause or control has the id clause-99; choose from the workspace's clauses and controls.");
  CHECK(questions(records, id).size() == 4);
  CHECK_THROWS_WITH_AS(build_checklist(records, "no-such-audit", {"clause-4.1"}),
                       "No internal audit with id no-such-audit.", StoreError);
}

// ---- Raising a nonconformity from a finding ----

TEST_CASE_FIXTURE(AssuranceFixture, "assurance: a nonconformity finding raises its nonconformity in one step") {
  const std::string id = audit("Q2 audit", {{"auditors", link_list({anna})}, {"auditees", link_list({ben})}});
  build_checklist(records, id, {"annex-a-5.15", "clause-9.2.2"});
  const std::string access = records.find_by("audit_item", "control", text("annex-a-5.15"))[0].id;
  const std::string programme = records.find_by("audit_item", "clause", text("clause-9.2.2"))[0].id;

  CHECK(refusal([&] { raise_nonconformity(records, access); }) ==
        "result: A nonconformity can be raised only for a finding whose result is a minor or major nonconformity; "
        "this one is Not assessed.");
  records.update("audit_item", access,
                 {{"result", text("major_nonconformity")}, {"evidence", text("Leavers keep their VPN accounts.")}});
  const std::string nc = raise_nonconformity(records, access);

  const Record raised = get("nonconformity", nc);
  CHECK(to_display(raised.get("title")) == "Audit finding: control 5.15 Access control");
  CHECK(to_display(raised.get("source")) == "audit");
  CHECK(to_display(raised.get("severity")) == "major");
  CHECK(to_display(raised.get("control")) == "annex-a-5.15");
  CHECK(is_null(raised.get("clause")));
  CHECK(to_display(raised.get("audit_item")) == access);
  CHECK(to_display(raised.get("raised_by")) == anna);          // the audit's one auditor
  CHECK(to_display(raised.get("raised_on")) == "2026-05-04");  // no actual end yet: the finding's day
  CHECK(to_display(raised.get("status")) == "open");
  CHECK(to_display(raised.get("description")) ==
        "Finding of the internal audit 'Q2 audit' (Major nonconformity): Is control 5.15 (Access control) implemented "
        "and effective?\n\nEvidence: Leavers keep their VPN accounts.");
  CHECK(field("audit_item", access, "nonconformity") == nc);

  CHECK(refusal([&] { raise_nonconformity(records, access); }) ==
        "nonconformity: A nonconformity was already raised for this finding ('Audit finding: control 5.15 Access "
        "control').");

  // The audit cannot close while a nonconformity finding has none raised.
  records.update(
      "audit", id,
      {{"status", text("in_progress")}, {"actual_start", text("2026-06-10")}, {"auditors", link_list({anna, cara})}});
  records.update("audit_item", programme, {{"result", text("minor_nonconformity")}});
  records.update("audit", id,
                 {{"status", text("reported")}, {"actual_end", text("2026-06-12")}, {"report_summary", text("Two.")}});
  CHECK(refusal([&] {
          records.update("audit", id, {{"status", text("closed")}});
        }) ==
        "status: The audit cannot be closed while 1 finding marked as a nonconformity has no nonconformity raised; "
        "raise it first.");
  const std::string minor = raise_nonconformity(records, programme);
  CHECK(field("nonconformity", minor, "severity") == "minor");
  CHECK(field("nonconformity", minor, "clause") == "clause-9.2.2");
  CHECK(field("nonconformity", minor, "raised_on") == "2026-06-12");  // the audit's actual end
  CHECK(is_null(get("nonconformity", minor).get("raised_by")));       // two auditors: not guessed
  records.update("audit", id, {{"status", text("closed")}});

  // The linked nonconformity keeps the finding's result a nonconformity.
  CHECK(refusal([&] {
          records.update("audit_item", access, {{"result", text("observation")}});
        }) == "result: Result must be a minor or major nonconformity while a nonconformity is linked.");

  // The nonconformities outlive the audit's checklist: deleting the audit asks what to do with their links.
  CHECK_THROWS_AS(records.remove("audit", id), LinkedRecordsError);
  records.remove("audit", id, OnLinks::Unlink);
  CHECK(!get("nonconformity", nc).deleted);
  CHECK(is_null(get("nonconformity", nc).get("audit_item")));
}

TEST_CASE_FIXTURE(AssuranceFixture, "assurance: raising a nonconformity writes nothing when it is refused") {
  const std::string id = audit("Q2 audit");
  const std::string free = item(id, std::string(300, 'Q').c_str(), {{"result", text("minor_nonconformity")}});
  const std::string nc = raise_nonconformity(records, free);
  // A long question is shortened to the title's 200 characters.
  CHECK(field("nonconformity", nc, "title") == "Audit finding: " + std::string(184, 'Q') + "\xE2\x80\xA6");
  CHECK_THROWS_WITH_AS(raise_nonconformity(records, "no-such-item"), "No checklist item with id no-such-item.",
                       StoreError);
  CHECK(records.count("nonconformity") == 1);
}

// ---- Nonconformities and corrective actions ----

TEST_CASE_FIXTURE(AssuranceFixture, "assurance: a nonconformity's rules and lifecycle") {
  CHECK(refusal([&] {
          records.create("nonconformity", {{"title", text("No log review")},
                                           {"source", text("monitoring")},
                                           {"description", text("Logs unread.")},
                                           {"severity", text("minor")}});
        }) == "raised_on: Raised on is required.");
  const std::string nc =
      nonconformity("No log review", {{"clause", text("clause-9.1")}, {"control", text("annex-a-8.15")}});
  CHECK(field("nonconformity", nc, "status") == "open");

  CHECK(refusal([&] {
          records.update("nonconformity", nc, {{"status", text("analysed")}});
        }) == "root_cause: Root cause is required before the nonconformity is analysed.");
  records.update("nonconformity", nc, {{"root_cause", text("Nobody owns the logs.")}, {"status", text("analysed")}});

  CHECK(refusal([&] {
          records.update("nonconformity", nc, {{"status", text("actions_planned")}});
        }) ==
        "status: A nonconformity needs at least one corrective action that is not cancelled once its actions are "
        "planned.");
  const std::string dropped = action(nc, "Buy a SIEM", {{"status", text("cancelled")}});
  CHECK(refusal([&] {
          records.update("nonconformity", nc, {{"status", text("actions_planned")}});
        }) ==
        "status: A nonconformity needs at least one corrective action that is not cancelled once its actions are "
        "planned.");
  const std::string owner = action(nc, "Name a log owner", {{"owner", text(anna)}, {"due_date", text("2026-05-31")}});
  const std::string review = action(nc, "Weekly log review", {{"status", text("in_progress")}});
  records.update("nonconformity", nc, {{"status", text("actions_planned")}});
  CHECK(field("corrective_action", dropped, "status") == "cancelled");

  CHECK(refusal([&] {
          records.update("nonconformity", nc, {{"status", text("verification")}});
        }) ==
        "status: All corrective actions must be done or cancelled before the nonconformity is in verification; 2 are "
        "not.");
  CHECK(refusal([&] {
          records.update("corrective_action", owner, {{"status", text("done")}});
        }) == "completed_on: Completed on is required when the corrective action is done.");
  records.update("corrective_action", owner, {{"status", text("done")}, {"completed_on", text("2026-04-20")}});
  CHECK(refusal([&] {
          records.update("nonconformity", nc, {{"status", text("verification")}});
        }) ==
        "status: All corrective actions must be done or cancelled before the nonconformity is in verification; 1 is "
        "not.");
  records.update("corrective_action", review, {{"status", text("done")}, {"completed_on", text("2026-04-25")}});
  // Every other rule holds here, so the lifecycle speaks: closing goes through verification.
  CHECK(refusal([&] {
          records.update("nonconformity", nc,
                         {{"effective", text("yes")},
                          {"review_date", text("2026-05-01")},
                          {"reviewer", text(cara)},
                          {"status", text("closed")}});
        }) == "status: Status cannot change from Actions planned to Closed; allowed: Analysed, Verification.");
  records.update("nonconformity", nc, {{"status", text("verification")}});

  CHECK(refusal([&] {
          records.update("nonconformity", nc, {{"status", text("closed")}});
        }) == "effective: A nonconformity cannot be closed before a review found the corrective actions effective.");
  CHECK(refusal([&] {
          records.update("nonconformity", nc, {{"effective", text("yes")}});
        }) == "review_date: Review date is required when the effectiveness review is recorded.");
  CHECK(refusal([&] {
          records.update("nonconformity", nc, {{"effective", text("yes")}, {"review_date", text("2026-05-01")}});
        }) == "reviewer: Reviewer is required when the effectiveness review is recorded.");
  CHECK(refusal([&] {
          records.update("nonconformity", nc,
                         {{"effective", text("yes")}, {"review_date", text("2026-02-01")}, {"reviewer", text(cara)}});
        }) == "review_date: Review date cannot be before the day the nonconformity was raised (2026-03-01).");
  CHECK(refusal([&] {
          records.update("nonconformity", nc,
                         {{"effective", text("no")},
                          {"review_date", text("2026-05-01")},
                          {"reviewer", text(cara)},
                          {"status", text("closed")}});
        }) == "effective: A nonconformity cannot be closed before a review found the corrective actions effective.");
  records.update("nonconformity", nc,
                 {{"effective", text("yes")},
                  {"review_date", text("2026-05-01")},
                  {"reviewer", text(cara)},
                  {"status", text("closed")}});
  CHECK(refusal([&] {
          records.update("nonconformity", nc, {{"status", text("open")}});
        }) == "status: Status cannot change from Closed to Open; allowed: Actions planned.");

  // The actions are part of the nonconformity: deleted and restored with it.
  records.remove("nonconformity", nc);
  CHECK(get("corrective_action", owner).deleted);
  records.restore("nonconformity", nc);
  CHECK(!get("corrective_action", owner).deleted);
}

TEST_CASE_FIXTURE(AssuranceFixture, "assurance: a corrective action's lifecycle") {
  const std::string nc = nonconformity("No log review");
  const std::string id = action(nc, "Name a log owner");
  CHECK(field("corrective_action", id, "status") == "planned");
  records.update("corrective_action", id, {{"status", text("cancelled")}});
  CHECK(refusal([&] {
          records.update("corrective_action", id, {{"status", text("in_progress")}});
        }) == "status: Status cannot change from Cancelled to In progress; allowed: Planned.");
  records.update("corrective_action", id, {{"status", text("planned")}});
  records.update("corrective_action", id, {{"status", text("done")}, {"completed_on", text("2026-04-02")}});
  records.update("corrective_action", id, {{"status", text("in_progress")}});  // reopened
}

TEST_CASE_FIXTURE(AssuranceFixture,
                  "assurance: an ineffective review reopens the nonconformity, an effective one closes it") {
  const std::string nc = ready_for_verification("No log review");
  record_effectiveness_review(records, nc, cara, "2026-04-20", false, "The same gap was found again.");
  Record after = get("nonconformity", nc);
  CHECK(to_display(after.get("status")) == "actions_planned");
  CHECK(to_display(after.get("effective")) == "no");
  CHECK(to_display(after.get("reviewer")) == cara);
  CHECK(to_display(after.get("review_date")) == "2026-04-20");
  CHECK(to_display(after.get("review_note")) == "The same gap was found again.");

  // Reopened: new actions, verification again, and this time the review finds them effective.
  action(nc, "Automate the review", {{"status", text("done")}, {"completed_on", text("2026-04-28")}});
  records.update("nonconformity", nc, {{"status", text("verification")}});
  record_effectiveness_review(records, nc, anna, "2026-05-02", true, "No repeat in four weeks.");
  after = get("nonconformity", nc);
  CHECK(to_display(after.get("status")) == "closed");
  CHECK(to_display(after.get("effective")) == "yes");
  CHECK(to_display(after.get("reviewer")) == anna);

  // Both reviews are in the history.
  std::vector<std::string> outcomes;
  for (const HistoryEntry& entry : records.history(nc)) {
    if (entry.field == "effective") outcomes.push_back(entry.new_value.value_or(""));
  }
  CHECK(outcomes == Texts{"no", "yes"});

  // A later look that finds the problem back reopens a closed one.
  record_effectiveness_review(records, nc, cara, "2026-08-01", false, "Back again.");
  CHECK(field("nonconformity", nc, "status") == "actions_planned");
}

TEST_CASE_FIXTURE(AssuranceFixture, "assurance: an effectiveness review needs a nonconformity in verification") {
  const std::string nc = nonconformity("No log review");
  CHECK(refusal([&] { record_effectiveness_review(records, nc, cara, "2026-04-20", true, ""); }) ==
        "status: An effectiveness review is recorded once the corrective actions are done and the nonconformity is "
        "in verification; it is open now.");
  const std::string ready = ready_for_verification("Unread logs");
  CHECK(refusal([&] { record_effectiveness_review(records, ready, "", "2026-04-20", true, ""); }) ==
        "reviewer: Reviewer is required when the effectiveness review is recorded.");
  CHECK(refusal([&] { record_effectiveness_review(records, ready, cara, "2026-02-20", true, ""); }) ==
        "review_date: Review date cannot be before the day the nonconformity was raised (2026-03-01).");
  CHECK(field("nonconformity", ready, "status") == "verification");
  CHECK_THROWS_WITH_AS(record_effectiveness_review(records, "nope", cara, "2026-04-20", true, ""),
                       "No nonconformity with id nope.", StoreError);
}

// ---- Figures on a small hand-made workspace ----

TEST_CASE_FIXTURE(AssuranceFixture, "assurance: open nonconformities by age and severity") {
  constexpr const char* today = "2026-07-01";
  nonconformity("Today", {{"raised_on", text("2026-07-01")}, {"severity", text("major")}});     // 0 days
  nonconformity("29 days", {{"raised_on", text("2026-06-02")}});                                // under 30
  nonconformity("30 days", {{"raised_on", text("2026-06-01")}});                                // 30-90
  nonconformity("89 days", {{"raised_on", text("2026-04-03")}, {"severity", text("major")}});   // 30-90
  nonconformity("90 days", {{"raised_on", text("2026-04-02")}});                                // 90-180
  nonconformity("179 days", {{"raised_on", text("2026-01-03")}});                               // 90-180
  nonconformity("180 days", {{"raised_on", text("2026-01-02")}, {"severity", text("major")}});  // over 180
  nonconformity("Two years", {{"raised_on", text("2024-07-01")}});                              // over 180
  nonconformity("Next week", {{"raised_on", text("2026-07-08")}});  // raised ahead: under 30
  const std::string closed = ready_for_verification("Closed one");
  record_effectiveness_review(records, closed, cara, "2026-05-01", true, "");
  records.remove("nonconformity", nonconformity("Deleted", {{"raised_on", text("2020-01-01")}}));

  const figures::NonconformityAges ages = figures::open_nonconformities_by_age(records, today);
  CHECK(ages.open == 9);
  CHECK(ages.by_age == figures::Counts{{"under_30", 3}, {"30_to_90", 2}, {"90_to_180", 2}, {"over_180", 2}});
  CHECK(ages.by_severity == figures::Counts{{"minor", 6}, {"major", 3}});

  const figures::NonconformityAges none = figures::open_nonconformities_by_age(records, "2000-01-01");
  CHECK(none.by_age.at("under_30") == 9);  // all raised "after" that day
}

TEST_CASE_FIXTURE(AssuranceFixture, "assurance: overdue corrective actions") {
  const std::string nc = nonconformity("No log review");
  action(nc, "Yesterday", {{"due_date", text("2026-06-30")}});
  action(nc, "Today", {{"due_date", text("2026-07-01")}});  // due today: not overdue yet
  action(nc, "Long ago", {{"due_date", text("2026-01-15")}, {"status", text("in_progress")}});
  action(nc, "Done late",
         {{"due_date", text("2026-01-10")}, {"status", text("done")}, {"completed_on", text("2026-02-01")}});
  action(nc, "Dropped", {{"due_date", text("2026-01-10")}, {"status", text("cancelled")}});
  action(nc, "No date");
  const std::string gone = nonconformity("Deleted one");
  action(gone, "Of a deleted one", {{"due_date", text("2026-01-01")}});
  records.remove("nonconformity", gone);

  std::vector<std::string> found;
  for (const figures::Flagged& flagged : figures::overdue_corrective_actions(records, "2026-07-01")) {
    CHECK(flagged.kind == "corrective_action");
    found.push_back(flagged.title + " " + flagged.detail);
  }
  CHECK(found == Texts{"Long ago 2026-01-15", "Yesterday 2026-06-30"});
}

TEST_CASE_FIXTURE(AssuranceFixture, "assurance: audit findings by result, in total and per audit") {
  const std::string q2 = audit("Q2 audit");
  const std::string q4 = audit("Q4 audit");
  const std::string empty = audit("Not started");
  const std::string gone = audit("Deleted audit");
  item(q2, "a", {{"result", text("conform")}});
  item(q2, "b", {{"result", text("conform")}});
  item(q2, "c", {{"result", text("minor_nonconformity")}});
  item(q2, "d");
  item(q4, "e", {{"result", text("major_nonconformity")}});
  item(q4, "f", {{"result", text("observation")}});
  item(q4, "g", {{"result", text("opportunity_for_improvement")}});
  records.remove("audit_item", item(q4, "h", {{"result", text("conform")}}));
  item(gone, "i", {{"result", text("conform")}});
  records.remove("audit", gone);

  CHECK(figures::audit_findings_by_result(records) == figures::Counts{{"not_assessed", 1},
                                                                      {"conform", 2},
                                                                      {"observation", 1},
                                                                      {"opportunity_for_improvement", 1},
                                                                      {"minor_nonconformity", 1},
                                                                      {"major_nonconformity", 1}});
  const std::map<std::string, figures::Counts> by_audit = figures::audit_findings_by_audit(records);
  CHECK(by_audit.size() == 3);
  CHECK(by_audit.at(q2) == figures::Counts{{"not_assessed", 1},
                                           {"conform", 2},
                                           {"observation", 0},
                                           {"opportunity_for_improvement", 0},
                                           {"minor_nonconformity", 1},
                                           {"major_nonconformity", 0}});
  CHECK(by_audit.at(q4).at("major_nonconformity") == 1);
  CHECK(by_audit.at(q4).at("conform") == 0);
  CHECK(by_audit.at(empty) == figures::Counts{{"not_assessed", 0},
                                              {"conform", 0},
                                              {"observation", 0},
                                              {"opportunity_for_improvement", 0},
                                              {"minor_nonconformity", 0},
                                              {"major_nonconformity", 0}});
}

// ---- Scale ----

// The rows are written with plain SQL (the register's rules are tested above; going through them
// for 25,000 records would make this the slowest test by far), in the shape the registers store.
TEST_CASE_FIXTURE(AssuranceFixture, "assurance: the figures count right on 5,000 nonconformities and 10,000 findings") {
  Database& db = records.database();
  Transaction transaction(db);
  const std::string system = "'2026-01-01T00:00:00Z', 'bench', '2026-01-01T00:00:00Z', 'bench', 1, 0";
  db.exec(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) "
      "INSERT INTO rec_audit (id, created_at, created_by, updated_at, updated_by, revision, deleted, title, status) "
      "SELECT 'audit-' || i, " +
      system + ", 'Audit ' || i, 'planned' FROM n");
  db.exec(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) "
      "INSERT INTO rec_audit_item (id, created_at, created_by, updated_at, updated_by, revision, deleted, audit, "
      "question, result) SELECT 'item-' || i, " +
      system +
      ", 'audit-' || (i % 100 + 1), 'Question ' || i, "
      "CASE i % 6 WHEN 0 THEN 'not_assessed' WHEN 1 THEN 'conform' WHEN 2 THEN 'observation' "
      "WHEN 3 THEN 'opportunity_for_improvement' WHEN 4 THEN 'minor_nonconformity' ELSE 'major_nonconformity' END "
      "FROM n");
  db.exec(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
      "INSERT INTO rec_nonconformity (id, created_at, created_by, updated_at, updated_by, revision, deleted, title, "
      "source, description, severity, raised_on, status) SELECT 'nc-' || i, " +
      system +
      ", 'NC ' || i, 'audit', "
      "'Found', CASE i % 3 WHEN 0 THEN 'major' ELSE 'minor' END, date('2026-07-01', -(i % 400) || ' days'), "
      "CASE i % 5 WHEN 0 THEN 'closed' ELSE 'open' END FROM n");
  db.exec(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) "
      "INSERT INTO rec_corrective_action (id, created_at, created_by, updated_at, updated_by, revision, deleted, "
      "nonconformity, title, due_date, status) SELECT 'ca-' || i, " +
      system +
      ", 'nc-' || (i % 5000 + 1), "
      "'Action ' || i, date('2026-07-01', (100 - i % 200) || ' days'), "
      "CASE i % 4 WHEN 0 THEN 'done' WHEN 1 THEN 'in_progress' ELSE 'planned' END FROM n");
  transaction.commit();

  // Their speed is measured by bench/ (scripts/bench.sh): a timed unit test fails on a busy machine.
  const figures::NonconformityAges ages = figures::open_nonconformities_by_age(records, "2026-07-01");
  const std::vector<figures::Flagged> overdue = figures::overdue_corrective_actions(records, "2026-07-01");
  const figures::Counts findings = figures::audit_findings_by_result(records);
  const std::map<std::string, figures::Counts> per_audit = figures::audit_findings_by_audit(records);

  CHECK(ages.open == 4000);
  CHECK(findings.at("conform") == 1667);
  CHECK(per_audit.size() == 100);
  // Open (i % 4 != 0) and due before today (i % 200 > 100): 75 in every 200.
  CHECK(overdue.size() == 3750);
}

TEST_CASE_FIXTURE(AssuranceFixture, "assurance: closing needs a review made after the last action was completed") {
  // An "effective" filled in early, before the work was done, does not close it.
  const std::string nc =
      nonconformity("Shared admin account",
                    {{"effective", text("yes")}, {"review_date", text("2026-03-05")}, {"reviewer", text(anna)}});
  records.update("nonconformity", nc, {{"root_cause", text("No named accounts")}, {"status", text("analysed")}});
  action(nc, "Named admin accounts", {{"status", text("done")}, {"completed_on", text("2026-04-30")}});
  records.update("nonconformity", nc, {{"status", text("actions_planned")}});
  records.update("nonconformity", nc, {{"status", text("verification")}});
  CHECK(refusal([&] {
          records.update("nonconformity", nc, {{"status", text("closed")}});
        }) ==
        "review_date: The effectiveness review must come after the last corrective action was completed "
        "(2026-04-30) to close the nonconformity.");
  record_effectiveness_review(records, nc, cara, "2026-05-10", true, "Checked in May.");
  CHECK(field("nonconformity", nc, "status") == "closed");
}

TEST_CASE_FIXTURE(AssuranceFixture, "assurance: a verified or closed nonconformity's actions stay finished") {
  const std::string nc = ready_for_verification("No log review");
  const std::string done = records.find_by("corrective_action", "nonconformity", Value(nc)).front().id;
  const std::string expected =
      "status: The nonconformity is in verification; reopen it (back to actions planned) before adding or "
      "reopening a corrective action.";
  CHECK(refusal([&] { records.update("corrective_action", done, {{"status", text("in_progress")}}); }) == expected);
  CHECK(refusal([&] { action(nc, "One more thing"); }) == expected);
  records.update("nonconformity", nc, {{"status", text("actions_planned")}});  // reopened: now it may
  CHECK(refusal([&] { action(nc, "One more thing"); }) == "(written)");
}
