#include "core/workspace/catalog.hpp"

#include "core/bundle/import_new.hpp"

#include <filesystem>
#include <utility>

#include "core/model/registry.hpp"
#include "core/store/migrations.hpp"
#include "core/util/text.hpp"
#include "core/util/uuid.hpp"

namespace isms {
namespace {

namespace fs = std::filesystem;

constexpr const char* catalog_file = "catalog.sqlite";
constexpr const char* columns = "id, name, client, consultant, created_at, updated_at, trashed_at";

void create_catalog_tables(Database& db) {
  db.exec(R"sql(
        CREATE TABLE workspaces (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            client TEXT NOT NULL,
            consultant TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            trashed_at TEXT
        );
        CREATE TABLE settings (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        );
    )sql");
}

const std::vector<Migration>& catalog_migrations() {
  static const std::vector<Migration> steps = {
      {1, "workspaces and settings", create_catalog_tables},
  };
  return steps;
}

Database open_catalog(const std::string& root_dir) {
  const std::string dir = WorkspaceCatalog::catalog_dir(root_dir);
  std::error_code error;
  fs::create_directories(dir, error);
  if (error) throw StoreError("Cannot create the folder " + dir + ": " + error.message());
  return Database((fs::path(dir) / catalog_file).string());
}

void ensure_device_id(Database& db) {
  // Looked up first: an INSERT OR IGNORE would count as a write and ask for a pointless sync.
  if (db.prepare("SELECT 1 FROM settings WHERE key = 'device_id'").step()) return;
  Statement insert = db.prepare("INSERT INTO settings (key, value) VALUES ('device_id', ?)");
  insert.bind(1, new_uuid());
  insert.step();
}

WorkspaceInfo read_info(const Statement& row) {
  WorkspaceInfo info;
  info.id = row.column_text(0);
  info.name = row.column_text(1);
  info.client = row.column_text(2);
  info.consultant = row.column_text(3);
  info.created_at = row.column_text(4);
  info.updated_at = row.column_text(5);
  info.trashed_at = row.column_is_null(6) ? std::string() : row.column_text(6);
  return info;
}

}  // namespace

WorkspaceCatalog::WorkspaceCatalog(std::string root_dir, const Clock& clock, StorageObserver* observer)
    : root_dir_(std::move(root_dir)), clock_(clock), observer_(observer), db_(open_catalog(root_dir_)) {
  if (observer_ != nullptr) {
    db_.set_on_commit([observer, path = db_.path()] { observer->committed(path); });
  }
  Transaction transaction(db_);
  apply_migrations(db_, catalog_migrations(), "The workspace list");
  ensure_device_id(db_);
  transaction.commit();
}

std::string WorkspaceCatalog::catalog_dir(const std::string& root_dir) { return root_dir + "/catalog"; }

std::string WorkspaceCatalog::workspace_dir(const std::string& id) const { return root_dir_ + "/ws-" + id; }

std::string WorkspaceCatalog::device_id() const {
  Statement query = db_.prepare("SELECT value FROM settings WHERE key = 'device_id'");
  if (!query.step()) throw StoreError("The workspace list has no device id.");
  return query.column_text(0);
}

std::vector<WorkspaceInfo> WorkspaceCatalog::query(const std::string& where_and_order, const std::string& id) const {
  Statement select = db_.prepare(std::string("SELECT ") + columns + " FROM workspaces " + where_and_order);
  if (!id.empty()) select.bind(1, id);
  std::vector<WorkspaceInfo> infos;
  while (select.step()) infos.push_back(read_info(select));
  return infos;
}

std::vector<WorkspaceInfo> WorkspaceCatalog::active() const {
  return query("WHERE trashed_at IS NULL ORDER BY updated_at DESC, name, id");
}

std::vector<WorkspaceInfo> WorkspaceCatalog::trashed() const {
  return query("WHERE trashed_at IS NOT NULL ORDER BY trashed_at DESC, name, id");
}

std::optional<WorkspaceInfo> WorkspaceCatalog::find(const std::string& id) const {
  if (id.empty()) return std::nullopt;
  std::vector<WorkspaceInfo> found = query("WHERE id = ?", id);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<FieldError> WorkspaceCatalog::validate(const WorkspaceDraft& draft) const {
  const EntityDef& def = Registry::builtin().get(Workspace::meta_kind);
  return isms::validate(
      def, normalise(def, {{"name", draft.name}, {"client", draft.client}, {"consultant", draft.consultant}}));
}

void WorkspaceCatalog::insert_row(const WorkspaceMeta& meta) {
  // An upsert that leaves created_at and trashed_at alone: refreshing never un-trashes.
  Statement upsert = db_.prepare(
      "INSERT INTO workspaces (id, name, client, consultant, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (id) DO UPDATE SET name = excluded.name, client = excluded.client, "
      "consultant = excluded.consultant, updated_at = excluded.updated_at");
  upsert.bind(1, meta.id).bind(2, meta.name).bind(3, meta.client).bind(4, meta.consultant);
  upsert.bind(5, meta.created_at).bind(6, meta.updated_at);
  Transaction transaction(db_);
  upsert.step();
  transaction.commit();
}

std::unique_ptr<Workspace> WorkspaceCatalog::create(const WorkspaceDraft& draft) {
  if (auto errors = validate(draft); !errors.empty()) throw ValidationError(std::move(errors));
  const std::string id = new_uuid();
  const std::string dir = workspace_dir(id);
  if (observer_ != nullptr) observer_->prepare_dir(dir);

  std::unique_ptr<Workspace> workspace;
  try {
    fs::create_directories(dir);
    workspace = Workspace::create(dir, id, draft, clock_, observer_);
    insert_row(workspace->meta());
  } catch (...) {
    workspace.reset();  // close the file before deleting its folder
    if (observer_ != nullptr) observer_->removing_dir(dir);
    std::error_code ignored;
    fs::remove_all(dir, ignored);
    if (observer_ != nullptr) observer_->removed_dir(dir);
    throw;
  }
  return workspace;
}

std::unique_ptr<Workspace> WorkspaceCatalog::import_bundle(const bundle::Bundle& bundle) {
  if (find(bundle.workspace.id)) throw StoreError("A workspace with this bundle's id is here already.");
  const std::string dir = workspace_dir(bundle.workspace.id);
  if (observer_ != nullptr) observer_->prepare_dir(dir);
  std::unique_ptr<Workspace> workspace;
  try {
    fs::create_directories(dir);
    workspace = bundle::import_as_new_workspace(dir, bundle, clock_, observer_);
    insert_row(workspace->meta());
  } catch (...) {
    workspace.reset();  // close the file before deleting its folder
    if (observer_ != nullptr) observer_->removing_dir(dir);
    std::error_code ignored;
    fs::remove_all(dir, ignored);
    if (observer_ != nullptr) observer_->removed_dir(dir);
    throw;
  }
  return workspace;
}

void WorkspaceCatalog::refresh(const Workspace& workspace) { insert_row(workspace.meta()); }

void WorkspaceCatalog::move_to_trash(const std::string& id) {
  const std::optional<WorkspaceInfo> info = find(id);
  if (!info) throw StoreError("No workspace with id " + id + " in this list.");
  if (info->in_trash()) return;
  Statement update = db_.prepare("UPDATE workspaces SET trashed_at = ? WHERE id = ?");
  update.bind(1, clock_.now_utc()).bind(2, id);
  Transaction transaction(db_);
  update.step();
  transaction.commit();
}

void WorkspaceCatalog::restore(const std::string& id) {
  const std::optional<WorkspaceInfo> info = find(id);
  if (!info) throw StoreError("No workspace with id " + id + " in this list.");
  if (!info->in_trash()) return;
  Statement update = db_.prepare("UPDATE workspaces SET trashed_at = NULL WHERE id = ?");
  update.bind(1, id);
  Transaction transaction(db_);
  update.step();
  transaction.commit();
}

std::vector<std::string> WorkspaceCatalog::empty_trash() {
  std::vector<std::string> removed;
  std::vector<std::string> failures;
  for (const WorkspaceInfo& info : trashed()) {
    const std::string dir = workspace_dir(info.id);
    if (observer_ != nullptr) observer_->removing_dir(dir);
    std::error_code error;
    fs::remove_all(dir, error);
    if (error) {
      failures.push_back(dir + " (" + error.message() + ")");
      continue;
    }
    Statement erase = db_.prepare("DELETE FROM workspaces WHERE id = ?");
    erase.bind(1, info.id);
    Transaction transaction(db_);
    erase.step();
    transaction.commit();
    if (observer_ != nullptr) observer_->removed_dir(dir);
    removed.push_back(info.id);
  }
  if (!failures.empty()) throw StoreError("Could not delete " + join(failures, ", ") + ".");
  return removed;
}

}  // namespace isms
