#include "core/workspace/workspace.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <utility>

#include "core/catalogs/seed.hpp"
#include "core/model/validation.hpp"
#include "core/store/migrations.hpp"
#include "core/store/schema.hpp"
#include "core/workspace/upgrade.hpp"

namespace isms {
namespace {

std::string path_in(const std::string& dir) { return (std::filesystem::path(dir) / Workspace::file_name).string(); }

std::map<std::string, Value> draft_values(const WorkspaceDraft& draft) {
  return {{"name", draft.name}, {"client", draft.client}, {"consultant", draft.consultant}};
}

std::string text_of(const Record& record, const char* key) { return to_display(record.get(key)); }

[[noreturn]] void throw_not_a_workspace(const std::string& path) {
  throw StoreError("The file " + path + " is not an ISMS Register workspace.");
}

void remove_quietly(const std::string& path) {
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
  std::filesystem::remove(path + "-journal", ignored);
}

}  // namespace

Workspace::Workspace(std::string dir, std::string id, Database db, const Clock& clock, StorageObserver* observer)
    : dir_(std::move(dir)),
      id_(std::move(id)),
      clock_(clock),
      registry_(Registry::builtin()),
      db_(std::move(db)),
      records_(db_, registry_, clock, std::string()),
      blobs_((std::filesystem::path(dir_) / "blobs").string()) {
  if (observer != nullptr) {
    db_.set_on_commit([observer, path = db_.path()] { observer->committed(path); });
  }
}

std::unique_ptr<Workspace> Workspace::create(const std::string& dir, const std::string& id, const WorkspaceDraft& draft,
                                             const Clock& clock, StorageObserver* observer) {
  const Registry& registry = Registry::builtin();
  std::map<std::string, Value> values = normalise(registry.get(meta_kind), draft_values(draft));
  if (auto errors = validate(registry.get(meta_kind), values); !errors.empty()) {
    throw ValidationError(std::move(errors));
  }
  if (!std::filesystem::is_directory(dir)) throw StoreError("The folder " + dir + " does not exist.");
  const std::string path = path_in(dir);
  if (std::filesystem::exists(path)) throw StoreError("There is already a workspace in " + dir + ".");

  std::unique_ptr<Workspace> workspace;
  try {
    workspace.reset(new Workspace(dir, id, Database(path), clock, observer));
    workspace->records_.set_author(to_display(values["consultant"]));
    // One transaction for the whole file: a workspace either exists complete or not at all.
    Transaction transaction(workspace->db_);
    migrate(workspace->db_);
    ensure_tables(workspace->db_, registry);
    workspace->records_.create_with_id(meta_kind, id, std::move(values), "Created workspace");
    catalogs::seed_catalogs(workspace->db_, workspace->records_);
    transaction.commit();
  } catch (...) {
    workspace.reset();  // closes the file so it can be removed
    remove_quietly(path);
    throw;
  }
  return workspace;
}

std::unique_ptr<Workspace> Workspace::create_filled(const std::string& dir, const std::string& id,
                                                    const std::string& author, const Clock& clock,
                                                    StorageObserver* observer,
                                                    const std::function<void(Workspace&)>& fill) {
  if (!std::filesystem::is_directory(dir)) throw StoreError("The folder " + dir + " does not exist.");
  const std::string path = path_in(dir);
  if (std::filesystem::exists(path)) throw StoreError("There is already a workspace in " + dir + ".");
  std::unique_ptr<Workspace> workspace;
  try {
    workspace.reset(new Workspace(dir, id, Database(path), clock, observer));
    workspace->records_.set_author(author);
    Transaction transaction(workspace->db_);
    migrate(workspace->db_);
    ensure_tables(workspace->db_, workspace->registry_);
    fill(*workspace);
    const std::optional<Record> details = workspace->records_.get(meta_kind, id);
    if (!details) throw StoreError("The workspace details are missing, so no workspace was made.");
    workspace->records_.set_author(text_of(*details, "consultant"));
    transaction.commit();
  } catch (...) {
    workspace.reset();  // closes the file so it can be removed
    remove_quietly(path);
    throw;
  }
  return workspace;
}

std::unique_ptr<Workspace> Workspace::open(const std::string& dir, const Clock& clock, StorageObserver* observer) {
  const std::string path = path_in(dir);
  if (!std::filesystem::is_regular_file(path)) {
    throw StoreError("No workspace found in " + dir + " (" + file_name + " is missing).");
  }
  std::unique_ptr<Workspace> workspace;
  try {
    Database db(path);
    // Version 0 means no migration ever ran: an empty or foreign SQLite file. Refuse it
    // before anything is written to it.
    if (db.user_version() == 0) throw_not_a_workspace(path);
    workspace.reset(new Workspace(dir, std::string(), std::move(db), clock, observer));
  } catch (const StoreError& error) {
    if ((error.code() & 0xff) == SQLITE_NOTADB) throw_not_a_workspace(path);
    throw;
  }

  // Upgrading and checking in one transaction: if the file turns out not to be a workspace,
  // the upgrade is rolled back too.
  Transaction transaction(workspace->db_);
  migrate(workspace->db_);
  ensure_tables(workspace->db_, workspace->registry_);
  // Exactly one details record is expected. Should a second one ever appear (an app bug, a
  // bad import), the oldest still names the workspace rather than making it unopenable; a
  // tombstoned one still counts, for the same reason.
  const std::vector<Record> details = workspace->records_.list(meta_kind, true);
  if (details.empty()) throw_not_a_workspace(path);
  workspace->id_ = details.front().id;
  workspace->records_.set_author(text_of(details.front(), "consultant"));
  // A file made before a catalog existed gets it now; a complete one is not written to.
  catalogs::seed_catalogs(workspace->db_, workspace->records_);
  upgrade_records(workspace->records_);
  transaction.commit();
  return workspace;
}

std::string Workspace::db_path() const { return db_.path(); }

WorkspaceMeta Workspace::meta() const {
  const std::optional<Record> record = records_.get(meta_kind, id_);
  if (!record) throw StoreError("The workspace details are missing from " + db_path() + ".");
  WorkspaceMeta meta;
  meta.id = id_;
  meta.name = text_of(*record, "name");
  meta.client = text_of(*record, "client");
  meta.consultant = text_of(*record, "consultant");
  meta.description = text_of(*record, "description");
  meta.created_at = record->created_at;
  meta.updated_at = last_change_at();
  return meta;
}

void Workspace::rename(const std::string& new_name) {
  records_.update(meta_kind, id_, {{"name", new_name}}, "Renamed workspace");
}

// History rows are never deleted or rewritten, so the newest time up to a row stays true and
// only the rows after it need reading (a range of the rowid: no scan, no index needed). The
// remembered point moves only outside a transaction: rows of one still open may be rolled back.
std::string Workspace::last_change_at() const {
  Statement query = db_.prepare("SELECT max(seq), max(at) FROM history WHERE seq > ?");
  query.bind(1, last_change_.seq);
  std::string latest = last_change_.at;
  if (query.step() && !query.column_is_null(0)) {
    const std::string newer = query.column_text(1);
    if (newer > latest) latest = newer;
    if (!db_.in_transaction()) last_change_ = LastChange{query.column_int64(0), latest};
  }
  if (!latest.empty()) return latest;
  const std::optional<Record> record = records_.get(meta_kind, id_);
  return record ? record->created_at : std::string();
}

}  // namespace isms
