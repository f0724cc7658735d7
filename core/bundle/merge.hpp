#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/bundle/bundle.hpp"
#include "core/store/sqlite.hpp"
#include "core/workspace/workspace.hpp"

// Merging a colleague's bundle of the same workspace into this copy (DESIGN.md "Bundles and
// merging"). The rules, for each record of the bundle:
//
// Records match by id. A record this copy lacks is added, with its vectors (a tombstone is
// added as a tombstone). A record only this copy has stays as it is.
//
// Each field of a record both have (every non-computed field, and the pseudo field "_deleted",
// 1 for deleted) is decided by its two version vectors (core/store/field_versions.hpp):
//   - the bundle's vector is dominated by or equal to ours: ours stays (they have seen it);
//   - ours is strictly dominated by theirs: theirs is taken, with its vector;
//   - neither dominates (both changed it) and the values are equal: no conflict, the vector
//     becomes the pointwise maximum;
//   - neither dominates and the values differ: a CONFLICT. So are equal vectors with different
//     values, which only two copies that parted before the file kept vectors can have.
// Computed fields are not merged: they are derived again for every record the merge changes.
//
// An edit against a deletion. Say side S's deletion state wins the "_deleted" field by the rule
// above (its vector dominates or equals the other side's) and S is deleted while the other side
// O is live. If O changed some field of the record after the state S knew of (O's vector of that
// field is not dominated by or equal to S's), the deletion and that edit were made without
// knowing of each other: a conflict on "_deleted" (keep it or delete it). If "_deleted" itself
// is changed on both sides to different values (deleted on one, restored on the other), that is
// a conflict on "_deleted" too. The same conflict is raised when the merged register would hold a
// deleted record that live records link to (a deletion on one side, a new link to it on the
// other).
//
// Rules. Merged values must pass the register's rules as any write here does (field rules,
// record checks, link targets, context checks), except lifecycle transitions: the other copy
// made them under the same rules. A record the merge changes that would break a rule is a
// conflict of type Rule, resolved by choosing one side for the whole record. plan_merge finds
// them by running the whole merge in a transaction that it always rolls back.
//
// Resolving. A field's conflict is resolved by choosing mine or theirs for that field (for
// "_deleted": whether the record stays deleted); a record's by choosing a side for the whole
// record, which takes every field and the deletion state from that side (for a record this copy
// lacks, "mine" adds it as deleted: this copy does not want it). A resolved field gets the chosen
// value and the pointwise maximum of both vectors plus one write of this copy, so the choice
// wins over both sides when the bundles go round again. Records deleted by a resolution lose
// their parts and the links to them, as a deletion with "unlink" does.
//
// Importing the same bundle twice changes nothing; without conflicts, merging A then B gives
// the same register as B then A.
namespace isms::bundle {

namespace detail {
struct PlanMemo;
}

enum class Side { Mine, Theirs };

enum class ConflictType {
  Field,     // a field changed on both sides to different values
  Deletion,  // a deletion against an edit or a link on the other side (field "_deleted")
  Rule,      // together the two sides' changes break a rule of the register (whole record)
};

struct ConflictValue {
  std::string text;  // for people: enum labels, linked records' titles, "(empty)", "Deleted"
  Value raw;         // as stored (Deletion: 1 deleted, 0 kept; Rule: null)
};

struct Conflict {
  ConflictType type = ConflictType::Field;
  std::string kind, id, title;     // the record (its register, id and title)
  std::string field, field_label;  // Field: the field; Deletion: deleted_field; Rule: "" (whole record)
  ConflictValue mine, theirs;      // Rule: the fields whose values differ, "Label: value; ..."
  std::string why;                 // a sentence for the person
  std::optional<Side> chosen;      // the resolution given to plan_merge, if any
};

struct MergeCounts {
  std::size_t added = 0;        // not live here before, live after (new, or restored)
  std::size_t changed = 0;      // live before and after, some field's value changed
  std::size_t deleted = 0;      // live before, deleted after
  std::size_t conflicting = 0;  // with at least one conflict (counted here only)
  std::size_t unchanged = 0;    // the rest of the bundle's records (also tombstones added)
};

struct MergePreview {
  std::map<std::string, MergeCounts> by_kind;  // registers with records in the bundle
  MergeCounts total;
  std::vector<Conflict> conflicts;
  std::size_t attachments_to_add = 0;  // contents the merge would store
  std::size_t records_compared = 0;    // with this copy (the rest an earlier preview had found the same)
  bool resolved() const;               // every conflict has a choice
  // What the preview learnt that the merge can reuse (MergeOptions::preview): which records of
  // the bundle are exactly as they are here, most of a large bundle.
  std::shared_ptr<const detail::PlanMemo> memo;
};

class Resolutions {
 public:
  void choose(const std::string& id, const std::string& field, Side side);  // one field, or "_deleted"
  void choose_record(const std::string& id, Side side);                     // the whole record
  // The choice for a field: its own, else the whole record's.
  std::optional<Side> for_field(const std::string& id, const std::string& field) const;
  std::optional<Side> for_record(const std::string& id) const;
  std::optional<Side> for_conflict(const Conflict& conflict) const;

 private:
  std::map<std::pair<std::string, std::string>, Side> fields_;
  std::map<std::string, Side> records_;
};

struct MergeResult {
  std::map<std::string, MergeCounts> by_kind;
  MergeCounts total;
  std::string change_set;  // the merge's change set; empty when there was nothing to write
  std::size_t attachments_added = 0;
  std::size_t records_compared = 0;  // with this copy (the rest the preview had found the same)
};

// The merge refused: a bundle of another workspace, ids that clash with another register, a
// damaged attachment, an unresolved conflict, a result that breaks a rule. Nothing was written.
class MergeError : public StoreError {
 public:
  using StoreError::StoreError;
};

struct MergeOptions {
  // Called now and then with the records done out of the bundle's, for a progress bar.
  std::function<void(std::size_t done, std::size_t total)> progress;
  // For tests only: called after each record the merge writes, with how many it has written;
  // a test throws from it to interrupt the merge half-way.
  std::function<void(std::size_t written)> after_record_written;
  // The preview of this same bundle shown to the person, if any: the records it found exactly as
  // they are here are not compared again (most of the work of a large merge). Used only while
  // it is still true: for the same Bundle object, with nothing written to the workspace since
  // (SQLite's count of changed rows tells); otherwise everything is compared as without it.
  const MergePreview* preview = nullptr;
};

// What apply_merge(workspace, bundle, chosen) would do: per register counts and every conflict,
// with the choices made so far (plan again after choosing: a choice can raise or settle a rule
// conflict). Nothing is written. MergeError if the bundle is refused.
// `earlier`: a preview of this same bundle, whose records found exactly as here are not compared
// again while it is still true (as MergeOptions::preview).
MergePreview plan_merge(const Workspace& workspace, const Bundle& bundle, const Resolutions& chosen = {},
                        const MergePreview* earlier = nullptr);

// Merges in one transaction with one change set ("Merged bundle from <exported_by>, exported
// <exported_at>"), history rows for every field changed, computed fields derived again, the link
// index kept, and the attachment contents it needs stored (each checked against its digest).
// MergeError, with nothing written, if the bundle is refused or any conflict lacks a choice;
// any failure on the way leaves the workspace exactly as it was.
MergeResult apply_merge(Workspace& workspace, const Bundle& bundle, const Resolutions& resolutions,
                        const MergeOptions& options = {});

}  // namespace isms::bundle
