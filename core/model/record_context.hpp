#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/record.hpp"
#include "core/model/value.hpp"

namespace isms {

// What a register's rules may look up beyond the record being written: another record (the
// workspace's risk method, a linked process) or the records that share a value (the other RACI
// cells of a process). Implemented by the repository, inside the write's transaction, so a rule
// sees exactly the data the write will change.
class RecordContext {
 public:
  virtual ~RecordContext() = default;
  // The record, tombstones included (check `deleted`), or nullopt.
  virtual std::optional<Record> find(std::string_view kind, const std::string& id) const = 0;
  // Live records of `kind` whose `field` equals `value` (an indexed column: Enum, Date or Link).
  virtual std::vector<Record> find_by(std::string_view kind, std::string_view field, const Value& value) const = 0;
};

}  // namespace isms
