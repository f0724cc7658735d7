#include <map>
#include <optional>
#include <string>

#include "core/model/field_builder.hpp"
#include "core/model/registers/registers.hpp"
#include "core/model/value_access.hpp"
#include "core/util/text.hpp"

namespace isms::registers {
namespace {

// 4.2 c): which needs the ISMS addresses is a decision, and a decision to address them says how.
std::optional<FieldError> how_when_addressed(const std::map<std::string, Value>& values) {
  const auto* addressed = std::get_if<std::string>(&values.at("addressed"));
  if (addressed == nullptr || (*addressed != "yes" && *addressed != "partially")) return std::nullopt;
  if (has_text(values, "how_addressed")) return std::nullopt;
  return FieldError{"how_addressed", "How addressed is required when the ISMS addresses these needs."};
}

// 4.3: the scope's boundaries are documented, and so is the reason for leaving anything out.
std::optional<FieldError> justified_exclusions(const std::map<std::string, Value>& values) {
  if (!has_text(values, "exclusions") || has_text(values, "exclusion_justification")) return std::nullopt;
  return FieldError{"exclusion_justification", "Justification is required for every exclusion from the scope."};
}

}  // namespace

// 4.1: the internal and external issues that affect the ISMS's intended outcomes.
EntityDef context_issue() {
  EntityDef def;
  def.kind = "context_issue";
  def.label = "Context issue";
  def.plural = "Internal and external issues";
  def.title_field = "title";
  def.fields = {
      field("title", "Issue", FieldType::Text).required(),
      field("type", "Internal or external", FieldType::Enum)
          .required()
          .options({{"internal", "Internal"}, {"external", "External"}}),
      field("category", "Category", FieldType::Enum)
          .options({{"political", "Political"},
                    {"economic", "Economic"},
                    {"social", "Social"},
                    {"technological", "Technological"},
                    {"legal", "Legal"},
                    {"environmental", "Environmental"},
                    {"organisational", "Organisational"}})
          .help("PESTLE, plus the organisation's own."),
      field("description", "Description", FieldType::LongText),
      field("effect", "Effect on the ISMS", FieldType::LongText)
          .help("How it helps or hinders the ISMS achieving its outcomes."),
      field("owner", "Owner", FieldType::Link).links_to("person"),
      field("review_date", "Next review", FieldType::Date),
      field("status", "Status", FieldType::Enum)
          .required()
          .options({{"open", "Open"}, {"monitoring", "Monitoring"}, {"closed", "Closed"}})
          .default_value(std::string("open")),
  };
  return def;
}

// 4.2: who has a stake in the ISMS, what they need and expect, and whether the ISMS answers it.
EntityDef interested_party() {
  EntityDef def;
  def.kind = "interested_party";
  def.label = "Interested party";
  def.plural = "Interested parties";
  def.title_field = "name";
  def.fields = {
      field("name", "Name", FieldType::Text).required(),
      field("type", "Internal or external", FieldType::Enum)
          .required()
          .options({{"internal", "Internal"}, {"external", "External"}}),
      field("needs", "Needs and expectations", FieldType::LongText).required(),
      field("addressed", "Addressed by the ISMS", FieldType::Enum)
          .required()
          .options({{"yes", "Yes"}, {"partially", "Partially"}, {"no", "No"}, {"undecided", "Not decided"}})
          .default_value(std::string("undecided")),
      field("how_addressed", "How addressed", FieldType::LongText)
          .help("The requirements, controls or processes that answer these needs."),
      field("requirements", "Requirements", FieldType::LinkList).links_to("requirement"),
      field("owner", "Relationship owner", FieldType::Link).links_to("person"),
  };
  def.checks = {how_when_addressed};
  return def;
}

// 4.3: one per workspace (id "isms-scope", seeded empty), so the scope has history and merges
// field by field like everything else.
EntityDef scope() {
  EntityDef def;
  def.kind = "scope";
  def.label = "ISMS scope";
  def.plural = "ISMS scope";
  def.title_field = "statement";
  def.fields = {
      field("statement", "Scope statement", FieldType::LongText)
          .help("The boundaries and applicability of the ISMS, as the certificate will state them."),
      field("inclusions", "Included", FieldType::LongText).help("Sites, units, processes and systems inside."),
      field("exclusions", "Excluded", FieldType::LongText),
      field("exclusion_justification", "Justification of exclusions", FieldType::LongText),
      field("interfaces", "Interfaces and dependencies", FieldType::LongText)
          .help("Between activities inside the scope and those outside it (4.3 c)."),
      field("approved_by", "Approved by", FieldType::Link).links_to("person"),
      field("approved_on", "Approved on", FieldType::Date),
  };
  def.checks = {justified_exclusions};
  def.single = true;
  return def;
}

}  // namespace isms::registers
