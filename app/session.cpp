#include "app/session.hpp"

#include <chrono>

#include <cctype>
#include <exception>
#include <utility>

#include "app/table_layouts.hpp"
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
#include "core/store/undo_stack.hpp"
#include "core/model/value_access.hpp"
#include "core/util/text.hpp"
#include "core/util/utf8.hpp"
#include "core/workspace/export_marks.hpp"
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
    if (!alive.expired()) queue_bundle(name, std::move(bytes));
  });
  // Other tabs: one took a workspace over, or saved a folder this tab shows.
  platform_.on_dir_lost([this, alive](const std::string& dir) {
    if (!alive.expired()) on_dir_lost(dir);
  });
  platform_.on_dir_changed_elsewhere([this, alive](const std::string& dir) {
    if (!alive.expired()) on_dir_changed_elsewhere(dir);
  });
  platform_.refresh_storage_info();
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
    use_person_name();
    opening_id_.clear();
    hold_new_workspace();
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
  const Platform::LoadDone opened = [this, alive, id](bool ok, const std::string& error) {
    if (alive.expired() || opening_id_ != id) return;  // closed or another opened meanwhile
    // A bundle waiting for this workspace is merged once it is open, or dropped if it will not.
    const bool bundle_waits = bundle_waiting_for_open_ && bundle_waiting_for_open_->second.workspace.id == id;
    opening_id_.clear();
    if (!ok && platform_.save_status().storage_available) {
      problem_ = "This workspace's saved copy could not be loaded (" + error + ").";
    }
    try {
      current_ = Workspace::open(catalog_->workspace_dir(id), clock_, static_cast<StorageObserver*>(this));
      ++data_revision_;  // another workspace's data: every view reads again
      use_person_name();
      refresh_catalog_entry();
      if (bundle_waits && read_only()) {
        problem_ = "\"" + bundle_waiting_for_open_->first + "\" was not imported: " + kReadOnlyMessage;
        bundle_waiting_for_open_.reset();
      }
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
  };
  // Held by this tab, or read-only here; then read from storage, where another tab may have
  // written it since this tab last loaded it.
  const std::string dir = catalog_->workspace_dir(id);
  const std::uint64_t generation = ++open_generation_;
  platform_.claim_dir(dir, false, [this, alive, id, dir, generation, opened](bool granted) {
    if (alive.expired()) return;
    if (generation != open_generation_ || opening_id_ != id) {
      if (granted && opening_id_ != id && (!current_ || current_->id() != id)) platform_.release_dir(dir);
      return;
    }
    access_ = granted ? Access::Writable : Access::OpenElsewhere;
    platform_.reload_dir(dir, opened);
  });
}

