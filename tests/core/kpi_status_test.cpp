#include <doctest/doctest.h>

#include <limits>
#include <set>

#include "core/kpi/kpi_status.hpp"

using namespace isms;

namespace {

constexpr const char* today = "2026-11-26";

KpiSpec spec_of(KpiDirection direction, std::optional<double> target, std::optional<double> amber,
                std::optional<double> red, std::optional<KpiFrequency> frequency = std::nullopt) {
  KpiSpec spec;
  spec.direction = direction;
  spec.target = target;
  spec.amber = amber;
  spec.red = red;
  spec.frequency = frequency;
  return spec;
}

// Target 95, amber 90, red 80: e.g. the share of staff who completed security awareness training.
KpiSpec higher_spec() { return spec_of(KpiDirection::HigherIsBetter, 95, 90, 80); }
// Target 5, amber 10, red 20: e.g. days to patch a critical vulnerability.
KpiSpec lower_spec() { return spec_of(KpiDirection::LowerIsBetter, 5, 10, 20); }

KpiStatus status_of(const KpiSpec& spec, double value) {
  return evaluate_kpi(spec, {{"2026-11-01", value}}, today).status;
}

KpiTrend trend_of(const KpiSpec& spec, std::vector<double> values) {
  std::vector<KpiMeasurement> measurements;
  int day = 1;
  for (const double value : values) {
    measurements.push_back({"2026-10-" + std::string(day < 10 ? "0" : "") + std::to_string(day), value});
    ++day;
  }
  return evaluate_kpi(spec, measurements, today).trend;
}

}  // namespace

TEST_CASE("kpi status: no measurements is NoData, with no latest and no due date") {
  const KpiEvaluation evaluation =
      evaluate_kpi(spec_of(KpiDirection::HigherIsBetter, 95, 90, 80, KpiFrequency::Monthly), {}, today);
  CHECK(evaluation.status == KpiStatus::NoData);
  CHECK(evaluation.trend == KpiTrend::Unknown);
  CHECK_FALSE(evaluation.latest.has_value());
  CHECK_FALSE(evaluation.next_due.has_value());
}

TEST_CASE("kpi status: higher is better, every status and the values exactly on a threshold") {
  const KpiSpec spec = higher_spec();
  CHECK(status_of(spec, 99) == KpiStatus::OnTarget);
  CHECK(status_of(spec, 95) == KpiStatus::OnTarget);
  CHECK(status_of(spec, 90) == KpiStatus::OnTarget);  // on amber: still on target
  CHECK(status_of(spec, 89.99) == KpiStatus::AtRisk);
  CHECK(status_of(spec, 80.01) == KpiStatus::AtRisk);
  CHECK(status_of(spec, 80) == KpiStatus::OffTarget);  // on red: off target
  CHECK(status_of(spec, 10) == KpiStatus::OffTarget);
  CHECK(status_of(spec, -5) == KpiStatus::OffTarget);
}

TEST_CASE("kpi status: lower is better, every status and the values exactly on a threshold") {
  const KpiSpec spec = lower_spec();
  CHECK(status_of(spec, 0) == KpiStatus::OnTarget);
  CHECK(status_of(spec, 5) == KpiStatus::OnTarget);
  CHECK(status_of(spec, 10) == KpiStatus::OnTarget);  // on amber: still on target
  CHECK(status_of(spec, 10.01) == KpiStatus::AtRisk);
  CHECK(status_of(spec, 19.99) == KpiStatus::AtRisk);
  CHECK(status_of(spec, 20) == KpiStatus::OffTarget);  // on red: off target
  CHECK(status_of(spec, 300) == KpiStatus::OffTarget);
}

TEST_CASE("kpi status: the amber threshold defaults to the target") {
  const KpiSpec higher = spec_of(KpiDirection::HigherIsBetter, 95, std::nullopt, 80);
  CHECK(status_of(higher, 95) == KpiStatus::OnTarget);
  CHECK(status_of(higher, 94) == KpiStatus::AtRisk);
  CHECK(status_of(higher, 80) == KpiStatus::OffTarget);
  const KpiSpec lower = spec_of(KpiDirection::LowerIsBetter, 5, std::nullopt, 20);
  CHECK(status_of(lower, 5) == KpiStatus::OnTarget);
  CHECK(status_of(lower, 6) == KpiStatus::AtRisk);
  CHECK(status_of(lower, 20) == KpiStatus::OffTarget);
}

