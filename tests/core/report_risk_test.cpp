// The risk register with its treatment plan: risks open first and by current score, their
// assessments and decisions, then each risk's actions by due date with the overdue ones marked.
#include <doctest/doctest.h>

#include "core/model/links.hpp"
#include "core/report/risk_report.hpp"
#include "tests/core/report_test_support.hpp"

using namespace isms;
using isms::test::ReportFixture;

namespace {

using Values = std::map<std::string, Value>;

Value text(std::string s) { return Value(std::move(s)); }
Value number(std::int64_t n) { return Value(n); }

struct RiskFixture : ReportFixture {
  std::string anna = person("Anna Berg");
  std::string bob = person("Bob");

  std::string risk(const std::string& title, std::int64_t likelihood, std::int64_t impact, Values more = {}) {
    more["title"] = text(title);
    more["inherent_likelihood"] = number(likelihood);
    more["inherent_impact"] = number(impact);
    return records.create("risk", more);
  }
  void action(const std::string& title, const std::string& risk_id, Values more = {}) {
    more["title"] = text(title);
    more["risk"] = text(risk_id);
    records.create("treatment_action", more);
  }
};

}  // namespace

TEST_CASE_FIXTURE(RiskFixture, "report: the risk register lists risks and the treatment plan their actions") {
  const std::string ransomware = risk("Ransomware", 4, 5,
                                      {{"owner", text(anna)},
                                       {"treatment", text("mitigate")},
                                       {"controls", link_list({"annex-a-8.7"})},
                                       {"residual_likelihood", number(2)},
                                       {"residual_impact", number(3)},
                                       {"status", text("treatment_planned")}});
  const std::string evil = risk(test::evil_title, 2, 2, {{"status", text("assessed")}});
  risk("Old risk", 5, 5, {{"status", text("closed")}});
  risk("Phishing", 3, 4, {{"owner", text(bob)}, {"review_date", text("2027-03-01")}});
  action("Deploy EDR", ransomware,
         {{"owner", text(bob)},
          {"due_date", text("2026-11-01")},
          {"status", text("in_progress")},
          {"progress", number(50)}});
  action("Offline backups", ransomware, {{"due_date", text("2027-01-31")}});
  action("Train staff", ransomware,
         {{"due_date", text("2026-10-01")}, {"status", text("done")}, {"progress", number(100)}});
  action("Fix <b>it</b>", evil);

  const std::string html = report::risk_report(*workspace, context);
  test::check_header(html, "Risk register and treatment plan");
  test::check_self_contained(html);
  CHECK(html.find("<p>Risks are scored with the workspace&#39;s risk method: likelihood 1 to 5 and impact 1 to 5, "
                  "score = likelihood × impact. The risk appetite is Medium: a risk above it needs treatment or an "
                  "acceptance with its reasons.</p>") != std::string::npos);
  CHECK(test::in_order(html, {"<div class=\"figure\">4</div><div class=\"caption\">risks</div>",
                              "<div class=\"figure\">1</div><div class=\"caption\">open risks above the risk "
                              "appetite</div>",
                              "<div class=\"figure\">3</div><div class=\"caption\">treatment actions planned or in "
                              "progress</div>",
                              "<div class=\"figure\">1</div><div class=\"caption\">treatment actions overdue</div>"}));

  // Open risks by current score (residual when assessed), the closed one last.
  CHECK(test::in_order(html, {"<h2>Risks</h2>", "<td>R1</td><td>Phishing</td>", "<td>R2</td><td>Ransomware</td>",
                              "<td>R3</td><td>" + test::evil_escaped + "</td>", "<td>R4</td><td>Old risk</td>",
                              "<h2>Treatment plan</h2>"}));
  CHECK(html.find("<tr><td>R2</td><td>Ransomware</td><td>Anna Berg</td><td>4 × 5 = 20 <span class=\"chip bad\">"
                  "Critical</span></td><td>Mitigate</td><td>2 × 3 = 6 <span class=\"chip warning\">Medium</span></td>"
                  "<td><span class=\"chip warning\">Treatment planned</span></td><td></td></tr>") != std::string::npos);
  CHECK(html.find("<tr><td>R1</td><td>Phishing</td><td>Bob</td><td>3 × 4 = 12 <span class=\"chip bad\">High</span>"
                  "</td><td></td><td><span class=\"none\">Not assessed.</span></td><td><span class=\"chip\">Identified"
                  "</span></td><td>2027-03-01</td></tr>") != std::string::npos);

  // The plan: per risk in the register's order, actions by due date, the overdue one marked.
  CHECK(test::in_order(html, {"<section class=\"new-page\"><h2>Treatment plan</h2>", "<h3>R2 Ransomware</h3>",
                              "Train staff", "Deploy EDR", "Offline backups", "<h3>R3 " + test::evil_escaped + "</h3>",
                              "<td>Fix &lt;b&gt;it&lt;/b&gt;</td>"}));
  CHECK(html.find("<tr><td>Deploy EDR</td><td>Bob</td><td></td><td>2026-11-01</td><td>50%</td><td><span class=\"chip "
                  "warning\">In progress</span> <span class=\"chip bad\">Overdue</span></td></tr>") !=
        std::string::npos);
  CHECK(html.find("<tr><td>Train staff</td><td></td><td></td><td>2026-10-01</td><td>100%</td><td><span class=\"chip "
                  "good\">Done</span></td></tr>") != std::string::npos);
  CHECK(test::occurrences(html, "Overdue</span>") == 1);
  CHECK(html.find("<h3>R1 Phishing</h3>") == std::string::npos);  // no actions: no heading
}

TEST_CASE_FIXTURE(ReportFixture, "report: the risk register of an empty workspace says there is nothing yet") {
  const std::string html = report::risk_report(*workspace, context);
  test::check_self_contained(html);
  CHECK(html.find("<h2>Risks</h2><p class=\"none\">No risks recorded.</p>") != std::string::npos);
  CHECK(html.find("<h2>Treatment plan</h2><p class=\"none\">No treatment actions recorded.</p>") != std::string::npos);
  CHECK(html.find("<div class=\"figure\">0</div><div class=\"caption\">risks</div>") != std::string::npos);
}
