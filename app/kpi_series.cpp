#include "app/kpi_series.hpp"

#include <algorithm>
#include <cmath>

#include "core/util/date.hpp"
#include "core/util/number_text.hpp"

namespace isms::app {
namespace {

std::optional<double> number_of(const Value& value) {
  if (const auto* d = std::get_if<double>(&value)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&value)) return static_cast<double>(*i);
  return std::nullopt;
}

}  // namespace

std::vector<double> round_ticks(double low, double high, int about) {
  if (!(high > low)) high = low + 1;  // one value (or nonsense): still an axis
  const double rough = (high - low) / std::max(about, 1);
  const int exponent = static_cast<int>(std::floor(std::log10(rough)));
  // n x 10^exponent, divided rather than multiplied for negative exponents so that 3 steps of
  // 0.1 are the double nearest 0.3, as the label says.
  const auto scaled = [&](double n) {
    return exponent >= 0 ? n * std::pow(10.0, exponent) : n / std::pow(10.0, -exponent);
  };
  double factor = 1;
  for (const double f : {1.0, 2.0, 5.0, 10.0}) {
    factor = f;
    if (scaled(f) >= rough * (1 - 1e-9)) break;
  }
  const double step = scaled(factor);
  std::vector<double> ticks;
  for (double k = std::floor(low / step + 1e-9); ticks.size() < 100; k += 1) {
    const double tick = scaled(k * factor);
    ticks.push_back(tick == 0 ? 0.0 : tick);  // never "-0"
    if (tick >= high - step * 1e-9) break;
  }
  return ticks;
}

std::string tick_text(double value) {
  // Round to what an axis can mean (12 significant digits), then the shortest text for it.
  if (value == 0) return "0";
  const double scale = std::pow(10.0, 11 - std::floor(std::log10(std::abs(value))));
  return format_double(std::round(value * scale) / scale);
}

KpiSeries kpi_series(const Record& kpi, const std::vector<Record>& measurements) {
  KpiSeries series;
  series.target = number_of(kpi.get("target"));
  if (const auto* unit = std::get_if<std::string>(&kpi.get("unit"))) series.unit = *unit;
  for (const Record& measurement : measurements) {
    const auto* date_text = std::get_if<std::string>(&measurement.get("date"));
    const std::optional<CivilDate> date = date_text != nullptr ? parse_date(*date_text) : std::nullopt;
    const std::optional<double> value = number_of(measurement.get("value"));
    if (!date || !value) continue;
    series.points.push_back({*date_text, days_since_epoch(*date), *value});
  }
  // Stable: one day's measurements keep the order they came in (by creation).
  std::stable_sort(series.points.begin(), series.points.end(),
                   [](const SeriesPoint& a, const SeriesPoint& b) { return a.day < b.day; });

  std::optional<double> low = series.target, high = series.target;
  for (const SeriesPoint& point : series.points) {
    low = std::min(low.value_or(point.value), point.value);
    high = std::max(high.value_or(point.value), point.value);
  }
  if (!low) low = high = 0.0;
  // Room around the values, so that no point or target sits on the frame's edge; a flat line
  // sits in the middle.
  const double room = *high > *low ? (*high - *low) * 0.05 : (*low == 0 ? 1.0 : std::abs(*low) * 0.1);
  *low -= room;
  *high += room;
  series.ticks = round_ticks(*low, *high);
  series.low = series.ticks.front();
  series.high = series.ticks.back();
  if (!series.points.empty()) {
    series.first_day = series.points.front().day;
    series.last_day = series.points.back().day;
  }
  return series;
}

}  // namespace isms::app
