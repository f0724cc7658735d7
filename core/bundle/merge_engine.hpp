#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/bundle/merge.hpp"
#include "core/bundle/merge_detail.hpp"
#include "core/store/history_log.hpp"

// One run of the merge: plan_merge's trial (always rolled back), apply_merge's, or the filling of
// a new workspace from a bundle (import_new.hpp). Not part of the merge's interface.
namespace isms::bundle::detail {

enum class MergeMode {
  Plan,    // conflicts without a choice default to mine; rule failures become conflicts; rolled back
  Apply,   // refused (MergeError) if a conflict lacks a choice or a rule fails; committed
  Import,  // as Apply, into an empty workspace, and the caller commits
};

struct MergeOutcome {
  std::map<std::string, MergeCounts> by_kind;
  MergeCounts total;
  std::vector<Conflict> conflicts;
  std::string change_set;
  std::size_t attachments = 0;     // contents stored (Plan: that would be)
  std::vector<bool> same_as_here;  // per bundle record: exactly as here (nothing to decide)
  std::size_t compared = 0;        // records compared with this copy (not known the same before)
};

class MergeRun {
 public:
  MergeRun(Workspace& workspace, const Bundle& bundle, const Resolutions& resolutions, MergeMode mode,
           std::string description, const MergeOptions& options);
  MergeOutcome run();

 private:
  // What merge.hpp's rules give each bundle record, for the counts.
  struct Flags {
    bool live_before = false, live_after = false, changed = false, conflicting = false;
  };

  // merge_checks.cpp: refusals before anything is decided.
  void check_bundle() const;
  void check_attachments() const;
  const EntityDef* local_kind(const std::string& id);  // the register of a record here, or null
  // merge_engine.cpp
  void decide_all();
  void mark_same(std::size_t index);  // exactly as here: nothing to decide or write
  bool row_same_as_remote(const EntityDef& def, const Statement& row, const NumberedVersions& local_versions,
                          const BundleRecord& remote) const;
  const std::string& replica_id_or_empty(std::int64_t number) const;
  void settle_deleted_links();
  void settle_deleted_link(const std::string& id, const std::vector<std::string>& referrers);
  std::vector<std::string> referrers_after(const std::string& id);
  std::optional<bool> deleted_after(const std::string& id);
  RecordDecision& decision_for(std::size_t index);
  void write_all();
  void detach_all();
  void refresh_all();
  std::size_t store_attachments();
  void add_rule_conflict(const RecordDecision& decision, const std::string& message);
  void add_conflict(Conflict conflict);
  MergeOutcome outcome(std::size_t attachments);
  [[noreturn]] void refuse_unresolved();
  // merge_write.cpp
  void write(const RecordDecision& decision);
  // merge_display.cpp: titles and texts of the conflicts, read from both sides.
  void describe(Conflict& conflict);
  std::string display(const FieldDef& field, const Value& value);
  std::string title_of_id(const std::string& id);
  std::string title_of(const RecordDecision& decision) const;
  std::string differing_fields(const RecordDecision& decision, Side side);
  std::string describe_referrers(const std::vector<std::string>& ids);

  Workspace& workspace_;
  Repository& records_;
  Database& db_;
  const Bundle& bundle_;
  const Resolutions& resolutions_;
  MergeMode mode_;
  std::string description_;
  const MergeOptions& options_;

  std::unordered_map<std::string, std::size_t> bundle_index_;                     // id -> index in bundle_.records
  std::optional<std::unordered_map<std::string, const EntityDef*>> local_kinds_;  // read when first needed
  std::int64_t me_ = 0;                                                           // this file's replica number
  std::optional<Replicas> replicas_;
  std::vector<Flags> flags_;                       // per bundle record
  std::vector<bool> same_as_here_;                 // per bundle record
  const std::vector<bool>* known_same_ = nullptr;  // from a preview still true, if any
  std::size_t compared_ = 0;
  std::vector<RecordDecision> writes_;                        // the records the merge writes
  std::unordered_map<std::string, std::size_t> write_index_;  // id -> index in writes_
  std::vector<Conflict> conflicts_;
  std::vector<std::string> to_detach_;  // deleted records whose referrers lose their links
  bool unresolved_ = false;
  Repository::Stamp stamp_;
  std::optional<HistoryWriter> history_;  // prepared once for every row the merge writes
  std::optional<VersionsWriter> versions_;
};

}  // namespace isms::bundle::detail
