// The risk register and its treatment plan in a real workspace: scores from the workspace's risk
// method, the registers' rules with their messages, deleting a risk with its actions, and changing
// the method with every risk recomputed.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/model/links.hpp"
#include "core/risk/risk_method.hpp"
#include "core/risk/risk_register.hpp"
#include "core/util/text.hpp"
#include "core/workspace/workspace.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::test::TempDir;

namespace {

using Values = std::map<std::string, Value>;

const WorkspaceDraft draft{"ISMS 2027", "Client GmbH", "Anna Dvořák"};
const std::string workspace_id = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b";

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

struct RiskFixture {
  TempDir dir;
  FixedClock clock{"2026-05-01T08:00:00Z"};
  std::unique_ptr<Workspace> workspace = Workspace::create(dir.str(), workspace_id, draft, clock, nullptr);
  Repository& records = workspace->records();
  std::string owner;

  RiskFixture() {
    // Until workspaces seed their method record, make it here, as a new workspace will have it.
    if (!records.get("risk_method", risk_method_id)) {
      records.create_with_id("risk_method", risk_method_id, to_values(RiskMethod::standard()));
    }
    owner = records.create("person", {{"name", text("Ola Nordmann")}});
  }

  std::string add_risk(const std::string& title, std::int64_t likelihood, std::int64_t impact, Values more = {}) {
    more["title"] = text(title);
    more["inherent_likelihood"] = number(likelihood);
    more["inherent_impact"] = number(impact);
    return records.create("risk", std::move(more));
  }
  Record risk(const std::string& id) const { return *records.get("risk", id); }
  std::string field(const std::string& id, const char* key) const { return to_display(risk(id).get(key)); }
  Values acceptance() const { return {{"accepted_by", text(owner)}, {"accepted_on", text("2026-05-02")}}; }
};

}  // namespace

TEST_CASE_FIXTURE(RiskFixture, "risk register: scores and levels come from the workspace's product method") {
  const std::string asset =
      records.create("asset", {{"name", text("Customer database")}, {"type", text("information")}});
  const std::string high = add_risk("Ransomware", 4, 3, {{"assets", link_list({asset})}, {"owner", text(owner)}});
  CHECK(risk(high).get("inherent_score") == number(12));
  CHECK(field(high, "inherent_level") == "high");
  CHECK(field(high, "status") == "identified");
  CHECK(records.linked_from(asset).size() == 1);
  // Not treated yet: no residual assessment, so no residual score or level either.
  CHECK(is_null(risk(high).get("residual_score")));
  CHECK(is_null(risk(high).get("residual_level")));

  // The standard bands: Low 1-4, Medium 5-9, High 10-16, Critical 17-25.
  CHECK(field(add_risk("Lost laptop", 1, 4), "inherent_level") == "low");
  CHECK(field(add_risk("Rare outage", 1, 5), "inherent_level") == "medium");
  CHECK(field(add_risk("Phishing", 5, 4), "inherent_level") == "critical");

  records.update("risk", high, {{"residual_likelihood", number(2)}, {"residual_impact", number(2)}});
  CHECK(risk(high).get("residual_score") == number(4));
  CHECK(field(high, "residual_level") == "low");
  records.update("risk", high, {{"inherent_impact", number(4)}});
  CHECK(risk(high).get("inherent_score") == number(16));
  // Clearing the residual pair clears its score and level.
  records.update("risk", high, {{"residual_likelihood", Value{}}, {"residual_impact", Value{}}});
  CHECK(is_null(risk(high).get("residual_score")));
  CHECK(is_null(risk(high).get("residual_level")));
}

TEST_CASE_FIXTURE(RiskFixture, "risk register: a caller cannot set the computed scores and levels") {
  const std::string id = add_risk("Ransomware", 4, 3, {{"inherent_score", number(1)}, {"inherent_level", text("low")}});
  CHECK(risk(id).get("inherent_score") == number(12));
  CHECK(field(id, "inherent_level") == "high");

  const std::size_t history = records.history(id).size();
  records.update("risk", id, {{"inherent_score", number(25)}, {"residual_level", text("critical")}});
  CHECK(risk(id).get("inherent_score") == number(12));
  CHECK(is_null(risk(id).get("residual_level")));
  CHECK(records.history(id).size() == history);  // nothing really changed, so nothing was written
}

