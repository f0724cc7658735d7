// The Statement of Applicability report: every live control by theme in reference order, then the
// custom ones, each with its decision, justification, status, owner and the risks it treats.
#include <doctest/doctest.h>

#include "core/model/links.hpp"
#include "core/report/soa_report.hpp"
#include "tests/core/report_test_support.hpp"

using namespace isms;
using isms::test::ReportFixture;

namespace {

Value text(std::string s) { return Value(std::move(s)); }
Value number(std::int64_t n) { return Value(n); }

}  // namespace

TEST_CASE_FIXTURE(ReportFixture, "report: the SoA lists the controls by theme and reference, then the custom ones") {
  const std::string anna = person("Anna Berg");
  records.update("control", "annex-a-5.1",
                 {{"applicable", text("yes")},
                  {"justification", text("Required by <b>policy</b>")},
                  {"implementation_status", text("implemented")},
                  {"owner", text(anna)}});
  records.update("control", "annex-a-7.1", {{"applicable", text("no")}, {"justification", text("No premises")}});
  records.remove("control", "annex-a-7.2");
  const std::string custom = records.create("control", {{"ref", text("C-1")},
                                                        {"title", text(test::evil_title)},
                                                        {"theme", text("technological")},
                                                        {"applicable", text("yes")},
                                                        {"justification", text("Our own")},
                                                        {"implementation_status", text("planned")}});
  for (const char* title : {"Ransomware", "Phishing"}) {
    records.create("risk", {{"title", text(title)},
                            {"inherent_likelihood", number(3)},
                            {"inherent_impact", number(3)},
                            {"controls", link_list({"annex-a-5.1", custom})}});
  }

  const std::string html = report::soa_report(*workspace, context);
  test::check_header(html, "Statement of Applicability");
  test::check_self_contained(html);
  CHECK(html.find("@page { size: A4 landscape;") != std::string::npos);
  CHECK(test::in_order(
      html, {"<h2>Organizational controls</h2>", "<td>5.1</td>", "<td>5.2</td>", "<td>5.9</td>", "<td>5.10</td>",
             "<td>5.37</td>", "<h2>People controls</h2>", "<td>6.1</td>", "<td>6.8</td>", "<h2>Physical controls</h2>",
             "<td>7.1</td>", "<td>7.3</td>", "<h2>Technological controls</h2>", "<td>8.1</td>", "<td>8.34</td>",
             "<h2>Custom controls</h2>", "<td>C-1</td>"}));
  CHECK(html.find("<td>7.2</td>") == std::string::npos);  // deleted
  CHECK(html.find("<tr><td>5.1</td><td>Policies for information security</td><td><span class=\"chip good\">Yes</span>"
                  "</td><td><div class=\"long\">Required by &lt;b&gt;policy&lt;/b&gt;</div></td><td><span class=\"chip "
                  "good\">Implemented</span></td><td>Anna Berg</td><td>2</td></tr>") != std::string::npos);
  CHECK(html.find("<tr><td>7.1</td><td>Physical security perimeters</td><td><span class=\"chip\">No</span></td><td>"
                  "<div class=\"long\">No premises</div></td><td><span class=\"chip\">Not started</span></td><td></td>"
                  "<td>0</td></tr>") != std::string::npos);
  CHECK(html.find("<tr><td>5.2</td><td>Information security roles and responsibilities</td><td><span class=\"chip "
                  "warning\">Undecided</span></td><td></td><td><span class=\"chip\">Not started</span></td>") !=
        std::string::npos);
  // The custom table names the theme, and the title is text.
  CHECK(html.find("<tr><td>C-1</td><td>" + test::evil_escaped +
                  "</td><td>Technological</td><td><span class=\"chip good\">Yes</span></td><td><div class=\"long\">"
                  "Our own</div></td><td><span class=\"chip\">Planned</span></td><td></td><td>2</td></tr>") !=
        std::string::npos);
  CHECK(html.find("<div class=\"figure\">93</div><div class=\"caption\">controls</div>") != std::string::npos);
  CHECK(html.find("<div class=\"figure\">2</div><div class=\"caption\">applicable</div>") != std::string::npos);
  CHECK(html.find("<div class=\"figure\">1</div><div class=\"caption\">applicable and implemented</div>") !=
        std::string::npos);
}

TEST_CASE_FIXTURE(ReportFixture,
                  "report: the SoA of a new workspace lists the 93 undecided controls and no custom ones") {
  const std::string html = report::soa_report(*workspace, context);
  test::check_self_contained(html);
  CHECK(test::occurrences(html, "<tr><td>") == 93);
  CHECK(test::occurrences(html, "<span class=\"chip warning\">Undecided</span>") == 93);
  CHECK(html.find("<h2>Custom controls</h2><p class=\"none\">No custom controls recorded.</p>") != std::string::npos);
}
