#include "core/bundle/export.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <type_traits>

#include "core/bundle/bundle_json.hpp"
#include "core/bundle/bundle_writer.hpp"

#include "core/store/field_versions.hpp"
#include "core/store/record_rows.hpp"
#include "core/store/sql_text.hpp"
#include "core/version.hpp"

namespace isms::bundle {
namespace {

static_assert(std::is_same_v<VersionVector, isms::VersionVector>, "the bundle carries the store's vectors as they are");

constexpr std::size_t progress_step = 1000;  // records between two progress calls

std::size_t count_all(const Database& db, const EntityDef& def) {
  Statement query = db.prepare("SELECT count(*) FROM " + quote_identifier(def.table()));
  query.step();
  return static_cast<std::size_t>(query.column_int64(0));
}

// A register's rows with their vectors, in one pass over each register, in the order the file
// holds them (the order they were added: sorting by creation time took half the export's time).
Statement rows_of(const Database& db, const EntityDef& def) {
  return db.prepare("SELECT r.*, v.versions FROM (" + select_sql(def) +
                    ") r LEFT JOIN field_versions v ON v.record_id = r.id");
}

void fill(BundleRecord& out, const EntityDef& def, Record record) {
  out.kind = def.kind;
  out.id = std::move(record.id);
  out.created_at = std::move(record.created_at);
  out.created_by = std::move(record.created_by);
  out.updated_at = std::move(record.updated_at);
  out.updated_by = std::move(record.updated_by);
  out.revision = record.revision;
  out.deleted = record.deleted;
  out.fields = std::move(record.fields);
}

// Who exports what, and when: everything of a bundle but its records and attachments.
Bundle header_of(const Workspace& workspace, const ExportOptions& options) {
  const WorkspaceMeta meta = workspace.meta();
  Bundle header;
  header.app_version = app_version;
  header.exported_by = options.exported_by.empty() ? meta.consultant : options.exported_by;
  header.exported_at = workspace.clock().now_utc();
  header.replica_id = local_replica_id(workspace.records().database());
  header.workspace = {meta.id, meta.name, meta.client};
  header.attachments_included = options.include_attachments;
  return header;
}

// The bytes of every distinct content attachment records name.
std::uint64_t attachment_bytes(const Database& db) {
  Statement sizes = db.prepare(
      "SELECT sum(size) FROM (SELECT max(size) AS size FROM rec_attachment WHERE sha256 IS NOT NULL GROUP BY sha256)");
  sizes.step();
  return static_cast<std::uint64_t>(sizes.column_int64(0));
}

std::string megabytes(std::uint64_t bytes) { return std::to_string((bytes + 1024 * 1024 - 1) / (1024 * 1024)); }

RecordVersions versions_by_id(const std::map<std::int64_t, std::string>& replicas, const NumberedVersions& numbered) {
  RecordVersions versions;
  for (const auto& [field, vector] : numbered) {
    VersionVector& named = versions[field];
    for (const auto& [replica, count] : vector) {
      const auto id = replicas.find(replica);
      if (id == replicas.end()) throw StoreError("The version information names an unknown copy of this workspace.");
      named[id->second] = count;
    }
  }
  return versions;
}

// The contents attachment records refer to (deleted ones too: restoring one needs its bytes).
std::vector<BundleAttachment> attachments_of(const Workspace& workspace, bool with_bytes) {
  std::vector<BundleAttachment> attachments;
  Statement query = workspace.records().database().prepare(
      "SELECT sha256, max(size) FROM rec_attachment WHERE sha256 IS NOT NULL GROUP BY sha256 ORDER BY sha256");
  while (query.step()) {
    BundleAttachment attachment;
    attachment.sha256 = query.column_text(0);
    attachment.size = static_cast<std::uint64_t>(query.column_int64(1));
    if (with_bytes) attachment.bytes = workspace.blobs().get(attachment.sha256);
    attachments.push_back(std::move(attachment));
  }
  return attachments;
}

}  // namespace

Bundle export_bundle(const Workspace& workspace, const ExportOptions& options) {
  const Database& db = workspace.records().database();
  Bundle bundle = header_of(workspace, options);

  std::size_t total = 0;
  for (const EntityDef& def : workspace.registry().all()) total += count_all(db, def);
  bundle.records.reserve(total);
  const std::map<std::int64_t, std::string> replicas = replica_ids(db);
  std::size_t done = 0;
  for (const EntityDef& def : workspace.registry().all()) {
    Statement query = rows_of(db, def);
    const int versions_column = query.column_count() - 1;
    while (query.step()) {
      BundleRecord out;
      fill(out, def, read_record(def, query));
      if (!query.column_is_null(versions_column)) {
        out.versions = versions_by_id(replicas, parse_versions(query.column_text(versions_column)));
      }
      bundle.records.push_back(std::move(out));
      if (++done % progress_step == 0 && options.progress) options.progress(done, total);
    }
  }
  bundle.attachments = attachments_of(workspace, options.include_attachments);
  if (options.progress) options.progress(done, done);
  return bundle;
}

BundleExport::BundleExport(const Workspace& workspace, ExportOptions options)
    : workspace_(workspace), options_(std::move(options)) {
  const Database& db = workspace.records().database();
  for (const EntityDef& def : workspace.registry().all()) total_ += count_all(db, def);
  Statement contents = db.prepare("SELECT count(DISTINCT sha256) FROM rec_attachment WHERE sha256 IS NOT NULL");
  contents.step();
  total_ += static_cast<std::size_t>(contents.column_int64(0));
  const Bundle header = header_of(workspace, options_);
  replicas_ = replica_ids(db);
  // About 550 bytes a record in the issue-3 workspace; a guess a little above it is reserved so
  // the text is not copied while it grows (which would briefly need half as much again).
  // The attachments' bytes, in base64, are known exactly.
  constexpr std::size_t bytes_per_record = 600;
  const std::uint64_t files = options_.include_attachments ? (attachment_bytes(db) + 2) / 3 * 4 : 0;
  const std::uint64_t expected = 4096 + total_ * bytes_per_record + files;
  writer_ = std::make_unique<BundleTextWriter>(
      workspace.registry(), static_cast<std::size_t>(std::min<std::uint64_t>(expected, max_bundle_bytes + 4096)));
  writer_->begin(header);
}

BundleExport::~BundleExport() = default;

bool BundleExport::step(std::size_t max_records) {
  const std::vector<EntityDef>& all = workspace_.registry().all();
  const Database& db = workspace_.records().database();
  for (std::size_t written = 0; phase_ != Phase::Done && written < max_records;) {
    if (phase_ == Phase::Records) {
      if (!rows_) {
        if (register_ == all.size()) {
          start_attachments();
          continue;
        }
        rows_.emplace(rows_of(db, all[register_]));
      }
      if (!rows_->step()) {
        rows_.reset();
        ++register_;
        continue;
      }
      const EntityDef& def = all[register_];
      const int versions_column = rows_->column_count() - 1;
      fill(record_, def, read_record(def, *rows_));
      if (rows_->column_is_null(versions_column)) {
        writer_->record(record_, {}, replicas_);
      } else {
        writer_->record(record_, parse_versions(rows_->column_text(versions_column)), replicas_);
      }
    } else {
      if (!attachments_->step()) {
        attachments_.reset();
        phase_ = Phase::Done;
        continue;
      }
      BundleAttachment attachment;
      attachment.sha256 = attachments_->column_text(0);
      attachment.size = static_cast<std::uint64_t>(attachments_->column_int64(1));
      if (options_.include_attachments) {
        attachment.bytes = workspace_.blobs().get(attachment.sha256);
        if (!attachment.bytes) ++missing_;
      }
      writer_->attachment(attachment);
    }
    ++done_;
    ++written;
    check_size();
  }
  if (options_.progress) options_.progress(done_, total_);
  return phase_ == Phase::Done;
}

// The contents attachment records refer to (deleted ones too: restoring one needs its bytes),
// one at a time: only one file's bytes are in memory besides the text. A bundle that would be
// too large is refused before any file is read.
void BundleExport::start_attachments() {
  writer_->begin_attachments();
  const Database& db = workspace_.records().database();
  if (options_.include_attachments) {
    const std::uint64_t expected = writer_->size() + (attachment_bytes(db) + 2) / 3 * 4;
    if (expected > max_bundle_bytes) {
      throw BundleError(BundleErrorCode::TooLarge,
                        "With its attachments the bundle would be about " + megabytes(expected) +
                            " MB, more than the " + megabytes(max_bundle_bytes) +
                            " MB a bundle may be. Export it without attachments and send the files another way.");
    }
  }
  attachments_.emplace(db.prepare(
      "SELECT sha256, max(size) FROM rec_attachment WHERE sha256 IS NOT NULL GROUP BY sha256 ORDER BY sha256"));
  phase_ = Phase::Attachments;
}

void BundleExport::check_size() const {
  if (writer_->size() <= max_bundle_bytes) return;
  throw BundleError(
      BundleErrorCode::TooLarge,
      "The bundle would be more than the " + megabytes(max_bundle_bytes) + " MB a bundle may be" +
          (options_.include_attachments ? ". Export it without attachments and send the files another way."
                                        : ", which only a workspace far larger than any real one reaches."));
}

std::string BundleExport::finish() {
  if (phase_ != Phase::Done) throw std::logic_error("BundleExport::finish before the last step");
  return writer_->finish();
}

std::string export_bundle_text(const Workspace& workspace, const ExportOptions& options) {
  BundleExport run(workspace, options);
  while (!run.step(std::numeric_limits<std::size_t>::max())) {
  }
  return run.finish();
}

}  // namespace isms::bundle
