#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/record_context.hpp"
#include "core/model/registry.hpp"
#include "core/model/validation.hpp"
#include "core/store/record.hpp"
#include "core/store/link_index.hpp"
#include "core/store/record_query.hpp"
#include "core/store/sqlite.hpp"
#include "core/util/clock.hpp"

namespace isms {

// A live record that points at another one: where it is and through which field.
struct LinkedRecord {
  std::string kind, id, title, field;
};

// A deletion refused because live records still point at the record. Nothing was written.
class LinkedRecordsError : public StoreError {
 public:
  LinkedRecordsError(const std::string& message, std::vector<LinkedRecord> referrers)
      : StoreError(message), referrers_(std::move(referrers)) {}
  const std::vector<LinkedRecord>& referrers() const { return referrers_; }

 private:
  std::vector<LinkedRecord> referrers_;
};

// A write refused because a record that depends on it (its computed fields read this one) would
// break its own rules: a risk method that leaves a risk's likelihood off the new scale.
class DependentRuleError : public ValidationError {
 public:
  DependentRuleError(const std::string& message, std::string kind, std::string id, std::vector<FieldError> errors)
      : ValidationError({{"", message}}), kind_(std::move(kind)), id_(std::move(id)), inner_(std::move(errors)) {}
  const std::string& kind() const { return kind_; }
  const std::string& id() const { return id_; }
  const std::vector<FieldError>& inner() const { return inner_; }  // the dependent record's own errors

 private:
  std::string kind_, id_;
  std::vector<FieldError> inner_;
};

// What a deletion does with the records that still point at the one deleted. Records that are
// part of it (a KPI's measurements: FieldDef::part_of) are always deleted with it.
enum class OnLinks {
  Refuse,  // LinkedRecordsError listing them: the interface asks the person what to do
  Unlink,  // take the link out of each of them, in the same change set (undone by restore)
};

// Reads and writes the records of every register, driven by their definitions. Each write is
// one transaction that also writes its history rows under one new change set, so the audit
// trail can never disagree with the data. Every write runs the register's rules in this order:
// computed fields (derive), field rules and record checks, link targets (they must exist, be
// live and be of the linked kind), context checks, lifecycle transition. Holds references: the
// Database, Registry and Clock must outlive it.
class Repository : public RecordContext {
 public:
  Repository(Database& db, const Registry& registry, const Clock& clock, std::string author);

  void set_author(std::string author);
  const std::string& author() const { return author_; }

  // Normalises and validates (ValidationError: nothing written), then inserts with a new id,
  // revision 1, and one history row per non-null field. Returns the new id. Values given for
  // computed fields are replaced by the derived ones.
  std::string create(std::string_view kind, std::map<std::string, Value> values, std::string_view change_note = {});
  // The same with an id chosen by the caller (a workspace's metadata record, imported records).
  // StoreError if a record with that id exists.
  void create_with_id(std::string_view kind, const std::string& id, std::map<std::string, Value> values,
                      std::string_view change_note = {});

  // Changes only the given fields (and the computed fields that depend on them). The merged
  // record must pass every rule (ValidationError otherwise). Writes history only for fields
  // whose value really changes; if none does, writes nothing at all, so update(kind, id, {})
  // recomputes a record's computed fields and writes only if they moved.
  // StoreError "No asset with id ..." if the record is missing or deleted.
  void update(std::string_view kind, const std::string& id, std::map<std::string, Value> changes,
              std::string_view change_note = {});

  // Tombstones a record (deleted=1, revision+1, history field "_deleted" 0 -> 1) together with
  // the records that are part of it, in one change set. Other live records that point at it are
  // refused or unlinked (OnLinks). StoreError if the record does not exist; no-op if deleted.
  void remove(std::string_view kind, const std::string& id, OnLinks on_links = OnLinks::Refuse);
  // Undoes what the deletion of the record did in the change set that deleted it: it, the
  // records deleted with it as its parts, and the links to them taken out (of a merge's change
  // set, only that). Restored records must meet the rules as they are now: StoreError, with
  // nothing written, if one points at a record that is deleted now (restore that first) or a
  // rule refuses it (another record took its place meanwhile). A link that cannot go back (its
  // field was changed since, or a rule of that record refuses it) is left, and said in the notes
  // returned. No-op, no notes, if the record is live.
  std::vector<std::string> restore(std::string_view kind, const std::string& id);

  // This file's replica id (core/store/field_versions.hpp): every write above counts one write
  // of this replica to each field whose stored value it changes (computed fields excepted), and
  // to the pseudo field "_deleted" when it deletes or restores a record.
  std::string replica_id() const;

