// The program (seed sections 2 and 3) and the management review (9.3): the compiled-in catalog
// against the seed's words, seeding, the registers' rules with their messages, the pre-filled
// review inputs and the program's figures, each on a small hand-made workspace with known answers.
#include <doctest/doctest.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/catalogs/program_catalog.hpp"
#include "core/model/links.hpp"
#include "core/model/registry.hpp"
#include "core/program/management_reviews.hpp"
#include "core/program/program_figures.hpp"
#include "core/program/program_seed.hpp"
#include "core/store/migrations.hpp"
#include "core/store/schema.hpp"
#include "core/util/text.hpp"
#include "core/workspace/workspace.hpp"
#include "tests/core/register_test_support.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::test::number;
using isms::test::refusal;
using isms::test::TempDir;
using isms::test::text;
using isms::test::Values;

namespace {

constexpr const char* today = "2026-11-26";

std::string field_text(const Record& record, const char* key) { return to_display(record.get(key)); }

// A database with the register tables and nothing seeded, so counts are exactly what a test makes.
struct BareFixture {
  TempDir dir;
  FixedClock clock{"2026-01-31T09:00:00Z"};
  Database db{dir.file("program.sqlite")};
  Repository records{db, Registry::builtin(), clock, "Anna"};

  BareFixture() {
    migrate(db);
    ensure_tables(db, Registry::builtin());
  }

  std::string milestone(const char* activity, const char* status, std::int64_t progress, Values more = {}) {
    more["activity"] = text(activity);
    more["status"] = text(status);
    more["progress"] = number(progress);
    return records.create("milestone", std::move(more));
  }
  std::string component(const char* ref, const char* status, Values more = {}) {
    more["ref"] = text(ref);
    more["title"] = text(std::string("Component ") + ref);
    more["status"] = text(status);
    return records.create("program_component", std::move(more));
  }
};

// A full workspace, as the app makes it, for the review's pre-filled inputs.
struct WorkspaceFixture {
  TempDir dir;
  FixedClock clock{"2026-01-05T08:00:00Z"};
  std::unique_ptr<Workspace> workspace =
      Workspace::create(dir.str(), "ws-program", {"ISMS 2026", "Client GmbH", "Anna"}, clock, nullptr);
  Repository& records = workspace->records();
  std::string anna = records.create("person", {{"name", text("Anna")}});

  void at(const char* timestamp) { clock.set(timestamp); }

  // A review that has been held: attendees and minutes, as its rules need.
  std::string held_review(const char* date) {
    return records.create("management_review", {{"date", text(date)},
                                                {"title", text(std::string("Review ") + date)},
                                                {"attendees", link_list({anna})},
                                                {"minutes", text("Discussed the inputs.")},
                                                {"status", text("held")}});
  }
  std::string action(const std::string& review, const char* title, const char* due, const char* status) {
    return records.create(
        "review_action",
        {{"review", text(review)}, {"title", text(title)}, {"due_date", text(due)}, {"status", text(status)}});
  }
  std::map<std::string, std::string> summaries(const char* date) {
    std::map<std::string, std::string> found;
    for (const ReviewInputDraft& draft : review_input_drafts(records, date, today))
      found[draft.input_id] = draft.summary;
    return found;
  }
};

std::vector<std::string> flagged_texts(const std::vector<figures::Flagged>& flagged) {
  std::vector<std::string> texts;
  for (const figures::Flagged& item : flagged) texts.push_back(item.title + " " + item.detail);
  return texts;
}

using Texts = std::vector<std::string>;

// Every problem of a refused write as "field: message", joined by " | "; "(written)" if none.
std::string problems(const std::function<void()>& write) {
  try {
    write();
  } catch (const ValidationError& error) {
    std::vector<std::string> found;
    for (const FieldError& problem : error.errors()) found.push_back(problem.field + ": " + problem.message);
    return join(found, " | ");
  }
  return "(written)";
}

}  // namespace

