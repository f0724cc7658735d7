#include "core/kpi/kpi_register.hpp"

#include <optional>
#include <utility>
#include <vector>

#include "core/store/repository.hpp"
#include "core/store/sqlite.hpp"

namespace isms {
namespace {

const Value& field_of(const std::map<std::string, Value>& fields, const char* key) {
  static const Value null_value;
  const auto found = fields.find(key);
  return found != fields.end() ? found->second : null_value;
}

// A Number field is stored as a double, but a value that reached the file some other way may be
// a whole number; text is not a number at all, and is ignored rather than guessed at.
std::optional<double> number_of(const Value& value) {
  if (const auto* real = std::get_if<double>(&value)) return *real;
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return static_cast<double>(*integer);
  return std::nullopt;
}

// Both paths (one KPI, all KPIs) read measurements through this, so they cannot disagree on
// which rows count. evaluate_kpi then ignores bad dates and values from the future itself.
std::optional<KpiMeasurement> measurement_of(const Value& date, const Value& value) {
  const auto* date_text = std::get_if<std::string>(&date);
  const std::optional<double> number = number_of(value);
  if (date_text == nullptr || !number) return std::nullopt;
  return KpiMeasurement{*date_text, *number};
}

std::map<std::string, std::size_t> zero_counts() {
  std::map<std::string, std::size_t> counts;
  for (KpiStatus status :
       {KpiStatus::OnTarget, KpiStatus::AtRisk, KpiStatus::OffTarget, KpiStatus::NoData, KpiStatus::Overdue}) {
    counts.emplace(std::string(to_value(status)), 0);
  }
  return counts;
}

// Every live measurement, grouped by KPI id, each group in the order evaluate_kpi_record reads
// them (date, then entry order: created_at and id, as Repository::find_by sorts).
std::map<std::string, std::vector<KpiMeasurement>> measurements_by_kpi(const Database& db) {
  Statement query = db.prepare(
      "SELECT kpi, date, value FROM rec_measurement WHERE deleted = 0 AND kpi IS NOT NULL "
      "ORDER BY kpi, date, created_at, id");
  std::map<std::string, std::vector<KpiMeasurement>> groups;
  std::vector<KpiMeasurement>* group = nullptr;
  std::string group_id;
  while (query.step()) {
    std::string kpi_id = query.column_text(0);
    if (group == nullptr || kpi_id != group_id) {  // rows come sorted by KPI: one map lookup per KPI
      group_id = std::move(kpi_id);
      group = &groups[group_id];
    }
    if (auto measurement = measurement_of(query.column_value(1), query.column_value(2))) {
      group->push_back(std::move(*measurement));
    }
  }
  return groups;
}

}  // namespace

KpiSpec kpi_spec(const std::map<std::string, Value>& kpi_fields) {
  KpiSpec spec;
  spec.target = number_of(field_of(kpi_fields, "target"));
  spec.amber = number_of(field_of(kpi_fields, "amber_threshold"));
  spec.red = number_of(field_of(kpi_fields, "red_threshold"));
  const auto* direction = std::get_if<std::string>(&field_of(kpi_fields, "direction"));
  if (direction != nullptr) spec.direction = parse_direction(*direction).value_or(KpiDirection::HigherIsBetter);
  const auto* frequency = std::get_if<std::string>(&field_of(kpi_fields, "frequency"));
  if (frequency != nullptr) spec.frequency = parse_frequency(*frequency);
  return spec;
}

KpiEvaluation evaluate_kpi_record(const Repository& records, const Record& kpi, std::string_view today) {
  std::vector<KpiMeasurement> measurements;
  for (const Record& row : records.find_by("measurement", "kpi", Value(kpi.id))) {
    if (auto measurement = measurement_of(row.get("date"), row.get("value"))) {
      measurements.push_back(std::move(*measurement));
    }
  }
  return evaluate_kpi(kpi_spec(kpi.fields), std::move(measurements), today);
}

std::map<std::string, std::size_t> kpi_status_counts(const Repository& records, std::string_view today) {
  const Database& db = records.database();
  std::map<std::string, std::vector<KpiMeasurement>> measurements = measurements_by_kpi(db);
  std::map<std::string, std::size_t> counts = zero_counts();
  for (const Record& kpi : records.list("kpi")) {
    auto found = measurements.find(kpi.id);
    std::vector<KpiMeasurement> own =
        found != measurements.end() ? std::move(found->second) : std::vector<KpiMeasurement>{};
    ++counts[std::string(to_value(evaluate_kpi(kpi_spec(kpi.fields), std::move(own), today).status))];
  }
  return counts;
}

}  // namespace isms
