#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "core/bundle/bundle.hpp"
#include "core/workspace/workspace.hpp"

namespace isms::bundle {

struct ExportOptions {
  bool include_attachments = true;  // the attachments' bytes; their digests and sizes always go
  std::string exported_by;          // a person's name; the workspace's consultant when empty
  // Called now and then with how many records are done out of how many (tombstones included),
  // and once at the end with done == total: the interface's progress bar.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

// The whole workspace as a Bundle: every record of every register, tombstones too, with every
// stored field (computed ones included, for readers; the merge derives them again) and the
// fields' version vectors; the workspace's identity and this copy's replica id; the app version
// and the time (from the workspace's Clock); the contents attachment records refer to, with
// their bytes when asked. Writes nothing. StoreError if an attachment's stored bytes are
// damaged (BlobStore::get); bytes that are missing are left out of the bundle.
Bundle export_bundle(const Workspace& workspace, const ExportOptions& options = {});

}  // namespace isms::bundle
