#include <map>
#include <optional>
#include <string>

#include "core/kpi/kpi_register.hpp"
#include "core/kpi/kpi_status.hpp"
#include "core/model/field_builder.hpp"
#include "core/model/registers/registers.hpp"
#include "core/model/value_access.hpp"

namespace isms::registers {
namespace {

std::string value_of(KpiDirection direction) { return std::string(to_value(direction)); }
std::string value_of(KpiFrequency frequency) { return std::string(to_value(frequency)); }

// The thresholds must be in the order the status rules assume, or a value could be "on target"
// and "off target" at once. The message comes from the rules themselves (check_thresholds); the
// field marked is the one to fix: the amber threshold when it is on the wrong side of the target,
// otherwise the red one (the target is what the KPI promises, so it is the fixed point).
std::optional<FieldError> thresholds_in_order(const Values& values) {
  const KpiSpec spec = kpi_spec(values);
  const std::optional<std::string> problem = check_thresholds(spec);
  if (!problem) return std::nullopt;
  KpiSpec amber_and_target = spec;
  amber_and_target.red.reset();
  const bool amber_wrong = check_thresholds(amber_and_target).has_value();
  return FieldError{amber_wrong ? "amber_threshold" : "red_threshold", *problem};
}

}  // namespace

// 9.1: what is measured, how, how often, by whom, and what counts as good. The status and trend
// are not stored: they depend on today's date, so they are computed when shown (kpi_register.hpp).
EntityDef kpi() {
  EntityDef def;
  def.kind = "kpi";
  def.label = "KPI";
  def.plural = "KPIs";
  def.title_field = "name";
  def.fields = {
      field("name", "Name", FieldType::Text).required(),
      field("definition", "Definition", FieldType::LongText).help("What is measured, and why it matters."),
      field("formula", "Formula", FieldType::LongText).help("How the value is calculated from the data."),
      field("unit", "Unit", FieldType::Text).max_length(32).help("e.g. %, days, incidents."),
      field("target", "Target", FieldType::Number),
      field("amber_threshold", "Amber threshold", FieldType::Number)
          .help("From here on the KPI is at risk; the target if left empty."),
      field("red_threshold", "Red threshold", FieldType::Number).help("From here on the KPI is off target."),
      // The stored values are kpi_status.hpp's, so the status rules can always read them.
      field("direction", "Direction", FieldType::Enum)
          .required()
          .options({{value_of(KpiDirection::HigherIsBetter), "Higher is better"},
                    {value_of(KpiDirection::LowerIsBetter), "Lower is better"}})
          .default_value(value_of(KpiDirection::HigherIsBetter)),
      field("frequency", "Measurement frequency", FieldType::Enum)
          .options({{value_of(KpiFrequency::Weekly), "Weekly"},
                    {value_of(KpiFrequency::Monthly), "Monthly"},
                    {value_of(KpiFrequency::Quarterly), "Quarterly"},
                    {value_of(KpiFrequency::HalfYearly), "Half-yearly"},
                    {value_of(KpiFrequency::Yearly), "Yearly"}})
          .help("A KPI not measured within one period after its last measurement is overdue."),
      field("owner", "Owner", FieldType::Link).links_to("person"),
      field("data_source", "Data source", FieldType::Text).help("Where the values come from, e.g. the ticket system."),
      field("process", "Process", FieldType::Link).links_to("process"),
  };
  def.checks = {thresholds_in_order};
  return def;
}

// One value of a KPI on one day. Part of its KPI: deleting the KPI deletes its measurements, and
// restoring it brings them back.
EntityDef measurement() {
  EntityDef def;
  def.kind = "measurement";
  def.label = "Measurement";
  def.plural = "Measurements";
  def.title_field = "date";
  def.fields = {
      field("kpi", "KPI", FieldType::Link).part_of("kpi").required(),
      field("date", "Date", FieldType::Date).required(),
      field("value", "Value", FieldType::Number).required(),
      field("note", "Note", FieldType::LongText),
  };
  return def;
}

}  // namespace isms::registers