TEST_CASE_FIXTURE(RiskFixture, "risk register: likelihood and impact must lie on the method's scales") {
  CHECK(refusal([&] { add_risk("Ransomware", 6, 3); }) ==
        "inherent_likelihood: Inherent likelihood must be between 1 and 5 (the risk method's scale).");
  CHECK(refusal([&] { add_risk("Ransomware", 3, 0); }) ==
        "inherent_impact: Inherent impact must be between 1 and 5 (the risk method's scale).");
  CHECK(refusal([&] {
          add_risk("Ransomware", 3, 3, {{"residual_likelihood", number(2)}, {"residual_impact", number(7)}});
        }) == "residual_impact: Residual impact must be between 1 and 5 (the risk method's scale).");
  CHECK(records.count("risk") == 0);

  // Off the scale, derive leaves the score and level empty rather than guess.
  Values values = {{"inherent_likelihood", number(6)}, {"inherent_impact", number(3)}};
  registers::risk().derive(records, values);
  CHECK(is_null(values.at("inherent_score")));
  CHECK(is_null(values.at("inherent_level")));

  // The scale is the method's, not a fixed 1..5.
  change_risk_method(records,
                     {{"impact_levels", number(4)}, {"impact_labels", Value{}}, {"critical_from", number(16)}});
  CHECK(refusal([&] { add_risk("Ransomware", 3, 5); }) ==
        "inherent_impact: Inherent impact must be between 1 and 4 (the risk method's scale).");
  CHECK(field(add_risk("Ransomware", 4, 4), "inherent_level") == "critical");
}

TEST_CASE_FIXTURE(RiskFixture, "risk register: a residual assessment is a pair and is not above the inherent one") {
  CHECK(refusal([&] {
          add_risk("Ransomware", 4, 3, {{"residual_likelihood", number(2)}});
        }) == "residual_impact: Residual impact is required when a residual likelihood is given.");
  CHECK(refusal([&] {
          add_risk("Ransomware", 4, 3, {{"residual_impact", number(2)}});
        }) == "residual_likelihood: Residual likelihood is required when a residual impact is given.");

  const std::string id = add_risk("Ransomware", 4, 3);
  CHECK(refusal([&] {
          records.update("risk", id, {{"residual_likelihood", number(4)}, {"residual_impact", number(4)}});
        }) == "residual_likelihood: Residual score (16) cannot be above the inherent score (12).");
  // Equal is allowed (a treatment that changed nothing), and so is a trade of likelihood for impact.
  CHECK(refusal([&] {
          records.update("risk", id, {{"residual_likelihood", number(3)}, {"residual_impact", number(4)}});
        }) == "(written)");
  CHECK(refusal([&] {
          records.update("risk", id, {{"residual_likelihood", number(1)}, {"residual_impact", number(5)}});
        }) == "(written)");
  CHECK(field(id, "residual_level") == "medium");
}

TEST_CASE_FIXTURE(RiskFixture, "risk register: accepting a risk needs who and when, and above the appetite a reason") {
  const std::string high = add_risk("Ransomware", 4, 3, {{"status", text("assessed")}});
  CHECK(refusal([&] {
          records.update("risk", high, {{"status", text("accepted")}});
        }) ==
        "accepted_by: Accepted by is required to accept a risk. | accepted_on: Accepted on is required to accept a "
        "risk.");
  Values accept = acceptance();
  accept["status"] = text("accepted");
  CHECK(refusal([&] { records.update("risk", high, accept); }) ==
        "acceptance_rationale: Acceptance rationale is required to accept a risk above the risk appetite (Medium).");
  accept["acceptance_rationale"] = text("   ");
  CHECK(refusal([&] { records.update("risk", high, accept); }) ==
        "acceptance_rationale: Acceptance rationale is required to accept a risk above the risk appetite (Medium).");
  accept["acceptance_rationale"] = text("Insurance covers the loss; the board decided on 2026-04-30.");
  CHECK(refusal([&] { records.update("risk", high, accept); }) == "(written)");

  // At the appetite (Medium) no reason is needed.
  const std::string medium = add_risk("Rare outage", 2, 3, {{"status", text("assessed")}});
  Values accept_medium = acceptance();
  accept_medium["status"] = text("accepted");
  CHECK(refusal([&] { records.update("risk", medium, accept_medium); }) == "(written)");

  // Choosing "accept" as the treatment option is a proposal: the acceptance is recorded later,
  // when the status becomes Accepted.
  const std::string proposed =
      add_risk("Phishing", 2, 2, {{"treatment", text("accept")}, {"status", text("assessed")}});
  CHECK(refusal([&] {
          records.update("risk", proposed, {{"status", text("accepted")}});
        }) ==
        "accepted_by: Accepted by is required to accept a risk. | accepted_on: Accepted on is required to accept a "
        "risk.");

  // Once treated, the residual level is the one accepted: high before treatment, low after it.
  Values treated = acceptance();
  treated["status"] = text("treated");
  treated["residual_likelihood"] = number(2);
  treated["residual_impact"] = number(2);
  const std::string mitigated = add_risk("Data leak", 4, 4, treated);
  CHECK(refusal([&] { records.update("risk", mitigated, {{"status", text("accepted")}}); }) == "(written)");
}

