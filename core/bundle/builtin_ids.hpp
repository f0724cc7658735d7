#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

// The records every workspace is seeded with, by their fixed ids (core/catalogs/seed.hpp): a
// bundle may link to them even when it does not carry them, since the workspace it is merged
// into has them too.
namespace isms::bundle {

// id -> the register it belongs to: "annex-a-5.1" -> "control", "clause-4.1" -> "clause", ...
const std::unordered_map<std::string, std::string>& builtin_record_kinds();

}  // namespace isms::bundle
