#include "core/bundle/import_new.hpp"

#include <filesystem>
#include <optional>
#include <set>

#include "core/bundle/merge_engine.hpp"

namespace isms::bundle {
namespace {

// The consultant of the bundle's workspace details: the author of the new workspace.
std::string consultant_of(const Bundle& bundle) {
  for (const BundleRecord& record : bundle.records) {
    if (record.kind != Workspace::meta_kind || record.id != bundle.workspace.id) continue;
    const auto consultant = record.fields.find("consultant");
    if (consultant != record.fields.end()) return to_display(consultant->second);
  }
  throw MergeError(
      "The bundle has no details of its workspace (name, client), so it cannot become a workspace. Ask "
      "for it to be exported again.");
}

}  // namespace

std::unique_ptr<Workspace> import_as_new_workspace(const std::string& dir, const Bundle& bundle, const Clock& clock,
                                                   StorageObserver* observer) {
  const std::string author = consultant_of(bundle);
  const std::string description = "Imported from bundle of " + bundle.exported_by + ", exported " + bundle.exported_at;
  const Resolutions none;
  std::optional<std::set<std::string>> stored_before;
  try {
    return Workspace::create_filled(dir, bundle.workspace.id, author, clock, observer, [&](Workspace& workspace) {
      stored_before = workspace.blobs().digests();
      detail::MergeRun(workspace, bundle, none, detail::MergeMode::Import, description, MergeOptions{}).run();
    });
  } catch (...) {
    // The file is gone; contents stored for it go too (the run takes back its own, but the
    // commit of the new file may fail after it).
    if (stored_before) {
      BlobStore leftover((std::filesystem::path(dir) / "blobs").string());
      for (const std::string& digest : leftover.digests()) {
        if (stored_before->count(digest) == 0) leftover.remove(digest);
      }
    }
    throw;
  }
}

}  // namespace isms::bundle