TEST_CASE("kpi status: an amber threshold without a target is enough to judge") {
  CHECK(status_of(spec_of(KpiDirection::HigherIsBetter, std::nullopt, 90, 80), 90) == KpiStatus::OnTarget);
  CHECK(status_of(spec_of(KpiDirection::HigherIsBetter, std::nullopt, 90, 80), 85) == KpiStatus::AtRisk);
  CHECK(status_of(spec_of(KpiDirection::LowerIsBetter, std::nullopt, 10, 20), 15) == KpiStatus::AtRisk);
}

TEST_CASE("kpi status: with no red threshold, anything short of amber is off target") {
  const KpiSpec higher = spec_of(KpiDirection::HigherIsBetter, 95, 90, std::nullopt);
  CHECK(status_of(higher, 90) == KpiStatus::OnTarget);
  CHECK(status_of(higher, 89.99) == KpiStatus::OffTarget);
  const KpiSpec lower = spec_of(KpiDirection::LowerIsBetter, 5, std::nullopt, std::nullopt);
  CHECK(status_of(lower, 5) == KpiStatus::OnTarget);
  CHECK(status_of(lower, 5.01) == KpiStatus::OffTarget);
}

TEST_CASE("kpi status: with neither target nor amber there is nothing to judge against (NoData)") {
  const KpiSpec spec = spec_of(KpiDirection::HigherIsBetter, std::nullopt, std::nullopt, 80);
  const KpiEvaluation evaluation = evaluate_kpi(spec, {{"2026-10-01", 70}, {"2026-11-01", 90}}, today);
  CHECK(evaluation.status == KpiStatus::NoData);
  REQUIRE(evaluation.latest.has_value());
  CHECK(evaluation.latest->value == 90);
  CHECK(evaluation.trend == KpiTrend::Improving);  // the history still has a direction
}

TEST_CASE("kpi status: overdue for each frequency, and due today is not overdue") {
  struct Case {
    KpiFrequency frequency;
    const char* latest;
    const char* due;
  };
  // Each latest date is one period before today, so today is the due date; the day after is overdue.
  const Case cases[] = {
      {KpiFrequency::Weekly, "2026-11-19", "2026-11-26"},    {KpiFrequency::Monthly, "2026-10-26", "2026-11-26"},
      {KpiFrequency::Quarterly, "2026-08-26", "2026-11-26"}, {KpiFrequency::HalfYearly, "2026-05-26", "2026-11-26"},
      {KpiFrequency::Yearly, "2025-11-26", "2026-11-26"},
  };
  for (const Case& c : cases) {
    CAPTURE(to_value(c.frequency));
    const KpiSpec spec = spec_of(KpiDirection::HigherIsBetter, 95, 90, 80, c.frequency);
    const KpiEvaluation due_today = evaluate_kpi(spec, {{c.latest, 99}}, "2026-11-26");
    CHECK(due_today.status == KpiStatus::OnTarget);
    CHECK(due_today.next_due == std::optional<std::string>(c.due));
    const KpiEvaluation late = evaluate_kpi(spec, {{c.latest, 99}}, "2026-11-27");
    CHECK(late.status == KpiStatus::Overdue);
    CHECK(late.next_due == std::optional<std::string>(c.due));
    REQUIRE(late.latest.has_value());
    CHECK(late.latest->date == c.latest);
  }
}

TEST_CASE("kpi status: the due date of a month-end measurement is clamped to the month's end") {
  const KpiSpec spec = spec_of(KpiDirection::LowerIsBetter, 5, 10, 20, KpiFrequency::Monthly);
  const KpiEvaluation evaluation = evaluate_kpi(spec, {{"2026-01-31", 3}}, "2026-02-28");
  CHECK(evaluation.next_due == std::optional<std::string>("2026-02-28"));
  CHECK(evaluation.status == KpiStatus::OnTarget);
  CHECK(evaluate_kpi(spec, {{"2026-01-31", 3}}, "2026-03-01").status == KpiStatus::Overdue);
}

