#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/store/repository.hpp"

namespace isms {

// Undo and redo of the person's own edits, kept in the workspace's file (tables undo_entries and
// undo_change_sets, migration 4) and written in the same transaction as the edit it records, so
// the stack survives a reload and is never out of step with the data. It is local state of this
// copy: bundles do not carry it and merges do not touch it.
//
// An entry is every change set written while one Recording lived (a management review with its
// ten inputs is one entry). Only what is recorded can be undone: merges, imports, seeding and
// upgrades are written without a Recording. Undo writes the entry's fields back to the values it
// found, as a NEW change set ("Undo: edit of risk "Ransomware""), so history, the link index and
// the version vectors see an edit like any other (a later merge sees the undo as this copy's
// edit); a record the entry created becomes a tombstone, one it deleted comes back. Redo writes
// them forward again. Both refuse, with nothing written, when a field the entry wrote holds
// another value now (another edit or a merge changed it since), and when the result would break
// a rule (the lifecycle transition excepted). A new entry drops the ones undone (no redo after a
// new edit); the oldest beyond kKeep are forgotten.
//
// Holds no state of its own (make one whenever needed); the Repository must outlive it.
class UndoStack {
 public:
  static constexpr std::size_t kKeep = 200;

  explicit UndoStack(Repository& records) : records_(records) {}

  // While it lives, every change set `records` begins joins one new undo entry (made with the
  // first of them, so an action that writes nothing leaves no entry and keeps the redo entries).
  // Not nested: the repository's previous hook is put back when it ends.
  class Recording {
   public:
    explicit Recording(Repository& records);
    ~Recording();
    Recording(const Recording&) = delete;
    Recording& operator=(const Recording&) = delete;

   private:
    void joined(const std::string& change_set);
    Repository& records_;
    Repository::ChangeSetHook previous_;
    std::int64_t entry_ = 0;
  };

  bool can_undo() const;
  bool can_redo() const;
  // What the next undo or redo takes back or puts again: "edit of risk "Ransomware"",
  // "creation of asset "Laptop"", "deletion of ...". Empty when there is none.
  std::string undo_label() const;
  std::string redo_label() const;

  // Undo the newest entry not undone / redo the oldest undone one; returns its label. StoreError
  // with a sentence for the person, and nothing written, when it is refused or there is none.
  std::string undo();
  std::string redo();

 private:
  std::string apply(bool forward);
  std::optional<std::int64_t> next(bool forward) const;
  std::string label_of(std::int64_t entry) const;

  Repository& records_;
};

}  // namespace isms
