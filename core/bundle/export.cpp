#include "core/bundle/export.hpp"

#include <type_traits>

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
  const WorkspaceMeta meta = workspace.meta();
  Bundle bundle;
  bundle.app_version = app_version;
  bundle.exported_by = options.exported_by.empty() ? meta.consultant : options.exported_by;
  bundle.exported_at = workspace.clock().now_utc();
  bundle.replica_id = local_replica_id(db);
  bundle.workspace = {meta.id, meta.name, meta.client};
  bundle.attachments_included = options.include_attachments;

  std::size_t total = 0;
  for (const EntityDef& def : workspace.registry().all()) total += count_all(db, def);
  bundle.records.reserve(total);
  const std::map<std::int64_t, std::string> replicas = replica_ids(db);
  std::size_t done = 0;
  for (const EntityDef& def : workspace.registry().all()) {
    // The vectors come with the rows, in one pass over each register.
    Statement query = db.prepare("SELECT r.*, v.versions FROM (" + select_sql(def) +
                                 ") r LEFT JOIN field_versions v ON v.record_id = r.id ORDER BY r.created_at, r.id");
    const int versions_column = query.column_count() - 1;
    while (query.step()) {
      Record record = read_record(def, query);
      BundleRecord out;
      out.kind = def.kind;
      out.id = std::move(record.id);
      out.created_at = std::move(record.created_at);
      out.created_by = std::move(record.created_by);
      out.updated_at = std::move(record.updated_at);
      out.updated_by = std::move(record.updated_by);
      out.revision = record.revision;
      out.deleted = record.deleted;
      out.fields = std::move(record.fields);
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

}  // namespace isms::bundle
