#pragma once

#include <string>

namespace isms {

// How core tells the platform about its files without knowing the platform. Natively nothing
// needs doing; in the browser each workspace folder is its own IndexedDB-backed mount, which
// must exist before files are written there and be written back after each commit.
struct StorageObserver {
  virtual ~StorageObserver() = default;
  // Before a workspace folder is created (browser: mount IndexedDB storage there).
  virtual void prepare_dir(const std::string& /*dir*/) {}
  // After each committed outermost transaction that wrote to the file at db_path.
  virtual void committed(const std::string& /*db_path*/) {}
  // Just before a workspace folder is deleted for good (browser: unmount it, since a mount
  // point cannot be removed while mounted).
  virtual void removing_dir(const std::string& /*dir*/) {}
  // After a workspace folder was deleted for good (browser: delete its IndexedDB database).
  virtual void removed_dir(const std::string& /*dir*/) {}
};

}  // namespace isms
