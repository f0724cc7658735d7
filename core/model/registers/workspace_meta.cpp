#include "core/model/field_builder.hpp"
#include "core/model/registers/registers.hpp"

namespace isms::registers {

// Each workspace file holds exactly one record of this kind, whose id is the workspace id.
// Keeping the details as an ordinary record gives them validation, history and merging for free.
EntityDef workspace_meta() {
  EntityDef def;
  def.kind = "workspace";
  def.label = "Workspace";
  def.plural = "Workspaces";
  def.title_field = "name";
  def.fields = {
      field("name", "Workspace name", FieldType::Text)
          .required()
          .max_length(200)
          .help("What you call this engagement, e.g. the client and the year."),
      field("client", "Client organisation", FieldType::Text)
          .required()
          .max_length(200)
          .help("The organisation whose ISMS this is."),
      field("consultant", "Consultant", FieldType::Text)
          .required()
          .max_length(200)
          .help("Your name: it is recorded as the author of your changes."),
      field("description", "Description", FieldType::LongText),
  };
  return def;
}

}  // namespace isms::registers
