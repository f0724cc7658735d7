#pragma once

#include <string_view>
#include <vector>

#include "core/model/entity.hpp"

namespace isms {

// The set of register definitions an application knows. Immutable once built, so pointers and
// references it hands out stay valid for its lifetime.
class Registry {
 public:
  // Checks every definition (definition_problems), that kinds are unique and that every Link
  // points to a kind in this registry; throws std::invalid_argument listing the problems.
  explicit Registry(std::vector<EntityDef> definitions);

  const EntityDef* find(std::string_view kind) const;
  const EntityDef& get(std::string_view kind) const;  // std::out_of_range for an unknown kind
  const std::vector<EntityDef>& all() const { return definitions_; }

  static const Registry& builtin();

 private:
  std::vector<EntityDef> definitions_;
};

}  // namespace isms