TEST_CASE_FIXTURE(RiskFixture,
                  "risk register: status follows the lifecycle, and a mitigated risk is treated by controls") {
  const std::string id = add_risk("Ransomware", 4, 3);
  CHECK(refusal([&] {
          records.update("risk", id, {{"status", text("treated")}});
        }) == "status: Status cannot change from Identified to Treated; allowed: Assessed, Closed.");
  records.update("risk", id, {{"status", text("assessed")}, {"treatment", text("mitigate")}});
  records.update("risk", id, {{"status", text("treatment_planned")}});
  CHECK(refusal([&] {
          records.update("risk", id, {{"status", text("treated")}});
        }) == "controls: Controls are required for a mitigated risk that is treated.");
  records.update("risk", id, {{"status", text("treated")}, {"controls", link_list({"annex-a-8.7", "annex-a-8.13"})}});
  CHECK(field(id, "status") == "treated");
  CHECK(records.linked_from("annex-a-8.7").size() == 1);
  // Reassessment after treatment, and back.
  records.update("risk", id, {{"status", text("assessed")}});
  CHECK(refusal([&] {
          records.update("risk", id, {{"status", text("identified")}});
        }) ==
        "status: Status cannot change from Assessed to Identified; allowed: Treatment planned, Accepted, Closed.");
}

TEST_CASE_FIXTURE(RiskFixture, "treatment plan: deleting a risk deletes its actions and restoring brings them back") {
  const std::string risk_id = add_risk("Ransomware", 4, 3);
  const std::string other_risk = add_risk("Phishing", 3, 3);
  const std::string backups = records.create("treatment_action", {{"title", text("Offline backups")},
                                                                  {"risk", text(risk_id)},
                                                                  {"controls", link_list({"annex-a-8.13"})},
                                                                  {"owner", text(owner)}});
  const std::string edr =
      records.create("treatment_action", {{"title", text("EDR on servers")}, {"risk", text(risk_id)}});
  const std::string training =
      records.create("treatment_action", {{"title", text("Phishing drill")}, {"risk", text(other_risk)}});
  CHECK(to_display(records.get("treatment_action", backups)->get("status")) == "planned");
  CHECK(records.get("treatment_action", backups)->get("progress") == number(0));

  records.remove("risk", risk_id);
  CHECK(records.get("risk", risk_id)->deleted);
  CHECK(records.get("treatment_action", backups)->deleted);
  CHECK(records.get("treatment_action", edr)->deleted);
  CHECK_FALSE(records.get("treatment_action", training)->deleted);
  CHECK(records.count("treatment_action") == 1);

  records.restore("risk", risk_id);
  CHECK_FALSE(records.get("risk", risk_id)->deleted);
  CHECK_FALSE(records.get("treatment_action", backups)->deleted);
  CHECK_FALSE(records.get("treatment_action", edr)->deleted);
  CHECK(records.count("treatment_action") == 3);

  CHECK(refusal([&] { records.create("treatment_action", {{"title", text("Orphan")}}); }) == "risk: Risk is required.");
}

