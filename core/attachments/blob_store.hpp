#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace isms {

// The bytes of attachments, one file per distinct content, named by its SHA-256, in a folder of
// their own beside the workspace's SQLite file. Content-addressed: storing the same bytes twice
// writes once, and nothing ever rewrites a stored file. No rules here (sizes, references):
// core/attachments/attachments.hpp adds them.
class BlobStore {
 public:
  explicit BlobStore(std::string dir);  // created on the first put

  // Stores the bytes under their digest (if not stored yet) and returns the digest. Writes to a
  // temporary name first and renames, so a crash never leaves a torn file under a real digest.
  // StoreError if the folder or the file cannot be written.
  std::string put(std::string_view bytes);
  bool has(const std::string& digest) const;
  // The bytes, or nullopt if missing. StoreError if they no longer match their digest (damaged).
  std::optional<std::string> get(const std::string& digest) const;
  void remove(const std::string& digest);                   // no-op if missing
  std::set<std::string> digests() const;                    // every stored digest
  std::uintmax_t size_of(const std::string& digest) const;  // 0 if missing

  const std::string& dir() const { return dir_; }

 private:
  std::string path_of(const std::string& digest) const;

  std::string dir_;
};

}  // namespace isms
