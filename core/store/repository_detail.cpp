#include "core/store/repository_detail.hpp"

#include <utility>

#include "core/store/sqlite.hpp"
#include "core/util/text.hpp"

namespace isms::detail {

void throw_missing(const EntityDef& def, const std::string& id) {
  throw StoreError("No " + label_in_sentence(def.label) + " with id " + id + ".");
}

HistoryEntry history_row(const std::string& change_set, const Record& record, std::string field,
                         std::optional<std::string> old_value, std::optional<std::string> new_value) {
  HistoryEntry entry;
  entry.change_set = change_set;
  entry.kind = record.kind;
  entry.record_id = record.id;
  entry.field = std::move(field);
  entry.old_value = std::move(old_value);
  entry.new_value = std::move(new_value);
  entry.author = record.updated_by;
  entry.at = record.updated_at;
  return entry;
}

}  // namespace isms::detail
