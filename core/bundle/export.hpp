#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/bundle/bundle.hpp"
#include "core/store/sqlite.hpp"
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

class BundleTextWriter;

// The same export written straight to the bundle's JSON text (bundle_json.hpp), a slice of
// records at a time, so the interface can draw a progress bar between slices and a large
// workspace is never held in memory twice (as a Bundle and as its text). Reads the workspace
// between steps: nothing may write to it until the export is finished or dropped.
//   BundleExport run(workspace, options);
//   while (!run.step(2000)) draw_progress(run.done(), run.total());
//   std::string text = run.finish();
// BundleError (TooLarge) as soon as the text would be larger than a bundle may be
// (max_bundle_bytes): nobody could import it. StoreError for damaged stored data.
class BundleExport {
 public:
  BundleExport(const Workspace& workspace, ExportOptions options);
  ~BundleExport();
  BundleExport(const BundleExport&) = delete;
  BundleExport& operator=(const BundleExport&) = delete;

  // Writes up to `max_records` more records or attachment contents; true when all is written.
  bool step(std::size_t max_records);
  std::size_t done() const { return done_; }
  std::size_t total() const { return total_; }
  // Attachments whose bytes were asked for but are not stored here: left out (digest and size
  // still go, so the receiver knows of them).
  std::size_t attachments_missing() const { return missing_; }
  // The bundle's text, once step() returned true.
  std::string finish();

 private:
  enum class Phase { Records, Attachments, Done };
  void start_attachments();
  void check_size() const;

  const Workspace& workspace_;
  ExportOptions options_;
  std::unique_ptr<BundleTextWriter> writer_;
  std::map<std::int64_t, std::string> replicas_;
  std::size_t register_ = 0;              // the register being read (index in registry().all())
  std::optional<Statement> rows_;         // its rows, with their vectors
  std::optional<Statement> attachments_;  // the contents, once the records are written
  BundleRecord record_;                   // reused from row to row
  std::size_t done_ = 0, total_ = 0, missing_ = 0;
  Phase phase_ = Phase::Records;
};

// BundleExport run to the end.
std::string export_bundle_text(const Workspace& workspace, const ExportOptions& options = {});

}  // namespace isms::bundle
