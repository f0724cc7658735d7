// People, roles, processes and the RACI matrix, and the context of the organisation (4.1-4.3),
// in a real workspace so the seeded roles and processes are there.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "core/catalogs/builtin_catalogs.hpp"
#include "core/catalogs/seed.hpp"
#include "core/figures/figures.hpp"
#include "core/model/links.hpp"
#include "core/risk/risk_register.hpp"
#include "core/util/text.hpp"
#include "core/workspace/workspace.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::test::TempDir;

namespace {

using Values = std::map<std::string, Value>;

Value text(std::string s) { return Value(std::move(s)); }

struct Fixture {
  TempDir dir;
  FixedClock clock{"2026-11-26T09:00:00Z"};
  std::unique_ptr<Workspace> workspace =
      Workspace::create(dir.str(), "ws-1", {"ISMS 2027", "Client GmbH", "Anna"}, clock, nullptr);
  Repository& records = workspace->records();

  const std::string manager = catalogs::role_id("isms-manager");
  const std::string officer = catalogs::role_id("information-security-officer");
  const std::string policy_process = catalogs::process_id("security-policy-management");
  const std::string audit_process = catalogs::process_id("internal-audit");

  std::string cell(const std::string& process, const std::string& role, const char* assignment) {
    return records.create("raci", {{"process", text(process)}, {"role", text(role)}, {"assignment", text(assignment)}});
  }
  std::string refusal(const std::string& kind, Values values) {
    try {
      records.create(kind, std::move(values));
    } catch (const ValidationError& error) {
      return error.what();
    }
    return "(created)";
  }
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "roles: the six roles of the program are seeded with their responsibilities") {
  REQUIRE(records.count("role") == 6);
  std::set<std::string> names;
  for (const Record& role : records.list("role")) names.insert(to_display(role.get("name")));
  CHECK(names == std::set<std::string>{"ISMS Manager", "Information Security Officer", "HR and Training Department",
                                       "Internal Audit Team", "Senior Management", "Employees"});
  CHECK(records.get("role", manager)->get("responsibilities") ==
        text("Oversee the ISMS program, ensure alignment with objectives"));
  CHECK(records.get("role", catalogs::role_id("senior-management"))->get("responsibilities") ==
        text("Conduct management reviews, approve objectives and policies"));
}

TEST_CASE_FIXTURE(Fixture, "processes: the 18 processes are seeded in their categories, policy management linked") {
  REQUIRE(records.count("process") == 18);
  std::map<std::string, int> by_category;
  for (const Record& process : records.list("process")) ++by_category[to_display(process.get("category"))];
  CHECK(by_category == std::map<std::string, int>{{"governance", 2}, {"core", 12}, {"support", 4}});

  const Record policy = *records.get("process", policy_process);
  CHECK(policy.get("name") == text("Security policy management process"));
  const std::vector<std::string> inputs =
      linked_ids(*records.registry().get("process").field("inputs"), policy.get("inputs"));
  CHECK(inputs.size() == 17);
  CHECK(std::find(inputs.begin(), inputs.end(), policy_process) == inputs.end());
  CHECK(to_display(policy.get("inputs_note")).find("change requests") != std::string::npos);
  CHECK(to_display(policy.get("registers")) == "policy");
  CHECK(split(to_display(policy.get("activities")), '\n').size() == 7);
  // Every other process is an input of policy management, so it shows the link back.
  CHECK(records.linked_from(audit_process).size() == 1);
}

TEST_CASE_FIXTURE(Fixture, "seeding: roles, processes, the risk method and the scope are seeded once") {
  CHECK(records.get("risk_method", risk_method_id).has_value());
  CHECK(method_from_values(records.get("risk_method", risk_method_id)->fields) == RiskMethod::standard());
  CHECK(records.get("scope", catalogs::scope_id).has_value());
  CHECK(catalogs::seed_catalogs(workspace->database(), records) == 0);

  // A seeded process the consultant deleted stays deleted, and is left out of the links of
  // processes seeded later (here: policy management, deleted and purged to be seeded again).
  records.remove("process", audit_process, OnLinks::Unlink);
  CHECK(catalogs::seed_catalogs(workspace->database(), records) == 0);
  CHECK(records.get("process", audit_process)->deleted);
  CHECK(records.count("process") == 17);
}

TEST_CASE_FIXTURE(Fixture, "people: a person has a role by link, an e-mail address and a status") {
  const std::string anna =
      records.create("person", {{"name", text("Anna Dvořák")}, {"role", text(manager)}, {"email", text("anna@x.eu")}});
  CHECK(records.get("person", anna)->get("status") == text("active"));
  CHECK(refusal("person", {{"name", text("Bob")}, {"email", text("bob at x")}}) ==
        "E-mail must be an e-mail address like name@example.org.");
  CHECK(refusal("person", {{"name", text("Bob")}, {"role", text("role-nothing")}}) ==
        "Role points to no existing role (id role-nothing).");
  // An owner is a person, not free text.
  CHECK(refusal("asset", {{"name", text("Laptop")}, {"type", text("hardware")}, {"owner", text("Anna")}}) ==
        "Owner points to no existing person (id Anna).");
  records.create("asset", {{"name", text("Laptop")}, {"type", text("hardware")}, {"owner", text(anna)}});
  try {
    records.remove("person", anna);
    FAIL("deleted an owner");
  } catch (const LinkedRecordsError& error) {
    CHECK(std::string(error.what()) ==
          "The person 'Anna Dvořák' is still linked from 1 record: Asset 'Laptop' (Owner). "
          "Remove those links first, or delete and unlink.");
  }
}

TEST_CASE_FIXTURE(Fixture, "raci: one cell per process and role, exactly one accountable role per process") {
  cell(policy_process, manager, "accountable");
  cell(policy_process, officer, "responsible");
  CHECK(refusal("raci",
                {{"process", text(policy_process)}, {"role", text(officer)}, {"assignment", text("consulted")}}) ==
        "The role Information Security Officer already has a part in this process; change that cell instead.");
  CHECK(refusal("raci", {{"process", text(policy_process)},
                         {"role", text(catalogs::role_id("senior-management"))},
                         {"assignment", text("accountable")}}) ==
        "The process Security policy management process already has an accountable role (ISMS Manager); a "
        "process has exactly one.");
  // Another process may have its own accountable role.
  cell(audit_process, officer, "accountable");
  CHECK(refusal("raci", {{"process", text(policy_process)}, {"role", text(manager)}}) == "Assignment is required.");
  CHECK(records.count("raci") == 3);
}

TEST_CASE_FIXTURE(Fixture, "raci: processes without an accountable role are listed as gaps") {
  CHECK(figures::processes_without_accountable(records).size() == 18);
  cell(policy_process, officer, "responsible");
  CHECK(figures::processes_without_accountable(records).size() == 18);  // responsible is not accountable
  cell(policy_process, manager, "accountable");
  const auto gaps = figures::processes_without_accountable(records);
  CHECK(gaps.size() == 17);
  CHECK(std::none_of(gaps.begin(), gaps.end(), [&](const figures::Flagged& gap) { return gap.id == policy_process; }));
  CHECK(gaps.front().title == "Information Security Governance Process");
  CHECK(gaps.front().detail == "governance");
}

TEST_CASE_FIXTURE(Fixture, "raci: a cell is part of its process and its role") {
  const std::string cell_id = cell(policy_process, officer, "responsible");
  // Seeded milestones name the role as their owner: deleting it asks, or unlinks them.
  CHECK_THROWS_AS(records.remove("role", officer), LinkedRecordsError);
  records.remove("role", officer, OnLinks::Unlink);  // its cells go with it
  CHECK(records.get("raci", cell_id)->deleted);
  CHECK(records.restore("role", officer).empty());
  CHECK_FALSE(records.get("raci", cell_id)->deleted);
  CHECK(records.linked_from(officer).size() == 5);  // the cell and the four program records again
}

TEST_CASE_FIXTURE(Fixture, "processes: registers are named by kind") {
  CHECK(refusal("process", {{"name", text("Payroll")}, {"category", text("support")}, {"registers", text("Risk!")}}) ==
        "Registers must be register names separated by commas, like \"policy, risk\".");
  CHECK(refusal("process", {{"name", text("Payroll")}, {"category", text("other")}}) ==
        "Category must be one of: Governance, Core, Support.");
  records.create("process",
                 {{"name", text("Payroll")}, {"category", text("support")}, {"registers", text("risk, asset")}});
}

TEST_CASE_FIXTURE(Fixture, "context: issues, interested parties and the scope keep their rules") {
  CHECK(refusal("context_issue", {{"title", text("New EU regulation")}}) == "Internal or external is required.");
  const std::string issue = records.create("context_issue", {{"title", text("NIS2")}, {"type", text("external")}});
  CHECK(records.get("context_issue", issue)->get("status") == text("open"));

  CHECK(refusal("interested_party", {{"name", text("Customers")}, {"type", text("external")}}) ==
        "Needs and expectations is required.");
  CHECK(refusal("interested_party", {{"name", text("Customers")},
                                     {"type", text("external")},
                                     {"needs", text("Their data stays confidential")},
                                     {"addressed", text("yes")}}) ==
        "How addressed is required when the ISMS addresses these needs.");
  records.create("interested_party", {{"name", text("Customers")},
                                      {"type", text("external")},
                                      {"needs", text("Their data stays confidential")},
                                      {"addressed", text("no")}});

  try {
    records.update("scope", catalogs::scope_id,
                   {{"statement", text("All of it")}, {"exclusions", text("The canteen")}});
    FAIL("an exclusion without justification");
  } catch (const ValidationError& error) {
    CHECK(error.message_for("exclusion_justification") ==
          "Justification is required for every exclusion from the scope.");
  }
  records.update("scope", catalogs::scope_id,
                 {{"statement", text("All of it")},
                  {"exclusions", text("The canteen")},
                  {"exclusion_justification", text("Run by a contractor; no information processed")}});
}
