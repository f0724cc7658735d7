#include "app/dashboard_figures.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "app/session.hpp"
#include "core/assurance/assurance_figures.hpp"
#include "core/competence/training_figures.hpp"
#include "core/kpi/kpi_register.hpp"
#include "core/risk/risk_register.hpp"
#include "core/store/sqlite.hpp"
#include "core/util/text.hpp"

namespace isms::app {
namespace {

// Worst first: what needs the person's attention comes before what is fine.
int attention_rank(KpiStatus status) {
  switch (status) {
    case KpiStatus::OffTarget:
      return 0;
    case KpiStatus::Overdue:
      return 1;
    case KpiStatus::AtRisk:
      return 2;
    case KpiStatus::NoData:
      return 3;
    case KpiStatus::OnTarget:
      return 4;
  }
  return 5;
}

// Every live measurement by KPI, in the order core's status rules read them (date, then entry
// order), in one query: 200 KPIs must not cost 200 queries.
std::map<std::string, std::vector<KpiMeasurement>> measurements_by_kpi(const Repository& records) {
  Statement query = records.database().prepare(
      "SELECT kpi, date, value FROM rec_measurement WHERE deleted = 0 AND kpi IS NOT NULL "
      "ORDER BY kpi, date, created_at, id");
  std::map<std::string, std::vector<KpiMeasurement>> groups;
  while (query.step()) {
    const Value date = query.column_value(1);
    const Value value = query.column_value(2);
    const auto* day = std::get_if<std::string>(&date);
    std::optional<double> number;
    if (const auto* real = std::get_if<double>(&value)) number = *real;
    if (const auto* whole = std::get_if<std::int64_t>(&value)) number = static_cast<double>(*whole);
    if (day == nullptr || !number) continue;  // core's rules ignore these too
    groups[query.column_text(0)].push_back({*day, *number});
  }
  return groups;
}

std::vector<KpiTile> kpi_tiles(const Repository& records, const std::string& today,
                               std::map<std::string, std::size_t>& counts) {
  for (const KpiStatus status :
       {KpiStatus::OnTarget, KpiStatus::AtRisk, KpiStatus::OffTarget, KpiStatus::NoData, KpiStatus::Overdue}) {
    counts[std::string(to_value(status))] = 0;
  }
  std::map<std::string, std::vector<KpiMeasurement>> measurements = measurements_by_kpi(records);
  std::vector<KpiTile> tiles;
  for (const Record& kpi : records.list("kpi")) {
    std::vector<KpiMeasurement>& own = measurements[kpi.id];
    const KpiEvaluation evaluation = evaluate_kpi(kpi_spec(kpi.fields), own, today);
    KpiTile tile;
    tile.id = kpi.id;
    tile.name = records.title_of(kpi);
    tile.unit = to_display(kpi.get("unit"));
    tile.status = evaluation.status;
    tile.trend = evaluation.trend;
    if (evaluation.latest) tile.latest = evaluation.latest->value;
    // The sparkline shows what the status was judged on: values dated up to today, by date.
    std::erase_if(own, [&](const KpiMeasurement& m) { return m.date > today; });
    const std::size_t first = own.size() > kSparklinePoints ? own.size() - kSparklinePoints : 0;
    for (std::size_t i = first; i < own.size(); ++i) tile.recent.push_back(static_cast<float>(own[i].value));
    ++counts[std::string(to_value(tile.status))];
    tiles.push_back(std::move(tile));
  }
  std::stable_sort(tiles.begin(), tiles.end(), [](const KpiTile& a, const KpiTile& b) {
    const int ra = attention_rank(a.status), rb = attention_rank(b.status);
    if (ra != rb) return ra < rb;
    return to_lower_ascii(a.name) < to_lower_ascii(b.name);
  });
  return tiles;
}

void append(std::vector<OverdueItem>& items, const std::vector<figures::Flagged>& found, const std::string& what) {
  for (const figures::Flagged& f : found) items.push_back({f.kind, f.id, f.title, what, f.detail});
}

std::vector<OverdueItem> overdue_items(const Repository& records, const std::string& today) {
  std::vector<OverdueItem> items;
  append(items, figures::overdue_treatment_actions(records, today), "Treatment action");
  append(items, figures::overdue_corrective_actions(records, today), "Corrective action");
  append(items, figures::people_overdue_training(records, today), "Training");
  // Documents come from their own, wider list below (due soon as well as overdue).
  for (const figures::Flagged& review : figures::overdue_reviews(records, today)) {
    if (review.kind == "policy") continue;
    items.push_back(
        {review.kind, review.id, review.title, records.registry().get(review.kind).label + " review", review.detail});
  }
  append(items, figures::policies_due_for_review(records, today, kDocumentReviewNoticeDays),
         records.registry().get("policy").label + " review");
  append(items, figures::reports_overdue(records, today), "Report");
  return items;
}

}  // namespace

DashboardFigures compute_dashboard(const Repository& records, const std::string& today) {
  DashboardFigures f;
  f.today = today;
  f.program = figures::program_progress(records);
  f.late_milestones = figures::late_milestones(records, today);
  f.soa = figures::soa_coverage(records);
  f.risks = records.count("risk");
  f.risk_levels = figures::risk_levels(records);
  try {
    f.appetite = workspace_risk_method(records).appetite;
    f.above_appetite = figures::risks_above_appetite(records);
  } catch (const std::invalid_argument&) {
    // A damaged risk method (only a damaged file can hold one): no appetite to compare against.
  }
  f.kpis = kpi_tiles(records, today, f.kpi_counts);
  f.objectives = figures::objectives_by_status(records);
  f.overdue = overdue_items(records, today);
  return f;
}

const DashboardFigures& DashboardCache::get(Session& session) {
  Workspace& ws = *session.current();
  const std::string today = ws.clock().now_utc().substr(0, 10);
  if (!valid_ || workspace_ != ws.id() || revision_ != session.data_revision() || today_ != today) {
    figures_ = compute_dashboard(ws.records(), today);
    workspace_ = ws.id();
    revision_ = session.data_revision();
    today_ = today;
    valid_ = true;
    ++computations_;
  }
  return figures_;
}

}  // namespace isms::app
