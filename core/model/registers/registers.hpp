#pragma once

#include "core/model/entity.hpp"

// One function per register, each in its own file next to this one. Registry::builtin() lists
// them; adding a register is a new file here, one line there, and its tests.
namespace isms::registers {

EntityDef workspace_meta();  // the workspace's own details (name, client, consultant)
EntityDef asset();
EntityDef control();  // controls and the Statement of Applicability
EntityDef clause();   // clauses 4 to 10, the gap analysis

}  // namespace isms::registers
