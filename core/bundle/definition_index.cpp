#include "core/bundle/definition_index.hpp"

namespace isms::bundle {

DefinitionIndex::DefinitionIndex(const Registry& registry) {
  for (const EntityDef& def : registry.all()) {
    Register& entry = registers_[def.kind];
    entry.def = &def;
    for (const FieldDef& field : def.fields) entry.fields.emplace(field.key, &field);
  }
}

const DefinitionIndex::Register* DefinitionIndex::find(std::string_view kind) const {
  const auto found = registers_.find(kind);
  return found != registers_.end() ? &found->second : nullptr;
}

}  // namespace isms::bundle