TEST_CASE("kpi status: overdue wins over the thresholds, and no frequency is never overdue") {
  const KpiSpec monthly = spec_of(KpiDirection::HigherIsBetter, 95, 90, 80, KpiFrequency::Monthly);
  CHECK(evaluate_kpi(monthly, {{"2020-01-01", 10}}, today).status == KpiStatus::Overdue);
  const KpiEvaluation unscheduled = evaluate_kpi(higher_spec(), {{"2020-01-01", 10}}, today);
  CHECK(unscheduled.status == KpiStatus::OffTarget);
  CHECK_FALSE(unscheduled.next_due.has_value());
}

TEST_CASE("kpi status: measurements in any order, the latest by date decides") {
  const KpiSpec spec = spec_of(KpiDirection::HigherIsBetter, 95, 90, 80, KpiFrequency::Monthly);
  const KpiEvaluation evaluation =
      evaluate_kpi(spec, {{"2026-11-20", 85}, {"2026-09-20", 99}, {"2026-10-20", 97}}, today);
  CHECK(evaluation.status == KpiStatus::AtRisk);
  REQUIRE(evaluation.latest.has_value());
  CHECK(evaluation.latest->date == "2026-11-20");
  CHECK(evaluation.latest->value == 85);
  CHECK(evaluation.next_due == std::optional<std::string>("2026-12-20"));
  CHECK(evaluation.trend == KpiTrend::Worsening);  // 85 against the mean of 99 and 97
}

TEST_CASE("kpi status: on a tie of dates the later measurement in input order wins") {
  const KpiSpec spec = higher_spec();
  const KpiEvaluation corrected = evaluate_kpi(spec, {{"2026-11-20", 70}, {"2026-11-20", 96}}, today);
  CHECK(corrected.status == KpiStatus::OnTarget);
  REQUIRE(corrected.latest.has_value());
  CHECK(corrected.latest->value == 96);
  const KpiEvaluation reversed = evaluate_kpi(spec, {{"2026-11-20", 96}, {"2026-11-20", 70}}, today);
  CHECK(reversed.status == KpiStatus::OffTarget);
}

TEST_CASE("kpi status: measurements dated after today are ignored") {
  const KpiSpec spec = spec_of(KpiDirection::HigherIsBetter, 95, 90, 80, KpiFrequency::Monthly);
  const KpiEvaluation evaluation = evaluate_kpi(spec, {{"2026-11-26", 85}, {"2026-11-27", 99}}, today);
  CHECK(evaluation.status == KpiStatus::AtRisk);  // today's measurement counts, tomorrow's does not
  REQUIRE(evaluation.latest.has_value());
  CHECK(evaluation.latest->date == "2026-11-26");
  CHECK(evaluation.trend == KpiTrend::Unknown);
  const KpiEvaluation only_future = evaluate_kpi(spec, {{"2027-01-01", 99}}, today);
  CHECK(only_future.status == KpiStatus::NoData);
  CHECK_FALSE(only_future.latest.has_value());
}

TEST_CASE("kpi status: measurements with an invalid date or a non-finite value are ignored") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double infinity = std::numeric_limits<double>::infinity();
  const KpiEvaluation evaluation = evaluate_kpi(
      higher_spec(), {{"2026-10-01", 96}, {"2026-02-30", 10}, {"", 10}, {"2026-11-01", nan}, {"2026-11-02", infinity}},
      today);
  CHECK(evaluation.status == KpiStatus::OnTarget);
  REQUIRE(evaluation.latest.has_value());
  CHECK(evaluation.latest->date == "2026-10-01");
}

TEST_CASE("kpi status: an invalid today neither drops future measurements nor judges overdue") {
  const KpiSpec spec = spec_of(KpiDirection::HigherIsBetter, 95, 90, 80, KpiFrequency::Weekly);
  const KpiEvaluation evaluation = evaluate_kpi(spec, {{"2020-01-01", 70}, {"2030-01-01", 99}}, "not a date");
  CHECK(evaluation.status == KpiStatus::OnTarget);
  CHECK(evaluation.next_due == std::optional<std::string>("2030-01-08"));
}

TEST_CASE("kpi trend: fewer than two measurements is unknown") {
  CHECK(trend_of(higher_spec(), {}) == KpiTrend::Unknown);
  CHECK(trend_of(higher_spec(), {90}) == KpiTrend::Unknown);
  CHECK(trend_of(lower_spec(), {5}) == KpiTrend::Unknown);
}

