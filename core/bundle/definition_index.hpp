#pragma once

#include <string_view>
#include <unordered_map>

#include "core/model/registry.hpp"

namespace isms::bundle {

// Hashed lookups of registers and fields: a bundle names a register and a dozen fields for each
// of up to ~300,000 records, and the registry's own lookups are linear scans.
class DefinitionIndex {
 public:
  struct Register {
    const EntityDef* def = nullptr;
    std::unordered_map<std::string_view, const FieldDef*> fields;

    const FieldDef* field(std::string_view key) const {
      const auto found = fields.find(key);
      return found != fields.end() ? found->second : nullptr;
    }
  };

  explicit DefinitionIndex(const Registry& registry);  // the registry must outlive the index
  const Register* find(std::string_view kind) const;   // nullptr for an unknown kind

 private:
  std::unordered_map<std::string_view, Register> registers_;
};

}  // namespace isms::bundle
