// The program status report for senior management: progress and late milestones, KPIs,
// objectives, risks above the appetite, nonconformities and overdue actions, what is coming.
#include <doctest/doctest.h>

#include "core/report/program_report.hpp"
#include "tests/core/report_test_support.hpp"

using namespace isms;
using isms::test::ReportFixture;

namespace {

Value text(std::string s) { return Value(std::move(s)); }
Value number(std::int64_t n) { return Value(n); }

}  // namespace

TEST_CASE_FIXTURE(ReportFixture, "report: the program status report covers each area of the seed's reporting") {
  // The seeded timeline starts on the workspace's first day (2026-11-26): by 2027-02-15 months 1
  // and 2 have ended, and of their four milestones one is done.
  const report::ReportContext later{"2027-02-15T08:00:00Z"};
  records.update("milestone", "milestone-1a", {{"status", text("done")}, {"progress", number(100)}});
  records.update("milestone", "milestone-2a", {{"status", text("in_progress")}, {"progress", number(40)}});
  const std::string anna = person("Anna Berg");

  const std::string latency = records.create("kpi", {{"name", text("Patch latency")},
                                                     {"unit", text("days")},
                                                     {"target", Value(7.0)},
                                                     {"direction", text("lower_is_better")},
                                                     {"frequency", text("monthly")},
                                                     {"owner", text(anna)}});
  records.create("measurement", {{"kpi", text(latency)}, {"date", text("2027-02-01")}, {"value", Value(9.5)}});
  const std::string training = records.create("kpi", {{"name", text(test::evil_title)}, {"target", Value(90.0)}});
  records.create("measurement", {{"kpi", text(training)}, {"date", text("2027-01-10")}, {"value", Value(80.0)}});
  records.create("measurement", {{"kpi", text(training)}, {"date", text("2027-02-10")}, {"value", Value(95.0)}});
  records.create("kpi", {{"name", text("Unmeasured")}});

  records.create("objective", {{"title", text("Certify in 2027")},
                               {"status", text("active")},
                               {"measure", text(latency)},
                               {"achievable", text("Budget approved.")},
                               {"business_goal", text("Win tenders.")},
                               {"owner", text(anna)},
                               {"due_date", text("2027-09-30")}});
  records.create("objective", {{"title", text("Draft the policy set")}});

  const std::string ransomware = records.create("risk", {{"title", text("Ransomware")},
                                                         {"owner", text(anna)},
                                                         {"inherent_likelihood", number(4)},
                                                         {"inherent_impact", number(5)}});
  records.create("risk",
                 {{"title", text("Minor risk")}, {"inherent_likelihood", number(1)}, {"inherent_impact", number(1)}});
  records.create("treatment_action",
                 {{"title", text("Deploy EDR")}, {"risk", text(ransomware)}, {"due_date", text("2027-01-01")}});

  const std::string nc = records.create("nonconformity", {{"title", text("Backups untested")},
                                                          {"source", text("audit")},
                                                          {"description", text("No restore test.")},
                                                          {"severity", text("major")},
                                                          {"raised_on", text("2027-01-05")}});
  records.create("corrective_action", {{"nonconformity", text(nc)},
                                       {"title", text("Test a restore")},
                                       {"owner", text(anna)},
                                       {"due_date", text("2027-02-01")}});

  records.create("audit", {{"title", text("Audit 2027")}, {"planned_start", text("2027-03-01")}});
  records.create("audit", {{"title", text("Undated audit")}});
  records.create("management_review", {{"title", text("Review Q1")}, {"date", text("2027-02-01")}});

  const std::string html = report::program_report(*workspace, later);
  test::check_self_contained(html);
  CHECK(html.find("<h1>ISMS program status report</h1>") != std::string::npos);
  CHECK(
      test::in_order(html, {"<h2>Program progress</h2>", "<h2>KPI status</h2>", "<h2>Objectives</h2>",
                            "<h2>Risks above the risk appetite</h2>", "<h2>Nonconformities and corrective actions</h2>",
                            "<h2>Upcoming audits and management reviews</h2>", "<footer"}));

  CHECK(html.find("<div class=\"figure\">1 of 12</div><div class=\"caption\">milestones done</div>") !=
        std::string::npos);
  CHECK(html.find("<div class=\"figure\">12%</div><div class=\"caption\">mean progress of the milestones</div>") !=
        std::string::npos);  // (100 + 40) / 12 = 11.7
  CHECK(test::in_order(
      html, {"<h3>Late milestones</h3>", "<td>Requirement identification</td>", "<td>Policy development</td>",
             "<td>Control implementation planning</td>", "<h2>KPI status</h2>"}));
  CHECK(html.find("<td>Objective setting workshop</td>") == std::string::npos);  // done: not late
  CHECK(html.find("<td>2</td><td>Policy development</td><td>2027-01-25</td><td>40%</td><td><span class=\"chip "
                  "warning\">In progress</span> <span class=\"chip bad\">Late</span></td>") != std::string::npos);

  CHECK(html.find("<tr><td>Patch latency</td><td>Anna Berg</td><td>9.5 days (2027-02-01)</td><td>7 days</td><td><span "
                  "class=\"chip bad\">Off target</span></td><td></td></tr>") != std::string::npos);
  CHECK(html.find("<tr><td>" + test::evil_escaped +
                  "</td><td></td><td>95 (2027-02-10)</td><td>90</td><td><span class=\"chip good\">On target</span>"
                  "</td><td>Improving</td></tr>") != std::string::npos);
  CHECK(html.find("<tr><td>Unmeasured</td><td></td><td></td><td></td><td><span class=\"chip\">No data</span></td><td>"
                  "</td></tr>") != std::string::npos);
  CHECK(html.find("<div class=\"figure\">1</div><div class=\"caption\">On target</div>") != std::string::npos);

  // In the order of the statuses (draft, active, achieved, ...).
  CHECK(test::in_order(html, {"<h2>Objectives</h2>",
                              "<td>Draft the policy set</td><td></td><td></td><td><span "
                              "class=\"chip\">Draft</span></td>",
                              "<td>Certify in 2027</td><td>Anna Berg</td><td>2027-09-30</td><td><span class=\"chip\">"
                              "Active</span></td>"}));

  CHECK(html.find("<div class=\"figure\">1</div><div class=\"caption\">open risks above the appetite (Medium)</div>") !=
        std::string::npos);
  CHECK(html.find("<tr><td>Ransomware</td><td>Anna Berg</td><td><span class=\"chip bad\">Critical</span></td><td><span "
                  "class=\"chip\">Identified</span></td></tr>") != std::string::npos);
  CHECK(html.find("<td>Minor risk</td>") == std::string::npos);
  CHECK(html.find("<div class=\"figure\">1</div><div class=\"caption\">treatment actions overdue</div>") !=
        std::string::npos);

  CHECK(html.find("<tr><td>Backups untested</td><td><span class=\"chip bad\">Major</span></td><td>2027-01-05</td><td>"
                  "<span class=\"chip\">Open</span></td></tr>") != std::string::npos);
  CHECK(html.find("<tr><td>Test a restore</td><td>Backups untested</td><td>Anna Berg</td><td>2027-02-01 <span "
                  "class=\"chip bad\">Overdue</span></td></tr>") != std::string::npos);

  CHECK(test::in_order(html, {"<h2>Upcoming audits and management reviews</h2>",
                              "<tr><td>2027-02-01</td><td>Management review</td><td>Review Q1</td><td><span "
                              "class=\"chip\">Planned</span> <span class=\"chip bad\">Date passed</span></td></tr>",
                              "<tr><td>2027-03-01</td><td>Internal audit</td><td>Audit 2027</td><td><span "
                              "class=\"chip\">Planned</span></td></tr>",
                              "<tr><td></td><td>Internal audit</td><td>Undated audit</td>"}));
}

TEST_CASE_FIXTURE(ReportFixture,
                  "report: the program status report of a new workspace says there is nothing to report") {
  const std::string html = report::program_report(*workspace, context);
  test::check_header(html, "ISMS program status report");
  test::check_self_contained(html);
  for (const char* sentence :
       {"<p class=\"none\">No milestones are late.</p>", "<p class=\"none\">No KPIs recorded.</p>",
        "<p class=\"none\">No objectives recorded.</p>",
        "<p class=\"none\">No open risk is above the risk appetite.</p>",
        "<p class=\"none\">No open nonconformities.</p>", "<p class=\"none\">No corrective action is overdue.</p>",
        "<p class=\"none\">No audits or management reviews are planned.</p>"}) {
    INFO(sentence);
    CHECK(html.find(sentence) != std::string::npos);
  }
  CHECK(html.find("<div class=\"figure\">0 of 12</div><div class=\"caption\">milestones done</div>") !=
        std::string::npos);
}
