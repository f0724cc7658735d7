#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/bundle/bundle.hpp"
#include "core/bundle/definition_index.hpp"
#include "core/store/field_versions.hpp"

// Writing a bundle's JSON text one piece at a time (internal to core/bundle): to_json writes a
// Bundle held in memory with it, and BundleExport (export.hpp) writes the workspace's rows
// straight into it, so a large workspace is never held twice (as a Bundle and as text).
namespace isms::bundle {

class BundleTextWriter {
 public:
  // `expected_size` is a guess of the text's length, reserved up front so a 100 MB text is not
  // copied while it grows.
  BundleTextWriter(const Registry& registry, std::size_t expected_size);

  // The header and everything up to the first record. `header`'s records and attachments are
  // not read.
  void begin(const Bundle& header);
  // One record, with its vectors from record.versions.
  void record(const BundleRecord& record);
  // One record whose `versions` are left empty and whose vectors are given as stored, numbered by
  // `replica_ids` (a file's replicas): an export writes them without building the named form.
  void record(const BundleRecord& record, const NumberedVersions& versions,
              const std::map<std::int64_t, std::string>& replica_ids);
  // After the last record.
  void begin_attachments();
  void attachment(const BundleAttachment& attachment);
  // Closes the document and fills in the checksum; the writer is spent.
  std::string finish();

  std::size_t size() const { return out_.size(); }

 private:
  struct VersionEntry {
    const std::string* replica;
    const std::string* field;
    std::uint64_t count;
  };

  void record_start(const DefinitionIndex::Register& found, const BundleRecord& record);
  void write_versions(const BundleRecord& record);
  void field_value(const EntityDef& def, const BundleRecord& record, const FieldDef& field, const Value& value);
  const DefinitionIndex::Register& register_of(const BundleRecord& record) const;
  void text(const std::string& value, const char* what);
  void record_text(const BundleRecord& record, const std::string& value, const char* member);

  DefinitionIndex index_;
  std::string out_;
  std::size_t checksum_at_ = 0, content_begin_ = 0;
  std::size_t records_ = 0, attachments_ = 0;
  std::vector<VersionEntry> entries_;  // one record's versions, reused from record to record
};

}  // namespace isms::bundle
