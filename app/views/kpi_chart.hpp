#pragma once
// A KPI's measurements as a line chart (issue 4, special views): dates across, values up, the
// target as a dashed line, each measurement marked; hovering a point tells its date and value.

#include "app/kpi_series.hpp"

namespace isms::app::views {

// Draws `series` `width` wide at the cursor, and reports how many points it drew to the
// automation bridge as "kpi-chart-points". With no measurements, a short line says so instead.
void kpi_chart(const KpiSeries& series, float width);

}  // namespace isms::app::views
