#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/model/value.hpp"

namespace isms {

// One row of a register table: the system columns, then the fields by key. Plain data, so the
// model's rules can look at records without knowing where they are stored.
struct Record {
  std::string id, kind, created_at, created_by, updated_at, updated_by;
  std::int64_t revision = 0;
  bool deleted = false;  // a tombstone: kept so merges know the record was deleted
  std::map<std::string, Value> fields;

  const Value& get(std::string_view key) const;  // a null Value if the field is absent
};

}  // namespace isms
