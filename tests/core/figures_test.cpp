// The dashboard's figures on a small hand-made workspace whose answers are known by counting.
#include <doctest/doctest.h>

#include "core/figures/figures.hpp"
#include "core/kpi/kpi_register.hpp"
#include "core/workspace/workspace.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::test::TempDir;

namespace {

using Values = std::map<std::string, Value>;

Value text(std::string s) { return Value(std::move(s)); }
Value number(std::int64_t n) { return Value(n); }

constexpr const char* today = "2026-11-26";

struct Fixture {
  TempDir dir;
  FixedClock clock{"2026-11-26T09:00:00Z"};
  std::unique_ptr<Workspace> workspace =
      Workspace::create(dir.str(), "ws-figures", {"ISMS 2027", "Client GmbH", "Anna"}, clock, nullptr);
  Repository& records = workspace->records();
  std::string owner = records.create("person", {{"name", text("Anna")}});

  std::string risk(const char* title, std::int64_t likelihood, std::int64_t impact, Values more = {}) {
    more["title"] = text(title);
    more["inherent_likelihood"] = number(likelihood);
    more["inherent_impact"] = number(impact);
    return records.create("risk", more);
  }
  std::string action(const char* title, const std::string& risk_id, const char* due, const char* status) {
    return records.create("treatment_action", {{"title", text(title)},
                                               {"risk", text(risk_id)},
                                               {"due_date", text(due)},
                                               {"status", text(status)},
                                               {"progress", number(std::string(status) == "done" ? 100 : 10)}});
  }
};

std::vector<std::string> titles(const std::vector<figures::Flagged>& flagged) {
  std::vector<std::string> found;
  for (const figures::Flagged& item : flagged) found.push_back(item.title + " " + item.detail);
  return found;
}

using Titles = std::vector<std::string>;

}  // namespace

TEST_CASE_FIXTURE(Fixture, "figures: Statement of Applicability coverage, in total and by theme") {
  records.update("control", "annex-a-5.1",
                 {{"applicable", text("yes")},
                  {"justification", text("Required")},
                  {"implementation_status", text("implemented")}});
  records.update(
      "control", "annex-a-5.2",
      {{"applicable", text("yes")}, {"justification", text("Required")}, {"implementation_status", text("planned")}});
  records.update("control", "annex-a-7.1", {{"applicable", text("no")}, {"justification", text("No premises")}});

  const figures::SoaCoverage coverage = figures::soa_coverage(records);
  CHECK(coverage.total.controls == 93);
  CHECK(coverage.total.applicable == 2);
  CHECK(coverage.total.implemented == 1);
  CHECK(coverage.total.not_applicable == 1);
  CHECK(coverage.total.undecided == 90);
  const figures::Coverage& organizational = coverage.by_theme.at("organizational");
  CHECK(organizational.controls == 37);
  CHECK(organizational.applicable == 2);
  CHECK(organizational.implemented == 1);
  CHECK(organizational.undecided == 35);
  CHECK(coverage.by_theme.at("physical").not_applicable == 1);
  CHECK(coverage.by_theme.at("people").controls == 8);
  CHECK(coverage.by_theme.at("technological").undecided == 34);
}

TEST_CASE_FIXTURE(Fixture, "figures: risks by level before and after treatment, and above the appetite") {
  risk("Ransomware", 4, 4, {{"residual_likelihood", number(2)}, {"residual_impact", number(2)}});  // high -> low
  const std::string outage = risk("Data centre fire", 5, 5);                                       // critical
  risk("Typo in a wiki", 1, 2);                                                                    // low
  risk("Old laptop theft", 3, 4, {{"status", text("closed")}});                                    // high, closed
  const std::string gone = risk("Duplicate", 5, 5);
  records.remove("risk", gone);

  const figures::RiskLevels levels = figures::risk_levels(records);
  CHECK(levels.inherent == figures::Counts{{"low", 1}, {"medium", 0}, {"high", 2}, {"critical", 1}});
  CHECK(levels.residual == figures::Counts{{"low", 1}, {"medium", 0}, {"high", 0}, {"critical", 0}, {"", 3}});

  // The appetite is Medium: the treated risk is low now, the closed one no longer counts.
  const std::vector<figures::Flagged> above = figures::risks_above_appetite(records);
  REQUIRE(above.size() == 1);
  CHECK(above[0].id == outage);
  CHECK(above[0].detail == "critical");
  CHECK(figures::count_risks_above_appetite(records) == 1);
}