TEST_CASE("program: the compiled-in program has the seed's 11 components and six months, word for word") {
  const auto& groups = catalogs::program_groups();
  REQUIRE(groups.size() == 6);
  CHECK(groups[0].title == "ISMS Objectives and Requirements Development");
  CHECK(groups[1].title == "Implementation of ISMS Policies and Controls");
  CHECK(groups[2].title == "Training and Awareness");
  CHECK(groups[3].title == "Monitoring and Measurement");
  CHECK(groups[4].title == "Management Reviews");
  CHECK(groups[5].title == "Continuous Improvement");

  const auto& components = catalogs::program_components();
  REQUIRE(components.size() == 11);
  std::vector<std::string> refs;
  for (const auto& component : components) refs.push_back(component.ref + " " + component.title);
  CHECK(refs == Texts{"A1 Objective Setting", "A2 Requirement Identification", "B1 Policy Development and Approval",
                      "B2 Control Implementation", "C1 Training Programs", "C2 Awareness Campaigns",
                      "D1 Performance Monitoring", "D2 Internal Audits", "E1 Regular Reviews", "F1 Corrective Actions",
                      "F2 Improvement Initiatives"});
  CHECK(components[0].group == "a");
  CHECK(components[0].actions ==
        Texts{"Align ISMS objectives with the organization's overall business goals.",
              "Use SMART criteria (Specific, Measurable, Achievable, Relevant, Time-bound) to define objectives."});
  CHECK(components[0].tools == Texts{"Objective-setting workshops.", "ISMS objective documentation."});
  CHECK(components[3].actions[1] == "Ensure controls are aligned with ISO/IEC 27001: 2022 Annex A controls.");
  CHECK(components[8].group == "e");
  CHECK(components[8].tools == Texts{"Management review meeting agendas.", "Minutes of meetings."});
  CHECK(components[10].actions == Texts{"Initiate projects to improve ISMS processes and controls.",
                                        "Regularly review and update ISMS policies and procedures."});
  CHECK(components[10].tools == Texts{"Improvement project plans.", "Policy review schedules."});

  // One milestone per activity; joined back per month, they give the seed's lines exactly.
  const std::vector<std::string> seed_lines = {
      "Objective setting workshop, requirement identification",
      "Policy development, control implementation planning",
      "Initial training sessions, awareness campaign launch",
      "Performance monitoring setup, internal audit planning",
      "Conduct first internal audit, management review meeting",
      "Implement corrective actions, continuous improvement projects",
  };
  const auto& milestones = catalogs::program_milestones();
  REQUIRE(milestones.size() == 12);
  std::vector<std::string> lines(6);
  for (const auto& milestone : milestones) {
    REQUIRE(milestone.month >= 1);
    REQUIRE(milestone.month <= 6);
    std::string& line = lines[static_cast<std::size_t>(milestone.month - 1)];
    std::string activity = milestone.activity;
    if (!line.empty()) {
      activity[0] = static_cast<char>(activity[0] - 'A' + 'a');
      line += ", ";
    }
    line += activity;
  }
  CHECK(lines == seed_lines);
  CHECK(milestones[9].activity == "Management review meeting");
  CHECK(milestones[9].owner_role == "senior-management");

  const auto& inputs = catalogs::management_review_inputs();
  std::vector<std::string> ids;
  for (const auto& input : inputs) ids.push_back(input.id);
  CHECK(ids == Texts{"a", "b", "c", "d1", "d2", "d3", "d4", "e", "f", "g"});
  CHECK(inputs[0].topic == "Status of actions from previous management reviews");
  CHECK(inputs[9].topic == "Opportunities for continual improvement");
}

TEST_CASE_FIXTURE(BareFixture, "program: seeding adds the components and milestones once, planned from the creation") {
  records.create_with_id("workspace", "ws-1",
                         {{"name", text("ISMS")}, {"client", text("Client")}, {"consultant", text("Anna")}});
  // Only two of the six roles: a role the workspace lacks is left out, not invented.
  records.create_with_id("role", "role-isms-manager", {{"name", text("ISMS Manager")}});
  records.create_with_id("role", "role-senior-management", {{"name", text("Senior Management")}});
  clock.set("2026-03-01T10:00:00Z");  // seeding later than the creation: the plan starts at the creation

  CHECK(seed_program(records) == 23);
  CHECK(records.count("program_component") == 11);
  CHECK(records.count("milestone") == 12);
  CHECK(seed_program(records) == 0);
  CHECK(records.count("program_component") == 11);

  const Record a1 = *records.get("program_component", "component-a1");
  CHECK(field_text(a1, "ref") == "A1");
  CHECK(field_text(a1, "title") == "Objective Setting");
  CHECK(field_text(a1, "group") == "a");
  CHECK(field_text(a1, "status") == "not_started");
  CHECK(field_text(a1, "owner_role") == "role-isms-manager");
  CHECK(field_text(a1, "actions") ==
        "Align ISMS objectives with the organization's overall business goals.\n"
        "Use SMART criteria (Specific, Measurable, Achievable, Relevant, Time-bound) to define objectives.");
  CHECK(field_text(a1, "tools") == "Objective-setting workshops.\nISMS objective documentation.");
  CHECK(Registry::builtin().get("program_component").field("group")->option_label("a") ==
        "A. ISMS Objectives and Requirements Development");
  CHECK(field_text(*records.get("program_component", "component-b1"), "owner_role").empty());  // no such role here

  // Month m runs from the creation day plus m-1 months to the day before plus m months.
  const Record first = *records.get("milestone", "milestone-1a");
  CHECK(field_text(first, "activity") == "Objective setting workshop");
  CHECK(field_text(first, "month") == "1");
  CHECK(field_text(first, "planned_start") == "2026-01-31");
  CHECK(field_text(first, "planned_end") == "2026-02-27");
  CHECK(field_text(first, "owner_role") == "role-isms-manager");
  CHECK(field_text(first, "status") == "not_started");
  CHECK(field_text(first, "progress") == "0");
  const Record second = *records.get("milestone", "milestone-2a");
  CHECK(field_text(second, "activity") == "Policy development");
  CHECK(field_text(second, "planned_start") == "2026-02-28");
  CHECK(field_text(second, "planned_end") == "2026-03-30");
  const Record review = *records.get("milestone", "milestone-5b");
  CHECK(field_text(review, "activity") == "Management review meeting");
  CHECK(field_text(review, "planned_start") == "2026-05-31");
  CHECK(field_text(review, "planned_end") == "2026-06-29");
  CHECK(field_text(review, "owner_role") == "role-senior-management");
  const Record last = *records.get("milestone", "milestone-6b");
  CHECK(field_text(last, "activity") == "Continuous improvement projects");
  CHECK(field_text(last, "planned_start") == "2026-06-30");
  CHECK(field_text(last, "planned_end") == "2026-07-30");
}

