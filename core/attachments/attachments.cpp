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

}  // namespace

std::uint64_t used_bytes(const Repository& records) {
  // One size per distinct content: the same file attached twice is stored once.
  Statement query = records.database().prepare(
      "SELECT coalesce(sum(size), 0) FROM (SELECT sha256, max(size) AS size FROM rec_attachment GROUP BY sha256)");
  query.step();
  return static_cast<std::uint64_t>(query.column_int64(0));
}

std::string attach(Repository& records, BlobStore& blobs, const std::string& record_id, std::string name,
                   std::string media_type, std::string_view bytes, const Limits& limits) {
  if (bytes.size() > limits.file_bytes) {
    throw ValidationError(
        {{"size", "The file '" + name + "' is " + size_against(bytes.size(), limits.file_bytes) +
                      "; an attachment can be at most " + limit_text(bytes.size(), limits.file_bytes) + "."}});
  }
  const std::string digest = sha256_hex(bytes);
  const bool stored_already = referenced_digests(records).count(digest) != 0;
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
    return records.create("attachment", {{"record", record_id},
                                         {"name", std::move(name)},
                                         {"media_type", std::move(media_type)},
                                         {"size", static_cast<std::int64_t>(bytes.size())},
                                         {"sha256", digest}});
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
                     "' are not in this browser (freed when it was deleted, or left out of the bundle it came "
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
