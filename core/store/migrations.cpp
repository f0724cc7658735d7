#include "core/store/migrations.hpp"

#include <stdexcept>

#include "core/store/search_index.hpp"
#include "core/util/uuid.hpp"

namespace isms {
namespace {

void create_history_tables(Database& db) {
  // history: the audit trail, the undo stack and the merge's memory. One row per field changed;
  // values as text (integers in decimal, doubles in round-trip form), NULL for "no value".
  db.exec(R"sql(
        CREATE TABLE history (
            seq INTEGER PRIMARY KEY,
            change_set TEXT NOT NULL,
            kind TEXT NOT NULL,
            record_id TEXT NOT NULL,
            field TEXT NOT NULL,
            old_value TEXT,
            new_value TEXT,
            author TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX history_by_record ON history(record_id);
        CREATE INDEX history_by_change_set ON history(change_set);
        CREATE TABLE change_sets (
            id TEXT PRIMARY KEY,
            author TEXT,
            at TEXT,
            description TEXT
        );
    )sql");
}

// links: which record points to which, one row per link of a Link or LinkList field. Derived from
// the fields (they stay the truth, merged and exported), kept in step by the repository in the
// same transaction, so "what links here?" is one indexed lookup instead of a scan of every table.
// Only live records' links are indexed: a tombstone points nowhere.
void create_link_index(Database& db) {
  db.exec(R"sql(
        CREATE TABLE links (
            from_kind TEXT NOT NULL,
            from_id TEXT NOT NULL,
            field TEXT NOT NULL,
            to_id TEXT NOT NULL,
            PRIMARY KEY (from_id, field, to_id)
        ) WITHOUT ROWID;
        CREATE INDEX links_by_target ON links(to_id);
    )sql");
}

// The merge's memory of who wrote what (core/store/field_versions.hpp). `replicas` names each
// copy of the workspace this file has heard of by a small number; the one with local = 1 is this
// file, given a random id here (so a file made before this migration becomes a replica too, and
// its existing records have no vectors: written by nobody, equal on every side). One row per
// record holds all its fields' vectors in one compact text, not one row per field: the large
// benchmark workspace has ~300,000 records, and a row per field would cost a key of ~50 bytes
// per field and one more B-tree write per field changed. WITHOUT ROWID: the record id is the key.
void create_version_tables(Database& db) {
  db.exec(R"sql(
        CREATE TABLE replicas (
            n INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            local INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE field_versions (
            record_id TEXT PRIMARY KEY NOT NULL,
            versions TEXT NOT NULL
        ) WITHOUT ROWID;
    )sql");
  Statement insert = db.prepare("INSERT INTO replicas (id, local) VALUES (?, 1)");
  insert.bind(1, new_uuid());
  insert.step();
}

// The undo stack (core/store/undo_stack.hpp): local state of this file, never exported or
// merged. An entry is one action of the person; its change sets are the history it undoes.
void create_undo_tables(Database& db) {
  db.exec(R"sql(
        CREATE TABLE undo_entries (
            seq INTEGER PRIMARY KEY,
            undone INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE undo_change_sets (
            entry INTEGER NOT NULL,
            change_set TEXT NOT NULL
        );
        CREATE INDEX undo_change_sets_by_entry ON undo_change_sets(entry);
    )sql");
}

}  // namespace

void apply_migrations(Database& db, const std::vector<Migration>& steps, std::string_view subject) {
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (steps[i].version != static_cast<int>(i) + 1) {
      throw std::logic_error("Migrations must be numbered 1, 2, 3, ... without gaps");
    }
  }
  const int known = static_cast<int>(steps.size());
  const int current = db.user_version();
  if (current > known) {
    throw StoreError(std::string(subject) + " was saved by a newer version of ISMS Register (schema " +
                     std::to_string(current) + "; this app knows up to " + std::to_string(known) +
                     "). Update the app to open it.");
  }
  for (const Migration& step : steps) {
    if (step.version <= current) continue;
    Transaction transaction(db);
    step.apply(db);
    db.set_user_version(step.version);
    transaction.commit();
  }
}

const std::vector<Migration>& workspace_migrations() {
  static const std::vector<Migration> steps = {
      {1, "history and change sets", create_history_tables},
      {2, "link index", create_link_index},
      {3, "field version vectors", create_version_tables},
      {4, "undo stack", create_undo_tables},
      // Filled by ensure_tables (it knows the registers' columns), right after, in the same open.
      {5, "search index", create_search_index},
  };
  return steps;
}

int latest_schema_version() { return static_cast<int>(workspace_migrations().size()); }

void migrate(Database& db) { apply_migrations(db, workspace_migrations(), "This workspace"); }

}  // namespace isms
