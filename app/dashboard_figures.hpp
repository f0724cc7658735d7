#pragma once
// The dashboard's figures (issue 4, item 4), gathered from core's figure modules. Each is an SQL
// query (under 50 ms on the large benchmark workspace, most under 5 ms), so they are read once per
// change of the open workspace and kept (DashboardCache), never every frame.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/figures/figures.hpp"
#include "core/kpi/kpi_status.hpp"
#include "core/program/program_figures.hpp"
#include "core/risk/risk_method.hpp"
#include "core/store/repository.hpp"

namespace isms::app {

class Session;

// One KPI as a tile: its status and trend as core judges them, and its latest values for a sparkline.
struct KpiTile {
  std::string id, name, unit;
  KpiStatus status = KpiStatus::NoData;
  KpiTrend trend = KpiTrend::Unknown;
  std::optional<double> latest;
  std::vector<float> recent;  // the last usable values up to today, oldest first (at most kSparklinePoints)
};
inline constexpr std::size_t kSparklinePoints = 12;

// Something late that the person can open: the record, what kind of work it is, and the date it
// was due (or, for a training, its topic).
struct OverdueItem {
  std::string kind, id, title;
  std::string what;    // "Treatment action", "Corrective action", "Training", "Risk review", ...
  std::string detail;  // "YYYY-MM-DD", or the training's topic
};

struct DashboardFigures {
  std::string today;  // "YYYY-MM-DD" the figures were computed for
  figures::ProgramProgress program;
  std::vector<figures::Flagged> late_milestones;
  figures::SoaCoverage soa;
  std::size_t risks = 0;  // live risks
  figures::RiskLevels risk_levels;
  RiskLevel appetite = RiskLevel::Medium;
  std::vector<figures::Flagged> above_appetite;
  std::map<std::string, std::size_t> kpi_counts;  // by to_value(KpiStatus), every status present
  std::vector<KpiTile> kpis;                      // those most in need of attention first, then by name
  figures::Counts objectives;                     // by status, every status present
  // Treatment and corrective actions past their due date, people missing a required training,
  // reviews past their date, documents due for review within kDocumentReviewNoticeDays, reports
  // overdue; in that order, each group by date.
  std::vector<OverdueItem> overdue;
};
inline constexpr int kDocumentReviewNoticeDays = 30;

// Every figure of the dashboard for `today` ("YYYY-MM-DD").
DashboardFigures compute_dashboard(const Repository& records, const std::string& today);

// The open workspace's figures, computed again only when its data, the workspace or the day
// changes (Session::data_revision() moves with every committed change).
class DashboardCache {
 public:
  // Requires an open workspace (Session::current()).
  const DashboardFigures& get(Session& session);
  // How often the figures were computed: the tests' proof that frames reuse them.
  std::size_t computations() const { return computations_; }

 private:
  DashboardFigures figures_;
  std::string workspace_, today_;
  std::uint64_t revision_ = 0;
  bool valid_ = false;
  std::size_t computations_ = 0;
};

}  // namespace isms::app