TEST_CASE_FIXTURE(RiskFixture, "treatment plan: dates in order, and a done action is complete") {
  const std::string risk_id = add_risk("Ransomware", 4, 3);
  Values action = {{"title", text("Offline backups")},
                   {"risk", text(risk_id)},
                   {"start_date", text("2026-06-10")},
                   {"due_date", text("2026-06-09")}};
  CHECK(refusal([&] { records.create("treatment_action", action); }) ==
        "due_date: Due date must not be before the start date.");
  action["due_date"] = text("2026-06-10");  // one day's work
  const std::string id = records.create("treatment_action", action);

  CHECK(refusal([&] {
          records.update("treatment_action", id, {{"status", text("done")}});
        }) == "progress: Progress must be 100% for a done action.");
  CHECK(refusal([&] {
          records.update("treatment_action", id, {{"progress", number(101)}});
        }) == "progress: Progress (%) must be between 0 and 100.");
  records.update("treatment_action", id, {{"status", text("done")}, {"progress", number(100)}});
  CHECK(refusal([&] {
          records.update("treatment_action", id, {{"status", text("cancelled")}});
        }) == "status: Status cannot change from Done to Cancelled; allowed: In progress.");
}

TEST_CASE("treatment plan: an action is overdue from the day after its due date while it is open") {
  Record action;
  action.kind = "treatment_action";
  action.fields = {{"status", text("planned")}, {"due_date", text("2026-06-10")}};
  CHECK_FALSE(is_overdue(action, "2026-06-09"));
  CHECK_FALSE(is_overdue(action, "2026-06-10"));  // due today: still on time
  CHECK(is_overdue(action, "2026-06-11"));
  CHECK(is_overdue(action, "2027-01-01"));

  action.fields["status"] = text("in_progress");
  CHECK(is_overdue(action, "2026-06-11"));
  for (const char* finished : {"done", "cancelled"}) {
    action.fields["status"] = text(finished);
    CHECK_FALSE(is_overdue(action, "2026-06-11"));
  }

  action.fields["status"] = text("planned");
  CHECK_FALSE(is_overdue(action, "not a date"));
  action.deleted = true;
  CHECK_FALSE(is_overdue(action, "2026-06-11"));
  action.deleted = false;
  action.fields.erase("due_date");
  CHECK_FALSE(is_overdue(action, "2026-06-11"));
}

TEST_CASE_FIXTURE(RiskFixture, "risk method change: a smaller scale is refused while risks use the levels it drops") {
  const std::string one = add_risk("Ransomware", 5, 3);
  add_risk("Phishing", 5, 1);
  // Only the residual likelihood uses level 5 here (10 before treatment, 5 after).
  add_risk("Rare outage", 2, 5, {{"residual_likelihood", number(5)}, {"residual_impact", number(1)}});
  add_risk("Lost laptop", 2, 2);
  const std::string gone = add_risk("Old risk", 5, 5);
  records.remove("risk", gone);  // deleted risks do not count

  // Every problem at once: the method's own (its labels still name five levels) and the risks'.
  CHECK(refusal([&] {
          change_risk_method(records, {{"likelihood_levels", number(4)}, {"critical_from", number(13)}});
        }) ==
        "likelihood_labels: Likelihood labels must have one line per level (4 lines; 5 given). | "
        "likelihood_levels: 3 risks have a likelihood above 4; change them first or keep 5 levels.");
  const Values four_by_four = {{"likelihood_levels", number(4)},
                               {"likelihood_labels", Value{}},
                               {"impact_levels", number(4)},
                               {"impact_labels", Value{}},
                               {"critical_from", number(13)}};
  CHECK(refusal([&] { change_risk_method(records, four_by_four); }) ==
        "likelihood_levels: 3 risks have a likelihood above 4; change them first or keep 5 levels. | "
        "impact_levels: 1 risk has an impact above 4; change it first or keep 5 levels.");
  // Nothing was written: the method and the risks are as they were.
  CHECK(workspace_risk_method(records) == RiskMethod::standard());
  CHECK(risk(one).get("inherent_score") == number(15));

  // The method's own rules name its fields; without a smaller scale the risks are not in the way.
  CHECK(refusal([&] {
          change_risk_method(records, {{"medium_from", number(12)}});
        }) == "high_from: Level thresholds must rise: medium from 12, high from 10, critical from 17.");
}