TEST_CASE("kpi trend: higher is better") {
  const KpiSpec spec = higher_spec();
  CHECK(trend_of(spec, {80, 90}) == KpiTrend::Improving);
  CHECK(trend_of(spec, {90, 80}) == KpiTrend::Worsening);
  CHECK(trend_of(spec, {90, 90}) == KpiTrend::Stable);
  CHECK(trend_of(spec, {80, 90, 86}) == KpiTrend::Improving);  // 86 against the mean 85
  CHECK(trend_of(spec, {90, 80, 84}) == KpiTrend::Worsening);  // 84 against the mean 85
}

TEST_CASE("kpi trend: lower is better") {
  const KpiSpec spec = lower_spec();
  CHECK(trend_of(spec, {20, 10}) == KpiTrend::Improving);
  CHECK(trend_of(spec, {10, 20}) == KpiTrend::Worsening);
  CHECK(trend_of(spec, {10, 10}) == KpiTrend::Stable);
  CHECK(trend_of(spec, {30, 10, 19}) == KpiTrend::Improving);  // 19 against the mean 20
  CHECK(trend_of(spec, {10, 30, 21}) == KpiTrend::Worsening);  // 21 against the mean 20
}

TEST_CASE("kpi trend: only the last three measurements count") {
  // The first value would pull the mean far down; it is not part of the window.
  CHECK(trend_of(higher_spec(), {0, 90, 90, 90}) == KpiTrend::Stable);
  CHECK(trend_of(higher_spec(), {100, 80, 80, 85}) == KpiTrend::Improving);
}

TEST_CASE("kpi trend: a change of at most 1% is stable") {
  // Target 0 lets the mean set the scale: 1% of 100 is 1.
  const KpiSpec spec = spec_of(KpiDirection::HigherIsBetter, 0, std::nullopt, std::nullopt);
  CHECK(trend_of(spec, {100, 101}) == KpiTrend::Stable);
  CHECK(trend_of(spec, {100, 99}) == KpiTrend::Stable);
  CHECK(trend_of(spec, {100, 101.5}) == KpiTrend::Improving);
  CHECK(trend_of(spec, {100, 98.5}) == KpiTrend::Worsening);
  // Around zero the target sets the scale: 1% of 50 is 0.5.
  const KpiSpec near_zero = spec_of(KpiDirection::LowerIsBetter, 50, std::nullopt, std::nullopt);
  CHECK(trend_of(near_zero, {0, 0.5}) == KpiTrend::Stable);
  CHECK(trend_of(near_zero, {0, 0.6}) == KpiTrend::Worsening);
  CHECK(trend_of(near_zero, {0.6, 0}) == KpiTrend::Improving);
  // With no target and a mean of zero any real change counts.
  const KpiSpec bare = spec_of(KpiDirection::LowerIsBetter, std::nullopt, std::nullopt, std::nullopt);
  CHECK(trend_of(bare, {0, 0}) == KpiTrend::Stable);
  CHECK(trend_of(bare, {0, 0.001}) == KpiTrend::Worsening);
}

TEST_CASE("kpi thresholds: the right order for the direction is accepted") {
  CHECK_FALSE(check_thresholds(higher_spec()).has_value());
  CHECK_FALSE(check_thresholds(lower_spec()).has_value());
  CHECK_FALSE(check_thresholds(spec_of(KpiDirection::HigherIsBetter, 90, 90, 90)).has_value());
  CHECK_FALSE(check_thresholds(spec_of(KpiDirection::LowerIsBetter, 10, 10, 10)).has_value());
  CHECK_FALSE(check_thresholds(KpiSpec{}).has_value());
  CHECK_FALSE(check_thresholds(spec_of(KpiDirection::HigherIsBetter, 95, std::nullopt, std::nullopt)).has_value());
}

TEST_CASE("kpi thresholds: the wrong order for higher is better is explained") {
  const std::string message =
      "For a KPI where higher is better, the red threshold must not be above the amber threshold, nor the amber "
      "threshold above the target.";
  CHECK(check_thresholds(spec_of(KpiDirection::HigherIsBetter, 95, 90, 91)) == message);  // red above amber
  CHECK(check_thresholds(spec_of(KpiDirection::HigherIsBetter, 95, 96, 80)) == message);  // amber above target
  CHECK(check_thresholds(spec_of(KpiDirection::HigherIsBetter, 95, std::nullopt, 96)) == message);
  // The thresholds of a lower-is-better KPI, entered with the wrong direction.
  CHECK(check_thresholds(spec_of(KpiDirection::HigherIsBetter, 5, 10, 20)) == message);
}

