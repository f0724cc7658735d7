#include "core/attachments/attachments.hpp"

#include <cstdio>
#include <set>

#include "core/model/validation.hpp"
#include "core/util/sha256.hpp"

namespace isms::attachments {
namespace {

std::string megabytes(std::uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return text;
}

// "26.2 MB", or the bytes when rounding would make an amount over the limit read as the limit.
std::string size_against(std::uint64_t bytes, std::uint64_t limit) {
  if (megabytes(bytes) != megabytes(limit)) return megabytes(bytes);
  return std::to_string(bytes) + " bytes";
}

std::string limit_text(std::uint64_t bytes, std::uint64_t limit) {
  if (megabytes(bytes) != megabytes(limit)) return megabytes(limit);
  return std::to_string(limit) + " bytes";
}

// Deleted attachments count too: restoring one (or the record it belongs to) must find its bytes.
std::set<std::string> referenced_digests(const Repository& records) {
  std::set<std::string> digests;
  Statement query = records.database().prepare("SELECT DISTINCT sha256 FROM rec_attachment");
  while (query.step()) digests.insert(query.column_text(0));
  return digests;
}

// The digests whose bytes free_deleted removed. Not a register: a fact about this copy's store,
// like the files themselves, so it is neither merged nor exported. Created when first needed, so
// a workspace that never freed anything has no such table to migrate.
void ensure_freed_table(Database& db) {
  // Asked first, so reading a figure never writes (and never wakes the browser's write-back).
  Statement exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'freed_contents'");
  if (exists.step()) return;
  db.exec("CREATE TABLE IF NOT EXISTS freed_contents (sha256 TEXT PRIMARY KEY NOT NULL, freed_at TEXT NOT NULL)");
}

// Per distinct content: its size and whether any live attachment refers to it. Freed contents
// that no live attachment refers to are left out: their bytes are gone.
bool was_freed(const Repository& records, const std::string& digest) {
  ensure_freed_table(const_cast<Database&>(records.database()));
  Statement query = records.database().prepare("SELECT 1 FROM freed_contents WHERE sha256 = ?");
  query.bind(1, digest);
  return query.step();
}

// Only well-formed digests: a damaged tombstone from a bundle must not stop the others from being
// freed (BlobStore refuses any other name).
constexpr const char* kContentsSql =
    "SELECT sha256, max(size) AS size, max(deleted = 0) AS live FROM rec_attachment "
    "WHERE length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*' GROUP BY sha256";

}  // namespace

std::uint64_t used_bytes(const Repository& records) {
  // One size per distinct content: the same file attached twice is stored once.
  ensure_freed_table(const_cast<Database&>(records.database()));
  Statement query = records.database().prepare(
      std::string("SELECT coalesce(sum(size), 0) FROM (") + kContentsSql +
      ") WHERE live = 1 OR sha256 NOT IN (SELECT sha256 FROM freed_contents)");
  query.step();
  return static_cast<std::uint64_t>(query.column_int64(0));
}

DeletedContents deleted_contents(const Repository& records) {
  ensure_freed_table(const_cast<Database&>(records.database()));
  Statement query = records.database().prepare(
      std::string("SELECT count(*), coalesce(sum(size), 0) FROM (") + kContentsSql +
      ") WHERE live = 0 AND sha256 NOT IN (SELECT sha256 FROM freed_contents)");
  query.step();
  return {static_cast<std::size_t>(query.column_int64(0)), static_cast<std::uint64_t>(query.column_int64(1))};
}

std::vector<std::string> free_deleted(Repository& records, BlobStore& blobs) {
  Database& db = records.database();
  ensure_freed_table(db);
  std::vector<std::string> digests;
  {
    Statement query = db.prepare(std::string("SELECT sha256 FROM (") + kContentsSql +
                                 ") WHERE live = 0 AND sha256 NOT IN (SELECT sha256 FROM freed_contents)");
    while (query.step()) digests.push_back(query.column_text(0));
  }
  if (digests.empty()) return digests;
  // The note first, in one transaction: if removing a file fails midway, the contents left are
  // noted as freed but still there, which costs space, never evidence that is counted as kept.
  Transaction transaction(db);
  for (const std::string& digest : digests) {
    Statement insert = db.prepare("INSERT OR REPLACE INTO freed_contents (sha256, freed_at) VALUES (?, datetime('now'))");
    insert.bind(1, digest);
    insert.step();
  }
  transaction.commit();
  for (const std::string& digest : digests) blobs.remove(digest);
  return digests;
}

std::string attach(Repository& records, BlobStore& blobs, const std::string& record_id, std::string name,
                   std::string media_type, std::string_view bytes, const Limits& limits) {
  if (bytes.size() > limits.file_bytes) {
    throw ValidationError(
        {{"size", "The file '" + name + "' is " + size_against(bytes.size(), limits.file_bytes) +
                      "; an attachment can be at most " + limit_text(bytes.size(), limits.file_bytes) + "."}});
  }
  const std::string digest = sha256_hex(bytes);
  const bool stored_already = referenced_digests(records).count(digest) != 0 && !was_freed(records, digest);
  const std::uint64_t used = used_bytes(records);
  if (!stored_already && used + bytes.size() > limits.workspace_bytes) {
    throw ValidationError({{"size", "This workspace's attachments would take " +
                                        size_against(used + bytes.size(), limits.workspace_bytes) + "; at most " +
                                        limit_text(used + bytes.size(), limits.workspace_bytes) +
                                        " fit. Remove attachments that are no longer needed first."}});
  }
  // The bytes first: a record never names contents that are not there. If the record is then
  // refused (a deleted target, a bad name), contents nobody else uses are taken back out.
  const bool existed = blobs.has(digest);
  blobs.put(bytes);
  try {
    // Bytes freed once are back: they count again, and restored attachments open again. One
    // transaction, so a refused record leaves the note as it was.
    Transaction transaction(records.database());
    Statement unfreed = records.database().prepare("DELETE FROM freed_contents WHERE sha256 = ?");
    unfreed.bind(1, digest);
    unfreed.step();
    std::string id = records.create("attachment", {{"record", record_id},
                                         {"name", std::move(name)},
                                         {"media_type", std::move(media_type)},
                                         {"size", static_cast<std::int64_t>(bytes.size())},
                                         {"sha256", digest}});
    transaction.commit();
    return id;
  } catch (...) {
    if (!existed) blobs.remove(digest);
    throw;
  }
}

std::string open(const Repository& records, const BlobStore& blobs, const std::string& attachment_id) {
  const std::optional<Record> attachment = records.get("attachment", attachment_id);
  if (!attachment) throw StoreError("No attachment with id " + attachment_id + ".");
  const std::string name = to_display(attachment->get("name"));
  std::optional<std::string> bytes = blobs.get(to_display(attachment->get("sha256")));
  if (!bytes) {
    throw StoreError("The contents of '" + name +
                     "' are not in this browser (freed after it was deleted, or left out of the bundle it came "
                     "with). Attach the file again.");
  }
  return std::move(*bytes);
}

std::size_t free_unreferenced(const Repository& records, BlobStore& blobs) {
  const std::set<std::string> referenced = referenced_digests(records);
  std::size_t freed = 0;
  for (const std::string& digest : blobs.digests()) {
    if (referenced.count(digest) != 0) continue;
    blobs.remove(digest);
    ++freed;
  }
  return freed;
}

}  // namespace isms::attachments
