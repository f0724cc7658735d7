#pragma once
// A record's history as the editor shows it (issue 4, item 3: "who changed what, when"): the
// history rows of core (one per field written) grouped by change set, newest first, each with
// its author and time, what it was ("Edited", "Merged bundle from ...", "Undo: ..."), and one
// line per field, in the form's order, in words: "Status: Open → Closed", with option labels,
// linked records' titles and "(empty)" for no value. Creation, deletion and restoring are sentences of their own.
// Pure (no ImGui): app/views/record_history_panel.cpp draws it, tests/app checks it.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "core/model/entity.hpp"
#include "core/report/table_text.hpp"
#include "core/store/record.hpp"
#include "core/store/repository.hpp"

namespace isms::app {

// One line of a change set: "Title: Old → New", or a sentence ("Created", "Deleted", "Restored").
// Long values are shortened in `text`; `full` holds them whole (for a tooltip) and equals `text`
// when nothing was shortened.
struct HistoryLine {
  std::string text, full;
};

struct HistoryGroup {
  std::string change_set;
  std::string author, at;  // as stored: the author's name, UTC "YYYY-MM-DDTHH:MM:SSZ"
  std::string what;        // "Created", "Edited", "Deleted", "Restored", or the change set's own description
  std::vector<HistoryLine> lines;
};

inline constexpr std::size_t kHistoryValueLength = 60;  // code points of a value shown in a line

// Groups `entries` (one record's rows, oldest first, as Repository::history gives them) by
// change set, newest first. `descriptions` are the change sets' descriptions by id (a missing
// one counts as an edit); values are read with the field's definition and shown as the
// record's table shows them (report::cell_text), so links read as titles.
std::vector<HistoryGroup> group_history(const EntityDef& def, const std::vector<HistoryEntry>& entries,
                                        const std::map<std::string, std::string>& descriptions,
                                        report::TitleCache& titles);

// The descriptions of the change sets that wrote the record, in one query.
std::map<std::string, std::string> change_set_descriptions(const Repository& records, const std::string& record_id);

// Both together: the record's history, read from the workspace.
std::vector<HistoryGroup> read_record_history(const Repository& records, const EntityDef& def,
                                              const std::string& record_id);

// A value for a line: at most `length` code points, cut with "…", on one line.
std::string shortened(const std::string& text, std::size_t length = kHistoryValueLength);

// The editor's History section: the groups read for one record, again only when the record or
// the data changes (Session::data_revision), and how many of them are shown (newest first; "Show
// older" shows more).
struct HistoryView {
  static constexpr std::size_t kPage = 100;  // change sets shown at first, and added by "Show older"
  std::string workspace_id, record_id;
  std::uint64_t read_at = std::numeric_limits<std::uint64_t>::max();
  std::vector<HistoryGroup> groups;
  std::size_t shown = kPage;
  std::size_t reads = 0;  // how often the history was read: the tests' proof that frames reuse it
};

// Reads the history into `view` unless it holds this record's at this revision already;
// another record starts again from the newest kPage change sets.
void refresh_history(HistoryView& view, const Repository& records, const EntityDef& def, const std::string& workspace_id,
                     const std::string& record_id, std::uint64_t revision);

}  // namespace isms::app
