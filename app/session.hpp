#pragma once
// What the person is working on, and every action on workspaces: the logic behind the views,
// kept apart from drawing so that it can be tested natively with a fake platform.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/platform.hpp"
#include "app/record_draft.hpp"
#include "core/attachments/attachments.hpp"
#include "core/bundle/bundle.hpp"
#include "core/bundle/export.hpp"
#include "core/bundle/merge.hpp"
#include "core/store/repository.hpp"
#include "core/model/validation.hpp"
#include "core/util/clock.hpp"
#include "core/workspace/catalog.hpp"
#include "core/workspace/workspace.hpp"

namespace isms::app {

class Session : private StorageObserver {
 public:
  // `root` is the storage folder: the catalog and every workspace live below it.
  Session(Platform& platform, const Clock& clock, std::string root);
  ~Session() override;

  // Loads the catalog's kept copy; ready() once it is there (or known to be unavailable).
  void start();
  bool ready() const { return catalog_ != nullptr; }
  // A problem a person must know about: storage unavailable, a workspace that would not open.
  const std::string& problem() const { return problem_; }
  void dismiss_problem() { problem_.clear(); }
  // The outcome of the last action, for a short confirmation ("Moved X to the trash.").
  const std::string& notice() const { return notice_; }
  void clear_notice() { notice_.clear(); }

  // The catalog's lists, read once and kept until the catalog changes: views ask every frame.
  const std::vector<WorkspaceInfo>& workspaces() const;
  const std::vector<WorkspaceInfo>& trash() const;

  // Creates the workspace and opens it. Returns the field errors; nothing is created when any.
  std::vector<FieldError> create_workspace(const WorkspaceDraft& draft);
  // Opens a workspace (its storage loads first, so it may take a moment: see opening()).
  void open_workspace(const std::string& id);
  void close_workspace();
  Workspace* current() { return current_.get(); }
  bool opening() const { return !opening_id_.empty(); }

  // Renames any workspace, open or not. Field errors come back at once; nothing changes with any.
  std::vector<FieldError> rename_workspace(const std::string& id, const std::string& new_name);
  void move_to_trash(const std::string& id);
  void restore(const std::string& id);
  void empty_trash();

  // Records of the open workspace. save_record writes the draft (create or update) and returns
  // true; on refusal the draft gets the field messages (or its problem) and keeps every text.
  bool save_record(RecordDraft& draft);
  // Deletes a record of the open workspace; with OnLinks::Refuse a record others point at is
  // not deleted and the draft's problem says which ones (the view then offers to unlink).
  bool delete_record(RecordDraft& draft, OnLinks on_links);
  // Evidence attached to a record of the open workspace: live attachments, by file name.
  std::vector<Record> attachments_of(const std::string& record_id) const;
  // Asks the person for a file and attaches it to the record once they chose one. A refusal (too
  // large, the record deleted meanwhile) becomes the problem shown; nothing is stored then.
  void attach_file(const std::string& record_id);
  // Loads an attachment's bytes, only now, checks them against their SHA-256 and hands them to
  // the person as a download. Missing or damaged bytes become the problem shown.
  void open_attachment(const std::string& attachment_id);
  // Deletes an attachment record (restorable: its bytes stay while it can come back).
  void remove_attachment(const std::string& attachment_id);

  // The bytes only deleted attachments still hold, and freeing them (attachments::free_deleted),
  // in this browser's kept copy too.
  attachments::DeletedContents deleted_attachment_contents() const;
  void free_deleted_attachments();

  // Downloads of the open workspace, named "<client>-<workspace>-<what>-<date>.<ext>".
  // The table as shown: its visible columns in their order, filtered and sorted as on screen.
  void export_table_csv(const std::string& kind, const std::vector<std::string>& column_keys, const std::string& filter,
                        const std::vector<SortKey>& sort);
  // The same with the table's whole question: its enum filters and risk matrix cell too.
  void export_table_csv(const std::string& kind, const std::vector<std::string>& column_keys, const RecordQuery& query);
  enum class Report { StatementOfApplicability, RiskRegister, ProgramStatus, ReviewMinutes, AuditReport };
  // A printable HTML report; `record_id` is the management review or audit it is about.
  void download_report(Report report, const std::string& record_id = {});
  // "<client>-<workspace>-<what>-<date>.<ext>" in lower case, safe in every file system.
  std::string download_name(const std::string& what, const std::string& extension) const;

