#include "core/attachments/blob_store.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/store/sqlite.hpp"
#include "core/util/sha256.hpp"

namespace isms {
namespace {

namespace fs = std::filesystem;

bool is_digest(const std::string& name) {
  if (name.size() != 64) return false;
  for (const char c : name) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

BlobStore::BlobStore(std::string dir) : dir_(std::move(dir)) {}

std::string BlobStore::path_of(const std::string& digest) const {
  // A digest is 64 hex digits; refusing anything else keeps a crafted "../x" out of the path.
  if (!is_digest(digest)) throw StoreError("'" + digest + "' is not a SHA-256 digest.");
  return (fs::path(dir_) / digest).string();
}

std::string BlobStore::put(std::string_view bytes) {
  const std::string digest = sha256_hex(bytes);
  const std::string path = path_of(digest);
  // A file of the right size under the digest is these bytes (get() checks the digest on reading);
  // one of another size is a leftover of a failed write, and is written again.
  if (fs::exists(path) && fs::file_size(path) == bytes.size()) return digest;
  std::error_code error;
  fs::create_directories(dir_, error);
  const std::string temporary = path + ".part";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();  // the last bytes reach the file here: its failure counts too
    if (!out) {
      fs::remove(temporary, error);
      throw StoreError("Cannot store the attachment's contents in " + dir_ + ".");
    }
  }
  fs::rename(temporary, path, error);
  if (error) throw StoreError("Cannot store the attachment's contents in " + dir_ + ": " + error.message());
  return digest;
}

bool BlobStore::has(const std::string& digest) const { return fs::exists(path_of(digest)); }

std::optional<std::string> BlobStore::get(const std::string& digest) const {
  std::ifstream in(path_of(digest), std::ios::binary | std::ios::ate);
  if (!in) return std::nullopt;
  // Read in one go into a string of the file's size: an export reads thousands of files.
  const std::streamoff size = in.tellg();
  if (size < 0) return std::nullopt;
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), size)) return std::nullopt;
  if (sha256_hex(bytes) != digest) {
    throw StoreError("The stored file " + digest.substr(0, 12) + "… is damaged: its contents changed since it was " +
                     "attached.");
  }
  return bytes;
}

void BlobStore::remove(const std::string& digest) {
  std::error_code ignored;
  fs::remove(path_of(digest), ignored);
}

std::set<std::string> BlobStore::digests() const {
  std::set<std::string> found;
  std::error_code error;
  for (fs::directory_iterator entry(dir_, error), end; !error && entry != end; entry.increment(error)) {
    const std::string name = entry->path().filename().string();
    if (is_digest(name)) found.insert(name);
  }
  return found;
}

std::uintmax_t BlobStore::size_of(const std::string& digest) const {
  std::error_code error;
  const std::uintmax_t size = fs::file_size(path_of(digest), error);
  return error ? 0 : size;
}

}  // namespace isms
