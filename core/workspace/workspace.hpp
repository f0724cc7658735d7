#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/attachments/blob_store.hpp"
#include "core/model/registry.hpp"
#include "core/store/repository.hpp"
#include "core/store/sqlite.hpp"
#include "core/store/storage_observer.hpp"
#include "core/util/clock.hpp"

namespace isms {

struct WorkspaceMeta {
  std::string id, name, client, consultant, description, created_at;
  std::string updated_at;  // when anything in the workspace last changed (last_change_at)
};

struct WorkspaceDraft {
  std::string name, client, consultant;
};

// One client engagement: one SQLite file in its own folder. The file is the truth about the
// workspace; its details live in a single "workspace" record whose id is the workspace id.
// The Clock and the observer must outlive the Workspace.
class Workspace {
 public:
  static constexpr const char* file_name = "workspace.sqlite";
  static constexpr const char* meta_kind = "workspace";

  // Validates the draft through the "workspace" definition (ValidationError: nothing created),
  // then creates the file in `dir` (which must exist and hold no workspace), its tables, the
  // metadata record and the built-in catalogs (Annex A controls, clauses; core/catalogs/), all
  // in one transaction. The consultant becomes the author.
  static std::unique_ptr<Workspace> create(const std::string& dir, const std::string& id, const WorkspaceDraft& draft,
                                           const Clock& clock, StorageObserver* observer);
  // Opens and upgrades an existing workspace. StoreError with a sentence for a person if the
  // file is missing, not a workspace, or from a newer version of the app; in each of those
  // cases the file is left exactly as it was. Adds the built-in catalog records the file lacks.
  static std::unique_ptr<Workspace> open(const std::string& dir, const Clock& clock, StorageObserver* observer);
  // Creates the file in `dir` like create(), but with no details record and no catalogs: `fill`
  // writes every record (a bundle's, core/bundle/import_new.hpp), authored by `author`, in the
  // same transaction, and must write the details record with id `id`. Anything thrown leaves
  // no file behind.
  static std::unique_ptr<Workspace> create_filled(const std::string& dir, const std::string& id,
                                                  const std::string& author, const Clock& clock,
                                                  StorageObserver* observer,
                                                  const std::function<void(Workspace&)>& fill);

  WorkspaceMeta meta() const;
  std::string id() const { return id_; }
  // This file's replica id: the copy of the workspace its version vectors count writes of.
  std::string replica_id() const { return records_.replica_id(); }
  const std::string& dir() const { return dir_; }
  std::string db_path() const;

  void rename(const std::string& new_name);  // validated, and recorded in history

  Repository& records() { return records_; }
  const Repository& records() const { return records_; }
  const Registry& registry() const { return registry_; }
  Database& database() { return db_; }
  // The bytes of this workspace's attachments: the folder "blobs" beside the SQLite file.
  BlobStore& blobs() { return blobs_; }
  const BlobStore& blobs() const { return blobs_; }
  const Clock& clock() const { return clock_; }

  std::string last_change_at() const;  // the latest history time, or the creation time

  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

 private:
  Workspace(std::string dir, std::string id, Database db, const Clock& clock, StorageObserver* observer);

  std::string dir_;
  std::string id_;
  const Clock& clock_;
  const Registry& registry_;
  Database db_;  // before records_, which refers to it
  Repository records_;
  BlobStore blobs_;
  // The newest history time among rows up to `seq`: last_change_at reads only the rows added
  // since, so the interface can show it every frame on a workspace of a million history rows.
  struct LastChange {
    std::int64_t seq = 0;
    std::string at;
  };
  mutable LastChange last_change_;
};

}  // namespace isms
