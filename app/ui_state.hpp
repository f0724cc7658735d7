#pragma once
// What the interface remembers between frames: the page shown and the forms being filled in.
// Form text lives here, not in the views, so a validation error never throws away what was typed.

#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/dashboard_figures.hpp"
#include "app/raci_grid.hpp"
#include "app/part_registers.hpp"
#include "app/record_draft.hpp"
#include "app/record_history.hpp"
#include "app/register_counts.hpp"
#include "app/risk_matrix_counts.hpp"
#include "app/search_results.hpp"
#include "app/soa_rows.hpp"
#include "app/timeline_chart.hpp"
#include "app/table_keys.hpp"
#include "core/report/table_text.hpp"
#include "core/risk/risk_method.hpp"
#include "core/store/record_query.hpp"

#include "core/model/validation.hpp"
#include "core/workspace/export_marks.hpp"
#include "core/workspace/workspace.hpp"

namespace isms::app {

enum class Page { Workspaces, Trash, Dashboard, Overview, Register, Soa, Timeline, Raci };

// One register's table: what is asked for (filter, sort) and the rows last read for it. The
// rows are read again only when the question or the workspace's data changes, not every frame.
struct RegisterView {
  std::string kind;
  std::string filter;
  std::vector<SortKey> sort;
  // Per enum column: the options a row must have one of (issue 4); no entry, no filter.
  std::map<std::string, std::set<std::string>> enum_filters, read_enum_filters;
  std::uint64_t read_at = std::numeric_limits<std::uint64_t>::max();  // Session::data_revision() of rows
  std::string read_kind, read_filter;
  std::vector<SortKey> read_sort;
  std::vector<Record> rows;
  // Linked records' titles for the cells, read once per read of the rows (core/report/table_text).
  std::shared_ptr<report::TitleCache> titles;
  // The workspace's risk method, whose scales the likelihood and impact sliders show
  // (app/views/field_editor.cpp), read once per change of the data; empty when unusable.
  std::optional<RiskMethod> risk_method;
  std::uint64_t risk_method_at = std::numeric_limits<std::uint64_t>::max();
  // The columns the person sees, in the order they see them: what the CSV export holds.
  std::vector<std::string> shown_keys;
  // The risk table only: the risk matrix cell it is narrowed to (app/views/risk_matrix.cpp).
  std::optional<MatrixCell> cell, read_cell;
  // The selected row and whether the table takes the keys (app/table_keys.hpp).
  TableCursor cursor;
};

struct CreateForm {
  bool open = false;
  WorkspaceDraft draft;
  std::vector<FieldError> errors;
};

struct RenameForm {
  bool requested = false;  // opens the modal on the next frame
  std::string id;
  std::string name;
  std::vector<FieldError> errors;
};

struct Confirmation {
  bool requested = false;
  std::string id;    // the workspace concerned, if any
  std::string name;  // shown in the question
};

// "Your name" in the settings panel: the text typed, kept on a refusal.
struct PersonForm {
  std::string name;
  std::vector<FieldError> errors;
};

// The settings panel and the storage banners (app/views/settings_panel.cpp, storage_banners.cpp).
struct StorageUi {
  bool settings_requested = false;           // opens the settings panel on the next frame
  bool not_persistent_dismissed = false;     // for this session
  std::set<std::string> reminder_dismissed;  // workspace ids, for this session
  // The open workspace's export reminder, read again only when its data, the days or the minute change.
  std::optional<export_marks::Reminder> reminder;
  std::string reminder_key;
};

// Issue 4: the parts of the record in the editor (a KPI's measurements, a review's inputs), each
// register's read once per change of the data, and the part being edited in its modal form
// (app/views/record_parts.cpp). Its text lives here, so a refused save keeps what was typed.
struct PartsView {
  std::string workspace_id, parent_id;  // seeded records have the same ids in every workspace
  std::uint64_t read_at = std::numeric_limits<std::uint64_t>::max();  // Session::data_revision()
  std::vector<std::pair<PartRegister, std::vector<Record>>> sections;
  bool form_requested = false;  // opens the form on the next frame
  RecordDraft form;             // kind empty when no form is open
  bool delete_requested = false;
  RecordDraft deleting;  // the part a deletion asks about, and its refusal
};

struct UiState {
  Page page = Page::Workspaces;
  std::string shown_workspace;    // the open workspace's id when the last frame was drawn
  std::uint64_t merges_seen = 0;  // Session::merges_done() when the editor was last read
  CreateForm create;
  PersonForm person;
  RenameForm rename;
  Confirmation trash;              // move one workspace to the trash
  Confirmation empty_trash;        // delete every trashed workspace for good
  Confirmation remove_attachment;  // an attachment of the record in the editor
  Confirmation free_evidence;      // delete the files of deleted attachments for good
  RegisterView table;
  RecordDraft draft;  // the record in the editor; kind empty when none is open
  bool confirm_delete = false;
  StorageUi storage;
  // Issue 4: the dashboard, the risk matrix above the risk table, the Statement of Applicability.
  DashboardCache dashboard;
  bool show_risk_matrix = false;
  RiskMatrixCache risk_matrix;
  SoaView soa;
  // Issue 4: the program timeline as a Gantt chart, the RACI matrix as an editable grid.
  TimelineCache timeline;
  RaciView raci;
  // Issue 4: the parts of the record in the editor, and the form of one of them.
  PartsView parts;
  SearchBox search;  // Ctrl+K (app/search_results.hpp, app/views/search_box.cpp)
  // Issue 4: the history of the record in the editor (app/views/record_history_panel.cpp), and
  // the navigation's counts and overdue flags, both read once per change of the data.
  HistoryView history;
  RegisterCountsCache register_counts;
};

}  // namespace isms::app