TEST_CASE("kpi thresholds: the wrong order for lower is better is explained") {
  const std::string message =
      "For a KPI where lower is better, the red threshold must not be below the amber threshold, nor the amber "
      "threshold below the target.";
  CHECK(check_thresholds(spec_of(KpiDirection::LowerIsBetter, 5, 10, 9)) == message);  // red below amber
  CHECK(check_thresholds(spec_of(KpiDirection::LowerIsBetter, 5, 4, 20)) == message);  // amber below target
  CHECK(check_thresholds(spec_of(KpiDirection::LowerIsBetter, 5, std::nullopt, 4)) == message);
  CHECK(check_thresholds(spec_of(KpiDirection::LowerIsBetter, 95, 90, 80)) == message);
}

TEST_CASE("kpi values: status, trend, direction and frequency have fixed values and labels") {
  CHECK(to_value(KpiStatus::OnTarget) == "on_target");
  CHECK(to_value(KpiStatus::AtRisk) == "at_risk");
  CHECK(to_value(KpiStatus::OffTarget) == "off_target");
  CHECK(to_value(KpiStatus::NoData) == "no_data");
  CHECK(to_value(KpiStatus::Overdue) == "overdue");
  CHECK(to_label(KpiStatus::OnTarget) == "On target");
  CHECK(to_label(KpiStatus::AtRisk) == "At risk");
  CHECK(to_label(KpiStatus::OffTarget) == "Off target");
  CHECK(to_label(KpiStatus::NoData) == "No data");
  CHECK(to_label(KpiStatus::Overdue) == "Measurement overdue");
  CHECK(to_value(KpiTrend::Improving) == "improving");
  CHECK(to_value(KpiTrend::Stable) == "stable");
  CHECK(to_value(KpiTrend::Worsening) == "worsening");
  CHECK(to_value(KpiTrend::Unknown) == "unknown");
  CHECK(to_value(KpiDirection::HigherIsBetter) == "higher_is_better");
  CHECK(to_value(KpiDirection::LowerIsBetter) == "lower_is_better");
  CHECK(to_value(KpiFrequency::Weekly) == "weekly");
  CHECK(to_value(KpiFrequency::Monthly) == "monthly");
  CHECK(to_value(KpiFrequency::Quarterly) == "quarterly");
  CHECK(to_value(KpiFrequency::HalfYearly) == "half_yearly");
  CHECK(to_value(KpiFrequency::Yearly) == "yearly");
}

TEST_CASE("kpi values: direction and frequency round-trip, and unknown text is refused") {
  for (const KpiDirection direction : {KpiDirection::HigherIsBetter, KpiDirection::LowerIsBetter}) {
    CHECK(parse_direction(to_value(direction)) == direction);
  }
  for (const KpiFrequency frequency : {KpiFrequency::Weekly, KpiFrequency::Monthly, KpiFrequency::Quarterly,
                                       KpiFrequency::HalfYearly, KpiFrequency::Yearly}) {
    CHECK(parse_frequency(to_value(frequency)) == frequency);
  }
  for (const char* text : {"", "Weekly", "daily", "half-yearly", " monthly"}) {
    CAPTURE(text);
    CHECK_FALSE(parse_frequency(text).has_value());
  }
  for (const char* text : {"", "higher", "Higher_is_better", "lower is better"}) {
    CAPTURE(text);
    CHECK_FALSE(parse_direction(text).has_value());
  }
}

TEST_CASE("kpi values: every status and trend value and label is distinct") {
  std::set<std::string_view> status_values, status_labels, trend_values;
  for (const KpiStatus status :
       {KpiStatus::OnTarget, KpiStatus::AtRisk, KpiStatus::OffTarget, KpiStatus::NoData, KpiStatus::Overdue}) {
    status_values.insert(to_value(status));
    status_labels.insert(to_label(status));
  }
  for (const KpiTrend trend : {KpiTrend::Improving, KpiTrend::Stable, KpiTrend::Worsening, KpiTrend::Unknown}) {
    trend_values.insert(to_value(trend));
  }
  CHECK(status_values.size() == 5);
  CHECK(status_labels.size() == 5);
  CHECK(trend_values.size() == 4);
}
