#include <map>
#include <optional>
#include <string>

#include "core/model/field_builder.hpp"
#include "core/model/registers/registers.hpp"
#include "core/util/text.hpp"

namespace isms::registers {
namespace {

// ISO/IEC 27001:2022 6.1.3 d): the Statement of Applicability justifies every inclusion and
// every exclusion. "Undecided" is the state before a decision, so it needs none yet.
std::optional<FieldError> justification_for_decision(const std::map<std::string, Value>& values) {
  const auto* applicable = std::get_if<std::string>(&values.at("applicable"));
  if (applicable == nullptr || (*applicable != "yes" && *applicable != "no")) return std::nullopt;
  const auto* justification = std::get_if<std::string>(&values.at("justification"));
  if (justification != nullptr && !is_blank(*justification)) return std::nullopt;
  return FieldError{"justification", "Justification is required for every applicability decision."};
}

// Custom controls live beside Annex A's in one list, told apart by their reference: "5.1" must
// mean one control, or the SoA and every link to it would be ambiguous.
std::optional<FieldError> unique_reference(const RecordContext& context, const std::string& id,
                                           const std::map<std::string, Value>& values) {
  for (const Record& other : context.find_by("control", "ref", values.at("ref"))) {
    if (other.id == id) continue;
    return FieldError{"ref", "Reference " + to_display(values.at("ref")) + " is already used by the control '" +
                                 to_display(other.get("title")) + "'; give this one its own, e.g. C-1."};
  }
  return std::nullopt;
}

}  // namespace

// Controls and the Statement of Applicability: the 93 Annex A controls are seeded into every
// workspace (core/catalogs/), and the consultant may add the organisation's own.
EntityDef control() {
  EntityDef def;
  def.kind = "control";
  def.label = "Control";
  def.plural = "Controls";
  def.title_field = "title";
  def.fields = {
      field("ref", "Reference", FieldType::Text)
          .required()
          .max_length(32)
          .help("The Annex A number, e.g. 5.1, or your own, e.g. C-1."),
      field("title", "Title", FieldType::Text).required(),
      field("theme", "Theme", FieldType::Enum)
          .required()
          .options({{"organizational", "Organizational"},
                    {"people", "People"},
                    {"physical", "Physical"},
                    {"technological", "Technological"}}),
      // Required with a default, so filters and the SoA never meet a control of no origin.
      field("source", "Source", FieldType::Enum)
          .required()
          .options({{"annex_a", "Annex A"}, {"custom", "Custom"}})
          .default_value(std::string("custom")),
      field("applicable", "Applicable", FieldType::Enum)
          .required()
          .options({{"yes", "Yes"}, {"no", "No"}, {"undecided", "Undecided"}})
          .default_value(std::string("undecided")),
      field("justification", "Justification", FieldType::LongText)
          .help("Why the control is included or excluded; required once decided."),
      field("implementation_status", "Implementation status", FieldType::Enum)
          .required()
          .options({{"not_started", "Not started"},
                    {"planned", "Planned"},
                    {"partially_implemented", "Partially implemented"},
                    {"implemented", "Implemented"}})
          .default_value(std::string("not_started")),
      field("owner", "Owner", FieldType::Link).links_to("person").help("The person accountable for this control."),
      field("implementation_description", "Implementation", FieldType::LongText)
          .help("How the organisation carries out this control."),
      field("evidence_notes", "Evidence", FieldType::LongText).help("Where an auditor finds proof that it works."),
      // Risks and requirements point at their controls (risk.controls, requirement.controls);
      // the control shows them through the link index. KPIs are chosen here.
      field("kpis", "Performance KPIs", FieldType::LinkList).links_to("kpi"),
  };
  def.checks = {justification_for_decision};
  def.context_checks = {unique_reference};
  return def;
}

}  // namespace isms::registers