TEST_CASE_FIXTURE(BareFixture, "program: seeding never revives a deleted record nor overwrites an edited one") {
  CHECK(seed_program(records) == 23);
  // No workspace record (a bare database): no day to plan from, so no planned dates.
  CHECK(is_null(records.get("milestone", "milestone-1a")->get("planned_start")));
  records.remove("program_component", "component-c2");
  records.update("milestone", "milestone-1a", {{"activity", text("Objectives workshop with the board")}});
  CHECK(seed_program(records) == 0);
  CHECK(records.get("program_component", "component-c2")->deleted);
  CHECK(records.count("program_component") == 10);
  CHECK(field_text(*records.get("milestone", "milestone-1a"), "activity") == "Objectives workshop with the board");
}

TEST_CASE("program: a workspace with the program seeded has every component and milestone with its role") {
  TempDir dir;
  FixedClock clock("2026-05-01T08:00:00Z");
  auto workspace = Workspace::create(dir.str(), "ws-seeded", {"ISMS", "Client", "Anna"}, clock, nullptr);
  Repository& records = workspace->records();
  seed_program(records);  // the lead calls it from seed_catalogs; here it adds what that did not
  CHECK(records.count("program_component") == 11);
  CHECK(records.count("milestone") == 12);
  CHECK(field_text(*records.get("program_component", "component-c1"), "owner_role") ==
        "role-hr-and-training-department");
  CHECK(field_text(*records.get("program_component", "component-d2"), "owner_role") == "role-internal-audit-team");
  const Record audit = *records.get("milestone", "milestone-5a");
  CHECK(field_text(audit, "activity") == "Conduct first internal audit");
  CHECK(field_text(audit, "planned_start") == "2026-09-01");
  CHECK(field_text(audit, "planned_end") == "2026-09-30");
  CHECK(field_text(audit, "owner_role") == "role-internal-audit-team");
  CHECK(seed_program(records) == 0);
}

TEST_CASE_FIXTURE(BareFixture, "program: a milestone's dates, progress, lifecycle and evidence") {
  CHECK(refusal([&] {
          milestone("Policy development", "not_started", 0,
                    {{"planned_start", text("2026-03-01")}, {"planned_end", text("2026-02-28")}});
        }).message == "Planned end cannot be before the planned start.");
  CHECK(refusal([&] { milestone("Policy development", "done", 90); }).message ==
        "Progress must be 100% for a done milestone.");
  CHECK(refusal([&] { milestone("Policy development", "in_progress", 101); }).message ==
        "Progress (%) must be between 0 and 100.");
  CHECK(refusal([&] {
          milestone("Policy development", "not_started", 0, {{"month", number(25)}});
        }).message == "Month must be between 1 and 24.");

  const std::string id = milestone("Policy development", "in_progress", 40);
  CHECK(refusal([&] { records.update("milestone", id, {{"status", text("done")}}); }).field == "progress");
  records.update("milestone", id, {{"status", text("done")}, {"progress", number(100)}});
  CHECK(refusal([&] {
          records.update("milestone", id, {{"status", text("not_started")}, {"progress", number(0)}});
        }).message == "Status cannot change from Done to Not started; allowed: In progress.");
  records.update("milestone", id, {{"status", text("in_progress")}, {"progress", number(80)}});

  // Evidence may be records of any register: here a policy and an objective.
  const std::string policy =
      records.create("policy", {{"title", text("Information security policy")}, {"type", text("policy")}});
  const std::string objective = records.create("objective", {{"title", text("Fewer phishing clicks")}});
  records.update("milestone", id, {{"evidence", link_list({policy, objective})}});
  CHECK(
      linked_ids(*Registry::builtin().get("milestone").field("evidence"), records.get("milestone", id)->get("evidence"))
          .size() == 2);
  CHECK(refusal([&] {
          records.update("milestone", id, {{"evidence", link_list({policy, "no-such-record"})}});
        }).message == "Evidence points to no existing record (id no-such-record).");
  CHECK(records.linked_from(objective).size() == 1);
}

