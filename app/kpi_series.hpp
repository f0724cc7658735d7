#pragma once
// A KPI's measurements as a chart draws them (app/views/kpi_chart.cpp): the points in date order,
// the target, and value and day ranges with round axis ticks. Logic only, tested natively.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/record.hpp"

namespace isms::app {

struct SeriesPoint {
  std::string date;     // "YYYY-MM-DD", as the axis labels it
  std::int64_t day = 0;  // days since 1970-01-01: the x position
  double value = 0;
};

struct KpiSeries {
  // By date; measurements of one day in the order they were entered (the later one corrects).
  // Measurements without a readable date or a number are left out (old data, a bad import).
  std::vector<SeriesPoint> points;
  std::optional<double> target;  // the KPI's target field, if it has one and it is set
  std::string unit;              // the KPI's unit, if any ("%")
  // The value axis: round numbers from `low` to `high` that hold every point and the target,
  // `ticks` the round values between them (both ends included), with room so that no point or
  // target sits on an edge.
  double low = 0, high = 1;
  std::vector<double> ticks;
  // The day axis: the first and last measurement's days (equal with one point).
  std::int64_t first_day = 0, last_day = 0;
};

// `measurements` in any order (as the repository returns them, by creation).
KpiSeries kpi_series(const Record& kpi, const std::vector<Record>& measurements);

// Round values (1, 2 or 5 times a power of ten apart) from at most `low` to at least `high`,
// about `about` steps: what a value axis labels.
std::vector<double> round_ticks(double low, double high, int about = 5);

// A tick as the axis shows it: no trailing zeros ("2.5", "40", "0.05").
std::string tick_text(double value);

}  // namespace isms::app