TEST_CASE_FIXTURE(Fixture, "figures: overdue treatment actions and reviews, and documents due for review") {
  const std::string ransomware = risk("Ransomware", 4, 4, {{"review_date", text("2026-11-01")}});
  risk("Closed one", 2, 2, {{"status", text("closed")}, {"review_date", text("2026-01-01")}});
  action("Backups offline", ransomware, "2026-11-25", "planned");  // a day late
  action("Train staff", ransomware, "2026-11-26", "planned");      // due today: not late
  action("Patch servers", ransomware, "2026-01-01", "done");       // done
  action("Segment network", ransomware, "2026-10-01", "in_progress");
  CHECK(titles(figures::overdue_treatment_actions(records, today)) ==
        Titles{"Segment network 2026-10-01", "Backups offline 2026-11-25"});
  CHECK(figures::count_overdue_treatment_actions(records, today) == 2);

  records.create("requirement", {{"title", text("GDPR Art. 32")},
                                 {"type", text("legal")},
                                 {"compliance_status", text("compliant")},
                                 {"next_review", text("2026-11-20")}});
  records.create("context_issue",
                 {{"title", text("NIS2")}, {"type", text("external")}, {"review_date", text("2026-11-25")}});
  records.create("policy", {{"title", text("Access control policy")},
                            {"type", text("policy")},
                            {"version", text("1.0")},
                            {"status", text("published")},
                            {"approved_by", text(owner)},
                            {"approved_on", text("2026-01-10")},
                            {"next_review", text("2026-12-10")}});
  records.create("policy", {{"title", text("Draft standard")},
                            {"type", text("standard")},
                            {"next_review", text("2026-01-01")}});  // a draft is not due for review

  CHECK(titles(figures::overdue_reviews(records, today)) ==
        Titles{"Ransomware 2026-11-01", "GDPR Art. 32 2026-11-20", "NIS2 2026-11-25"});
  CHECK(titles(figures::policies_due_for_review(records, today, 30)) == Titles{"Access control policy 2026-12-10"});
  CHECK(figures::policies_due_for_review(records, today, 7).empty());
}

TEST_CASE_FIXTURE(Fixture, "figures: objectives, requirements, clauses and KPIs by status") {
  records.create("objective", {{"title", text("Fewer phishing clicks")}});
  records.create("objective", {{"title", text("All laptops encrypted")},
                               {"status", text("active")},
                               {"target_value", 100.0},
                               {"achievable", text("Tooling in place")},
                               {"business_goal", text("Protect customer data")},
                               {"due_date", text("2027-06-30")},
                               {"owner", text(owner)}});
  records.create("objective", {{"title", text("Old idea")}, {"status", text("cancelled")}});
  CHECK(figures::objectives_by_status(records) ==
        figures::Counts{{"draft", 1}, {"active", 1}, {"achieved", 0}, {"missed", 0}, {"cancelled", 1}});

  records.create("requirement",
                 {{"title", text("GDPR")}, {"type", text("legal")}, {"compliance_status", text("compliant")}});
  records.create("requirement", {{"title", text("Customer contract")},
                                 {"type", text("contractual")},
                                 {"compliance_status", text("non_compliant")},
                                 {"gap_analysis", text("No yearly pentest yet")}});
  records.create("requirement", {{"title", text("Export rules")},
                                 {"type", text("regulatory")},
                                 {"applicability", text("not_applicable")},
                                 {"applicability_note", text("No exports")}});
  CHECK(figures::requirements_by_compliance(records) ==
        figures::Counts{{"compliant", 1}, {"partially_compliant", 0}, {"non_compliant", 1}, {"not_assessed", 0}});

  records.update("clause", "clause-4.1", {{"status", text("met")}});
  records.update("clause", "clause-4.2", {{"status", text("gap")}});
  CHECK(figures::clause_progress(records) ==
        figures::Counts{{"not_assessed", 39}, {"gap", 1}, {"partially_met", 0}, {"met", 1}});

  const std::string kpi = records.create("kpi", {{"name", text("Patch rate")}, {"target", 95.0}});
  records.create("kpi", {{"name", text("Never measured")}, {"target", 1.0}});
  records.create("measurement", {{"kpi", text(kpi)}, {"date", text("2026-11-01")}, {"value", 97.0}});
  const auto counts = kpi_status_counts(records, today);
  CHECK(counts.at("on_target") == 1);
  CHECK(counts.at("no_data") == 1);
  CHECK(counts.at("off_target") == 0);
}
