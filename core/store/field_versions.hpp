#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/store/sqlite.hpp"

namespace isms {

// Per record and field: how many writes each replica (copy) of the workspace has made to it.
// One workspace file is one replica with a random id (migration 3). The merge compares two
// copies' vectors of a field to tell "changed on one side only" (one vector dominates the
// other) from "changed on both sides" (neither does). bundle::VersionVector is the same type.
using VersionVector = std::map<std::string, std::uint64_t>;   // replica id -> writes
using RecordVersions = std::map<std::string, VersionVector>;  // field key (and "_deleted") -> vector

// How vector `a` relates to vector `b` (a replica missing from one counts as 0 there).
enum class VersionOrder {
  Equal,       // the same writes
  Before,      // a is strictly dominated by b: b has seen every write a has, and more
  After,       // a strictly dominates b
  Concurrent,  // each has writes the other has not seen
};
// The same for vectors keyed by a file's replica numbers (below): any map of key -> count.
template <class Vector>
VersionOrder compare_versions(const Vector& a, const Vector& b) {
  bool a_ahead = false;
  bool b_ahead = false;
  for (const auto& [replica, count] : a) {
    const auto other = b.find(replica);
    const std::uint64_t theirs = other == b.end() ? 0 : other->second;
    if (count > theirs) a_ahead = true;
    if (count < theirs) b_ahead = true;
  }
  for (const auto& [replica, count] : b) {
    if (count > 0 && a.find(replica) == a.end()) b_ahead = true;
  }
  if (a_ahead && b_ahead) return VersionOrder::Concurrent;
  if (a_ahead) return VersionOrder::After;
  if (b_ahead) return VersionOrder::Before;
  return VersionOrder::Equal;
}

// The pointwise maximum: every write either has seen.
template <class Vector>
Vector max_versions(const Vector& a, const Vector& b) {
  Vector result = a;
  for (const auto& [replica, count] : b) {
    auto& mine = result[replica];
    if (count > mine) mine = count;
  }
  return result;
}

// In the file, replicas are named by a small number of that file (table `replicas`) instead of
// their 36-character id, and fields with the same vector share one entry: a record created in
// one go and never edited elsewhere stores "name,owner,type=1:1". The large benchmark
// workspace has ~300,000 records, so this keeps the vectors a few dozen bytes per record.
using NumberedVector = std::map<std::int64_t, std::uint64_t>;
using NumberedVersions = std::map<std::string, NumberedVector>;

// "key,key=n:count/n:count;key=n:count"; empty vectors are left out, and "" is no vectors.
std::string format_versions(const NumberedVersions& versions);
// The reverse. StoreError if the text is not of that form (a damaged file).
NumberedVersions parse_versions(std::string_view text);

// The replicas a file knows, read once for one operation (an export, a merge). Give it a short
// life within one transaction: a replica it adds is gone again if that transaction rolls back.
class Replicas {
 public:
  explicit Replicas(Database& db);

  std::int64_t local() const { return local_; }
  const std::string& local_id() const { return id_of(local_); }
  const std::string& id_of(std::int64_t number) const;  // StoreError for a number the file lacks
  std::int64_t number_of(const std::string& id);        // adds the replica when the file lacks it

  const std::map<std::int64_t, std::string>& ids() const { return ids_; }
  RecordVersions to_ids(const NumberedVersions& versions) const;
  NumberedVersions to_numbers(const RecordVersions& versions);

 private:
  Database& db_;
  std::int64_t local_ = 0;
  std::map<std::int64_t, std::string> ids_;
  std::map<std::string, std::int64_t> numbers_;
};

// Every replica the file knows: number -> id.
std::map<std::int64_t, std::string> replica_ids(const Database& db);

// This file's replica: its number and id. StoreError if the file has none (not migrated).
std::int64_t local_replica_number(const Database& db);
std::string local_replica_id(const Database& db);

// Gives the file a new replica id, keeping what it knows: the writes made so far stay counted
// under the old id, which becomes an ordinary other replica. For a copied workspace file, so
// that the two copies never count their writes under one id. Returns the new id.
std::string assign_new_replica(Database& db);

// One record's vectors, by field key. Missing record: no vectors.
NumberedVersions read_numbered_versions(const Database& db, const std::string& record_id);
RecordVersions read_versions(const Database& db, const std::string& record_id);
// Replaces a record's vectors (removes the row when there are none).
void write_numbered_versions(Database& db, const std::string& record_id, const NumberedVersions& versions);

// The same for many records, with prepared statements: a merge writes thousands.
class VersionsWriter {
 public:
  explicit VersionsWriter(Database& db);
  void write(const std::string& record_id, const NumberedVersions& versions);

 private:
  Statement upsert_, remove_;
};

// Counts one more write by replica `replica` to each of `fields` of the record.
void bump_versions(Database& db, std::int64_t replica, const std::string& record_id,
                   const std::vector<std::string>& fields);

}  // namespace isms