  // For the merge (core/bundle/merge.hpp), which writes rows, history and version vectors
  // itself and then asks the repository for the rules. Use inside the caller's Transaction.
  struct Stamp {
    std::string change_set, at;
  };
  Stamp open_change_set(std::string_view description);  // a new change set, authored by author()
  // Recomputes a live record's computed fields, and its dependents' (recompute_after_write),
  // and checks it against every rule but the lifecycle, every link of it included:
  // ValidationError (or DependentRuleError) if it breaks one; what it wrote before throwing is
  // the caller's to roll back. A tombstone has nothing to check.
  void refresh_merged(std::string_view kind, const std::string& id, const Stamp& stamp);
  // What deleting the record does besides its tombstone, for a tombstone the merge wrote: its
  // parts are deleted and the links of other live records to it are taken out (OnLinks::Unlink).
  void detach_merged(std::string_view kind, const std::string& id, const Stamp& stamp);

  std::optional<Record> get(std::string_view kind, const std::string& id) const;        // tombstones too
  std::vector<Record> list(std::string_view kind, bool include_deleted = false) const;  // by created_at, id
  std::size_t count(std::string_view kind) const;                                       // live records only
  std::vector<Record> query(std::string_view kind, const RecordQuery& query) const;     // filtered and sorted
  std::size_t count(std::string_view kind, const RecordQuery& query) const;
  std::vector<HistoryEntry> history(const std::string& record_id) const;  // oldest first
  std::vector<LinkedRecord> linked_from(const std::string& id) const;     // live records pointing at it
  std::string title_of(const Record& record) const;                       // the title field's text, or the id if empty

  // Called with the id of each change set this repository begins, inside the transaction that
  // writes it (so what the hook writes commits or rolls back with the change set). The undo
  // stack records the person's own edits this way (core/store/undo_stack.hpp). Empty: none.
  using ChangeSetHook = std::function<void(const std::string& change_set)>;
  void set_change_set_hook(ChangeSetHook hook) { change_set_hook_ = std::move(hook); }
  const ChangeSetHook& change_set_hook() const { return change_set_hook_; }

  // Undo and redo (core/store/undo_stack.hpp, repository_revert.cpp): one field of one record
  // (or "_deleted", its tombstone flag as "0"/"1"), the value it must hold now and the one to
  // write, both in history text. Computed fields are left out: derive sets them.
  struct FieldState {
    std::string kind, record_id, field;
    std::optional<std::string> expected, wanted;
  };
  // Checks that every field holds its expected value (StoreError "<what>: ... changed since",
  // nothing written, when one does not), then writes the wanted ones under `stamp` with their
  // history, link index and version vectors, and checks every record written against every rule
  // but the lifecycle transition (undoing "open -> closed" is not a transition the person
  // makes). A record tombstoned here must have no live record pointing at it. Any refusal is a
  // StoreError starting with `what`; what was written before it is the caller's to roll back.
  void write_states(const std::vector<FieldState>& states, const Stamp& stamp, const std::string& what);

  // RecordContext, for the registers' rules.
  std::optional<Record> find(std::string_view kind, const std::string& id) const override;
  std::vector<Record> find_by(std::string_view kind, std::string_view field, const Value& value) const override;

  const Registry& registry() const { return registry_; }
  Database& database() { return db_; }
  const Database& database() const { return db_; }  // for read-only queries (core/figures/)

 private:
  Stamp begin_change_set(std::string_view note, std::string_view fallback);
  void insert_checked(const EntityDef& def, const std::string& id, std::map<std::string, Value> values,
                      const Stamp& stamp);
  bool update_checked(const EntityDef& def, const std::string& id, std::map<std::string, Value> changes,
                      const Stamp& stamp);
  bool write_changes(const EntityDef& def, const Record& current, const std::map<std::string, Value>& merged,
                     const Stamp& stamp);
  void check_rules(const EntityDef& def, const std::string& id, std::map<std::string, Value>& values,
                   const Record* current) const;
  std::optional<FieldError> check_link_targets(const EntityDef& def, const std::string& id,
                                               const std::map<std::string, Value>& values, const Record* current) const;
  std::optional<Record> find_in_any_register(const std::string& id) const;
  std::optional<Record> lookup(const EntityDef& def, const std::string& id) const;
  void remove_in(const EntityDef& def, const Record& current, OnLinks on_links, const Stamp& stamp);
  void detach(const EntityDef& def, const Record& current, OnLinks on_links, const Stamp& stamp);
  std::vector<HistoryEntry> deletion_in(const std::string& id, const std::vector<HistoryEntry>& change_set) const;
  std::int64_t local_replica() const;
  void unlink(const LinkRow& row, const std::string& target_id, const Stamp& stamp);
  void write_deleted(const EntityDef& def, const Record& current, bool deleted, const Stamp& stamp);
  void check_restorable(const Record& record, const Stamp& stamp);
  void put_back(const HistoryEntry& entry, const Stamp& stamp, std::vector<std::string>& notes);
  void recompute_dependents(const EntityDef& def, const Stamp& stamp);
  std::string describe_referrers(const std::vector<LinkRow>& rows) const;

  Database& db_;
  const Registry& registry_;
  const Clock& clock_;
  std::string author_;
  mutable std::int64_t local_replica_ = 0;          // 0: not read yet
  mutable std::map<std::string, Statement> by_id_;  // lookup()'s statements, by register
  ChangeSetHook change_set_hook_;
};

}  // namespace isms
