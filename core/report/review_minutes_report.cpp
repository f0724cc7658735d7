#include "core/report/review_minutes_report.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "core/catalogs/program_catalog.hpp"
#include "core/report/report_support.hpp"

namespace isms::report {
namespace {

using support::RecordText;

// One row per input: the topic, the summary (pre-filled from the register, then edited) and what
// the review concluded. An input the review has no entry for says so, since 9.3.2 asks for all.
void input_row(Table& table, const std::string& topic, const Record* input, RecordText& field) {
  if (input == nullptr) {
    table.row({text(topic), long_text("", "Not recorded for this review."), Html()});
    return;
  }
  table.row({text(topic), long_text(field(*input, "summary"), "No summary recorded."),
             long_text(field(*input, "status_note"), "No conclusion recorded.")});
}

Html inputs(const std::vector<Record>& entries, RecordText& field) {
  Table table({"Input", "Summary", "Conclusion"}, "inputs");
  for (const catalogs::ReviewInputTopic& topic : catalogs::management_review_inputs()) {
    const auto entry = std::find_if(entries.begin(), entries.end(), [&](const Record& input) {
      return support::value_is(input, "input_id", topic.id);
    });
    input_row(table, topic.id + ") " + topic.topic, entry == entries.end() ? nullptr : &*entry, field);
  }
  for (const Record& entry : entries) {
    if (field(entry, "input_id").empty()) input_row(table, "Other topic: " + field(entry, "topic"), &entry, field);
  }
  return section(heading(2, "Inputs (9.3.2)") + table.html());
}

bool is_unfinished(const Record& action) {
  return support::value_is(action, "status", "open") || support::value_is(action, "status", "in_progress");
}

Html actions(std::vector<Record> decided, RecordText& field, const std::string& today) {
  Html part = heading(2, "Actions");
  if (decided.empty()) return section(part + empty_note("No actions decided."));
  Table table({"Action", "Owner", "Due", "Status", "Notes"}, "actions");
  for (const Record& action : decided) {
    Html status = field.status(action, "status");
    const std::string due = field(action, "due_date");
    if (is_unfinished(action) && !due.empty() && due < today) status += text(" ") + chip("Overdue", Tone::Bad);
    table.row({field.cell(action, "title"), field.cell(action, "owner"), text(due), status,
               long_text(field(action, "notes"), "")});
  }
  return section(part + table.html());
}

Html approval(const Record& review, RecordText& field) {
  Html part = heading(2, "Approval");
  if (!support::value_is(review, "status", "approved")) {
    return section(part + empty_note("The outputs of this review have not been approved yet."));
  }
  return section(part + facts({{"Approved by", field.cell(review, "approved_by")},
                               {"Approved on", field.cell(review, "approved_on")}}));
}

}  // namespace

std::string review_minutes_report(const Workspace& workspace, const std::string& review_id,
                                  const ReportContext& context) {
  const Repository& records = workspace.records();
  const std::optional<Record> review = records.get("management_review", review_id);
  if (!review || review->deleted) {
    throw StoreError("No management review with id " + review_id +
                     " exists; it may have been deleted. Choose a review from the list of management reviews.");
  }
  RecordText field(records);

  Html body = facts({{"Review", field.cell(*review, "title")},
                     {"Date", field.cell(*review, "date")},
                     {"Status", field.status(*review, "status")},
                     {"Attendees", field.lines(*review, "attendees", "No attendees recorded.")}});
  body += section(heading(2, "Agenda") + long_text(field(*review, "agenda"), "No agenda recorded."));
  body += inputs(support::parts_of(records, "review_input", "review", review_id), field);
  body +=
      section(heading(2, "Decisions and outputs (9.3.3)") + heading(3, "Opportunities for improvement") +
              long_text(field(*review, "improvement_opportunities"), "None recorded.") +
              heading(3, "Changes needed to the ISMS") + long_text(field(*review, "changes_needed"), "None recorded.") +
              heading(3, "Resources") + long_text(field(*review, "resources"), "None recorded."));
  body += section(heading(2, "Minutes") + long_text(field(*review, "minutes"), "No minutes recorded."));
  std::vector<Record> decided = records.query(
      "review_action",
      RecordQuery().where_is("review", Condition::Op::Equal, {Value(review_id)}).sort_by("due_date").sort_by("title"));
  body += actions(std::move(decided), field, context.today());
  body += approval(*review, field);

  return page(workspace, context, "Minutes: " + field(*review, "title"), body);
}

}  // namespace isms::report
