#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "core/kpi/kpi_status.hpp"
#include "core/model/record.hpp"
#include "core/model/value.hpp"

namespace isms {

class Repository;

// The bridge between the KPI and measurement registers (core/model/registers/kpi.cpp) and the
// status rules of core/kpi/kpi_status.hpp: the register stores values, the rules judge them.

// A KPI's fields as the rules read them: target, amber_threshold and red_threshold (numbers, or
// unset when null), direction (higher is better unless it says lower_is_better) and frequency
// (none when unset or unknown: such a KPI is never overdue). Takes the field map so the register's
// own threshold rule reads the values exactly as the status evaluation will.
KpiSpec kpi_spec(const std::map<std::string, Value>& kpi_fields);

// The status and trend of one KPI record from its live measurements, `today` being "YYYY-MM-DD".
// Measurements with equal dates count in the order they were entered (the later one is a
// correction), as in kpi_status_counts.
KpiEvaluation evaluate_kpi_record(const Repository& records, const Record& kpi, std::string_view today);

// How many live KPIs are in each status, keyed by to_value(KpiStatus) ("on_target", ...), every
// status present, 0 included, so a dashboard can show all of them without looking keys up.
// Reads every measurement in one query instead of one per KPI: the dashboard shows this on every
// frame it changes, and the browser build must do 200 KPIs with 20,000 measurements well within
// a frame.
std::map<std::string, std::size_t> kpi_status_counts(const Repository& records, std::string_view today);

}  // namespace isms
