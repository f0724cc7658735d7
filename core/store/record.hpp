#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/model/record.hpp"

namespace isms {

// One row of the history table: one field of one record changed in one change set.
struct HistoryEntry {
  std::int64_t seq = 0;
  std::string change_set, kind, record_id, field;   // field "_deleted" marks deletion/restoring
  std::optional<std::string> old_value, new_value;  // text form; nullopt = no value
  std::string author, at;
};

}  // namespace isms
