// Session's undo and redo (issue 4): the open workspace's UndoStack (core/store/undo_stack.hpp),
// its state read once per change for the top bar, and a refusal turned into the problem shown.
#include <algorithm>
#include <exception>

#include "app/session.hpp"
#include "core/store/history_log.hpp"
#include "core/store/undo_stack.hpp"

namespace isms::app {

const Session::UndoView& Session::undo_view() const {
  const std::string id = current_ ? current_->id() : std::string();
  if (undo_view_ && undo_view_->workspace_id == id && undo_view_->revision == data_revision_) return *undo_view_;
  undo_view_.emplace();
  undo_view_->workspace_id = id;
  undo_view_->revision = data_revision_;
  if (!current_) return *undo_view_;
  try {
    // Reads only; the stack holds a non-const reference for its writes.
    UndoStack stack(const_cast<Workspace&>(*current_).records());
    undo_view_->can_undo = stack.can_undo();
    undo_view_->can_redo = stack.can_redo();
    undo_view_->undo_label = stack.undo_label();
    undo_view_->redo_label = stack.redo_label();
  } catch (const std::exception&) {
    // Unreadable: nothing offered (undo() would report the problem if asked).
  }
  return *undo_view_;
}

bool Session::can_undo() const { return undo_view().can_undo; }
bool Session::can_redo() const { return undo_view().can_redo; }
const std::string& Session::undo_label() const { return undo_view().undo_label; }
const std::string& Session::redo_label() const { return undo_view().redo_label; }

bool Session::undo() { return step_undo(false); }
bool Session::redo() { return step_undo(true); }

bool Session::step_undo(bool forward) {
  if (!current_ || refuse_if_read_only()) return false;
  bool done = false;
  try {
    UndoStack stack(current_->records());
    const std::string label = forward ? stack.redo() : stack.undo();
    // What the undo or redo wrote: its change set is the newest in history.
    rewritten_by_undo_.clear();
    Database& db = current_->database();
    Statement newest = db.prepare("SELECT change_set FROM history ORDER BY seq DESC LIMIT 1");
    if (newest.step()) {
      for (const HistoryEntry& row : select_change_set(db, newest.column_text(0))) {
        rewritten_by_undo_.push_back(row.record_id);
      }
    }
    notice_ = std::string(forward ? "Redone: " : "Undone: ") + label + ".";
    done = true;
  } catch (const std::exception& e) {
    problem_ = std::string(forward ? "Nothing was redone: " : "Nothing was undone: ") + e.what();
  }
  if (done) ++merges_done_;  // the editor's record may have changed under it: read it again
  undo_view_.reset();
  return done;
}

bool Session::rewritten_by_undo(const std::string& record_id) const {
  return std::find(rewritten_by_undo_.begin(), rewritten_by_undo_.end(), record_id) != rewritten_by_undo_.end();
}

}  // namespace isms::app
