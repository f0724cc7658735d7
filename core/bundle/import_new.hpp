#pragma once

#include <memory>
#include <string>

#include "core/bundle/bundle.hpp"
#include "core/store/storage_observer.hpp"
#include "core/util/clock.hpp"
#include "core/workspace/workspace.hpp"

namespace isms::bundle {

// A bundle of a workspace that does not exist here becomes a new workspace in `dir` (an empty
// folder): the bundle's workspace id, every record of the bundle (tombstones too) with its
// vectors, and the attachment contents it carries. Nothing is seeded on top: the bundle's
// catalog records are the catalog. The new file is a new replica (its own random id), so its
// writes are never confused with the exporting copy's. One transaction, one change set
// "Imported from bundle of <exported_by>, exported <exported_at>"; every live record must pass
// its register's rules (MergeError naming it, and no workspace is made).
std::unique_ptr<Workspace> import_as_new_workspace(const std::string& dir, const Bundle& bundle, const Clock& clock,
                                                   StorageObserver* observer);

}  // namespace isms::bundle