TEST_CASE_FIXTURE(BareFixture, "program: a component's lifecycle, its effectiveness note and its unique reference") {
  const std::string id = component("A1", "not_started");
  // With the note an effective component needs, only the lifecycle refuses.
  CHECK(refusal([&] {
          records.update("program_component", id, {{"status", text("effective")}, {"note", text("It works.")}});
        }).message == "Status cannot change from Not started to Effective; allowed: In place.");
  records.update("program_component", id, {{"status", text("in_place")}});
  CHECK(refusal([&] {
          records.update("program_component", id, {{"status", text("effective")}});
        }).message == "Note is required to mark the component effective; say what shows that it works.");
  records.update("program_component", id,
                 {{"status", text("effective")}, {"note", text("Objectives reviewed quarterly; 4 of 5 met.")}});
  CHECK(refusal([&] {
          records.update("program_component", id, {{"status", text("not_started")}});
        }).message == "Status cannot change from Effective to Not started; allowed: In place.");
  CHECK(refusal([&] { component("A1", "not_started"); }).message ==
        "Reference A1 is already used by the component 'Component A1'.");
  CHECK(refusal([&] { component("A2", "not_started", {{"group", text("g")}}); }).field == "group");
}

TEST_CASE_FIXTURE(WorkspaceFixture, "program: a management review's lifecycle, attendees, minutes and approval") {
  const std::string id =
      records.create("management_review", {{"date", text("2026-05-04")}, {"title", text("Review 2026")}});
  CHECK(field_text(*records.get("management_review", id), "status") == "planned");
  CHECK(problems([&] {
          records.update("management_review", id, {{"status", text("held")}});
        }) ==
        "attendees: Attendees are required once the review has been held. | "
        "minutes: Minutes are required once the review has been held.");
  const Values meeting = {{"attendees", link_list({anna})}, {"minutes", text("All inputs discussed.")}};
  Values approval = meeting;
  approval["status"] = text("approved");
  approval["approved_by"] = text(anna);
  approval["approved_on"] = text("2026-05-10");
  // Nothing skips the meeting, even with everything an approval needs.
  CHECK(problems([&] { records.update("management_review", id, approval); }) ==
        "status: Status cannot change from Planned to Approved; allowed: Held.");

  Values held = meeting;
  held["status"] = text("held");
  records.update("management_review", id, held);
  CHECK(problems([&] {
          records.update("management_review", id, {{"status", text("approved")}});
        }) ==
        "approved_by: Approved by is required to approve the review. | "
        "approved_on: Approved on is required to approve the review.");
  CHECK(problems([&] {
          records.update(
              "management_review", id,
              {{"status", text("approved")}, {"approved_by", text(anna)}, {"approved_on", text("2026-05-03")}});
        }) == "approved_on: Approved on cannot be before the review's date (2026-05-04).");
  records.update("management_review", id, approval);

  // Reopened to correct its record: back to held, never straight to planned.
  CHECK(problems([&] {
          records.update("management_review", id, {{"status", text("planned")}});
        }) == "status: Status cannot change from Approved to Planned; allowed: Held.");
  records.update("management_review", id, {{"status", text("held")}});
  CHECK(problems([&] {
          records.update("management_review", id, {{"minutes", Value{}}});
        }) == "minutes: Minutes are required once the review has been held.");
  records.update("management_review", id, {{"status", text("planned")}});  // marked held by mistake
}

