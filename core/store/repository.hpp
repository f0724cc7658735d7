#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/registry.hpp"
#include "core/model/validation.hpp"
#include "core/store/record.hpp"
#include "core/store/sqlite.hpp"
#include "core/util/clock.hpp"

namespace isms {

// Reads and writes the records of every register, driven by their definitions. Each write is
// one transaction that also writes its history rows under one new change set, so the audit
// trail can never disagree with the data. Holds references: the Database, Registry and Clock
// must outlive it.
class Repository {
 public:
  Repository(Database& db, const Registry& registry, const Clock& clock, std::string author);

  void set_author(std::string author);
  const std::string& author() const { return author_; }

  // Normalises and validates (ValidationError: nothing written), then inserts with a new id,
  // revision 1, and one history row per non-null field. Returns the new id.
  std::string create(std::string_view kind, std::map<std::string, Value> values, std::string_view change_note = {});
  // The same with an id chosen by the caller (a workspace's metadata record, imported records).
  // StoreError if a record with that id exists.
  void create_with_id(std::string_view kind, const std::string& id, std::map<std::string, Value> values,
                      std::string_view change_note = {});

  // Changes only the given fields. The merged record must validate, and a change of the
  // lifecycle field must be an allowed transition (ValidationError otherwise). Writes history
  // only for fields whose value really changes; if none does, writes nothing at all.
  // StoreError "No asset with id ..." if the record is missing or deleted.
  void update(std::string_view kind, const std::string& id, std::map<std::string, Value> changes,
              std::string_view change_note = {});

  // Tombstones a record (deleted=1, revision+1, history field "_deleted" 0 -> 1), and undoes
  // that. StoreError if the record does not exist; no-op if it is already in that state.
  void remove(std::string_view kind, const std::string& id);
  void restore(std::string_view kind, const std::string& id);

  std::optional<Record> get(std::string_view kind, const std::string& id) const;        // tombstones too
  std::vector<Record> list(std::string_view kind, bool include_deleted = false) const;  // by created_at, id
  std::size_t count(std::string_view kind) const;                                       // live records only
  std::vector<HistoryEntry> history(const std::string& record_id) const;                // oldest first

 private:
  void set_deleted(std::string_view kind, const std::string& id, bool deleted);
  std::string begin_change_set(const std::string& at, std::string_view note, std::string_view fallback);

  Database& db_;
  const Registry& registry_;
  const Clock& clock_;
  std::string author_;
};

}  // namespace isms
