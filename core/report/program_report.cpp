#include "core/report/program_report.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <stdexcept>
#include <vector>

#include "core/assurance/assurance_figures.hpp"
#include "core/figures/figures.hpp"
#include "core/kpi/kpi_register.hpp"
#include "core/program/program_figures.hpp"
#include "core/report/report_support.hpp"
#include "core/risk/risk_method.hpp"
#include "core/risk/risk_register.hpp"
#include "core/util/number_text.hpp"

namespace isms::report {
namespace {

using support::count_text;
using support::RecordText;

std::string of(std::size_t part, std::size_t whole) { return count_text(part) + " of " + count_text(whole); }

Html program_progress(const Repository& records, RecordText& field, const std::string& today) {
  const figures::ProgramProgress progress = figures::program_progress(records);
  Html part = heading(2, "Program progress");
  part += tiles({{of(progress.milestones_done, progress.milestones), "milestones done"},
                 {std::to_string(std::lround(progress.mean_progress)) + "%", "mean progress of the milestones"},
                 {of(progress.components_in_place, progress.components), "program components in place"},
                 {of(progress.components_effective, progress.components), "program components effective"}});
  part += element("p", text("Mean progress of the timeline: ") + progress_bar(progress.mean_progress / 100.0));
  part += heading(3, "Late milestones");
  const std::vector<figures::Flagged> late = figures::late_milestones(records, today);
  if (late.empty()) return section(part + empty_note("No milestones are late."));
  Table table({"Month", "Activity", "Planned end", "Progress", "Status"}, "milestones");
  for (const figures::Flagged& item : late) {
    const std::optional<Record> milestone = records.get("milestone", item.id);
    if (!milestone) continue;
    const std::string done = field(*milestone, "progress");
    table.row({field.cell(*milestone, "month"), text(item.title), text(item.detail),
               text(done.empty() ? "" : done + "%"),
               field.status(*milestone, "status") + text(" ") + chip("Late", Tone::Bad)});
  }
  return section(part + table.html());
}

std::string trend_label(KpiTrend trend) {
  switch (trend) {
    case KpiTrend::Improving:
      return "Improving";
    case KpiTrend::Stable:
      return "Stable";
    case KpiTrend::Worsening:
      return "Worsening";
    default:
      return "";  // fewer than two measurements: nothing to say
  }
}

std::string measured(const KpiEvaluation& evaluation, const std::string& unit) {
  if (!evaluation.latest) return {};
  return format_double(evaluation.latest->value) + (unit.empty() ? "" : " " + unit) + " (" + evaluation.latest->date +
         ")";
}

Html kpi_status(const Repository& records, RecordText& field, const std::string& today) {
  Html part = heading(2, "KPI status");
  std::vector<Record> kpis = records.query("kpi", RecordQuery().sort_by("name"));
  if (kpis.empty()) return section(part + empty_note("No KPIs recorded."));
  const std::map<std::string, std::size_t> counts = kpi_status_counts(records, today);
  std::vector<Tile> figures;
  for (const KpiStatus status :
       {KpiStatus::OnTarget, KpiStatus::AtRisk, KpiStatus::OffTarget, KpiStatus::Overdue, KpiStatus::NoData}) {
    const auto found = counts.find(std::string(to_value(status)));
    figures.push_back({count_text(found == counts.end() ? 0 : found->second), std::string(to_label(status))});
  }
  Table table({"KPI", "Owner", "Latest value", "Target", "Status", "Trend"}, "kpis");
  for (const Record& kpi : kpis) {
    const KpiEvaluation evaluation = evaluate_kpi_record(records, kpi, today);
    const std::string unit = field(kpi, "unit");
    const std::string target = field(kpi, "target");
    table.row({field.cell(kpi, "name"), field.cell(kpi, "owner"), text(measured(evaluation, unit)),
               text(target.empty() ? "" : target + (unit.empty() ? "" : " " + unit)),
               chip(to_label(evaluation.status), tone_of(to_value(evaluation.status))),
               text(trend_label(evaluation.trend))});
  }
  return section(part + tiles(figures) + table.html());
}

Html objectives(const Repository& records, RecordText& field) {
  Html part = heading(2, "Objectives");
  std::vector<Record> all = records.query("objective", RecordQuery().sort_by("status").sort_by("due_date"));
  if (all.empty()) return section(part + empty_note("No objectives recorded."));
  const figures::Counts counts = figures::objectives_by_status(records);
  std::vector<Tile> figures;
  for (const EnumOption& status : records.registry().get("objective").field("status")->options) {
    const auto found = counts.find(status.value);
    figures.push_back({count_text(found == counts.end() ? 0 : found->second), status.label});
  }
  Table table({"Objective", "Owner", "Due", "Status"}, "objectives");
  for (const Record& objective : all) {
    table.row({field.cell(objective, "title"), field.cell(objective, "owner"), field.cell(objective, "due_date"),
               field.status(objective, "status")});
  }
  return section(part + tiles(figures) + table.html());
}

Html risks(const Repository& records, RecordText& field, const std::string& today) {
  Html part = heading(2, "Risks above the risk appetite");
  std::vector<figures::Flagged> above;
  std::string appetite;
  try {
    appetite = std::string(to_label(workspace_risk_method(records).appetite));
    above = figures::risks_above_appetite(records);
  } catch (const std::invalid_argument& problem) {
    return section(part + paragraph("The workspace's risk method cannot be read (" + std::string(problem.what()) +
                                    "); correct it in the risk method register."));
  }
  part += tiles({{count_text(above.size()), "open risks above the appetite (" + appetite + ")"},
                 {count_text(figures::count_overdue_treatment_actions(records, today)), "treatment actions overdue"}});
  if (above.empty()) return section(part + empty_note("No open risk is above the risk appetite."));
  Table table({"Risk", "Owner", "Level", "Status"}, "risks");
  for (const figures::Flagged& item : above) {
    const std::optional<Record> risk = records.get("risk", item.id);
    if (!risk) continue;
    const std::optional<RiskLevel> level = parse_level(item.detail);
    table.row({text(item.title), field.cell(*risk, "owner"),
               level ? chip(to_label(*level), tone_of(item.detail)) : text(item.detail),
               field.status(*risk, "status")});
  }
  return section(part + table.html());
}

Html improvement(const Repository& records, RecordText& field, const std::string& today) {
  Html part = heading(2, "Nonconformities and corrective actions");
  const figures::NonconformityAges open = figures::open_nonconformities_by_age(records, today);
  const std::vector<figures::Flagged> overdue = figures::overdue_corrective_actions(records, today);
  const auto major = open.by_severity.find("major");
  part += tiles({{count_text(open.open), "open nonconformities"},
                 {count_text(major == open.by_severity.end() ? 0 : major->second), "of them major"},
                 {count_text(overdue.size()), "corrective actions overdue"}});
  part += heading(3, "Open nonconformities");
  const std::vector<Record> nonconformities =
      records.query("nonconformity",
                    RecordQuery().where_is("status", Condition::Op::NotEqual, {Value("closed")}).sort_by("raised_on"));
  if (nonconformities.empty()) {
    part += empty_note("No open nonconformities.");
  } else {
    Table table({"Nonconformity", "Severity", "Raised on", "Status"}, "nonconformities");
    for (const Record& nc : nonconformities) {
      table.row({field.cell(nc, "title"), field.status(nc, "severity"), field.cell(nc, "raised_on"),
                 field.status(nc, "status")});
    }
    part += table.html();
  }
  part += heading(3, "Overdue corrective actions");
  if (overdue.empty()) return section(part + empty_note("No corrective action is overdue."));
  Table table({"Corrective action", "Nonconformity", "Owner", "Due"}, "actions");
  for (const figures::Flagged& item : overdue) {
    const std::optional<Record> action = records.get("corrective_action", item.id);
    if (!action) continue;
    table.row({text(item.title), field.cell(*action, "nonconformity"), field.cell(*action, "owner"),
               text(item.detail) + text(" ") + chip("Overdue", Tone::Bad)});
  }
  return section(part + table.html());
}

struct Upcoming {
  std::string date, what, title;
  Html status;
};

Html upcoming(const Repository& records, RecordText& field, const std::string& today) {
  Html part = heading(2, "Upcoming audits and management reviews");
  std::vector<Upcoming> rows;
  const RecordQuery audits =
      RecordQuery().where_is("status", Condition::Op::In, {Value("planned"), Value("in_progress")});
  for (const Record& audit : records.query("audit", audits)) {
    std::string date = field(audit, "actual_start");
    if (date.empty()) date = field(audit, "planned_start");
    rows.push_back({date, "Internal audit", field(audit, "title"), field.status(audit, "status")});
  }
  const RecordQuery reviews = RecordQuery().where_is("status", Condition::Op::Equal, {Value("planned")});
  for (const Record& review : records.query("management_review", reviews)) {
    rows.push_back(
        {field(review, "date"), "Management review", field(review, "title"), field.status(review, "status")});
  }
  if (rows.empty()) return section(part + empty_note("No audits or management reviews are planned."));
  // By date, those without one last; a planned one whose day has gone by is said to be so.
  std::stable_sort(rows.begin(), rows.end(), [](const Upcoming& a, const Upcoming& b) {
    if (a.date.empty() != b.date.empty()) return b.date.empty();
    return a.date < b.date;
  });
  Table table({"Date", "What", "Title", "Status"}, "upcoming");
  for (const Upcoming& row : rows) {
    Html status = row.status;
    if (!row.date.empty() && row.date < today) status += text(" ") + chip("Date passed", Tone::Bad);
    table.row({text(row.date), text(row.what), text(row.title), status});
  }
  return section(part + table.html());
}

}  // namespace

std::string program_report(const Workspace& workspace, const ReportContext& context) {
  const Repository& records = workspace.records();
  const std::string today = context.today();
  RecordText field(records);
  Html body = paragraph("Where the information security management system stands on " + today +
                        ": the program's progress, performance against KPIs and objectives, the risks above the "
                        "appetite, nonconformities and their corrective actions, and the audits and reviews ahead.");
  body += program_progress(records, field, today);
  body += kpi_status(records, field, today);
  body += objectives(records, field);
  body += risks(records, field, today);
  body += improvement(records, field, today);
  body += upcoming(records, field, today);
  return page(workspace, context, "ISMS program status report", body);
}

}  // namespace isms::report
