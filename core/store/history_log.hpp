#pragma once

#include <string>
#include <vector>

#include "core/store/record.hpp"
#include "core/store/sqlite.hpp"

namespace isms {

// The history and change_sets tables. A change set groups the history rows of one user action.

void insert_change_set(Database& db, const std::string& id, const std::string& author, const std::string& at,
                       const std::string& description);

// entry.seq is ignored: SQLite numbers rows in the order they are written.
void insert_history(Database& db, const HistoryEntry& entry);

// The same for many rows, with one prepared statement: a merge writes thousands of them.
class HistoryWriter {
 public:
  explicit HistoryWriter(Database& db);
  void add(const HistoryEntry& entry);

 private:
  Statement insert_;
};

std::vector<HistoryEntry> select_history(const Database& db, const std::string& record_id);      // oldest first
std::vector<HistoryEntry> select_change_set(const Database& db, const std::string& change_set);  // in write order

}  // namespace isms
