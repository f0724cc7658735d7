#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isms {

// ISO/IEC 27001 clause 9.1 (monitoring, measurement, analysis and evaluation): a KPI has a target,
// an amber and a red threshold, a direction and a measurement frequency. Its status and trend are
// computed here from plain data, so the rules can be tested without a database.
//
// The rules evaluate_kpi applies, in this order:
//  1. Only usable measurements count. One is ignored when its date is not a real "YYYY-MM-DD" day,
//     when its value is not a finite number, or when its date is after `today`: a value entered in
//     advance says nothing about the state now. (If `today` itself is not a valid date, nothing is
//     ignored for being in the future and nothing is judged overdue.)
//  2. No usable measurement -> NoData, trend Unknown, no latest and no next_due.
//  3. The latest measurement is the one with the latest date; on a tie of dates the later one in
//     input order wins (a correction entered after the first value). Input may be in any order.
//  4. With a frequency set, next_due = latest date + one period (7 days, or 1, 3, 6 or 12 calendar
//     months clamped to the month's end). If next_due is before `today` -> Overdue: stale data says
//     nothing about now. Due today is not overdue. Overdue wins over every threshold rule below.
//  5. Neither a target nor an amber threshold -> NoData: there is nothing to compare the value
//     against, and calling it on or off target would be a guess.
//  6. Otherwise, with v the latest value and the amber threshold defaulting to the target:
//       higher is better: v >= amber -> OnTarget; else v <= red -> OffTarget; else with red set
//                         -> AtRisk, and with no red -> OffTarget (below amber is all there is).
//       lower is better:  v <= amber -> OnTarget; else v >= red -> OffTarget; else with red set
//                         -> AtRisk, and with no red -> OffTarget.
//     A value exactly on a threshold gets the better of the two statuses it separates, except on
//     the red threshold, which is OffTarget.
//
// The trend is computed for every status that has data (Overdue included: the history is still
// the history): the latest value is compared with the mean of the up to two measurements before it
// (by date, same order as rule 3). A change of at most 1% of max(|mean|, |target or 0|, 1e-9) is
// Stable, so noise around a value does not flip the arrow; otherwise Improving when it moved in
// the better direction and Worsening when not. Fewer than two usable measurements -> Unknown.

enum class KpiDirection { HigherIsBetter, LowerIsBetter };
enum class KpiFrequency { Weekly, Monthly, Quarterly, HalfYearly, Yearly };
enum class KpiStatus { OnTarget, AtRisk, OffTarget, NoData, Overdue };
enum class KpiTrend { Improving, Stable, Worsening, Unknown };

struct KpiSpec {
  std::optional<double> target, amber, red;
  KpiDirection direction = KpiDirection::HigherIsBetter;
  std::optional<KpiFrequency> frequency;  // none: the KPI is never overdue
};

struct KpiMeasurement {
  std::string date;  // "YYYY-MM-DD"
  double value = 0;
};

struct KpiEvaluation {
  KpiStatus status = KpiStatus::NoData;
  KpiTrend trend = KpiTrend::Unknown;
  std::optional<KpiMeasurement> latest;  // the measurement the status was judged on
  std::optional<std::string> next_due;   // "YYYY-MM-DD" the next measurement is due; needs a frequency
};

// `today` is "YYYY-MM-DD"; see the rules above.
KpiEvaluation evaluate_kpi(const KpiSpec& spec, std::vector<KpiMeasurement> measurements, std::string_view today);

// Stored and exported values (stable: they are written to the register and to exports) and
// labels for people. parse_* accept exactly the values to_value writes.
std::string_view to_value(KpiStatus status);  // "on_target", "at_risk", "off_target", "no_data", "overdue"
std::string_view to_label(KpiStatus status);  // "On target", "At risk", "Off target", "No data", "Measurement overdue"
std::string_view to_value(KpiTrend trend);    // "improving", "stable", "worsening", "unknown"
std::string_view to_value(KpiDirection direction);  // "higher_is_better", "lower_is_better"
std::optional<KpiDirection> parse_direction(std::string_view value);
std::string_view to_value(KpiFrequency frequency);  // "weekly", "monthly", "quarterly", "half_yearly", "yearly"
std::optional<KpiFrequency> parse_frequency(std::string_view value);

// A sentence for the person editing the KPI when its thresholds are in the wrong order for its
// direction (higher is better: red <= amber <= target; lower is better: red >= amber >= target).
// Only the values that are set are compared, so red above target with no amber is caught too.
// Equal values are fine. nullopt when the order is right or too few values are set to compare.
std::optional<std::string> check_thresholds(const KpiSpec& spec);

}  // namespace isms