TEST_CASE_FIXTURE(RiskFixture, "risk method change: new thresholds recompute every live risk and count level changes") {
  const std::string low_to_medium = add_risk("Lost laptop", 2, 2);  // 4: low -> medium
  const std::string medium_to_high = add_risk("Phishing", 3, 3);    // 9: medium -> high
  const std::string residual_only = add_risk("Ransomware", 4, 3,    // 12 stays high
                                             {{"residual_likelihood", number(2)}, {"residual_impact", number(2)}});
  const std::string critical = add_risk("Data leak", 5, 4);  // 20 stays critical
  const std::string low = add_risk("Tailgating", 1, 3);      // 3 stays low
  const std::string both = add_risk("Insider", 3, 3,         // counted once for two changes
                                    {{"residual_likelihood", number(2)}, {"residual_impact", number(2)}});
  const std::string gone = add_risk("Old risk", 2, 2);
  records.remove("risk", gone);
  const std::size_t gone_history = records.history(gone).size();

  const MethodChange change = change_risk_method(
      records, {{"medium_from", number(4)}, {"high_from", number(9)}, {"critical_from", number(20)}});
  CHECK(change.levels_changed == 4);
  CHECK(change.risks_recomputed == 4);  // the scores of a product method do not move with its thresholds
  CHECK(field(low_to_medium, "inherent_level") == "medium");
  CHECK(field(medium_to_high, "inherent_level") == "high");
  CHECK(field(residual_only, "inherent_level") == "high");
  CHECK(field(residual_only, "residual_level") == "medium");
  CHECK(field(critical, "inherent_level") == "critical");
  CHECK(field(low, "inherent_level") == "low");
  CHECK(field(both, "inherent_level") == "high");
  CHECK(field(both, "residual_level") == "medium");
  CHECK(field(gone, "inherent_level") == "low");  // a deleted risk keeps what it had when deleted
  CHECK(records.history(gone).size() == gone_history);

  // History tells why the level moved: the method change, in the same change set as the method.
  const std::vector<HistoryEntry> history = records.history(low_to_medium);
  REQUIRE_FALSE(history.empty());
  const HistoryEntry& last = history.back();
  CHECK(last.field == "inherent_level");
  CHECK(last.old_value == std::optional<std::string>("low"));
  CHECK(last.new_value == std::optional<std::string>("medium"));
  Statement description = records.database().prepare("SELECT description FROM change_sets WHERE id = ?");
  description.bind(1, last.change_set);
  REQUIRE(description.step());
  CHECK(description.column_text(0) == "Changed the risk method");
  // One user action, one change set: the method and every recomputed risk together.
  const std::vector<HistoryEntry> method_history = records.history(risk_method_id);
  CHECK(std::any_of(method_history.begin(), method_history.end(), [&](const HistoryEntry& entry) {
    return entry.field == "critical_from" && entry.change_set == last.change_set &&
           entry.old_value == std::optional<std::string>("17") && entry.new_value == std::optional<std::string>("20");
  }));

  // The same method again changes nothing and writes nothing.
  const std::size_t before = records.history(low_to_medium).size();
  const MethodChange again = change_risk_method(records, {{"critical_from", number(20)}});
  CHECK(again.risks_recomputed == 0);
  CHECK(again.levels_changed == 0);
  CHECK(records.history(low_to_medium).size() == before);
}

TEST_CASE_FIXTURE(RiskFixture, "risk method change: switching to matrix scoring looks every score up again") {
  const std::string high = add_risk("Ransomware", 4, 3);
  const std::string low = add_risk("Lost laptop", 2, 2);
  const std::string critical = add_risk("Data leak", 5, 5);
  const std::string lowest = add_risk("Tailgating", 1, 1);
  // Likelihood plus impact, so no score is the product any more.
  const MethodChange change = change_risk_method(records, {{"scoring", text("matrix")},
                                                           {"matrix", text("2, 3, 4, 5, 6\n"
                                                                           "3, 4, 5, 6, 7\n"
                                                                           "4, 5, 6, 7, 8\n"
                                                                           "5, 6, 7, 8, 9\n"
                                                                           "6, 7, 8, 9, 10")},
                                                           {"medium_from", number(4)},
                                                           {"high_from", number(7)},
                                                           {"critical_from", number(9)}});
  CHECK(change.risks_recomputed == 4);
  CHECK(change.levels_changed == 1);
  CHECK(risk(high).get("inherent_score") == number(7));
  CHECK(field(high, "inherent_level") == "high");
  CHECK(risk(low).get("inherent_score") == number(4));
  CHECK(field(low, "inherent_level") == "medium");
  CHECK(risk(critical).get("inherent_score") == number(10));
  CHECK(field(critical, "inherent_level") == "critical");
  CHECK(risk(lowest).get("inherent_score") == number(2));
  // New risks are looked up too.
  CHECK(risk(add_risk("Phishing", 3, 1)).get("inherent_score") == number(4));
}

