#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/model/value.hpp"

namespace isms {

// One row of a register table: the system columns, then the fields by key.
struct Record {
  std::string id, kind, created_at, created_by, updated_at, updated_by;
  std::int64_t revision = 0;
  bool deleted = false;  // a tombstone: kept so merges know the record was deleted
  std::map<std::string, Value> fields;

  const Value& get(std::string_view key) const;  // a null Value if the field is absent
};

// One row of the history table: one field of one record changed in one change set.
struct HistoryEntry {
  std::int64_t seq = 0;
  std::string change_set, kind, record_id, field;   // field "_deleted" marks deletion/restoring
  std::optional<std::string> old_value, new_value;  // text form; nullopt = no value
  std::string author, at;
};

}  // namespace isms
