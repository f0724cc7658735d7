#include "core/store/history_log.hpp"

namespace isms {
namespace {

void bind_optional(Statement& statement, int index, const std::optional<std::string>& text) {
  if (text) {
    statement.bind(index, *text);
  } else {
    statement.bind(index, nullptr);
  }
}

std::optional<std::string> optional_text(const Statement& row, int column) {
  if (row.column_is_null(column)) return std::nullopt;
  return row.column_text(column);
}

}  // namespace

void insert_change_set(Database& db, const std::string& id, const std::string& author, const std::string& at,
                       const std::string& description) {
  Statement insert = db.prepare("INSERT INTO change_sets (id, author, at, description) VALUES (?, ?, ?, ?)");
  insert.bind(1, id).bind(2, author).bind(3, at).bind(4, description);
  insert.step();
}

void insert_history(Database& db, const HistoryEntry& entry) { HistoryWriter(db).add(entry); }

HistoryWriter::HistoryWriter(Database& db)
    : insert_(db.prepare("INSERT INTO history (change_set, kind, record_id, field, old_value, new_value, author, at) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {}

void HistoryWriter::add(const HistoryEntry& entry) {
  insert_.reset();
  insert_.bind(1, entry.change_set).bind(2, entry.kind).bind(3, entry.record_id).bind(4, entry.field);
  bind_optional(insert_, 5, entry.old_value);
  bind_optional(insert_, 6, entry.new_value);
  insert_.bind(7, entry.author).bind(8, entry.at);
  insert_.step();
}

namespace {

std::vector<HistoryEntry> select_history_where(const Database& db, const char* column, const std::string& value) {
  Statement query = db.prepare(std::string("SELECT seq, change_set, kind, record_id, field, old_value, new_value, "
                                           "author, at FROM history WHERE ") +
                               column + " = ? ORDER BY seq");
  query.bind(1, value);
  std::vector<HistoryEntry> entries;
  while (query.step()) {
    HistoryEntry entry;
    entry.seq = query.column_int64(0);
    entry.change_set = query.column_text(1);
    entry.kind = query.column_text(2);
    entry.record_id = query.column_text(3);
    entry.field = query.column_text(4);
    entry.old_value = optional_text(query, 5);
    entry.new_value = optional_text(query, 6);
    entry.author = query.column_text(7);
    entry.at = query.column_text(8);
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace

std::vector<HistoryEntry> select_history(const Database& db, const std::string& record_id) {
  return select_history_where(db, "record_id", record_id);
}

std::vector<HistoryEntry> select_change_set(const Database& db, const std::string& change_set) {
  return select_history_where(db, "change_set", change_set);
}

}  // namespace isms
