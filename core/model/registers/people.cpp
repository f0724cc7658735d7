#include "core/model/field_builder.hpp"
#include "core/model/registers/registers.hpp"

namespace isms::registers {

// Everyone the register refers to: owners, approvers, auditors, attendees. Records point at a
// person by id, so renaming someone renames them everywhere.
EntityDef person() {
  EntityDef def;
  def.kind = "person";
  def.label = "Person";
  def.plural = "People";
  def.title_field = "name";
  def.fields = {
      field("name", "Name", FieldType::Text).required(),
      field("role", "Role", FieldType::Link).links_to("role"),
      field("job_title", "Job title", FieldType::Text),
      field("department", "Department", FieldType::Text),
      field("email", "E-mail", FieldType::Email),
      field("status", "Status", FieldType::Enum)
          .required()
          .options({{"active", "Active"}, {"left", "Left the organisation"}})
          .default_value(std::string("active")),
      field("notes", "Notes", FieldType::LongText),
  };
  return def;
}

// The roles of the program (seeded from the seed's section 4) and the organisation's own.
EntityDef role() {
  EntityDef def;
  def.kind = "role";
  def.label = "Role";
  def.plural = "Roles";
  def.title_field = "name";
  def.fields = {
      field("name", "Name", FieldType::Text).required(),
      field("responsibilities", "Responsibilities", FieldType::LongText),
      field("authorities", "Authorities", FieldType::LongText).help("What the role may decide (5.3)."),
  };
  return def;
}

}  // namespace isms::registers
