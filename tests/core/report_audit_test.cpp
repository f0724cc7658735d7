// An internal audit's report: the plan and the people, the summary, the checklist grouped by
// result (most serious first) and the nonconformities raised from its findings.
#include <doctest/doctest.h>

#include "core/assurance/audits.hpp"
#include "core/model/links.hpp"
#include "core/report/audit_report.hpp"
#include "tests/core/report_test_support.hpp"

using namespace isms;
using isms::test::ReportFixture;

namespace {

Value text(std::string s) { return Value(std::move(s)); }

struct AuditFixture : ReportFixture {
  std::string anna = person("Anna Berg");
  std::string bob = person("Bob");

  std::string item_for(const std::string& audit, const char* key, const char* target) {
    for (const Record& item :
         records.query("audit_item", RecordQuery().where_is("audit", Condition::Op::Equal, {text(audit)}))) {
      if (to_display(item.get(key)) == target) return item.id;
    }
    FAIL("no checklist item for " << target);
    return {};
  }
};

}  // namespace

TEST_CASE_FIXTURE(AuditFixture,
                  "report: the audit report shows the plan, the results by severity and the nonconformities") {
  const std::string audit = records.create("audit", {{"title", text(test::evil_title)},
                                                     {"scope", text("HQ <all sites>")},
                                                     {"criteria", text("ISO/IEC 27001:2022")},
                                                     {"auditors", link_list({bob})},
                                                     {"auditees", link_list({anna})},
                                                     {"planned_start", text("2026-11-01")},
                                                     {"planned_end", text("2026-11-03")},
                                                     {"actual_start", text("2026-11-02")},
                                                     {"actual_end", text("2026-11-04")},
                                                     {"status", text("reported")},
                                                     {"report_summary", text("Two findings need action.")}});
  build_checklist(records, audit, {"clause-6.1.2", "annex-a-5.1", "annex-a-8.7", "clause-9.2"});
  const std::string major = item_for(audit, "clause", "clause-6.1.2");
  records.update("audit_item", major, {{"result", text("major_nonconformity")}, {"evidence", text("No method.")}});
  records.update("audit_item", item_for(audit, "control", "annex-a-5.1"),
                 {{"result", text("conform")}, {"evidence", text("Policy <v2> seen.")}});
  records.update("audit_item", item_for(audit, "control", "annex-a-8.7"), {{"result", text("minor_nonconformity")}});
  records.update("audit_item", item_for(audit, "clause", "clause-9.2"), {{"result", text("observation")}});
  records.create("audit_item", {{"audit", text(audit)},
                                {"question", text("Is the <door> locked?")},
                                {"result", text("opportunity_for_improvement")}});
  const std::string nc = raise_nonconformity(records, major);
  records.create("corrective_action",
                 {{"nonconformity", text(nc)}, {"title", text("Write the method")}, {"status", text("planned")}});
  const std::string nc_title = to_display(records.get("nonconformity", nc)->get("title"));

  const std::string html = report::audit_report(*workspace, audit, context);
  test::check_header(html, "Internal audit report: " + test::evil_escaped);
  test::check_self_contained(html);
  CHECK(test::in_order(
      html, {"<th scope=\"row\">Audit</th><td>" + test::evil_escaped + "</td>",
             "<th scope=\"row\">Status</th><td><span class=\"chip\">Reported</span></td>",
             "<th scope=\"row\">Scope</th><td><div class=\"long\">HQ &lt;all sites&gt;</div></td>",
             "<th scope=\"row\">Auditors</th><td>Bob</td>", "<th scope=\"row\">Auditees</th><td>Anna Berg</td>",
             "<th scope=\"row\">Planned</th><td>2026-11-01 – 2026-11-03</td>",
             "<th scope=\"row\">Carried out</th><td>2026-11-02 – 2026-11-04</td>",
             "<h2>Summary</h2><div class=\"long\">Two findings need action.</div>"}));
  CHECK(test::in_order(html, {"<div class=\"figure\">5</div><div class=\"caption\">checklist items</div>",
                              "<div class=\"figure\">1</div><div class=\"caption\">Major nonconformity</div>",
                              "<div class=\"figure\">0</div><div class=\"caption\">Not assessed</div>"}));
  CHECK(test::in_order(html, {"<h3>Major nonconformity (1)</h3>",
                              "<td>Clause 6.1.2 Information security risk "
                              "assessment</td>",
                              "<h3>Minor nonconformity (1)</h3>", "<td>Control 8.7 Protection against malware</td>",
                              "<h3>Opportunity for improvement (1)</h3>", "<td>Is the &lt;door&gt; locked?</td>",
                              "<h3>Observation (1)</h3>", "<td>Clause 9.2 Internal audit</td>", "<h3>Conform (1)</h3>",
                              "<div class=\"long\">Policy &lt;v2&gt; seen.</div>", "<h2>Nonconformities raised</h2>"}));
  CHECK(html.find("<h3>Not assessed") == std::string::npos);
  CHECK(html.find("<td><div class=\"long\">No method.</div></td><td>" + report::escape_html(nc_title) + "</td></tr>") !=
        std::string::npos);
  CHECK(html.find("<tr><td>" + report::escape_html(nc_title) +
                  "</td><td><span class=\"chip bad\">Major</span></td><td>2026-11-04</td><td><span class=\"chip\">Open"
                  "</span></td><td>0 of 1</td></tr>") != std::string::npos);
}

TEST_CASE_FIXTURE(AuditFixture, "report: the report of an audit without a checklist says so") {
  const std::string audit = records.create("audit", {{"title", text("Audit 2027")}});
  const std::string html = report::audit_report(*workspace, audit, context);
  test::check_header(html, "Internal audit report: Audit 2027");
  test::check_self_contained(html);
  CHECK(html.find("<th scope=\"row\">Scope</th><td><span class=\"none\">No scope recorded.</span></td>") !=
        std::string::npos);
  CHECK(html.find("<th scope=\"row\">Auditors</th><td><span class=\"none\">No auditors recorded.</span></td>") !=
        std::string::npos);
  CHECK(html.find("<h2>Summary</h2><span class=\"none\">No summary recorded yet.</span>") != std::string::npos);
  CHECK(html.find("<h2>Checklist results</h2><p class=\"none\">No checklist items recorded.</p>") != std::string::npos);
  CHECK(html.find("<h2>Nonconformities raised</h2><p class=\"none\">No nonconformities raised from this audit.</p>") !=
        std::string::npos);
}

TEST_CASE_FIXTURE(AuditFixture, "report: the report of an audit that does not exist is refused") {
  CHECK_THROWS_WITH_AS(report::audit_report(*workspace, "nope", context),
                       "No internal audit with id nope exists; it may have been deleted. Choose an audit from the "
                       "list of internal audits.",
                       StoreError);
}