  // Who uses this browser: the author of their changes (history, merges) and the exporter named
  // in their bundles. Kept per browser profile, not in any workspace, so two consultants' copies
  // of one workspace write under their own names. Empty: the workspace's consultant.
  static constexpr const char* kPersonNameSetting = "person_name";
  static constexpr std::size_t kMaxPersonName = 100;
  std::string person_name() const;
  // A message for the person when the name is refused (too long, not text); nothing changes then.
  std::optional<std::string> set_person_name(const std::string& name);

  // Bundles (issue 5). The open workspace as "<client>-<workspace>-<date>.isms.json", downloaded.
  // Runs a slice per frame (continue_work) with its progress in busy(): a large workspace takes
  // seconds. Nothing else writes the workspace meanwhile (the progress dialog is modal, and a
  // bundle that arrives is refused until it is done).
  void export_bundle(bool include_attachments);
  // Long work in progress, for a progress dialog: what, how far (total 0: not known), and
  // whether the person may cancel it. Empty when there is none.
  struct Busy {
    std::string what;
    std::size_t done = 0, total = 0;
    bool cancellable = false;
  };
  std::optional<Busy> busy() const;
  // The next slice of the work in progress; the app calls it at the start of every frame.
  void continue_work();
  void cancel_work();
  // How long one frame may spend on such work (40 ms: the progress bar moves smoothly and the
  // work takes hardly longer than in one go); 0 does one slice of 500 records a frame.
  void set_work_per_frame(std::chrono::milliseconds budget) { work_per_frame_ = budget; }
  // Asks for a bundle file; a file dropped onto the window comes the same way (start() listens).
  void import_bundle();
  // A bundle's bytes: refused with the reader's sentence (nothing changes); a workspace this
  // browser lacks becomes a new workspace, opened; the open workspace (or another one here,
  // opened first) gets a merge preview and nothing is written until confirm_merge().
  void receive_bundle(const std::string& file_name, std::string bytes);
  struct PendingMerge {
    std::string file_name;
    std::string workspace_id;  // the workspace it was planned on
    bundle::Bundle bundle;
    bundle::MergePreview preview;
    bundle::Resolutions choices;
  };
  const std::optional<PendingMerge>& pending_merge() const { return pending_merge_; }
  // Tells whether the interface holds typed text not yet saved (the record editor): a bundle that
  // would switch to another workspace is refused then, since switching would drop that text.
  void set_unsaved_text_check(std::function<bool()> check) { unsaved_text_ = std::move(check); }
  // Picks a side for one conflict (a field, or the whole record for rule conflicts), or for all.
  void choose(const bundle::Conflict& conflict, bundle::Side side);
  void choose_all(bundle::Side side);
  // Merges in one transaction once every conflict has a choice; false (the preview planned
  // again, e.g. with a rule conflict the choices raised) when it cannot yet.
  bool confirm_merge();
  void cancel_merge() { pending_merge_.reset(); }
  // Grows with every merge, undo or redo written: an editor showing a record from before must
  // read it again.
  std::uint64_t merges_done() const { return merges_done_; }

  // Undo and redo (issue 4, app/session_undo.cpp over core/store/undo_stack.hpp) of the person's
  // edits in the open workspace: what save_record, delete_record, the attachments and renaming
  // write is recorded, in the workspace's file (so it survives a reload); merges and imports are
  // not. A refusal (changed since, a rule, a read-only tab) becomes problem() and changes
  // nothing; success says "Undone: ..." in notice(). Labels are read once per change.
  bool can_undo() const;
  bool can_redo() const;
  const std::string& undo_label() const;  // "edit of risk "Ransomware"", empty when none
  const std::string& redo_label() const;
  bool undo();
  bool redo();
  // Whether the last undo or redo wrote this record (the editor then says so over unsaved text).
  bool rewritten_by_undo(const std::string& record_id) const;

  // Grows with every change committed to the open workspace: views re-query when it moves.
  std::uint64_t data_revision() const { return data_revision_; }

