#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/bundle/merge.hpp"
#include "core/store/field_versions.hpp"

// The pieces of the merge (merge.hpp has the rules); not part of its interface.
namespace isms::bundle::detail {

// What plan_merge hands on to apply_merge (MergePreview::memo).
struct PlanMemo {
  const Bundle* bundle = nullptr;  // the bundle it was planned for
  std::int64_t changes = 0;        // the database's count of changed rows right after the plan
  std::vector<bool> same_as_here;  // per bundle record
};

// The database's count of rows changed so far (rolled back ones included): unchanged means
// nothing was written in between.
std::int64_t changes_so_far(const Database& db);

// What the merge does with one record of the bundle, decided from the two copies alone.
struct RecordDecision {
  const EntityDef* def = nullptr;
  std::size_t index = 0;        // in Bundle::records
  std::optional<Record> local;  // nullopt: this copy lacks the record
  NumberedVersions local_versions;
  std::map<std::string, Value> fields;  // after the merge: every field of the definition
  bool deleted = false;                 // after the merge
  NumberedVersions versions;            // after the merge
  std::vector<std::string> changed;     // fields whose value the merge changes (a new record: all non-null)
  std::vector<Conflict> conflicts;      // with `chosen`; titles and texts are filled in later
  bool unresolved = false;              // a conflict without a choice (its field stays as it is here)

  bool added() const { return !local; }
  bool live_before() const { return local && !local->deleted; }
  bool deleted_changed() const { return local && local->deleted != deleted; }
  bool versions_changed() const { return versions != local_versions; }
  bool needs_write() const { return added() || !changed.empty() || deleted_changed() || versions_changed(); }
};

// Applies merge.hpp's rules to one record. `remote_fields` are the bundle's values normalised
// for the definition, `remote_versions` its vectors in this file's replica numbers; `me` is this
// file's replica.
RecordDecision decide(const EntityDef& def, std::size_t index, std::optional<Record> local,
                      NumberedVersions local_versions, const BundleRecord& remote,
                      const std::map<std::string, Value>& remote_fields, const NumberedVersions& remote_versions,
                      const Resolutions& resolutions, std::int64_t me);

// The state a side gives "_deleted", as a value.
Value deleted_value(bool deleted);

// The chosen side's deletion state for a record, and the vector a resolution gives it: the
// pointwise maximum of both, plus one write of this copy.
NumberedVector resolved_vector(const NumberedVector& mine, const NumberedVector& theirs, std::int64_t me);

}  // namespace isms::bundle::detail
