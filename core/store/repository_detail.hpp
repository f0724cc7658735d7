#pragma once

#include <optional>
#include <string>

#include "core/model/entity.hpp"
#include "core/store/record.hpp"

// Small pieces the repository's source files share; not part of its interface.
namespace isms::detail {

constexpr const char* deleted_marker = "_deleted";  // the history field of deletion and restoring

[[noreturn]] void throw_missing(const EntityDef& def, const std::string& id);

HistoryEntry history_row(const std::string& change_set, const Record& record, std::string field,
                         std::optional<std::string> old_value, std::optional<std::string> new_value);

}  // namespace isms::detail