  Platform& platform() { return platform_; }

  // Two tabs or windows on one workspace (issue 6): only the tab that holds a workspace writes it.
  // Opened while another tab holds it, or after another tab took it over, the open workspace is
  // read-only here and every write is refused with kReadOnlyMessage.
  enum class Access { Writable, OpenElsewhere, TakenOver };
  static constexpr const char* kReadOnlyMessage =
      "This workspace is read-only in this tab because it is open in another tab or window. Take it over to make "
      "changes here.";
  Access access() const { return access_; }
  bool read_only() const { return current_ != nullptr && access_ != Access::Writable; }
  // Asks the other tab to write back what it has and let go, then reads the workspace again
  // from storage (the other tab may have changed it) and makes it writable here.
  void take_over();
  bool taking_over() const { return taking_over_; }

 private:
  // StorageObserver: forwards to the platform, and notes changes of the open workspace.
  void prepare_dir(const std::string& dir) override;
  void committed(const std::string& db_path) override;
  void removing_dir(const std::string& dir) override;
  void removed_dir(const std::string& dir) override;

  void on_catalog_loaded(bool ok, const std::string& error);
  void refresh_catalog_entry();
  // Runs `action`; a failure becomes the problem shown to the person, prefixed with `what`.
  template <typename Action>
  void report_failure(const char* what, Action action);

  Platform& platform_;
  const Clock& clock_;
  std::string root_;
  std::unique_ptr<WorkspaceCatalog> catalog_;
  std::unique_ptr<Workspace> current_;
  mutable std::optional<std::vector<WorkspaceInfo>> active_cache_, trash_cache_;
  std::string opening_id_;
  std::string problem_;
  std::string notice_;
  std::uint64_t data_revision_ = 0;
  std::optional<PendingMerge> pending_merge_;
  std::function<bool()> unsaved_text_;
  std::uint64_t merges_done_ = 0;
  // A bundle of a workspace here that was not open: merged once it has opened.
  std::optional<std::pair<std::string, bundle::Bundle>> bundle_waiting_for_open_;
  void preview_merge(const std::string& file_name, bundle::Bundle bundle);
  void finish_export();
  void use_person_name();
  // A bundle file picked or dropped: read by continue_work once a frame has shown it is coming.
  void queue_bundle(const std::string& file_name, std::string bytes);
  struct ExportRun {
    std::string workspace_id;
    bool include_attachments = false;
    std::size_t files_to_read = 0, files_read = 0;  // attachment bytes loaded from browser storage
    std::unique_ptr<bundle::BundleExport> run;      // made once the files are there
  };
  std::optional<ExportRun> export_;
  std::uint64_t exports_started_ = 0;
  std::chrono::milliseconds work_per_frame_{40};
  std::optional<std::pair<std::string, std::string>> queued_bundle_;  // file name, bytes
  int queued_bundle_frames_ = 0;
  std::string blob_path(const std::string& digest) const;
  // Issue 6: the open workspace's access, and what other tabs tell (Platform::claim_dir).
  Access access_ = Access::Writable;
  bool taking_over_ = false;
  std::uint64_t open_generation_ = 0;  // grows with each open: older claims' answers are stale
  void on_dir_lost(const std::string& dir);
  void on_dir_changed_elsewhere(const std::string& dir);
  // Reads the open workspace again from storage; `writable` once it is read (after a take-over).
  void reload_current(bool writable);
  // Holds a workspace made here (created, or from a bundle), so a second tab opens it read-only.
  void hold_new_workspace();
  bool refuse_if_read_only();  // true (and the problem shown) while read-only
  // The open workspace's undo stack as last read: views ask every frame.
  struct UndoView {
    std::string workspace_id;
    std::uint64_t revision = 0;
    bool can_undo = false, can_redo = false;
    std::string undo_label, redo_label;
  };
  mutable std::optional<UndoView> undo_view_;
  const UndoView& undo_view() const;
  bool step_undo(bool forward);
  std::vector<std::string> rewritten_by_undo_;  // records the last undo or redo wrote
  // Guards callbacks that arrive after this Session is gone (the platform may outlive it).
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

}  // namespace isms::app
