#include "core/kpi/kpi_status.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "core/util/date.hpp"

namespace isms {
namespace {

// One table per enum, read in both directions, so a value that is written can always be parsed back.
template <typename Enum, std::size_t N>
using TextTable = std::array<std::pair<Enum, std::string_view>, N>;

constexpr TextTable<KpiStatus, 5> status_values{{
    {KpiStatus::OnTarget, "on_target"},
    {KpiStatus::AtRisk, "at_risk"},
    {KpiStatus::OffTarget, "off_target"},
    {KpiStatus::NoData, "no_data"},
    {KpiStatus::Overdue, "overdue"},
}};
constexpr TextTable<KpiStatus, 5> status_labels{{
    {KpiStatus::OnTarget, "On target"},
    {KpiStatus::AtRisk, "At risk"},
    {KpiStatus::OffTarget, "Off target"},
    {KpiStatus::NoData, "No data"},
    {KpiStatus::Overdue, "Measurement overdue"},
}};
constexpr TextTable<KpiTrend, 4> trend_values{{
    {KpiTrend::Improving, "improving"},
    {KpiTrend::Stable, "stable"},
    {KpiTrend::Worsening, "worsening"},
    {KpiTrend::Unknown, "unknown"},
}};
constexpr TextTable<KpiDirection, 2> direction_values{{
    {KpiDirection::HigherIsBetter, "higher_is_better"},
    {KpiDirection::LowerIsBetter, "lower_is_better"},
}};
constexpr TextTable<KpiFrequency, 5> frequency_values{{
    {KpiFrequency::Weekly, "weekly"},
    {KpiFrequency::Monthly, "monthly"},
    {KpiFrequency::Quarterly, "quarterly"},
    {KpiFrequency::HalfYearly, "half_yearly"},
    {KpiFrequency::Yearly, "yearly"},
}};

template <typename Enum, std::size_t N>
std::string_view text_of(const TextTable<Enum, N>& table, Enum key) {
  for (const auto& [candidate, text] : table) {
    if (candidate == key) return text;
  }
  return "unknown";  // only for a value cast from outside the enum
}

template <typename Enum, std::size_t N>
std::optional<Enum> enum_of(const TextTable<Enum, N>& table, std::string_view text) {
  for (const auto& [candidate, candidate_text] : table) {
    if (candidate_text == text) return candidate;
  }
  return std::nullopt;
}

// A measurement whose date has been read, so sorting and the due date need not parse it again.
struct DatedMeasurement {
  CivilDate date;
  KpiMeasurement measurement;
};

CivilDate next_due_date(const CivilDate& last, KpiFrequency frequency) {
  switch (frequency) {
    case KpiFrequency::Weekly:
      return add_days(last, 7);
    case KpiFrequency::Monthly:
      return add_months(last, 1);
    case KpiFrequency::Quarterly:
      return add_months(last, 3);
    case KpiFrequency::HalfYearly:
      return add_months(last, 6);
    case KpiFrequency::Yearly:
      return add_months(last, 12);
  }
  return last;
}

// The usable measurements (rule 1 of the header), oldest first, equal dates in input order.
// stable_sort keeps equal dates in input order, which makes the last of them the latest (rule 3).
std::vector<DatedMeasurement> usable_in_date_order(std::vector<KpiMeasurement> measurements,
                                                   const std::optional<CivilDate>& today) {
  std::vector<DatedMeasurement> dated;
  dated.reserve(measurements.size());
  for (KpiMeasurement& measurement : measurements) {
    const std::optional<CivilDate> date = parse_date(measurement.date);
    if (!date || !std::isfinite(measurement.value)) continue;
    if (today && *date > *today) continue;
    dated.push_back({*date, std::move(measurement)});
  }
  std::stable_sort(dated.begin(), dated.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
  return dated;
}

bool is_better(KpiDirection direction, double value, double than) {
  return direction == KpiDirection::HigherIsBetter ? value > than : value < than;
}

// Rule 6 of the header. `amber` is the amber threshold, or the target when it has none.
KpiStatus status_of_value(const KpiSpec& spec, double amber, double value) {
  if (!is_better(spec.direction, amber, value)) return KpiStatus::OnTarget;  // on or past the amber line
  if (!spec.red || !is_better(spec.direction, value, *spec.red)) return KpiStatus::OffTarget;
  return KpiStatus::AtRisk;
}

KpiTrend trend_of(const KpiSpec& spec, const std::vector<DatedMeasurement>& ordered) {
  if (ordered.size() < 2) return KpiTrend::Unknown;
  const double latest = ordered.back().measurement.value;
  const std::size_t before = std::min<std::size_t>(2, ordered.size() - 1);
  double sum = 0;
  for (std::size_t i = ordered.size() - 1 - before; i < ordered.size() - 1; ++i) sum += ordered[i].measurement.value;
  const double mean = sum / static_cast<double>(before);
  // Relative to the size of the numbers, so 0.5 points on a 95% KPI and 5 incidents on 500 are both
  // noise; the target keeps a KPI hovering around zero from treating every wobble as a move.
  const double scale = std::max({std::abs(mean), std::abs(spec.target.value_or(0)), 1e-9});
  if (std::abs(latest - mean) <= 0.01 * scale) return KpiTrend::Stable;
  return is_better(spec.direction, latest, mean) ? KpiTrend::Improving : KpiTrend::Worsening;
}

}  // namespace

KpiEvaluation evaluate_kpi(const KpiSpec& spec, std::vector<KpiMeasurement> measurements, std::string_view today) {
  const std::optional<CivilDate> today_date = parse_date(today);
  const std::vector<DatedMeasurement> ordered = usable_in_date_order(std::move(measurements), today_date);
  KpiEvaluation evaluation;
  if (ordered.empty()) return evaluation;  // NoData, Unknown

  const DatedMeasurement& latest = ordered.back();
  evaluation.latest = latest.measurement;
  evaluation.trend = trend_of(spec, ordered);
  if (spec.frequency) {
    const CivilDate due = next_due_date(latest.date, *spec.frequency);
    evaluation.next_due = format_date(due);
    if (today_date && due < *today_date) {
      evaluation.status = KpiStatus::Overdue;
      return evaluation;
    }
  }
  const std::optional<double> amber = spec.amber ? spec.amber : spec.target;
  evaluation.status = amber ? status_of_value(spec, *amber, latest.measurement.value) : KpiStatus::NoData;
  return evaluation;
}

std::string_view to_value(KpiStatus status) { return text_of(status_values, status); }
std::string_view to_label(KpiStatus status) { return text_of(status_labels, status); }
std::string_view to_value(KpiTrend trend) { return text_of(trend_values, trend); }
std::string_view to_value(KpiDirection direction) { return text_of(direction_values, direction); }
std::optional<KpiDirection> parse_direction(std::string_view value) { return enum_of(direction_values, value); }
std::string_view to_value(KpiFrequency frequency) { return text_of(frequency_values, frequency); }
std::optional<KpiFrequency> parse_frequency(std::string_view value) { return enum_of(frequency_values, value); }

std::optional<std::string> check_thresholds(const KpiSpec& spec) {
  // From worst to best; each set value must not be better than any set value after it.
  const std::optional<double> worst_to_best[] = {spec.red, spec.amber, spec.target};
  bool in_order = true;
  for (std::size_t i = 0; i < 3; ++i) {
    for (std::size_t j = i + 1; j < 3; ++j) {
      const auto& worse = worst_to_best[i];
      const auto& better = worst_to_best[j];
      if (worse && better && is_better(spec.direction, *worse, *better)) in_order = false;
    }
  }
  if (in_order) return std::nullopt;
  if (spec.direction == KpiDirection::HigherIsBetter) {
    return "For a KPI where higher is better, the red threshold must not be above the amber threshold, nor the amber "
           "threshold above the target.";
  }
  return "For a KPI where lower is better, the red threshold must not be below the amber threshold, nor the amber "
         "threshold below the target.";
}

}  // namespace isms
