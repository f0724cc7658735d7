#include "core/workspace/catalog_merge.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/store/sqlite.hpp"

namespace isms::catalog_merge {
namespace {

constexpr std::size_t kUpdatedAt = 5;
constexpr const char* kColumns = "id, name, client, consultant, created_at, updated_at, trashed_at";

std::optional<std::string> nullable_text(const Statement& row, int column) {
  if (row.column_is_null(column)) return std::nullopt;
  return row.column_text(column);
}

// Every row of one attached copy's workspaces, by id. A copy without the table (none yet) is empty.
std::map<std::string, Row> rows_of(const Database& db, const std::string& schema) {
  std::map<std::string, Row> rows;
  if (!db.prepare("SELECT 1 FROM " + schema + ".sqlite_master WHERE type = 'table' AND name = 'workspaces'").step()) {
    return rows;
  }
  Statement select = db.prepare(std::string("SELECT ") + kColumns + " FROM " + schema + ".workspaces");
  while (select.step()) {
    Row row;
    for (int c = 0; c < 7; ++c) row[static_cast<std::size_t>(c)] = nullable_text(select, c);
    rows.emplace(*row[0], row);
  }
  return rows;
}

std::map<std::string, std::string> settings_of(const Database& db, const std::string& schema) {
  std::map<std::string, std::string> settings;
  if (!db.prepare("SELECT 1 FROM " + schema + ".sqlite_master WHERE type = 'table' AND name = 'settings'").step()) {
    return settings;
  }
  Statement select = db.prepare("SELECT key, value FROM " + schema + ".settings");
  while (select.step()) settings.emplace(select.column_text(0), select.column_text(1));
  return settings;
}

template <typename Map>
std::optional<typename Map::mapped_type> find_in(const Map& map, const std::string& key) {
  const auto found = map.find(key);
  if (found == map.end()) return std::nullopt;
  return found->second;
}

void write_row(Database& db, const std::string& id, const std::optional<Row>& row) {
  if (!row) {
    Statement erase = db.prepare("DELETE FROM workspaces WHERE id = ?");
    erase.bind(1, id);
    erase.step();
    return;
  }
  Statement put =
      db.prepare(std::string("INSERT OR REPLACE INTO workspaces (") + kColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (int c = 0; c < 7; ++c) {
    const std::optional<std::string>& value = (*row)[static_cast<std::size_t>(c)];
    if (value) {
      put.bind(c + 1, *value);
    } else {
      put.bind(c + 1, nullptr);
    }
  }
  put.step();
}

}  // namespace

std::optional<Row> merge_row(const std::optional<Row>& base, const std::optional<Row>& ours,
                             const std::optional<Row>& theirs) {
  if (theirs == base || ours == theirs) return ours;
  if (ours == base) return theirs;
  if (!ours || !theirs) return std::nullopt;
  Row merged = *ours;
  if (base) {
    for (std::size_t c = 1; c < merged.size(); ++c) {
      if ((*ours)[c] == (*base)[c]) merged[c] = (*theirs)[c];
    }
  }
  merged[kUpdatedAt] = std::max((*ours)[kUpdatedAt], (*theirs)[kUpdatedAt]);
  return merged;
}

void merge_files(const std::string& ours_path, const std::string& base_path, const std::string& theirs_path) {
  Database db(ours_path);
  {
    Statement attach = db.prepare("ATTACH DATABASE ? AS theirs");
    attach.bind(1, theirs_path);
    attach.step();
  }
  {
    // No common copy: an empty one, so every row of theirs is new to us.
    Statement attach = db.prepare("ATTACH DATABASE ? AS base");
    attach.bind(1, base_path.empty() ? std::string(":memory:") : base_path);
    attach.step();
  }
  const std::map<std::string, Row> base = rows_of(db, "base"), ours = rows_of(db, "main"),
                                   theirs = rows_of(db, "theirs");
  const std::map<std::string, std::string> base_settings = settings_of(db, "base"),
                                           our_settings = settings_of(db, "main"),
                                           their_settings = settings_of(db, "theirs");
  std::set<std::string> ids;
  for (const auto* rows : {&base, &ours, &theirs}) {
    for (const auto& entry : *rows) ids.insert(entry.first);
  }
  {
    Transaction transaction(db);
    for (const std::string& id : ids) {
      const std::optional<Row> mine = find_in(ours, id);
      const std::optional<Row> merged = merge_row(find_in(base, id), mine, find_in(theirs, id));
      if (merged != mine) write_row(db, id, merged);
    }
    for (const auto& [key, value] : their_settings) {
      const std::optional<std::string> was = find_in(base_settings, key), mine = find_in(our_settings, key);
      // Ours stays only when we changed an existing value; a key both made anew takes theirs.
      if (mine == value || (mine && was && mine != was)) continue;
      Statement put = db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)");
      put.bind(1, key).bind(2, value);
      put.step();
    }
    transaction.commit();
  }
  db.exec("DETACH DATABASE theirs; DETACH DATABASE base");
}

}  // namespace isms::catalog_merge
