#pragma once

#include <cstddef>

#include "core/workspace/workspace.hpp"

namespace isms::bench {

struct BundleBenchResult {
  std::size_t records = 0;      // records in the exported bundle (tombstones too)
  bool merged_nothing = false;  // merging the workspace's own bundle back changed nothing
  bool within_budget = false;   // export, import and memory within issue 5's budgets
};

// Issue 5: sharing the workspace. Exports it as the app does (BundleExport in slices), reads and
// checks the text (from_json), previews and merges it back into the workspace it came from
// (every record compared, nothing to change: the full cost of a preview and a merge), and tries
// the export with attachments. Prints one row per step with the memory held after it.
BundleBenchResult bench_bundles(Workspace& workspace);

// The most memory the process held: for the WebAssembly run, the size the heap grew to (it never
// shrinks), whose budget is 512 MB; natively, the peak resident set.
double peak_memory_mb();

}  // namespace isms::bench
