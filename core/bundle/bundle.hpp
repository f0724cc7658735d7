#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/value.hpp"

namespace isms::bundle {

// The bundle in memory: what export fills in, what the JSON reader produces after validation,
// and what the merge reads. JSON text <-> Bundle lives in bundle_json.hpp; Workspace -> Bundle
// and Bundle -> Workspace (merge) live in export.hpp and merge.hpp.

inline constexpr const char* format_name = "isms-register-bundle";
inline constexpr int format_version = 1;

// Per field: how many writes each replica of the workspace has made to it. One workspace file
// is one replica (its own random id); a bundle's records carry their fields' vectors so the
// merge can tell "changed on one side only" (one vector dominates) from "changed on both"
// (neither does).
using VersionVector = std::map<std::string, std::uint64_t>;

// The pseudo field whose version vector records deletions and restores of a record.
inline constexpr const char* deleted_field = "_deleted";

struct BundleRecord {
  std::string kind, id;
  std::string created_at, created_by, updated_at, updated_by;
  std::int64_t revision = 0;
  bool deleted = false;
  std::map<std::string, Value> fields;             // by field key, as stored (normalised)
  std::map<std::string, VersionVector> versions;   // by field key, and deleted_field
};

struct BundleAttachment {
  std::string sha256;                // lower-case hex of the bytes
  std::uint64_t size = 0;            // bytes
  std::optional<std::string> bytes;  // absent when the bundle was exported without attachments
};

struct BundleWorkspace {
  std::string id, name, client;
};

struct Bundle {
  std::string format = format_name;
  int version = format_version;
  std::string app_version;   // the app that wrote it
  std::string exported_by;   // a person's name
  std::string exported_at;   // UTC, ISO 8601
  std::string replica_id;    // the exporting copy of the workspace
  BundleWorkspace workspace;
  bool attachments_included = false;
  std::vector<BundleRecord> records;  // every record of every register, tombstones too
  std::vector<BundleAttachment> attachments;
};

}  // namespace isms::bundle
