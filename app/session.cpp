#include "app/session.hpp"

#include <cctype>
#include <exception>
#include <utility>

#include "core/attachments/attachments.hpp"
#include "core/bundle/bundle_json.hpp"
#include "core/bundle/export.hpp"
#include "core/report/audit_report.hpp"
#include "core/report/csv.hpp"
#include "core/report/page.hpp"
#include "core/report/program_report.hpp"
#include "core/report/review_minutes_report.hpp"
#include "core/report/risk_report.hpp"
#include "core/report/soa_report.hpp"
#include "core/model/value_access.hpp"
#include "core/util/text.hpp"
#include "core/workspace/record_creation.hpp"

namespace isms::app {

Session::Session(Platform& platform, const Clock& clock, std::string root)
    : platform_(platform), clock_(clock), root_(std::move(root)) {}

Session::~Session() { *alive_ = false; }

void Session::start() {
  std::weak_ptr<bool> alive = alive_;
  platform_.load_dir(WorkspaceCatalog::catalog_dir(root_), [this, alive](bool ok, const std::string& error) {
    if (alive.expired()) return;
    on_catalog_loaded(ok, error);
  });
  // A bundle dropped onto the window is imported like one chosen with the file picker.
  platform_.on_file_dropped([this, alive](const std::string& name, const std::string&, std::string bytes) {
    if (!alive.expired()) receive_bundle(name, bytes);
  });
}

// When the browser refuses storage the catalog still opens, in memory: the platform's save
// status says so, and the app shows that banner.
void Session::on_catalog_loaded(bool, const std::string&) {
  active_cache_.reset();
  trash_cache_.reset();
  try {
    catalog_ = std::make_unique<WorkspaceCatalog>(root_, clock_, static_cast<StorageObserver*>(this));
  } catch (const std::exception& e) {
    problem_ = std::string("The list of workspaces could not be read: ") + e.what();
  }
}

const std::vector<WorkspaceInfo>& Session::workspaces() const {
  if (!active_cache_) active_cache_ = catalog_ ? catalog_->active() : std::vector<WorkspaceInfo>{};
  return *active_cache_;
}

const std::vector<WorkspaceInfo>& Session::trash() const {
  if (!trash_cache_) trash_cache_ = catalog_ ? catalog_->trashed() : std::vector<WorkspaceInfo>{};
  return *trash_cache_;
}

std::vector<FieldError> Session::create_workspace(const WorkspaceDraft& draft) {
  if (!catalog_) return {{"name", "Storage is still loading; try again in a moment."}};
  auto errors = catalog_->validate(draft);
  if (!errors.empty()) return errors;
  try {
    current_ = catalog_->create(draft);
    opening_id_.clear();
    notice_ = "Created workspace \"" + current_->meta().name + "\".";
  } catch (const ValidationError& e) {
    return e.errors();
  } catch (const std::exception& e) {
    return {{"name", std::string("The workspace could not be created: ") + e.what()}};
  }
  return {};
}

void Session::open_workspace(const std::string& id) {
  if (!catalog_ || (current_ && current_->id() == id)) return;
  const auto info = catalog_->find(id);
  if (!info) return;
  // A bundle that waited for another workspace is not merged into this one, nor later by surprise.
  if (bundle_waiting_for_open_ && bundle_waiting_for_open_->second.workspace.id != id) bundle_waiting_for_open_.reset();
  close_workspace();
  opening_id_ = id;
  std::weak_ptr<bool> alive = alive_;
  platform_.load_dir(catalog_->workspace_dir(id), [this, alive, id](bool ok, const std::string& error) {
    if (alive.expired() || opening_id_ != id) return;  // closed or another opened meanwhile
    // A bundle waiting for this workspace is merged once it is open, or dropped if it will not.
    const bool bundle_waits = bundle_waiting_for_open_ && bundle_waiting_for_open_->second.workspace.id == id;
    opening_id_.clear();
    if (!ok && platform_.save_status().storage_available) {
      problem_ = "This workspace's saved copy could not be loaded (" + error + ").";
    }
    try {
      current_ = Workspace::open(catalog_->workspace_dir(id), clock_, static_cast<StorageObserver*>(this));
      refresh_catalog_entry();
      if (bundle_waiting_for_open_ && bundle_waiting_for_open_->second.workspace.id == id) {
        // Clang 14 cannot capture structured bindings: plain variables.
        std::string file_name = std::move(bundle_waiting_for_open_->first);
        bundle::Bundle incoming = std::move(bundle_waiting_for_open_->second);
        bundle_waiting_for_open_.reset();
        report_failure(("\"" + file_name + "\" was not imported").c_str(),
                       [&] { preview_merge(file_name, std::move(incoming)); });
      }
    } catch (const std::exception& e) {
      problem_ = std::string("The workspace could not be opened: ") + e.what();
    }
    if (bundle_waits) bundle_waiting_for_open_.reset();
  });
}

void Session::close_workspace() {
  if (current_) platform_.flush();
  pending_merge_.reset();  // a merge belongs to the workspace it was planned on
  current_.reset();
  opening_id_.clear();
}

std::vector<FieldError> Session::rename_workspace(const std::string& id, const std::string& new_name) {
  if (!catalog_) return {{"name", "Storage is still loading; try again in a moment."}};
  const auto info = catalog_->find(id);
  if (!info) return {{"name", "This workspace no longer exists."}};
  auto errors = catalog_->validate({new_name, info->client, info->consultant});
  if (!errors.empty()) return errors;

  auto rename_in = [this, new_name](Workspace& ws) {
    ws.rename(new_name);
    catalog_->refresh(ws);
    notice_ = "Renamed workspace to \"" + ws.meta().name + "\".";
  };
  try {
    if (current_ && current_->id() == id) {
      rename_in(*current_);
      return {};
    }
  } catch (const ValidationError& e) {
    return e.errors();
  } catch (const std::exception& e) {
    return {{"name", std::string("The workspace could not be renamed: ") + e.what()}};
  }
  // Not open: its file must be loaded first. Validation already passed, so only storage can fail.
  std::weak_ptr<bool> alive = alive_;
  platform_.load_dir(catalog_->workspace_dir(id), [this, alive, id, rename_in](bool, const std::string&) {
    if (alive.expired()) return;
    try {
      auto ws = Workspace::open(catalog_->workspace_dir(id), clock_, static_cast<StorageObserver*>(this));
      rename_in(*ws);
    } catch (const std::exception& e) {
      problem_ = std::string("The workspace could not be renamed: ") + e.what();
    }
  });
  return {};
}

void Session::move_to_trash(const std::string& id) {
  if (!catalog_) return;
  const auto info = catalog_->find(id);
  if (!info) return;
  // Open, or still opening: either way it must not become the current workspace from the trash.
  if ((current_ && current_->id() == id) || opening_id_ == id) close_workspace();
  report_failure("The workspace could not be moved to the trash", [&] {
    catalog_->move_to_trash(id);
    notice_ = "Moved \"" + info->name + "\" to the trash. You can restore it from the Trash.";
  });
}

void Session::restore(const std::string& id) {
  if (!catalog_) return;
  const auto info = catalog_->find(id);
  if (!info) return;
  report_failure("The workspace could not be restored", [&] {
    catalog_->restore(id);
    notice_ = "Restored \"" + info->name + "\".";
  });
}

void Session::empty_trash() {
  if (!catalog_) return;
  report_failure("The trash could not be emptied completely", [&] {
    const auto removed = catalog_->empty_trash();
    notice_ = removed.size() == 1 ? "Deleted 1 workspace for good."
                                  : "Deleted " + std::to_string(removed.size()) + " workspaces for good.";
  });
}

template <typename Action>
void Session::report_failure(const char* what, Action action) {
  try {
    action();
  } catch (const std::exception& e) {
    problem_ = std::string(what) + ": " + e.what();
  }
}

void Session::prepare_dir(const std::string& dir) { platform_.prepare_dir(dir); }

void Session::committed(const std::string& db_path) {
  platform_.committed(db_path);
  if (catalog_ && db_path == catalog_->db_path()) {
    active_cache_.reset();
    trash_cache_.reset();
  }
  if (current_ && db_path == current_->db_path()) {
    ++data_revision_;
    refresh_catalog_entry();
  }
}

bool Session::save_record(RecordDraft& draft) {
  if (!current_) return false;
  Repository& records = current_->records();
  const EntityDef& def = records.registry().get(draft.kind);
  draft.errors.clear();
  draft.problem.clear();
  try {
    if (draft.is_new()) {
      draft.id = create_record(records, draft.kind, values_of(def, draft), clock_.now_utc().substr(0, 10));
      notice_ = "Added " + label_in_sentence(def.label) + " \"" + records.title_of(*records.get(draft.kind, draft.id)) +
                "\".";
    } else {
      records.update(draft.kind, draft.id, values_of(def, draft));
      notice_ = "Saved " + label_in_sentence(def.label) + " \"" + records.title_of(*records.get(draft.kind, draft.id)) +
                "\".";
    }
  } catch (const ValidationError& e) {
    for (const FieldError& error : e.errors()) {
      if (def.field(error.field) != nullptr) {
        draft.errors.push_back(error);
      } else {
        draft.problem += (draft.problem.empty() ? "" : " ") + error.message;
      }
    }
    return false;
  } catch (const std::exception& e) {
    draft.problem = e.what();
    return false;
  }
  // Show what core stored (trimmed text, computed fields), not what was typed.
  draft = draft_of(def, *records.get(draft.kind, draft.id));
  return true;
}

bool Session::delete_record(RecordDraft& draft, OnLinks on_links) {
  if (!current_ || draft.is_new()) return false;
  Repository& records = current_->records();
  const EntityDef& def = records.registry().get(draft.kind);
  draft.problem.clear();
  try {
    const std::string title = records.title_of(*records.get(draft.kind, draft.id));
    records.remove(draft.kind, draft.id, on_links);
    attachments::free_unreferenced(records, current_->blobs());
    notice_ = "Deleted " + label_in_sentence(def.label) + " \"" + title + "\".";
    return true;
  } catch (const std::exception& e) {
    draft.problem = e.what();
    return false;
  }
}

std::vector<Record> Session::attachments_of(const std::string& record_id) const {
  if (!current_) return {};
  return current_->records().query(
      "attachment", RecordQuery().where_is("record", Condition::Op::Equal, {record_id}).sort_by("name"));
}

void Session::attach_file(const std::string& record_id) {
  if (!current_) return;
  const std::string workspace_id = current_->id();
  platform_.pick_file("", [this, alive = alive_, workspace_id, record_id](const std::string& name,
                                                                      const std::string& media_type, std::string bytes) {
    // The person may have closed or switched the workspace while the picker was open.
    if (!*alive || !current_ || current_->id() != workspace_id) return;
    report_failure(("\"" + name + "\" was not attached").c_str(), [&] {
      attachments::attach(current_->records(), current_->blobs(), record_id, name, media_type, bytes);
      notice_ = "Attached \"" + name + "\".";
    });
  });
}

void Session::open_attachment(const std::string& attachment_id) {
  if (!current_) return;
  const auto attachment = current_->records().get("attachment", attachment_id);
  if (!attachment || attachment->deleted) return;
  const std::string workspace_id = current_->id();
  const std::string name = text_or_empty(attachment->get("name"));
  const std::string path = blob_path(text_or_empty(attachment->get("sha256")));
  platform_.load_file(path, [this, alive = alive_, workspace_id, attachment_id, name](bool, const std::string&) {
    if (!*alive || !current_ || current_->id() != workspace_id) return;
    // open() says what is wrong when the load failed (missing) or the bytes changed (damaged).
    report_failure(("\"" + name + "\" could not be opened").c_str(), [&] {
      const std::string bytes = attachments::open(current_->records(), current_->blobs(), attachment_id);
      const auto record = current_->records().get("attachment", attachment_id);
      platform_.download(name, record ? text_or_empty(record->get("media_type")) : "", bytes);
    });
  });
}

void Session::remove_attachment(const std::string& attachment_id) {
  if (!current_) return;
  const auto attachment = current_->records().get("attachment", attachment_id);
  if (!attachment || attachment->deleted) return;
  const std::string name = text_or_empty(attachment->get("name"));
  report_failure(("\"" + name + "\" was not removed").c_str(), [&] {
    current_->records().remove("attachment", attachment_id);
    notice_ = "Removed \"" + name + "\".";
  });
}

attachments::DeletedContents Session::deleted_attachment_contents() const {
  if (!current_) return {};
  return attachments::deleted_contents(current_->records());
}

void Session::free_deleted_attachments() {
  if (!current_) return;
  report_failure("The space of deleted attachments was not freed", [&] {
    const std::vector<std::string> digests = attachments::free_deleted(current_->records(), current_->blobs());
    for (const std::string& digest : digests) platform_.forget_file(blob_path(digest));
    notice_ = "Freed the files of " + std::to_string(digests.size()) + " deleted attachment" +
              (digests.size() == 1 ? "" : "s") + ".";
    ++data_revision_;
  });
}

std::string Session::download_name(const std::string& what, const std::string& extension) const {
  const WorkspaceMeta meta = current_->meta();
  std::string name;
  // Letters and digits of any script stay (UTF-8 bytes >= 0x80 are kept whole, so only ASCII is
  // lower-cased); every run of anything else becomes one "-", so no name holds a path separator
  // or a reserved character.
  for (const std::string& part : {meta.client, meta.name, what, clock_.now_utc().substr(0, 10)}) {
    std::string slug;
    for (const char c : part) {
      const auto byte = static_cast<unsigned char>(c);
      if (std::isalnum(byte) || byte >= 0x80) {
        slug += static_cast<char>(byte < 0x80 ? std::tolower(byte) : byte);
      } else if (!slug.empty() && slug.back() != '-') {
        slug += '-';
      }
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    if (slug.empty()) continue;
    name += (name.empty() ? "" : "-") + slug;
  }
  return name + "." + extension;
}

void Session::export_table_csv(const std::string& kind, const std::vector<std::string>& column_keys,
                               const std::string& filter, const std::vector<SortKey>& sort) {
  if (!current_) return;
  const EntityDef& def = current_->registry().get(kind);
  report_failure("The table was not exported", [&] {
    RecordQuery query;
    query.containing(filter);
    for (const SortKey& key : sort) query.sort_by(key.field, key.descending);
    const std::string csv = report::table_csv(current_->records(), def, column_keys, query);
    const std::string name = download_name(def.plural, "csv");
    platform_.download(name, "text/csv;charset=utf-8", csv);
    notice_ = "Exported " + name + ".";
  });
}

void Session::download_report(Report which, const std::string& record_id) {
  if (!current_) return;
  report_failure("The report was not made", [&] {
    const report::ReportContext context = report::context_at(clock_);
    std::string html, what;
    switch (which) {
      case Report::StatementOfApplicability:
        html = report::soa_report(*current_, context);
        what = "statement of applicability";
        break;
      case Report::RiskRegister:
        html = report::risk_report(*current_, context);
        what = "risk register";
        break;
      case Report::ProgramStatus:
        html = report::program_report(*current_, context);
        what = "program status";
        break;
      case Report::ReviewMinutes:
        html = report::review_minutes_report(*current_, record_id, context);
        what = "management review minutes";
        break;
      case Report::AuditReport:
        html = report::audit_report(*current_, record_id, context);
        what = "internal audit report";
        break;
    }
    const std::string name = download_name(what, "html");
    platform_.download(name, "text/html;charset=utf-8", html);
    notice_ = "Made " + name + ": open it in the browser and print it, or save it as PDF.";
  });
}

void Session::export_bundle(bool include_attachments) {
  if (!current_) return;
  if (!include_attachments) return write_bundle(false);
  // Attachment bytes are read only when needed (in the browser they stay in IndexedDB until
  // then): read every one the bundle will carry first, then write it.
  std::vector<std::string> paths;
  {
    Statement digests = current_->records().database().prepare(
        "SELECT DISTINCT sha256 FROM rec_attachment WHERE length(sha256) = 64");
    while (digests.step()) paths.push_back(blob_path(digests.column_text(0)));
  }
  if (paths.empty()) return write_bundle(true);
  auto remaining = std::make_shared<std::size_t>(paths.size());
  const std::string workspace_id = current_->id();
  for (const std::string& path : paths) {
    platform_.load_file(path, [this, alive = alive_, remaining, workspace_id](bool, const std::string&) {
      if (--*remaining > 0 || !*alive || !current_ || current_->id() != workspace_id) return;
      write_bundle(true);
    });
  }
}

void Session::write_bundle(bool include_attachments) {
  report_failure("The workspace was not exported", [&] {
    bundle::ExportOptions options;
    options.include_attachments = include_attachments;
    const bundle::Bundle exported = bundle::export_bundle(*current_, options);
    std::size_t missing = 0;
    for (const bundle::BundleAttachment& attachment : exported.attachments) missing += attachment.bytes ? 0 : 1;
    const std::string json = bundle::to_json(exported, current_->registry());
    // A bundle nobody could import is no help: the reader refuses files over the limit.
    if (json.size() > bundle::max_bundle_bytes) {
      throw StoreError("It would be " + std::to_string(json.size() / (1024 * 1024)) + " MB, more than the " +
                       std::to_string(bundle::max_bundle_bytes / (1024 * 1024)) + " MB a bundle may be" +
                       (include_attachments ? "; export it without attachments and send the files another way."
                                            : "."));
    }
    std::string name = download_name("", "isms.json");
    platform_.download(name, "application/json", json);
    notice_ = "Exported " + name + (include_attachments ? "" : " (without attachments)") + ".";
    if (include_attachments && missing > 0) {
      notice_ += " " + std::to_string(missing) + " attached file" + (missing == 1 ? " was" : "s were") +
                 " not in this browser and " + (missing == 1 ? "is" : "are") + " left out.";
    }
  });
}

void Session::import_bundle() {
  platform_.pick_file(".json,application/json", [this, alive = alive_](const std::string& name,
                                                                        const std::string&, std::string bytes) {
    if (*alive) receive_bundle(name, bytes);
  });
}

void Session::receive_bundle(const std::string& file_name, const std::string& bytes) {
  if (!catalog_) return;
  report_failure(("\"" + file_name + "\" was not imported").c_str(), [&] {
    // One merge at a time: a file dropped while a merge is being decided waits for the person.
    if (pending_merge_) throw StoreError("Finish or cancel the merge that is open first.");
    bundle::Bundle incoming = bundle::from_json(bytes, Registry::builtin());
    const std::string id = incoming.workspace.id;  // a copy: `incoming` may be moved below
    if (current_ && current_->id() == id) return preview_merge(file_name, std::move(incoming));
    if (current_ && unsaved_text_ && unsaved_text_()) {
      throw StoreError("It is a bundle of another workspace; save or discard the changes to the record you are "
                       "editing first, then import it again.");
    }
    if (const auto info = catalog_->find(id)) {
      if (info->in_trash()) {
        throw StoreError("It is a bundle of the workspace \"" + info->name +
                         "\", which is in the trash here; restore that workspace first, then import again.");
      }
      bundle_waiting_for_open_.emplace(file_name, std::move(incoming));
      open_workspace(id);
      return;
    }
    // Made first, so a bundle that cannot become a workspace leaves the open one open.
    std::unique_ptr<Workspace> imported = catalog_->import_bundle(incoming);
    close_workspace();
    current_ = std::move(imported);
    active_cache_.reset();
    ++data_revision_;
    notice_ = "Opened \"" + current_->meta().name + "\" from " + file_name + " as a new workspace.";
  });
}

void Session::preview_merge(const std::string& file_name, bundle::Bundle incoming) {
  PendingMerge pending{file_name, current_->id(), std::move(incoming), {}, {}};
  pending.preview = bundle::plan_merge(*current_, pending.bundle);
  pending_merge_ = std::move(pending);
}

void Session::choose(const bundle::Conflict& conflict, bundle::Side side) {
  if (!pending_merge_) return;
  if (conflict.type == bundle::ConflictType::Rule) {
    pending_merge_->choices.choose_record(conflict.id, side);
  } else {
    pending_merge_->choices.choose(conflict.id, conflict.field, side);
  }
  for (bundle::Conflict& shown : pending_merge_->preview.conflicts) {
    if (shown.id == conflict.id && shown.field == conflict.field) shown.chosen = side;
  }
}

void Session::choose_all(bundle::Side side) {
  if (!pending_merge_) return;
  for (const bundle::Conflict& conflict : std::vector<bundle::Conflict>(pending_merge_->preview.conflicts)) {
    choose(conflict, side);
  }
}

bool Session::confirm_merge() {
  if (!pending_merge_ || !current_) return false;
  PendingMerge& pending = *pending_merge_;
  bool merged = false;
  report_failure(("\"" + pending.file_name + "\" was not merged").c_str(), [&] {
    // Choices can raise or settle conflicts of rules: plan again with them before writing.
    pending.preview = bundle::plan_merge(*current_, pending.bundle, pending.choices);
    if (!pending.preview.resolved()) return;
    const bundle::MergeResult result = bundle::apply_merge(*current_, pending.bundle, pending.choices);
    // Attachment bytes the merge brought without any record to write commit nothing: ask for
    // the write-back here, or they would live only in this tab's memory.
    if (result.attachments_added > 0) platform_.committed(current_->db_path());
    notice_ = "Merged " + pending.file_name + ": " + std::to_string(result.total.added) + " added, " +
              std::to_string(result.total.changed) + " changed, " + std::to_string(result.total.deleted) +
              " deleted" +
              (result.attachments_added > 0 ? ", " + std::to_string(result.attachments_added) + " files stored" : "") +
              ".";
    merged = true;
    ++merges_done_;
  });
  if (merged) pending_merge_.reset();
  return merged;
}

// Where the open workspace's BlobStore keeps one content: what the platform loads or forgets.
std::string Session::blob_path(const std::string& digest) const { return current_->blobs().dir() + "/" + digest; }

void Session::removing_dir(const std::string& dir) { platform_.removing_dir(dir); }

void Session::removed_dir(const std::string& dir) { platform_.removed_dir(dir); }

// Keeps the catalog's cached name and "last change" in step with the open workspace.
void Session::refresh_catalog_entry() {
  if (!catalog_ || !current_) return;
  report_failure("The list of workspaces could not be updated", [&] { catalog_->refresh(*current_); });
}

}  // namespace isms::app