TEST_CASE_FIXTURE(WorkspaceFixture, "program: review inputs and actions belong to their review") {
  const std::string review = held_review("2026-05-04");
  CHECK(refusal([&] {
          records.create("review_input", {{"review", text(review)}, {"input_id", text("h")}, {"topic", text("Other")}});
        }).message ==
        "Input must be one of the inputs of 9.3.2 (a, b, c, d1, d2, d3, d4, e, f, g), or empty for "
        "another topic.");
  records.create("review_input", {{"review", text(review)}, {"input_id", text("d2")}, {"topic", text("KPIs")}});
  CHECK(
      refusal([&] {
        records.create("review_input", {{"review", text(review)}, {"input_id", text("d2")}, {"topic", text("Again")}});
      }).message == "The review already has an entry for input d2; edit that one.");
  // Another topic, beyond 9.3.2, has no input id; any number of those may be added.
  records.create("review_input", {{"review", text(review)}, {"topic", text("Budget 2027")}});
  records.create("review_input", {{"review", text(review)}, {"topic", text("New office")}});

  CHECK(refusal([&] { action(review, "Hire a second auditor", "2026-05-01", "open"); }).message ==
        "Due date cannot be before the review's date (2026-05-04).");
  const std::string hire = action(review, "Hire a second auditor", "2026-09-30", "open");
  records.update("review_action", hire, {{"status", text("done")}});
  CHECK(refusal([&] {
          records.update("review_action", hire, {{"status", text("open")}});
        }).message == "Status cannot change from Done to Open; allowed: In progress.");

  // Inputs and actions are part of the review: deleted and restored with it.
  records.remove("management_review", review);
  CHECK(records.count("review_input") == 0);
  CHECK(records.count("review_action") == 0);
  records.restore("management_review", review);
  CHECK(records.count("review_input") == 3);
  CHECK(records.count("review_action") == 1);
}

TEST_CASE_FIXTURE(WorkspaceFixture, "program: the first review is created with all ten inputs, pre-filled") {
  const std::string id = create_management_review(
      records, {{"date", text("2026-11-26")}, {"agenda", text("The inputs of 9.3.2.")}}, today);
  const Record review = *records.get("management_review", id);
  CHECK(field_text(review, "title") == "Management review 2026-11-26");
  CHECK(field_text(review, "status") == "planned");

  const std::vector<Record> inputs = records.query(
      "review_input", RecordQuery().where_is("review", Condition::Op::Equal, {text(id)}).sort_by("input_id"));
  REQUIRE(inputs.size() == 10);
  std::map<std::string, std::string> summary;
  for (const Record& input : inputs) summary[field_text(input, "input_id")] = field_text(input, "summary");
  CHECK(field_text(inputs[0], "topic") == "Status of actions from previous management reviews");
  CHECK(summary["a"] == "This is the first management review: there are no earlier actions to follow up.");
  CHECK(summary["b"] == "No earlier review to compare with, and no context issues are recorded yet.");
  CHECK(summary["c"] == "No earlier review to compare with, and no interested parties are recorded yet.");
  CHECK(summary["d1"] == "No nonconformities recorded.");
  CHECK(summary["d2"] == "No KPIs are defined yet.");
  CHECK(summary["d3"] == "No audits recorded.");
  CHECK(summary["d4"] == "No objectives are defined yet.");
  CHECK(summary["e"] == "No feedback recorded.");
  CHECK(summary["f"] == "No risks recorded.");
  CHECK(summary["g"] == "No improvement initiatives recorded.");

  // The summaries are ordinary text: the person edits them.
  records.update("review_input", inputs[4].id, {{"summary", text("KPIs to be presented by Anna.")}});
  CHECK(field_text(*records.get("review_input", inputs[4].id), "summary") == "KPIs to be presented by Anna.");
}

TEST_CASE_FIXTURE(WorkspaceFixture, "program: a review refused by its rules leaves nothing behind") {
  const std::size_t inputs_before = records.count("review_input");
  CHECK(refusal([&] {
          create_management_review(records, {{"title", text("No date")}}, today);
        }).message == "Date is required.");
  CHECK(problems([&] {
          create_management_review(records, {{"date", text("2026-11-26")}, {"status", text("held")}}, today);
        }) ==
        "attendees: Attendees are required once the review has been held. | "
        "minutes: Minutes are required once the review has been held.");
  CHECK(records.count("management_review") == 0);
  CHECK(records.count("review_input") == inputs_before);
}

