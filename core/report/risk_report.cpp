#include "core/report/risk_report.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <vector>

#include "core/figures/figures.hpp"
#include "core/report/report_support.hpp"
#include "core/risk/risk_method.hpp"
#include "core/risk/risk_register.hpp"

namespace isms::report {
namespace {

using support::RecordText;

// "R1", "R2", ...: how the treatment plan refers back to the register.
std::string risk_number(std::size_t index) {
  std::string number = "R";  // appended, not "R" + ...: GCC 12 warns falsely (-Wrestrict) about that form
  number += std::to_string(index + 1);
  return number;
}

std::optional<std::int64_t> integer_of(const Record& record, std::string_view key) {
  const auto* number = std::get_if<std::int64_t>(&record.get(key));
  return number != nullptr ? std::optional<std::int64_t>(*number) : std::nullopt;
}

// The score the risk stands at now: after treatment when assessed, else before.
std::int64_t current_score(const Record& risk) {
  return integer_of(risk, "residual_score").value_or(integer_of(risk, "inherent_score").value_or(0));
}

// "4 × 5 = 20" and the level, or a note when that assessment has not been made.
Html assessment(RecordText& field, const Record& risk, const char* prefix, std::string_view when_missing) {
  const std::string p(prefix);
  const std::string likelihood = field(risk, p + "_likelihood");
  const std::string impact = field(risk, p + "_impact");
  if (likelihood.empty() || impact.empty()) return long_text("", when_missing);
  const std::string score = field(risk, p + "_score");
  Html shown = text(likelihood + " \xC3\x97 " + impact + (score.empty() ? "" : " = " + score));
  const Html level = field.status(risk, p + "_level");
  return level.empty() ? shown : shown + text(" ") + level;
}

Html method_paragraph(const Repository& records) {
  try {
    const RiskMethod method = workspace_risk_method(records);
    return paragraph("Risks are scored with the workspace's risk method: likelihood 1 to " +
                     std::to_string(method.likelihood_levels) + " and impact 1 to " +
                     std::to_string(method.impact_levels) +
                     (method.scoring == RiskScoring::Product ? ", score = likelihood \xC3\x97 impact"
                                                             : ", score from the method's matrix") +
                     ". The risk appetite is " + std::string(to_label(method.appetite)) +
                     ": a risk above it needs treatment or an acceptance with its reasons.");
  } catch (const std::invalid_argument& problem) {
    return paragraph("The workspace's risk method cannot be read (" + std::string(problem.what()) +
                     "); correct it in the risk method register.");
  }
}

std::size_t count_above_appetite(const Repository& records) {
  try {
    return figures::count_risks_above_appetite(records);
  } catch (const std::invalid_argument&) {
    return 0;  // the method paragraph says why
  }
}

Html risk_table(const std::vector<Record>& risks, RecordText& field) {
  Table table({"No.", "Risk", "Owner", "Inherent", "Treatment", "Residual", "Status", "Next review"}, "risks");
  for (std::size_t i = 0; i < risks.size(); ++i) {
    const Record& risk = risks[i];
    table.row({text(risk_number(i)), field.cell(risk, "title"), field.cell(risk, "owner"),
               assessment(field, risk, "inherent", "Not assessed."), field.cell(risk, "treatment"),
               assessment(field, risk, "residual", "Not assessed."), field.status(risk, "status"),
               field.cell(risk, "review_date")});
  }
  return table.html();
}

Html action_table(const std::vector<const Record*>& actions, RecordText& field, const std::string& today) {
  Table table({"Action", "Owner", "Start", "Due", "Progress", "Status"}, "actions");
  for (const Record* action : actions) {
    Html status = field.status(*action, "status");
    if (is_overdue(*action, today)) status += text(" ") + chip("Overdue", Tone::Bad);
    const std::string progress = field(*action, "progress");
    table.row({field.cell(*action, "title"), field.cell(*action, "owner"), field.cell(*action, "start_date"),
               field.cell(*action, "due_date"), text(progress.empty() ? "" : progress + "%"), status});
  }
  return table.html();
}

}  // namespace

std::string risk_report(const Workspace& workspace, const ReportContext& context) {
  const Repository& records = workspace.records();
  const std::string today = context.today();
  RecordText field(records);

  std::vector<Record> risks = records.query("risk", RecordQuery());
  std::stable_sort(risks.begin(), risks.end(), [](const Record& a, const Record& b) {
    const bool a_closed = support::value_is(a, "status", "closed"), b_closed = support::value_is(b, "status", "closed");
    if (a_closed != b_closed) return b_closed;
    if (current_score(a) != current_score(b)) return current_score(a) > current_score(b);
    return support::title_less(to_display(a.get("title")), to_display(b.get("title")));
  });
  std::vector<Record> actions = records.query("treatment_action", RecordQuery().sort_by("due_date").sort_by("title"));
  std::map<std::string, std::vector<const Record*>> actions_of;
  for (const Record& action : actions) actions_of[to_display(action.get("risk"))].push_back(&action);

  std::size_t open_actions = 0;
  for (const Record& action : actions) {
    if (support::value_is(action, "status", "planned") || support::value_is(action, "status", "in_progress")) {
      ++open_actions;
    }
  }

  Html body = method_paragraph(records);
  body += tiles(
      {{support::count_text(risks.size()), "risks"},
       {support::count_text(count_above_appetite(records)), "open risks above the risk appetite"},
       {support::count_text(open_actions), "treatment actions planned or in progress"},
       {support::count_text(figures::count_overdue_treatment_actions(records, today)), "treatment actions overdue"}});

  Html register_part = heading(2, "Risks");
  register_part += risks.empty() ? empty_note("No risks recorded.") : risk_table(risks, field);
  body += section(register_part);

  Html plan = heading(2, "Treatment plan");
  bool any_action = false;
  for (std::size_t i = 0; i < risks.size(); ++i) {
    const auto found = actions_of.find(risks[i].id);
    if (found == actions_of.end()) continue;
    any_action = true;
    plan += heading(3, risk_number(i) + " " + field(risks[i], "title"));
    plan += action_table(found->second, field, today);
  }
  if (!any_action) plan += empty_note("No treatment actions recorded.");
  body += section(plan, !risks.empty());

  return page(workspace, context, "Risk register and treatment plan", body, Orientation::Landscape);
}

}  // namespace isms::report
