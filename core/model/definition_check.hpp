#pragma once

#include <string>
#include <vector>

#include "core/model/entity.hpp"

namespace isms {

// Mistakes in a register definition, as sentences for the developer who wrote it. Field keys
// and kinds become SQL identifiers and JSON names, so they are held to [a-z][a-z0-9_]* and may
// not clash with the columns every record has. Link targets are checked by the Registry,
// which knows the other kinds.
std::vector<std::string> definition_problems(const EntityDef& def);

// Columns every register table has before its fields; no field may use these keys.
const std::vector<std::string>& system_columns();

}  // namespace isms
