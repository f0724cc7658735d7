#include <string>

#include "core/model/field_builder.hpp"
#include "core/model/registers/registers.hpp"

namespace isms::registers {

// The management-system requirements (ISO/IEC 27001:2022 clauses 4 to 10) as a checklist: the
// gap analysis. Every clause is seeded into every workspace (core/catalogs/).
EntityDef clause() {
  EntityDef def;
  def.kind = "clause";
  def.label = "Clause";
  def.plural = "Clauses";
  def.title_field = "title";
  def.fields = {
      field("ref", "Clause", FieldType::Text).required().max_length(32).help("The clause number, e.g. 6.1.2."),
      field("title", "Title", FieldType::Text).required(),
      // The parent's number rather than a link: clause numbers are the standard's, stable and
      // what people read, and a top-level clause has none.
      field("parent_ref", "Part of", FieldType::Text).max_length(32),
      field("status", "Status", FieldType::Enum)
          .required()
          .options(
              {{"not_assessed", "Not assessed"}, {"gap", "Gap"}, {"partially_met", "Partially met"}, {"met", "Met"}})
          .default_value(std::string("not_assessed")),
      field("note", "Note", FieldType::LongText).help("What was found, and what is missing."),
      field("owner", "Owner", FieldType::Link).links_to("person").help("The person who closes the gap."),
      field("documents", "Documented information", FieldType::LinkList)
          .links_to("policy")
          .help("The policies, procedures and records that meet the clause."),
      field("processes", "Processes", FieldType::LinkList).links_to("process"),
  };
  return def;
}

}  // namespace isms::registers
