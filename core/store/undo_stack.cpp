#include "core/store/undo_stack.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "core/store/repository_detail.hpp"
#include "core/util/text.hpp"

namespace isms {
namespace {

std::set<std::string> change_sets_of(const Database& db, std::int64_t entry) {
  Statement query = db.prepare("SELECT change_set FROM undo_change_sets WHERE entry = ?");
  query.bind(1, entry);
  std::set<std::string> sets;
  while (query.step()) sets.insert(query.column_text(0));
  return sets;
}

struct Row {
  std::string change_set, kind, record_id, field;
  std::optional<std::string> old_value, new_value;
};

std::optional<std::string> optional_text(const Statement& row, int column) {
  if (row.column_is_null(column)) return std::nullopt;
  return row.column_text(column);
}

// The history rows of an entry, in the order they were written.
std::vector<Row> rows_of(const Database& db, std::int64_t entry) {
  Statement query = db.prepare(
      "SELECT change_set, kind, record_id, field, old_value, new_value FROM history WHERE change_set IN "
      "(SELECT change_set FROM undo_change_sets WHERE entry = ?) ORDER BY seq");
  query.bind(1, entry);
  std::vector<Row> rows;
  while (query.step()) {
    rows.push_back({query.column_text(0), query.column_text(1), query.column_text(2), query.column_text(3),
                    optional_text(query, 4), optional_text(query, 5)});
  }
  return rows;
}

// Whether the record's first history row is in the entry: the entry created it.
bool created_in(const Database& db, const std::string& record_id, const std::set<std::string>& sets) {
  Statement query = db.prepare("SELECT change_set FROM history WHERE record_id = ? ORDER BY seq LIMIT 1");
  query.bind(1, record_id);
  return query.step() && sets.count(query.column_text(0)) != 0;
}

// Each field the entry wrote, with the value before it and after it. A record the entry created
// was, before it, a tombstone holding the same fields (that is what undoing leaves), so only
// its "_deleted" moves.
std::vector<Repository::FieldState> states_of(const Database& db, std::int64_t entry, bool forward) {
  const std::set<std::string> sets = change_sets_of(db, entry);
  struct Span {
    std::string kind, record_id, field;
    std::optional<std::string> before, after;
  };
  std::vector<Span> spans;
  std::map<std::pair<std::string, std::string>, std::size_t> index;
  std::vector<std::string> records;
  for (const Row& row : rows_of(db, entry)) {
    auto [at, added] = index.emplace(std::make_pair(row.record_id, row.field), spans.size());
    if (added) {
      spans.push_back({row.kind, row.record_id, row.field, row.old_value, row.new_value});
      if (std::find(records.begin(), records.end(), row.record_id) == records.end()) records.push_back(row.record_id);
    }
    spans[at->second].after = row.new_value;
  }
  for (const std::string& id : records) {
    if (!created_in(db, id, sets)) continue;
    const auto deleted = index.find({id, detail::deleted_marker});
    for (Span& span : spans) {
      if (span.record_id == id && span.field != detail::deleted_marker) span.before = span.after;
    }
    if (deleted != index.end()) {
      spans[deleted->second].before = "1";
    } else {
      const Span& any = spans[index.lower_bound({id, ""})->second];
      spans.push_back({any.kind, id, detail::deleted_marker, "1", "0"});
    }
  }
  std::vector<Repository::FieldState> states;
  for (Span& span : spans) {
    states.push_back({span.kind, span.record_id, span.field, forward ? span.before : span.after,
                      forward ? span.after : span.before});
  }
  return states;
}

}  // namespace

UndoStack::Recording::Recording(Repository& records)
    : records_(records), previous_(records.change_set_hook()) {
  records_.set_change_set_hook([this](const std::string& change_set) { joined(change_set); });
}

UndoStack::Recording::~Recording() { records_.set_change_set_hook(std::move(previous_)); }

// Runs inside the transaction of the change set: if that rolls back, so does all of this, and
// the next change set of this recording makes the entry again.
void UndoStack::Recording::joined(const std::string& change_set) {
  Database& db = records_.database();
  bool exists = false;
  if (entry_ != 0) {
    Statement query = db.prepare("SELECT 1 FROM undo_entries WHERE seq = ?");
    query.bind(1, entry_);
    exists = query.step();
  }
  if (!exists) {
    // A new edit: what was undone can no longer be redone over it.
    db.exec("DELETE FROM undo_change_sets WHERE entry IN (SELECT seq FROM undo_entries WHERE undone = 1)");
    db.exec("DELETE FROM undo_entries WHERE undone = 1");
    db.exec("INSERT INTO undo_entries (undone) VALUES (0)");
    entry_ = db.last_insert_rowid();
    // The oldest beyond kKeep are forgotten (their history stays, of course).
    const std::string keep = "SELECT seq FROM undo_entries ORDER BY seq DESC LIMIT " + std::to_string(kKeep);
    db.exec("DELETE FROM undo_change_sets WHERE entry NOT IN (" + keep + ")");
    db.exec("DELETE FROM undo_entries WHERE seq NOT IN (" + keep + ")");
  }
  Statement insert = db.prepare("INSERT INTO undo_change_sets (entry, change_set) VALUES (?, ?)");
  insert.bind(1, entry_).bind(2, change_set);
  insert.step();
}

// Undone entries are always the newest ones (a new entry drops them): undo takes the newest
// entry not undone, redo the oldest undone one.
std::optional<std::int64_t> UndoStack::next(bool forward) const {
  Statement query = records_.database().prepare(forward ? "SELECT min(seq) FROM undo_entries WHERE undone = 1"
                                                        : "SELECT max(seq) FROM undo_entries WHERE undone = 0");
  if (!query.step() || query.column_is_null(0)) return std::nullopt;
  return query.column_int64(0);
}

bool UndoStack::can_undo() const { return next(false).has_value(); }
bool UndoStack::can_redo() const { return next(true).has_value(); }

std::string UndoStack::undo_label() const {
  const auto entry = next(false);
  return entry ? label_of(*entry) : std::string();
}

std::string UndoStack::redo_label() const {
  const auto entry = next(true);
  return entry ? label_of(*entry) : std::string();
}

// Named after the first record the entry wrote (the one the person acted on; parts, unlinked
// records and recomputed ones come after it), with its title as it is now.
std::string UndoStack::label_of(std::int64_t entry) const {
  // Two small reads, not the entry's rows: an edit of the risk method rewrites every risk.
  const Database& db = records_.database();
  const std::string in_entry = "change_set IN (SELECT change_set FROM undo_change_sets WHERE entry = ?)";
  Statement first = db.prepare("SELECT kind, record_id FROM history WHERE " + in_entry + " ORDER BY seq LIMIT 1");
  first.bind(1, entry);
  if (!first.step()) return "change";
  const std::string kind = first.column_text(0), id = first.column_text(1);
  std::string verb = "edit";
  if (created_in(db, id, change_sets_of(db, entry))) {
    verb = "creation";
  } else {
    Statement deleted = db.prepare("SELECT new_value FROM history WHERE record_id = ? AND field = ? AND " + in_entry +
                                   " ORDER BY seq DESC LIMIT 1");
    deleted.bind(1, id).bind(2, detail::deleted_marker).bind(3, entry);
    if (deleted.step()) verb = deleted.column_text(0) == "1" ? "deletion" : "restoring";
  }
  const EntityDef* def = records_.registry().find(kind);
  if (def == nullptr) return verb + " of a record";
  const std::optional<Record> record = records_.get(kind, id);
  return verb + " of " + label_in_sentence(def->label) + " \"" + (record ? records_.title_of(*record) : id) + "\"";
}

std::string UndoStack::undo() { return apply(false); }
std::string UndoStack::redo() { return apply(true); }

std::string UndoStack::apply(bool forward) {
  Database& db = records_.database();
  Transaction transaction(db);
  const auto entry = next(forward);
  if (!entry) throw StoreError(forward ? "There is nothing to redo." : "There is nothing to undo.");
  const std::string label = label_of(*entry);
  // The undo itself is not a new entry, whatever recording is going on.
  const Repository::ChangeSetHook hook = records_.change_set_hook();
  records_.set_change_set_hook({});
  try {
    const Repository::Stamp stamp = records_.open_change_set((forward ? "Redo: " : "Undo: ") + label);
    records_.write_states(states_of(db, *entry, forward), stamp,
                          std::string(forward ? "Cannot redo the " : "Cannot undo the ") + label);
  } catch (...) {
    records_.set_change_set_hook(hook);
    throw;
  }
  records_.set_change_set_hook(hook);
  Statement mark = db.prepare("UPDATE undo_entries SET undone = ? WHERE seq = ?");
  mark.bind(1, forward ? 0 : 1).bind(2, *entry);
  mark.step();
  transaction.commit();
  return label;
}

}  // namespace isms