TEST_CASE_FIXTURE(WorkspaceFixture, "program: the pre-filled inputs count the register since the previous review") {
  // Earlier reviews: two held (January, May) and one planned in September that never took place,
  // so the previous review is May's. A review after the new one does not count.
  at("2026-01-10T10:00:00Z");
  const std::string january = held_review("2026-01-10");
  action(january, "Write the access policy", "2026-03-01", "done");
  at("2026-02-01T10:00:00Z");
  records.create("context_issue", {{"title", text("Office move")}, {"type", text("internal")}});
  records.create("context_issue", {{"title", text("Energy prices")}, {"type", text("external")}});
  records.create("context_issue", {{"title", text("Old supplier contract")}, {"type", text("external")}});
  records.create("interested_party",
                 {{"name", text("Regulator")}, {"type", text("external")}, {"needs", text("Timely breach reports.")}});
  at("2026-05-04T15:00:00Z");
  const std::string may = held_review("2026-05-04");
  action(may, "Fix the backup job", "2026-06-01", "open");          // overdue
  action(may, "Train the new staff", "2026-12-31", "in_progress");  // not yet due
  action(may, "Renew the certificate", "2026-07-01", "done");
  action(may, "Buy a SIEM", "2026-08-01", "cancelled");
  records.create("management_review", {{"date", text("2026-09-01")}, {"title", text("Planned review")}});
  const std::string later =
      records.create("management_review", {{"date", text("2027-01-15")}, {"title", text("Next")}});
  action(later, "Not counted", "2027-02-01", "open");

  // Since May: one issue added, one changed, one removed; the office move and the party untouched.
  at("2026-06-10T09:00:00Z");
  records.create("context_issue", {{"title", text("New EU regulation")}, {"type", text("external")}});
  const std::vector<Record> energy =
      records.query("context_issue", RecordQuery().where_is("title", Condition::Op::Equal, {text("Energy prices")}));
  records.update("context_issue", energy.at(0).id, {{"description", text("Doubled since spring.")}});
  const std::vector<Record> old_contract = records.query(
      "context_issue", RecordQuery().where_is("title", Condition::Op::Equal, {text("Old supplier contract")}));
  records.remove("context_issue", old_contract.at(0).id);

  // Two KPIs: one on target, one never measured.
  const std::string kpi = records.create("kpi", {{"name", text("Patch rate")}, {"target", 95.0}});
  records.create("measurement", {{"kpi", text(kpi)}, {"date", text("2026-11-01")}, {"value", 97.0}});
  records.create("kpi", {{"name", text("Phishing clicks")}, {"target", 5.0}});

  // Three objectives: two drafts, one active.
  records.create("objective", {{"title", text("Fewer phishing clicks")}});
  records.create("objective", {{"title", text("Faster patching")}});
  records.create("objective", {{"title", text("All laptops encrypted")},
                               {"status", text("active")},
                               {"target_value", 100.0},
                               {"achievable", text("The tooling is licensed")},
                               {"business_goal", text("Protect customer data")},
                               {"due_date", text("2027-06-30")},
                               {"owner", text(anna)}});

  // Risks: high treated down to low, one critical, one low; a treatment action overdue.
  const std::string ransomware = records.create("risk", {{"title", text("Ransomware")},
                                                         {"inherent_likelihood", number(4)},
                                                         {"inherent_impact", number(4)},
                                                         {"residual_likelihood", number(2)},
                                                         {"residual_impact", number(2)}});
  records.create(
      "risk",
      {{"title", text("Data centre fire")}, {"inherent_likelihood", number(5)}, {"inherent_impact", number(5)}});
  records.create(
      "risk", {{"title", text("Typo in a wiki")}, {"inherent_likelihood", number(1)}, {"inherent_impact", number(2)}});
  records.create("treatment_action", {{"title", text("Offline backups")},
                                      {"risk", text(ransomware)},
                                      {"due_date", text("2026-10-01")},
                                      {"status", text("planned")}});

  const std::map<std::string, std::string> summary = summaries(today);
  CHECK(summary.at("a") == "5 actions from earlier reviews: 1 open, 1 in progress, 2 done, 1 cancelled. 1 is overdue.");
  CHECK(summary.at("b") ==
        "2 context issues added or changed since the previous review (2026-05-04): Energy prices, New EU regulation. "
        "1 removed: Old supplier contract.");
  CHECK(summary.at("c") == "No interested parties added or changed since the previous review (2026-05-04).");
  CHECK(summary.at("d2") == "2 KPIs: 1 on target, 1 without data.");
  CHECK(summary.at("d4") == "3 objectives: 2 draft, 1 active.");
  CHECK(summary.at("f") ==
        "3 risks by level before treatment: 1 critical, 1 high, 1 low. After treatment: 1 low. 2 are not reassessed "
        "yet. 1 open risk is above the risk appetite. 1 treatment action is overdue.");

  // Before any earlier review took place, the same register reads as everything recorded.
  const std::map<std::string, std::string> first = summaries("2026-01-10");
  CHECK(first.at("a") == "This is the first management review: there are no earlier actions to follow up.");
  CHECK(first.at("b") ==
        "No earlier review to compare with. 3 context issues are recorded: Energy prices, New EU regulation, Office "
        "move.");
  CHECK(first.at("c") == "No earlier review to compare with. 1 interested party is recorded: Regulator.");
}

