// A management review's minutes: the meeting's facts, the ten inputs of 9.3.2 in the standard's
// order (and any other topic), the decisions, the actions with the overdue ones marked, the approval.
#include <doctest/doctest.h>

#include "core/model/links.hpp"
#include "core/program/management_reviews.hpp"
#include "core/report/review_minutes_report.hpp"
#include "tests/core/report_test_support.hpp"

using namespace isms;
using isms::test::ReportFixture;

namespace {

Value text(std::string s) { return Value(std::move(s)); }

struct ReviewFixture : ReportFixture {
  std::string anna = person("Anna Berg");
  std::string bob = person("Bob");

  std::string input_id(const std::string& review, const char* which) {
    for (const Record& input :
         records.query("review_input", RecordQuery().where_is("review", Condition::Op::Equal, {text(review)}))) {
      if (to_display(input.get("input_id")) == which) return input.id;
    }
    FAIL("no input " << which);
    return {};
  }
  void action(const std::string& review, const char* title, const char* due, const char* status) {
    records.create("review_action", {{"review", text(review)},
                                     {"title", text(title)},
                                     {"owner", text(bob)},
                                     {"due_date", text(due)},
                                     {"status", text(status)}});
  }
};

}  // namespace

TEST_CASE_FIXTURE(ReviewFixture,
                  "report: the minutes hold the meeting, the inputs in order, decisions, actions, approval") {
  const std::string review = create_management_review(records,
                                                      {{"date", text("2026-11-20")},
                                                       {"title", text(test::evil_title)},
                                                       {"attendees", link_list({bob, anna})},
                                                       {"agenda", text("1. <Inputs>\n2. Decisions")},
                                                       {"improvement_opportunities", text("More training")},
                                                       {"minutes", text("All inputs were discussed.")},
                                                       {"status", text("approved")},
                                                       {"approved_by", text(anna)},
                                                       {"approved_on", text("2026-11-22")}},
                                                      "2026-11-20");
  records.update("review_input", input_id(review, "f"), {{"status_note", text("Risks are acceptable & known.")}});
  records.remove("review_input", input_id(review, "e"));
  records.create("review_input",
                 {{"review", text(review)}, {"topic", text("Budget <2027>")}, {"summary", text("Set")}});
  action(review, "Update the policy", "2026-12-15", "in_progress");
  action(review, "Run a phishing test", "2026-11-25", "open");
  action(review, "Book the auditor", "2026-11-21", "done");

  const std::string html = report::review_minutes_report(*workspace, review, context);
  test::check_header(html, "Minutes: " + test::evil_escaped);
  test::check_self_contained(html);
  CHECK(html.find("<tr><th scope=\"row\">Review</th><td>" + test::evil_escaped + "</td></tr>") != std::string::npos);
  CHECK(html.find("<tr><th scope=\"row\">Date</th><td>2026-11-20</td></tr>") != std::string::npos);
  CHECK(html.find("<tr><th scope=\"row\">Attendees</th><td>Anna Berg<br>Bob</td></tr>") != std::string::npos);
  CHECK(html.find("<h2>Agenda</h2><div class=\"long\">1. &lt;Inputs&gt;\n2. Decisions</div>") != std::string::npos);

  CHECK(test::in_order(html, {"<h2>Inputs (9.3.2)</h2>", "<td>a) Status of actions from previous management reviews",
                              "<td>b) ", "<td>c) ", "<td>d1) ", "<td>d2) ", "<td>d3) ", "<td>d4) ",
                              "<td>e) Feedback from interested parties</td>", "<td>f) ", "<td>g) ",
                              "<td>Other topic: Budget &lt;2027&gt;</td>", "<h2>Decisions and outputs (9.3.3)</h2>"}));
  CHECK(html.find("<td>e) Feedback from interested parties</td><td><span class=\"none\">Not recorded for this "
                  "review.</span></td><td></td>") != std::string::npos);
  CHECK(html.find("<div class=\"long\">Risks are acceptable &amp; known.</div>") != std::string::npos);
  CHECK(html.find("<td>Other topic: Budget &lt;2027&gt;</td><td><div class=\"long\">Set</div></td><td><span "
                  "class=\"none\">No conclusion recorded.</span></td>") != std::string::npos);

  CHECK(
      test::in_order(html, {"<h3>Opportunities for improvement</h3><div class=\"long\">More training</div>",
                            "<h3>Changes needed to the ISMS</h3><span class=\"none\">None recorded.</span>",
                            "<h3>Resources</h3><span class=\"none\">None recorded.</span>",
                            "<h2>Minutes</h2><div class=\"long\">All inputs were discussed.</div>", "<h2>Actions</h2>",
                            "Book the auditor", "Run a phishing test", "Update the policy", "<h2>Approval</h2>"}));
  CHECK(html.find("<tr><td>Run a phishing test</td><td>Bob</td><td>2026-11-25</td><td><span class=\"chip\">Open</span> "
                  "<span class=\"chip bad\">Overdue</span></td><td></td></tr>") != std::string::npos);
  CHECK(test::occurrences(html, "Overdue</span>") == 1);
  CHECK(html.find("<h2>Approval</h2><table class=\"facts\">\n<tbody>\n<tr><th scope=\"row\">Approved by</th><td>Anna "
                  "Berg</td></tr>\n<tr><th scope=\"row\">Approved on</th><td>2026-11-22</td></tr>") !=
        std::string::npos);
}

TEST_CASE_FIXTURE(ReviewFixture, "report: the minutes of a review with nothing in it say what is missing") {
  const std::string review =
      records.create("management_review", {{"date", text("2026-12-01")}, {"title", text("Review 2026")}});
  const std::string html = report::review_minutes_report(*workspace, review, context);
  test::check_header(html, "Minutes: Review 2026");
  test::check_self_contained(html);
  CHECK(html.find("<td><span class=\"none\">No attendees recorded.</span></td>") != std::string::npos);
  CHECK(html.find("<h2>Agenda</h2><span class=\"none\">No agenda recorded.</span>") != std::string::npos);
  CHECK(test::occurrences(html, "Not recorded for this review.") == 10);
  CHECK(html.find("<h2>Minutes</h2><span class=\"none\">No minutes recorded.</span>") != std::string::npos);
  CHECK(html.find("<h2>Actions</h2><p class=\"none\">No actions decided.</p>") != std::string::npos);
  CHECK(html.find("<h2>Approval</h2><p class=\"none\">The outputs of this review have not been approved yet.</p>") !=
        std::string::npos);
}

TEST_CASE_FIXTURE(ReviewFixture, "report: minutes of a review that does not exist, or no longer, are refused") {
  const std::string message =
      "No management review with id nope exists; it may have been deleted. Choose a review from the list of "
      "management reviews.";
  CHECK_THROWS_WITH_AS(report::review_minutes_report(*workspace, "nope", context), message.c_str(), StoreError);
  const std::string review =
      records.create("management_review", {{"date", text("2026-12-01")}, {"title", text("Review 2026")}});
  records.remove("management_review", review);
  CHECK_THROWS_WITH_AS(report::review_minutes_report(*workspace, review, context),
                       ("No management review with id " + review +
                        " exists; it may have been deleted. Choose a review from the list of management reviews.")
                           .c_str(),
                       StoreError);
}
