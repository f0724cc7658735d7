#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model/validation.hpp"
#include "core/store/sqlite.hpp"
#include "core/store/storage_observer.hpp"
#include "core/util/clock.hpp"
#include "core/bundle/bundle.hpp"
#include "core/workspace/workspace.hpp"

namespace isms {

struct WorkspaceInfo {
  std::string id, name, client, consultant, created_at, updated_at;
  std::string trashed_at;  // empty = not in the trash
  bool in_trash() const { return !trashed_at.empty(); }
};

// The list of workspaces in this browser profile (or folder, natively). It is a cache for the
// start screen: each workspace file is the truth about itself, and refresh() copies from it.
// Lives in root_dir/catalog/catalog.sqlite; workspaces in root_dir/ws-<id>/.
// The Clock and the observer must outlive the catalog.
class WorkspaceCatalog {
 public:
  WorkspaceCatalog(std::string root_dir, const Clock& clock, StorageObserver* observer = nullptr);

  static std::string catalog_dir(const std::string& root_dir);  // root_dir + "/catalog"
  std::string workspace_dir(const std::string& id) const;       // root_dir + "/ws-" + id
  const std::string& root_dir() const { return root_dir_; }
  std::string db_path() const { return db_.path(); }

  // A random id for this profile, made on first use; it tells devices apart when merging.
  std::string device_id() const;

  std::vector<WorkspaceInfo> active() const;   // not in the trash, most recently changed first
  std::vector<WorkspaceInfo> trashed() const;  // in the trash, most recently trashed first
  std::optional<WorkspaceInfo> find(const std::string& id) const;

  std::vector<FieldError> validate(const WorkspaceDraft& draft) const;  // the workspace definition's rules

  // Validates (ValidationError: no folder, no row, prepare_dir not called), then makes the
  // folder, the workspace file and the catalog row. If anything fails after the folder was
  // made, the folder is removed again and no row is left. Returns the open workspace.
  std::unique_ptr<Workspace> create(const WorkspaceDraft& draft);

  // A bundle of a workspace this profile does not have, as a new workspace (bundle/import_new):
  // folder, file and catalog row, or nothing at all when anything fails (StoreError/MergeError).
  std::unique_ptr<Workspace> import_bundle(const bundle::Bundle& bundle);

  // Copies name, client, consultant and last change time from an open workspace into its
  // row, adding the row if it is missing (a workspace folder the catalog did not know).
  void refresh(const Workspace& workspace);

  void move_to_trash(const std::string& id);  // StoreError if unknown; no-op if already there
  void restore(const std::string& id);        // StoreError if unknown; no-op if not in the trash

  // Deletes every trashed workspace's folder for good, then its row. Returns the ids removed.
  // A folder that cannot be deleted keeps its row (so the user can retry) and, once the others
  // are done, a StoreError names it.
  std::vector<std::string> empty_trash();

 private:
  std::vector<WorkspaceInfo> query(const std::string& where_and_order, const std::string& id = {}) const;
  void insert_row(const WorkspaceMeta& meta);

  std::string root_dir_;
  const Clock& clock_;
  StorageObserver* observer_;
  Database db_;
};

}  // namespace isms