TEST_CASE_FIXTURE(WorkspaceFixture,
                  "program: the pre-filled inputs read nonconformities, audits, feedback, improvements") {
  at("2026-05-04T15:00:00Z");
  held_review("2026-05-04");

  // Nonconformities: two open (one major, raised before the previous review), one closed.
  const auto nonconformity = [&](const char* title, const char* severity, const char* raised_on) {
    return records.create("nonconformity", {{"title", text(title)},
                                            {"source", text("audit")},
                                            {"description", text("Found in the audit.")},
                                            {"severity", text(severity)},
                                            {"raised_on", text(raised_on)}});
  };
  const std::string backups = nonconformity("Backups untested", "major", "2026-03-01");
  nonconformity("Visitor log incomplete", "minor", "2026-06-01");
  const std::string closed = nonconformity("Old accounts", "minor", "2026-06-15");
  records.create("corrective_action", {{"nonconformity", text(closed)},
                                       {"title", text("Remove them")},
                                       {"status", text("done")},
                                       {"completed_on", text("2026-07-01")}});
  records.update("nonconformity", closed, {{"root_cause", text("No leaver process.")}, {"status", text("analysed")}});
  records.update("nonconformity", closed, {{"status", text("actions_planned")}});
  records.update("nonconformity", closed, {{"status", text("verification")}});
  records.update("nonconformity", closed,
                 {{"status", text("closed")},
                  {"effective", text("yes")},
                  {"review_date", text("2026-08-01")},
                  {"reviewer", text(anna)}});
  records.create("corrective_action", {{"nonconformity", text(backups)},
                                       {"title", text("Test a restore")},
                                       {"due_date", text("2026-10-01")},
                                       {"status", text("planned")}});  // overdue
  records.create("corrective_action", {{"nonconformity", text(backups)},
                                       {"title", text("Document restores")},
                                       {"due_date", text("2026-12-01")},
                                       {"status", text("in_progress")}});  // not yet due

  // Audits: one before the previous review (not counted), one after with four findings.
  const std::string spring = records.create(
      "audit",
      {{"title", text("Spring audit")}, {"planned_start", text("2026-02-01")}, {"planned_end", text("2026-02-02")}});
  records.create("audit_item", {{"audit", text(spring)}, {"question", text("Old?")}, {"result", text("conform")}});
  const std::string summer = records.create(
      "audit",
      {{"title", text("Summer audit")}, {"planned_start", text("2026-06-20")}, {"planned_end", text("2026-06-21")}});
  for (const char* result : {"conform", "conform", "observation", "minor_nonconformity", "not_assessed"}) {
    records.create("audit_item", {{"audit", text(summer)}, {"question", text("Is it met?")}, {"result", text(result)}});
  }
  records.create("audit", {{"title", text("Autumn audit")}, {"planned_start", text("2026-10-01")}});  // no items yet

  // Feedback: one before the previous review, three after (two rated).
  const auto feedback = [&](const char* source, const char* date, Value rating) {
    records.create(
        "feedback",
        {{"source", text(source)}, {"date", text(date)}, {"summary", text("Said something.")}, {"rating", rating}});
  };
  feedback("employee_survey", "2026-04-01", number(1));
  feedback("employee_survey", "2026-07-01", number(4));
  feedback("employee_survey", "2026-08-01", number(3));
  feedback("auditor", "2026-09-01", Value{});

  // Improvements: one proposed, one in progress, one done.
  records.create("improvement", {{"title", text("Password manager")}, {"source", text("idea")}});
  records.create("improvement", {{"title", text("SIEM")},
                                 {"source", text("audit")},
                                 {"status", text("approved")},
                                 {"owner", text(anna)},
                                 {"due_date", text("2027-03-01")}});
  const std::vector<Record> siem =
      records.query("improvement", RecordQuery().where_is("title", Condition::Op::Equal, {text("SIEM")}));
  records.update("improvement", siem.at(0).id, {{"status", text("in_progress")}});
  const std::string done = records.create("improvement", {{"title", text("MFA")},
                                                          {"source", text("review")},
                                                          {"status", text("approved")},
                                                          {"owner", text(anna)},
                                                          {"due_date", text("2026-09-01")}});
  records.update("improvement", done, {{"status", text("in_progress")}});
  records.update("improvement", done, {{"status", text("done")}});

  const std::map<std::string, std::string> summary = summaries(today);
  CHECK(summary.at("d1") ==
        "3 nonconformities: 2 open (1 major), 1 closed. 2 raised since the previous review (2026-05-04). 1 corrective "
        "action is overdue.");
  CHECK(summary.at("d3") ==
        "2 audits since the previous review (2026-05-04), with 5 checklist items: 2 conform, 1 observation, 1 minor "
        "nonconformity, 1 not assessed.");
  CHECK(summary.at("e") ==
        "3 feedback entries since the previous review (2026-05-04), by source: employee survey 2, auditor 1. Average "
        "rating 3.5 of 5 from 2 ratings.");
  CHECK(summary.at("g") == "2 open improvement initiatives: 1 proposed, 1 in progress.");

  // With no earlier review, all of it counts.
  const std::map<std::string, std::string> first = summaries("2026-01-01");
  CHECK(first.at("d1") == "3 nonconformities: 2 open (1 major), 1 closed. 1 corrective action is overdue.");
  CHECK(first.at("d3") ==
        "3 audits recorded, with 6 checklist items: 3 conform, 1 observation, 1 minor nonconformity, 1 not assessed.");
  CHECK(
      first.at("e") ==
      "4 feedback entries recorded, by source: employee survey 3, auditor 1. Average rating 2.7 of 5 from 3 ratings.");
}

