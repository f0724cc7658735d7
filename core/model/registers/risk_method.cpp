#include <map>
#include <string>

#include "core/model/field_builder.hpp"
#include "core/risk/risk_method.hpp"

namespace isms::registers {

// The workspace's risk assessment method (ISO/IEC 27001:2022 6.1.2): one record per workspace,
// id "risk-method". Its rules and meaning live in core/risk/risk_method.hpp; this is the form.
EntityDef risk_method() {
  // The defaults come from the method itself, so a new record is exactly RiskMethod::standard().
  const std::map<std::string, Value> standard = to_values(RiskMethod::standard());
  EntityDef def;
  def.kind = "risk_method";
  def.label = "Risk method";
  def.plural = "Risk methods";
  def.title_field = "scoring";  // a single record needs no name; its scoring says what kind of method it is
  def.fields = {
      field("likelihood_levels", "Likelihood levels", FieldType::Integer)
          .required()
          .range(3, 10)
          .default_value(standard.at("likelihood_levels"))
          .help("How many steps the likelihood scale has, from 3 to 10."),
      field("impact_levels", "Impact levels", FieldType::Integer)
          .required()
          .range(3, 10)
          .default_value(standard.at("impact_levels"))
          .help("How many steps the impact scale has, from 3 to 10."),
      field("likelihood_labels", "Likelihood labels", FieldType::LongText)
          .default_value(standard.at("likelihood_labels"))
          .help("One name per line, level 1 first; leave empty to show the numbers."),
      field("impact_labels", "Impact labels", FieldType::LongText)
          .default_value(standard.at("impact_labels"))
          .help("One name per line, level 1 first; leave empty to show the numbers."),
      field("scoring", "Scoring", FieldType::Enum)
          .required()
          .options({{"product", "Likelihood × impact"}, {"matrix", "Matrix lookup"}})
          .default_value(standard.at("scoring"))
          .help("Multiply likelihood by impact, or look each score up in your own matrix."),
      field("matrix", "Matrix", FieldType::LongText)
          .help("Matrix lookup only: one line per likelihood level (1 first), one score per impact level, "
                "separated by commas."),
      field("medium_from", "Medium from", FieldType::Integer)
          .required()
          .range(1, 1000)
          .default_value(standard.at("medium_from"))
          .help("The lowest score rated Medium; lower scores are Low."),
      field("high_from", "High from", FieldType::Integer)
          .required()
          .range(1, 1000)
          .default_value(standard.at("high_from"))
          .help("The lowest score rated High."),
      field("critical_from", "Critical from", FieldType::Integer)
          .required()
          .range(1, 1000)
          .default_value(standard.at("critical_from"))
          .help("The lowest score rated Critical; at most the highest score the method can give."),
      // The risk acceptance criteria of 6.1.2 a) 1).
      field("appetite", "Risk appetite", FieldType::Enum)
          .required()
          .options({{"low", "Low"}, {"medium", "Medium"}, {"high", "High"}, {"critical", "Critical"}})
          .default_value(standard.at("appetite"))
          .help("The highest level accepted as it is; risks above it need treatment or a reasoned acceptance."),
  };
  def.checks = {check_risk_method};
  // Every risk's scores and levels come from the method: whatever writes the method (the
  // method editor, change_risk_method, an import) recomputes them in the same change set.
  def.recompute_after_write = {"risk"};
  def.single = true;
  return def;
}

}  // namespace isms::registers
