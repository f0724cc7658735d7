#pragma once
// Two tabs of one browser share the list of workspaces: one SQLite file (catalog.sqlite) in one
// IndexedDB database, which each tab loads into memory and writes back whole. Without care the
// second tab to write back would erase a workspace the first one created meanwhile. So before a
// tab writes the list back, it folds in what another tab wrote since the copy both started from:
// a three-way merge, row by row and field by field.

#include <array>
#include <optional>
#include <string>

namespace isms::catalog_merge {

// The file name of the list inside its folder (WorkspaceCatalog::catalog_dir): the browser layer
// names the file it merges with it.
inline constexpr const char* catalog_file_name = "catalog.sqlite";

// One row of the table `workspaces`: id, name, client, consultant, created_at, updated_at,
// trashed_at (NULL = not in the trash).
using Row = std::array<std::optional<std::string>, 7>;

// The row after a merge, or nullopt for "no such row". Whatever one side left as it was in
// `base` takes the other side's version (a new row, an edit, a deletion). When both changed it,
// a deletion wins (a workspace deleted for good has no folder any more); otherwise each field
// takes the side that changed it (ours when both did), and the last change time is the later one.
std::optional<Row> merge_row(const std::optional<Row>& base, const std::optional<Row>& ours,
                             const std::optional<Row>& theirs);

// Folds into the list at `ours_path` (which may be open elsewhere, idle) what the list at
// `theirs_path` holds, relative to `base_path` ("" when there was no common copy). Settings merge
// the same way, and a key both sides made anew takes theirs (what was saved first stays, so two
// tabs started together agree on one device id). One transaction; StoreError (nothing changed)
// on failure.
void merge_files(const std::string& ours_path, const std::string& base_path, const std::string& theirs_path);

}  // namespace isms::catalog_merge
