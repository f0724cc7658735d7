#include "core/store/field_versions.hpp"

#include <algorithm>

#include "core/util/number_text.hpp"
#include "core/util/text.hpp"
#include "core/util/uuid.hpp"

namespace isms {

namespace {

std::string format_vector(const NumberedVector& vector) {
  std::string text;
  for (const auto& [replica, count] : vector) {
    if (count == 0) continue;
    if (!text.empty()) text += '/';
    text += std::to_string(replica) + ':' + std::to_string(count);
  }
  return text;
}

[[noreturn]] void throw_damaged(std::string_view text) {
  throw StoreError("The version information '" + std::string(text.substr(0, 80)) +
                   "' in this workspace is damaged. Restore the workspace from a bundle.");
}

std::uint64_t parse_count(std::string_view text, std::string_view whole) {
  const std::optional<std::int64_t> number = parse_int64(text);
  if (!number || *number < 0) throw_damaged(whole);
  return static_cast<std::uint64_t>(*number);
}

}  // namespace

std::string format_versions(const NumberedVersions& versions) {
  // Fields with the same vector share one group, keyed by the vector's text.
  std::map<std::string, std::vector<std::string>> groups;
  for (const auto& [field, vector] : versions) {
    std::string text = format_vector(vector);
    if (!text.empty()) groups[std::move(text)].push_back(field);
  }
  std::vector<std::string> parts;
  for (auto& [vector, fields] : groups) parts.push_back(join(fields, ",") + "=" + vector);
  std::sort(parts.begin(), parts.end());
  return join(parts, ";");
}

// Calls `each` with every piece of `text` between separators, empty ones too (as split() gives
// them), without copying them: an export or merge of a large workspace reads one versions text
// per record.
template <class Each>
void for_each_piece(std::string_view text, char separator, Each each) {
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find(separator, start);
    each(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return;
    start = end + 1;
  }
}

NumberedVersions parse_versions(std::string_view text) {
  NumberedVersions versions;
  if (text.empty()) return versions;
  for_each_piece(text, ';', [&](std::string_view group) {
    const std::size_t equals = group.find('=');
    if (equals == std::string_view::npos || equals == 0 || equals + 1 == group.size()) throw_damaged(text);
    NumberedVector vector;
    for_each_piece(group.substr(equals + 1), '/', [&](std::string_view entry) {
      const std::size_t colon = entry.find(':');
      if (colon == std::string_view::npos) throw_damaged(text);
      const std::uint64_t replica = parse_count(entry.substr(0, colon), text);
      vector[static_cast<std::int64_t>(replica)] = parse_count(entry.substr(colon + 1), text);
    });
    for_each_piece(group.substr(0, equals), ',', [&](std::string_view field) {
      if (field.empty()) throw_damaged(text);
      versions[std::string(field)] = vector;
    });
  });
  return versions;
}

Replicas::Replicas(Database& db) : db_(db), local_(local_replica_number(db)), ids_(replica_ids(db)) {
  for (const auto& [number, id] : ids_) numbers_.emplace(id, number);
}

const std::string& Replicas::id_of(std::int64_t number) const {
  const auto found = ids_.find(number);
  if (found == ids_.end()) throw StoreError("The version information names an unknown copy of this workspace.");
  return found->second;
}

std::int64_t Replicas::number_of(const std::string& id) {
  if (const auto found = numbers_.find(id); found != numbers_.end()) return found->second;
  Statement insert = db_.prepare("INSERT INTO replicas (id, local) VALUES (?, 0)");
  insert.bind(1, id);
  insert.step();
  const std::int64_t number = db_.last_insert_rowid();
  ids_.emplace(number, id);
  numbers_.emplace(id, number);
  return number;
}

RecordVersions Replicas::to_ids(const NumberedVersions& versions) const {
  RecordVersions result;
  for (const auto& [field, vector] : versions) {
    VersionVector& named = result[field];
    for (const auto& [replica, count] : vector) named[id_of(replica)] = count;
  }
  return result;
}

NumberedVersions Replicas::to_numbers(const RecordVersions& versions) {
  NumberedVersions result;
  for (const auto& [field, vector] : versions) {
    NumberedVector& numbered = result[field];
    for (const auto& [replica, count] : vector) {
      if (count > 0) numbered[number_of(replica)] = count;
    }
  }
  return result;
}

std::map<std::int64_t, std::string> replica_ids(const Database& db) {
  std::map<std::int64_t, std::string> ids;
  Statement query = db.prepare("SELECT n, id FROM replicas");
  while (query.step()) ids.emplace(query.column_int64(0), query.column_text(1));
  return ids;
}

std::int64_t local_replica_number(const Database& db) {
  Statement query = db.prepare("SELECT n FROM replicas WHERE local = 1");
  if (!query.step()) throw StoreError("This workspace has no replica id. Open it again to upgrade it.");
  return query.column_int64(0);
}

std::string local_replica_id(const Database& db) {
  Statement query = db.prepare("SELECT id FROM replicas WHERE local = 1");
  if (!query.step()) throw StoreError("This workspace has no replica id. Open it again to upgrade it.");
  return query.column_text(0);
}

std::string assign_new_replica(Database& db) {
  Transaction transaction(db);
  db.exec("UPDATE replicas SET local = 0 WHERE local = 1");
  const std::string id = new_uuid();
  Statement insert = db.prepare("INSERT INTO replicas (id, local) VALUES (?, 1)");
  insert.bind(1, id);
  insert.step();
  transaction.commit();
  return id;
}

NumberedVersions read_numbered_versions(const Database& db, const std::string& record_id) {
  Statement query = db.prepare("SELECT versions FROM field_versions WHERE record_id = ?");
  query.bind(1, record_id);
  if (!query.step()) return {};
  return parse_versions(query.column_text(0));
}

RecordVersions read_versions(const Database& db, const std::string& record_id) {
  // Read-only, so no Replicas (which needs a writable file to add replicas).
  const NumberedVersions numbered = read_numbered_versions(db, record_id);
  const std::map<std::int64_t, std::string> ids = replica_ids(db);
  RecordVersions result;
  for (const auto& [field, vector] : numbered) {
    for (const auto& [replica, count] : vector) {
      const auto id = ids.find(replica);
      result[field][id == ids.end() ? std::to_string(replica) : id->second] = count;
    }
  }
  return result;
}

void write_numbered_versions(Database& db, const std::string& record_id, const NumberedVersions& versions) {
  VersionsWriter(db).write(record_id, versions);
}

VersionsWriter::VersionsWriter(Database& db)
    : upsert_(db.prepare("INSERT OR REPLACE INTO field_versions (record_id, versions) VALUES (?, ?)")),
      remove_(db.prepare("DELETE FROM field_versions WHERE record_id = ?")) {}

void VersionsWriter::write(const std::string& record_id, const NumberedVersions& versions) {
  const std::string text = format_versions(versions);
  Statement& statement = text.empty() ? remove_ : upsert_;
  statement.reset();
  statement.bind(1, record_id);
  if (!text.empty()) statement.bind(2, text);
  statement.step();
}

void bump_versions(Database& db, std::int64_t replica, const std::string& record_id,
                   const std::vector<std::string>& fields) {
  if (fields.empty()) return;
  NumberedVersions versions = read_numbered_versions(db, record_id);
  for (const std::string& field : fields) ++versions[field][replica];
  write_numbered_versions(db, record_id, versions);
}

}  // namespace isms