TEST_CASE_FIXTURE(WorkspaceFixture, "program: a register missing from the file reads as having no records") {
  // A workspace from a build without these registers, or with them still empty.
  workspace->database().exec(
      "DROP TABLE rec_nonconformity; DROP TABLE rec_corrective_action; DROP TABLE rec_audit_item; "
      "DROP TABLE rec_feedback; DROP TABLE rec_improvement;");
  const std::map<std::string, std::string> summary = summaries(today);
  CHECK(summary.at("d1") == "No nonconformities recorded.");
  CHECK(summary.at("d3") == "No audits recorded.");
  CHECK(summary.at("e") == "No feedback recorded.");
  CHECK(summary.at("g") == "No improvement initiatives recorded.");
}

TEST_CASE_FIXTURE(BareFixture, "program: progress of the timeline and the components, with known answers") {
  const figures::ProgramProgress empty = figures::program_progress(records);
  CHECK(empty.milestones == 0);
  CHECK(empty.mean_progress == 0.0);
  CHECK(empty.components == 0);

  milestone("Objective setting workshop", "done", 100);
  milestone("Policy development", "in_progress", 50);
  milestone("Initial training sessions", "not_started", 0);
  milestone("Performance monitoring setup", "in_progress", 30);
  records.remove("milestone", milestone("Dropped", "in_progress", 80));
  component("A1", "effective", {{"note", text("All objectives measured.")}});
  component("A2", "in_place");
  component("B1", "not_started");
  records.remove("program_component", component("B2", "in_place"));

  const figures::ProgramProgress progress = figures::program_progress(records);
  CHECK(progress.milestones == 4);
  CHECK(progress.milestones_done == 1);
  CHECK(progress.mean_progress == doctest::Approx(45.0));  // (100 + 50 + 0 + 30) / 4
  CHECK(progress.components == 3);
  CHECK(progress.components_in_place == 2);  // in place or effective
  CHECK(progress.components_effective == 1);
}

TEST_CASE_FIXTURE(BareFixture, "program: late milestones are those past their planned end and not done") {
  milestone("A day late", "in_progress", 20, {{"planned_end", text("2026-11-25")}});
  milestone("Due today", "not_started", 0, {{"planned_end", text("2026-11-26")}});
  milestone("Done long ago", "done", 100, {{"planned_end", text("2026-01-31")}});
  milestone("Without an end", "not_started", 0);
  const std::string months =
      milestone("Months late", "not_started", 0, {{"month", number(2)}, {"planned_end", text("2026-03-30")}});
  records.remove("milestone", milestone("Deleted", "not_started", 0, {{"planned_end", text("2026-02-01")}}));

  CHECK(flagged_texts(figures::late_milestones(records, today)) ==
        Texts{"Months late 2026-03-30", "A day late 2026-11-25"});
  CHECK(figures::is_late(*records.get("milestone", months), today));
  CHECK_FALSE(figures::is_late(*records.get("milestone", months), "2026-03-30"));
  records.update("milestone", months, {{"status", text("done")}, {"progress", number(100)}});
  CHECK_FALSE(figures::is_late(*records.get("milestone", months), today));
  CHECK(flagged_texts(figures::late_milestones(records, today)) == Texts{"A day late 2026-11-25"});
}
