#include "core/model/field_builder.hpp"
#include "core/model/registers/registers.hpp"

namespace isms::registers {

// Information assets and what supports them (ISO/IEC 27001:2022 A.5.9, inventory of
// information and other associated assets).
EntityDef asset() {
  EntityDef def;
  def.kind = "asset";
  def.label = "Asset";
  def.plural = "Assets";
  def.title_field = "name";
  def.fields = {
      field("name", "Name", FieldType::Text).required(),
      field("type", "Type", FieldType::Enum)
          .required()
          .options({{"information", "Information"},
                    {"software", "Software"},
                    {"hardware", "Hardware"},
                    {"service", "Service"},
                    {"people", "People"},
                    {"site", "Site"}}),
      field("owner", "Owner", FieldType::Link).links_to("person").help("The person accountable for this asset."),
      field("classification", "Classification", FieldType::Enum)
          .options({{"public", "Public"},
                    {"internal", "Internal"},
                    {"confidential", "Confidential"},
                    {"restricted", "Restricted"}})
          .default_value(std::string("internal")),
      field("confidentiality", "Confidentiality", FieldType::Rating)
          .range(1, 5)
          .help("Impact of disclosure, 1 (low) to 5 (severe)."),
      field("integrity", "Integrity", FieldType::Rating)
          .range(1, 5)
          .help("Impact of unwanted change, 1 (low) to 5 (severe)."),
      field("availability", "Availability", FieldType::Rating)
          .range(1, 5)
          .help("Impact of loss of access, 1 (low) to 5 (severe)."),
      field("location", "Location", FieldType::Text),
      field("description", "Description", FieldType::LongText),
      // Required because the lifecycle needs a current state to check a transition against.
      field("status", "Status", FieldType::Enum)
          .required()
          .options({{"planned", "Planned"}, {"in_use", "In use"}, {"retired", "Retired"}})
          .default_value(std::string("in_use")),
  };
  LifecycleDef lifecycle;
  lifecycle.field = "status";
  lifecycle.transitions = {{"planned", "in_use"}, {"in_use", "retired"}, {"planned", "retired"}, {"retired", "in_use"}};
  def.lifecycle = std::move(lifecycle);
  return def;
}

}  // namespace isms::registers