TEST_CASE_FIXTURE(RiskFixture, "risk method change: refused when a recomputed risk would break its own rules") {
  Values accepted = acceptance();
  accepted["status"] = text("accepted");
  add_risk("Rare outage", 2, 3, accepted);  // medium: at the appetite, accepted without a reason
  CHECK(refusal([&] {
          change_risk_method(records, {{"appetite", text("low")}});
        }) ==
        "appetite: The risk 'Rare outage' would break a rule under the new method: Acceptance rationale is required "
        "to accept a risk above the risk appetite (Low). Change that risk first, or keep the current method.");
  CHECK(workspace_risk_method(records).appetite == RiskLevel::Medium);

  // A matrix that scores a treated risk above its untreated self.
  add_risk("Insider", 2, 2, {{"residual_likelihood", number(1)}, {"residual_impact", number(3)}});
  CHECK(refusal([&] {
          change_risk_method(records, {{"scoring", text("matrix")},
                                       {"matrix", text("1, 2, 5, 4, 5\n2, 4, 6, 8, 10\n3, 6, 9, 12, 15\n"
                                                       "4, 8, 12, 16, 20\n5, 10, 15, 20, 25")}});
        }) ==
        "scoring: The risk 'Insider' would break a rule under the new method: Residual score (5) cannot be above the "
        "inherent score (4). Change that risk first, or keep the current method.");
  CHECK(workspace_risk_method(records) == RiskMethod::standard());
}

TEST_CASE_FIXTURE(RiskFixture,
                  "risk method change: without a live method record the standard one is used and changed") {
  // The method cannot be deleted (a workspace always has one); a file damaged or imported
  // without it still works with the standard method.
  CHECK_THROWS_WITH(records.remove("risk_method", risk_method_id),
                    "The risk method cannot be deleted: a workspace always has one. Change it instead.");
  records.database().exec("UPDATE rec_risk_method SET deleted = 1 WHERE id = 'risk-method'");
  CHECK(workspace_risk_method(records) == RiskMethod::standard());
  const std::string id = add_risk("Ransomware", 4, 3);
  CHECK(field(id, "inherent_level") == "high");

  const MethodChange change = change_risk_method(records, {{"high_from", number(13)}});
  CHECK(change.levels_changed == 1);
  CHECK_FALSE(records.get("risk_method", risk_method_id)->deleted);
  RiskMethod expected = RiskMethod::standard();
  expected.high_from = 13;
  CHECK(workspace_risk_method(records) == expected);
  CHECK(field(id, "inherent_level") == "medium");
}

TEST_CASE_FIXTURE(RiskFixture, "risk register: a damaged method record refuses risk writes until it is repaired") {
  // Only a damaged file or a bad import can hold such a record: the register's own check refuses it.
  records.database().exec("UPDATE rec_risk_method SET impact_labels = 'Low' WHERE id = 'risk-method'");
  CHECK(refusal([&] { add_risk("Ransomware", 4, 3); }) ==
        "inherent_likelihood: The risk method cannot be used: Impact labels must have one line per level (5 lines; 1 "
        "given). Correct it before assessing risks.");

  change_risk_method(records, {{"impact_labels", Value{}}});
  CHECK(field(add_risk("Ransomware", 4, 3), "inherent_level") == "high");
}

TEST_CASE_FIXTURE(RiskFixture, "risk method: any write of the method recomputes every risk in the same change set") {
  const std::string id = add_risk("Ransomware", 4, 3);  // 12: high
  records.update("risk_method", risk_method_id, {{"high_from", number(13)}});
  CHECK(field(id, "inherent_level") == "medium");
  CHECK(records.history(id).back().change_set == records.history(risk_method_id).back().change_set);

  // A scale that leaves a risk behind is refused as a whole, naming the risk.
  const std::string five = add_risk("Flood", 5, 1);
  try {
    records.update("risk_method", risk_method_id,
                   {{"likelihood_levels", number(4)}, {"likelihood_labels", text("Rare\nUnlikely\nLikely\nCertain")}});
    FAIL("a smaller scale left a risk off it");
  } catch (const DependentRuleError& error) {
    CHECK(error.id() == five);
    CHECK(std::string(error.what()) ==
          "The risk 'Flood' would break its rules: Inherent likelihood must be between 1 and 4 (the risk method's "
          "scale).");
  }
  CHECK(workspace_risk_method(records).likelihood_levels == 5);
}
