#include <map>
#include <optional>
#include <string>

#include "core/model/field_builder.hpp"
#include "core/model/registers/registers.hpp"
#include "core/model/value_access.hpp"
#include "core/util/text.hpp"

namespace isms::registers {
namespace {

// Seed A2: the gap analysis is what makes a requirement that is not met actionable; without it
// the register only says "no" and nobody knows what to do next.
std::optional<FieldError> gap_analysis_when_not_met(const Values& values) {
  const std::string& status = text_or_empty(values.at("compliance_status"));
  if (status != "non_compliant" && status != "partially_compliant") return std::nullopt;
  if (!is_blank(text_or_empty(values.at("gap_analysis")))) return std::nullopt;
  return FieldError{"gap_analysis", "Gap analysis is required when the requirement is not fully met."};
}

// Declaring a legal or contractual obligation not applicable is a decision an auditor asks about.
std::optional<FieldError> reason_when_not_applicable(const Values& values) {
  if (text_or_empty(values.at("applicability")) != "not_applicable") return std::nullopt;
  if (!is_blank(text_or_empty(values.at("applicability_note")))) return std::nullopt;
  return FieldError{"applicability_note", "Applicability note is required when the requirement is not applicable."};
}

}  // namespace

// Seed A2 and 4.2 c): the legal, regulatory, contractual and business requirements relevant to
// information security, whether the ISMS meets them, and the gap where it does not.
EntityDef requirement() {
  EntityDef def;
  def.kind = "requirement";
  def.label = "Requirement";
  def.plural = "Requirements";
  def.title_field = "title";
  def.fields = {
      field("title", "Title", FieldType::Text).required(),
      field("type", "Type", FieldType::Enum)
          .required()
          .options({{"legal", "Legal"},
                    {"regulatory", "Regulatory"},
                    {"contractual", "Contractual"},
                    {"business", "Business"}}),
      field("source", "Source", FieldType::Text).help("The law, regulation, contract or business need, e.g. GDPR."),
      field("reference", "Reference", FieldType::Text).help("The article or clause, e.g. Art. 32."),
      field("description", "Description", FieldType::LongText),
      // Two values only: a requirement that applies in part applies, and its gap analysis says
      // which part is not met.
      field("applicability", "Applicability", FieldType::Enum)
          .required()
          .options({{"applicable", "Applicable"}, {"not_applicable", "Not applicable"}})
          .default_value(std::string("applicable")),
      field("applicability_note", "Applicability note", FieldType::LongText)
          .help("Why the requirement does not apply, or to what it applies."),
      field("owner", "Owner", FieldType::Link).links_to("person"),
      field("compliance_status", "Compliance status", FieldType::Enum)
          .required()
          .options({{"compliant", "Compliant"},
                    {"partially_compliant", "Partially compliant"},
                    {"non_compliant", "Non-compliant"},
                    {"not_assessed", "Not assessed"}})
          .default_value(std::string("not_assessed")),
      field("gap_analysis", "Gap analysis", FieldType::LongText)
          .help("What is missing to meet the requirement, and what is planned."),
      field("controls", "Controls", FieldType::LinkList).links_to("control"),
      field("policies", "Policies and documents", FieldType::LinkList).links_to("policy"),
      field("next_review", "Next review", FieldType::Date),
  };
  def.checks = {gap_analysis_when_not_met, reason_when_not_applicable};
  return def;
}

}  // namespace isms::registers
