#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/attachments/blob_store.hpp"
#include "core/store/repository.hpp"

// Files attached to records (issue 7, evidence): the "attachment" register's records with their
// bytes in a BlobStore. The limits keep a workspace something a browser can hold and a bundle
// can carry.
namespace isms::attachments {

struct Limits {
  std::uint64_t file_bytes = 25ull * 1024 * 1024;        // per file
  std::uint64_t workspace_bytes = 250ull * 1024 * 1024;  // distinct contents, per workspace
};

// Attaches `bytes` as `name` to the live record `record_id` (any register). Refused, with
// nothing stored, when the file is over 25 MB or the workspace's attachments would pass 250 MB
// (ValidationError on "size"), or the record does not exist or is deleted. Bytes the workspace
// already holds (the same file attached elsewhere) are not stored again. Returns the
// attachment's id.
std::string attach(Repository& records, BlobStore& blobs, const std::string& record_id, std::string name,
                   std::string media_type, std::string_view bytes, const Limits& limits = {});

// The bytes of an attachment, read only now. StoreError if they are missing or damaged.
std::string open(const Repository& records, const BlobStore& blobs, const std::string& attachment_id);

// Total size of the distinct contents the workspace keeps: those live attachments refer to, and
// those of deleted attachments that were not freed (see free_deleted).
std::uint64_t used_bytes(const Repository& records);

// What deleting the last reference to a content frees, made an explicit step: deleted attachments
// keep their bytes so that a mistaken deletion can be undone, until the person frees them here.
struct DeletedContents {
  std::size_t files = 0;
  std::uint64_t bytes = 0;
};
// The contents only deleted attachments still refer to (none live), not freed yet.
DeletedContents deleted_contents(const Repository& records);
// Frees those contents: removes their bytes from the store, notes them as freed (so they no longer
// count against the workspace's 250 MB), and returns their digests, so a platform keeping copies
// elsewhere can drop them too. An attachment restored afterwards says its file was freed when
// opened; attaching the same file again brings the bytes back.
std::vector<std::string> free_deleted(Repository& records, BlobStore& blobs);

// Deletes the stored contents no attachment refers to any more; returns how many files were
// freed. A deleted attachment still refers to its bytes: it comes back with its record on
// restore, and evidence must not be lost to a mistaken deletion. So what this frees is contents
// whose attachment was never written (a write refused or interrupted) or is gone for good.
std::size_t free_unreferenced(const Repository& records, BlobStore& blobs);

}  // namespace isms::attachments