void Session::close_workspace() {
  if (current_) platform_.flush();
  // Lets the workspace go (after its write-back), so another tab may take it.
  if (current_) platform_.release_dir(current_->dir());
  if (!current_ && !opening_id_.empty() && catalog_) platform_.release_dir(catalog_->workspace_dir(opening_id_));
  access_ = Access::Writable;
  taking_over_ = false;
  pending_merge_.reset();  // a merge belongs to the workspace it was planned on
  current_.reset();
  ++data_revision_;
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
      if (read_only()) return {{"name", kReadOnlyMessage}};
      const UndoStack::Recording undoable(current_->records());  // the person's edit: undoable
      rename_in(*current_);
      return {};
    }
  } catch (const ValidationError& e) {
    return e.errors();
  } catch (const std::exception& e) {
    return {{"name", std::string("The workspace could not be renamed: ") + e.what()}};
  }
  // Not open: its file must be loaded first. Validation already passed, so only storage can fail.
  // It is held meanwhile: a workspace open in another tab is renamed there, not under it.
  std::weak_ptr<bool> alive = alive_;
  const std::string dir = catalog_->workspace_dir(id);
  platform_.claim_dir(dir, false, [this, alive, id, dir, rename_in](bool granted) {
    if (alive.expired()) return;
    if (!granted) {
      problem_ = "The workspace could not be renamed because it is open in another tab or window. Rename it there.";
      return;
    }
    platform_.reload_dir(dir, [this, alive, id, dir, rename_in](bool, const std::string&) {
      if (alive.expired()) return;
      try {
        auto ws = Workspace::open(dir, clock_, static_cast<StorageObserver*>(this));
        rename_in(*ws);
      } catch (const std::exception& e) {
        problem_ = std::string("The workspace could not be renamed: ") + e.what();
      }
      if (!current_ || current_->id() != id) platform_.release_dir(dir);
    });
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
  auto empty_now = [this] {
    report_failure("The trash could not be emptied completely", [&] {
      const auto removed = catalog_->empty_trash();
      for (const std::string& id : removed) platform_.set_setting(table_layout_setting(id), "");
      notice_ = removed.size() == 1 ? "Deleted 1 workspace for good."
                                    : "Deleted " + std::to_string(removed.size()) + " workspaces for good.";
    });
  };
  // A workspace open in another tab is not deleted under it: each one in the trash is held first.
  const std::vector<WorkspaceInfo> trashed = trash();
  if (trashed.empty()) return empty_now();
  auto answers = std::make_shared<std::size_t>(0);
  auto held_elsewhere = std::make_shared<std::vector<std::string>>();
  auto answered = [this, alive = std::weak_ptr<bool>(alive_), trashed, answers, held_elsewhere, empty_now](
                      const std::string& name, bool granted) {
    if (alive.expired()) return;
    if (!granted) held_elsewhere->push_back("\"" + name + "\"");
    if (++*answers < trashed.size()) return;
    const bool same_trash = trash().size() == trashed.size();
    if (held_elsewhere->empty() && same_trash) empty_now();
    for (const WorkspaceInfo& gone : trashed) platform_.release_dir(catalog_->workspace_dir(gone.id));
    if (!held_elsewhere->empty()) {
      const bool one = held_elsewhere->size() == 1;
      problem_ = "The trash was not emptied because " + join(*held_elsewhere, ", ") + (one ? " is" : " are") +
                 " open in another tab or window. Close " + (one ? "it" : "them") +
                 " there, then empty the trash again.";
    } else if (!same_trash) {
      empty_trash();  // something was trashed meanwhile: hold that one too
    }
  };
  for (const WorkspaceInfo& info : trashed) {
    platform_.claim_dir(catalog_->workspace_dir(info.id), false,
                        [answered, name = info.name](bool granted) { answered(name, granted); });
  }
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
  if (read_only()) {
    draft.problem = kReadOnlyMessage;
    return false;
  }
  Repository& records = current_->records();
  const EntityDef& def = records.registry().get(draft.kind);
  draft.errors.clear();
  draft.problem.clear();
  try {
    const UndoStack::Recording undoable(records);  // the person's edit: undoable
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
  if (read_only()) {
    draft.problem = kReadOnlyMessage;
    return false;
  }
  Repository& records = current_->records();
  const EntityDef& def = records.registry().get(draft.kind);
  draft.problem.clear();
  try {
    const std::string title = records.title_of(*records.get(draft.kind, draft.id));
    const UndoStack::Recording undoable(records);  // the person's edit: undoable
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
  return current_->records().query("attachment",
                                   RecordQuery().where_is("record", Condition::Op::Equal, {record_id}).sort_by("name"));
}

void Session::attach_file(const std::string& record_id) {
  if (!current_ || refuse_if_read_only()) return;
  const std::string workspace_id = current_->id();
  platform_.pick_file("", [this, alive = alive_, workspace_id, record_id](
                              const std::string& name, const std::string& media_type, std::string bytes) {
    // The person may have closed or switched the workspace while the picker was open.
    if (!*alive || !current_ || current_->id() != workspace_id) return;
    report_failure(("\"" + name + "\" was not attached").c_str(), [&] {
      if (read_only()) throw StoreError(kReadOnlyMessage);  // taken over while the picker was open
      const UndoStack::Recording undoable(current_->records());  // the person's edit: undoable
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
  if (!current_ || refuse_if_read_only()) return;
  const auto attachment = current_->records().get("attachment", attachment_id);
  if (!attachment || attachment->deleted) return;
  const std::string name = text_or_empty(attachment->get("name"));
  report_failure(("\"" + name + "\" was not removed").c_str(), [&] {
    const UndoStack::Recording undoable(current_->records());  // the person's edit: undoable
    current_->records().remove("attachment", attachment_id);
    notice_ = "Removed \"" + name + "\".";
  });
}

attachments::DeletedContents Session::deleted_attachment_contents() const {
  if (!current_) return {};
  return attachments::deleted_contents(current_->records());
}

void Session::free_deleted_attachments() {
  if (!current_ || refuse_if_read_only()) return;
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
  RecordQuery query;
  query.containing(filter);
  for (const SortKey& key : sort) query.sort_by(key.field, key.descending);
  export_table_csv(kind, column_keys, query);
}

void Session::export_table_csv(const std::string& kind, const std::vector<std::string>& column_keys,
                               const RecordQuery& query) {
  if (!current_) return;
  const EntityDef& def = current_->registry().get(kind);
  report_failure("The table was not exported", [&] {
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

std::string Session::person_name() const { return trim(platform_.setting(kPersonNameSetting)); }

std::optional<std::string> Session::set_person_name(const std::string& name) {
  const std::string trimmed = trim(name);
  if (!is_valid_utf8(trimmed)) return std::string("The name holds characters that are not text.");
  if (count_code_points(trimmed) > kMaxPersonName) {
    return "A name can be at most " + std::to_string(kMaxPersonName) + " characters long.";
  }
  platform_.set_setting(kPersonNameSetting, trimmed);
  use_person_name();
  notice_ = trimmed.empty() ? "Your changes are recorded under the workspace's consultant again."
                            : "Your changes are now recorded as made by " + trimmed + ".";
  return std::nullopt;
}

// Writes are recorded under this browser's person, or, while none is set, the workspace's
// consultant (a field of the workspace, shared by every copy of it).
void Session::use_person_name() {
  if (!current_) return;
  const std::string name = person_name();
  current_->records().set_author(name.empty() ? current_->meta().consultant : name);
}

void Session::export_bundle(bool include_attachments) {
  if (!current_ || export_) return;
  export_.emplace();
  export_->workspace_id = current_->id();
  export_->include_attachments = include_attachments;
  if (!include_attachments) return;
  // Attachment bytes are read only when needed (in the browser they stay in IndexedDB until
  // then): read every one the bundle will carry first, then write it.
  std::vector<std::string> paths;
  {
    Statement digests =
        current_->records().database().prepare("SELECT DISTINCT sha256 FROM rec_attachment WHERE length(sha256) = 64");
    while (digests.step()) paths.push_back(blob_path(digests.column_text(0)));
  }
  export_->files_to_read = paths.size();
  const std::uint64_t export_id = ++exports_started_;
  for (const std::string& path : paths) {
    platform_.load_file(path, [this, alive = alive_, export_id](bool, const std::string&) {
      // A cancelled export's files may still arrive: they count for nothing.
      if (*alive && export_ && exports_started_ == export_id) ++export_->files_read;
    });
  }
}

std::optional<Session::Busy> Session::busy() const {
  if (export_) {
    Busy busy;
    busy.cancellable = true;
    if (export_->files_read < export_->files_to_read) {
      busy.what = "Reading the attached files from this browser's storage…";
      busy.done = export_->files_read;
      busy.total = export_->files_to_read;
    } else {
      busy.what = "Exporting the workspace…";
      if (export_->run) {
        busy.done = export_->run->done();
        busy.total = export_->run->total();
      }
    }
    return busy;
  }
  if (queued_bundle_)
    return Busy{"Reading \"" + queued_bundle_->first + "\" and comparing it with this browser's copy…"};
  return std::nullopt;
}

void Session::queue_bundle(const std::string& file_name, std::string bytes) {
  queued_bundle_.emplace(file_name, std::move(bytes));
  queued_bundle_frames_ = 0;
  platform_.wake_after(0);
}

void Session::cancel_work() {
  if (export_) notice_ = "The export was cancelled.";
  export_.reset();
}

void Session::continue_work() {
  if (queued_bundle_) {
    // Read in the frame after the one that showed it was coming: reading a large bundle takes
    // seconds, and the person should see why the window stands still.
    if (queued_bundle_frames_++ < 1) return platform_.wake_after(0);
    auto [name, bytes] = std::move(*queued_bundle_);
    queued_bundle_.reset();
    receive_bundle(name, std::move(bytes));
    return;
  }
  if (!export_) return;
  platform_.wake_after(0);  // the next slice, after this frame shows how far it is
  if (!current_ || current_->id() != export_->workspace_id) return export_.reset();
  if (export_->files_read < export_->files_to_read) return;
  bool finished = false, keep_going = false;
  report_failure("The workspace was not exported", [&] {
    if (!export_->run) {
      bundle::ExportOptions options;
      options.include_attachments = export_->include_attachments;
      options.exported_by = person_name();  // empty: the workspace's consultant
      export_->run = std::make_unique<bundle::BundleExport>(*current_, options);
    }
    // Slices of records until the frame's share of time is used (at least one slice).
    constexpr std::size_t slice = 500;
    const auto start = std::chrono::steady_clock::now();
    do {
      finished = export_->run->step(slice);
    } while (!finished && std::chrono::steady_clock::now() - start < work_per_frame_);
    if (finished) finish_export();
    keep_going = !finished;
  });
  if (!keep_going) export_.reset();  // done, or failed (the problem says why)
}

void Session::finish_export() {
  const std::string json = export_->run->finish();
  const bool include_attachments = export_->include_attachments;
  const std::size_t missing = export_->run->attachments_missing();
  std::string name = download_name("", "isms.json");
  platform_.download(name, "application/json", json);
  // The export reminder counts from here (issue 6). A mark left unwritten costs one reminder too many.
  if (!read_only()) {
    try {
      export_marks::record_export(current_->database(), clock_);
    } catch (const std::exception&) {
    }
  }
  notice_ = "Exported " + name + (include_attachments ? "" : " (without attachments)") + ".";
  if (include_attachments && missing > 0) {
    notice_ += " " + std::to_string(missing) + " attached file" + (missing == 1 ? " was" : "s were") +
               " not in this browser and " + (missing == 1 ? "is" : "are") + " left out.";
  }
}

void Session::import_bundle() {
  platform_.pick_file(".json,application/json",
                      [this, alive = alive_](const std::string& name, const std::string&, std::string bytes) {
                        if (*alive) queue_bundle(name, std::move(bytes));
                      });
}

void Session::receive_bundle(const std::string& file_name, std::string bytes) {
  if (!catalog_) return;
  report_failure(("\"" + file_name + "\" was not imported").c_str(), [&] {
    // One merge at a time: a file dropped while a merge is being decided waits for the person.
    if (pending_merge_) throw StoreError("Finish or cancel the merge that is open first.");
    if (export_) throw StoreError("An export is running; import the bundle again once it has finished.");
    bundle::Bundle incoming = bundle::from_json(bytes, Registry::builtin());
    bytes = std::string();  // tens of megabytes, not needed while the preview is planned and shown
    const std::string id = incoming.workspace.id;  // a copy: `incoming` may be moved below
    if (current_ && current_->id() == id) {
      if (read_only()) throw StoreError(kReadOnlyMessage);
      return preview_merge(file_name, std::move(incoming));
    }
    if (current_ && unsaved_text_ && unsaved_text_()) {
      throw StoreError(
          "It is a bundle of another workspace; save or discard the changes to the record you are "
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
    use_person_name();
    hold_new_workspace();
    active_cache_.reset();
    ++data_revision_;
    notice_ = "Opened \"" + current_->meta().name + "\" from " + file_name + " as a new workspace.";
  });
}

void Session::preview_merge(const std::string& file_name, bundle::Bundle incoming) {
  // Planned where the bundle stays: the preview remembers which Bundle it was made for, and the
  // merge reuses it only for that one.
  pending_merge_.emplace(PendingMerge{file_name, current_->id(), std::move(incoming), {}, {}});
  try {
    pending_merge_->preview = bundle::plan_merge(*current_, pending_merge_->bundle);
  } catch (...) {
    pending_merge_.reset();
    throw;
  }
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
  if (!pending_merge_ || !current_ || refuse_if_read_only()) return false;
  PendingMerge& pending = *pending_merge_;
  bool merged = false;
  report_failure(("\"" + pending.file_name + "\" was not merged").c_str(), [&] {
    // Choices can raise or settle conflicts of rules: plan again with them before writing.
    // Both reuse what the first preview found: the records exactly as here are not compared again.
    pending.preview = bundle::plan_merge(*current_, pending.bundle, pending.choices, &pending.preview);
    if (!pending.preview.resolved()) return;
    bundle::MergeOptions options;
    options.preview = &pending.preview;
    const bundle::MergeResult result = bundle::apply_merge(*current_, pending.bundle, pending.choices, options);
    // Attachment bytes the merge brought without any record to write commit nothing: ask for
    // the write-back here, or they would live only in this tab's memory.
    if (result.attachments_added > 0) platform_.committed(current_->db_path());
    notice_ = "Merged " + pending.file_name + ": " + std::to_string(result.total.added) + " added, " +
              std::to_string(result.total.changed) + " changed, " + std::to_string(result.total.deleted) + " deleted" +
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

// Issue 6: two tabs or windows on one workspace.

bool Session::refuse_if_read_only() {
  if (!read_only()) return false;
  problem_ = kReadOnlyMessage;
  return true;
}

void Session::hold_new_workspace() {
  access_ = Access::Writable;
  // Its starting point: what it holds now is not unsaved work (the export reminder counts after it).
  report_failure("The workspace's export reminder could not be set",
                 [&] { export_marks::record_start(current_->database()); });
  const std::string id = current_->id(), dir = current_->dir();
  platform_.claim_dir(dir, false, [this, alive = std::weak_ptr<bool>(alive_), id, dir](bool granted) {
    if (alive.expired()) return;
    const bool still_open = current_ && current_->id() == id;
    if (granted && !still_open) platform_.release_dir(dir);
    if (!granted && still_open) access_ = Access::OpenElsewhere;  // only if another tab was quicker
  });
}

void Session::take_over() {
  if (!read_only() || taking_over_) return;
  taking_over_ = true;
  const std::string id = current_->id(), dir = current_->dir();
  platform_.claim_dir(dir, true, [this, alive = std::weak_ptr<bool>(alive_), id, dir](bool granted) {
    if (alive.expired()) return;
    if (!current_ || current_->id() != id) {
      if (granted) platform_.release_dir(dir);
      return;
    }
    if (!granted) {
      taking_over_ = false;
      problem_ = "The workspace could not be taken over. Close it in the other tab or window, then try again.";
      return;
    }
    reload_current(true);
  });
}

void Session::reload_current(bool writable) {
  const std::string id = current_->id(), dir = current_->dir();
  platform_.reload_dir(
      dir, [this, alive = std::weak_ptr<bool>(alive_), id, dir, writable](bool ok, const std::string& error) {
        if (alive.expired() || !current_ || current_->id() != id) return;
        taking_over_ = false;
        if (!ok && platform_.save_status().storage_available) {
          if (writable) platform_.release_dir(dir);  // writing without the other tab's last copy would lose it
          problem_ = "The workspace could not be read again from this browser's storage (" + error + ").";
          return;
        }
        // Writable only once the other tab's last write is read: an edit before would be written over it.
        if (writable) access_ = Access::Writable;
        report_failure("The workspace could not be read again", [&] {
          // The old connection is idle and closes when replaced.
          current_ = Workspace::open(dir, clock_, static_cast<StorageObserver*>(this));
          use_person_name();
          ++data_revision_;
          ++merges_done_;  // the editor's record may have changed under it: read it again
        });
      });
}

void Session::on_dir_lost(const std::string& dir) {
  const bool open_here = current_ && current_->dir() == dir;
  const bool opening_here = !opening_id_.empty() && catalog_ && catalog_->workspace_dir(opening_id_) == dir;
  if (open_here || opening_here) access_ = Access::TakenOver;
}

void Session::on_dir_changed_elsewhere(const std::string& dir) {
  if (catalog_ && dir == WorkspaceCatalog::catalog_dir(root_)) {
    active_cache_.reset();  // another tab's changes to the list were folded in
    trash_cache_.reset();
  } else if (read_only() && !taking_over_ && current_->dir() == dir) {
    reload_current(false);  // show what the tab that holds it saved
  }
}

}  // namespace isms::app
