// Bundle -> JSON text (bundle_json.hpp, bundle_writer.hpp). Written straight into one string,
// reserved up front, with the checksum patched in at the end: no document model, no second copy.

#include <algorithm>
#include <cstdint>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/bundle/bundle_format.hpp"
#include "core/bundle/bundle_json.hpp"
#include "core/bundle/bundle_writer.hpp"
#include "core/bundle/json_text.hpp"
#include "core/model/links.hpp"
#include "core/util/base64.hpp"
#include "core/util/number_text.hpp"
#include "core/util/sha256.hpp"
#include "core/util/utf8.hpp"

namespace isms::bundle {
namespace {

constexpr std::size_t sha256_hex_length = 64;

// A generous guess of the text's size, so the string is allocated once instead of doubling
// (which for a 100 MB bundle would briefly need 150 MB more).
std::size_t estimated_size(const Bundle& bundle) {
  std::size_t size = 1024;
  for (const BundleRecord& record : bundle.records) {
    size += 220 + record.kind.size() + record.id.size() + record.created_by.size() + record.updated_by.size();
    for (const auto& [key, value] : record.fields) {
      size += key.size() + 8;
      if (const auto* text = std::get_if<std::string>(&value))
        size += text->size() + text->size() / 8;
      else
        size += 24;
    }
    for (const auto& [key, vector] : record.versions) size += (key.size() + 24) * vector.size();
    size += 100;  // the replica ids, once per record
  }
  for (const BundleAttachment& attachment : bundle.attachments) {
    size += 120 + (attachment.bytes ? (attachment.bytes->size() + 2) / 3 * 4 : 0);
  }
  return size;
}

[[noreturn]] void refuse(const std::string& problem) {
  throw std::invalid_argument(problem + ", so the bundle cannot be written.");
}

std::string where(const EntityDef& def, const BundleRecord& record) {
  return "Record " + record.id + " (" + def.plural + ")";
}

}  // namespace

BundleTextWriter::BundleTextWriter(const Registry& registry, std::size_t expected_size) : index_(registry) {
  out_.reserve(expected_size);
}

void BundleTextWriter::begin(const Bundle& header) {
  out_.append("{\"format\":");
  text(header.format, "format");
  out_.append(",\"format_version\":");
  append_json_integer(out_, header.version);
  out_.append(",\"app_version\":");
  text(header.app_version, "app_version");
  out_.append(",\"checksum\":\"").append(format::checksum_prefix);
  checksum_at_ = out_.size();
  out_.append(sha256_hex_length, '0');  // replaced once the content is written
  out_.append("\",\"content\":");
  content_begin_ = out_.size();
  out_.append("{\"exported_by\":");
  text(header.exported_by, "exported_by");
  out_.append(",\"exported_at\":");
  text(header.exported_at, "exported_at");
  out_.append(",\"replica_id\":");
  text(header.replica_id, "replica_id");
  out_.append(",\"workspace\":{\"id\":");
  text(header.workspace.id, "workspace id");
  out_.append(",\"name\":");
  text(header.workspace.name, "workspace name");
  out_.append(",\"client\":");
  text(header.workspace.client, "workspace client");
  out_.append("},\"attachments_included\":").append(header.attachments_included ? "true" : "false");
  out_.append(",\"records\":[");
}

const DefinitionIndex::Register& BundleTextWriter::register_of(const BundleRecord& record) const {
  const DefinitionIndex::Register* found = index_.find(record.kind);
  if (found == nullptr) {
    refuse("Record " + record.id + " belongs to the register \"" + record.kind + "\", which does not exist");
  }
  return *found;
}

void BundleTextWriter::record(const BundleRecord& record) {
  const DefinitionIndex::Register& found = register_of(record);
  record_start(found, record);
  entries_.clear();
  for (const auto& [key, vector] : record.versions) {
    if (key != deleted_field && found.field(key) == nullptr) {
      refuse(where(*found.def, record) + " has versions of the field \"" + key + "\", which " + found.def->plural +
             " do not have");
    }
    for (const auto& [replica, count] : vector) entries_.push_back({&replica, &key, count});
  }
  write_versions(record);
}

void BundleTextWriter::record(const BundleRecord& record, const NumberedVersions& versions,
                              const std::map<std::int64_t, std::string>& replica_ids) {
  const DefinitionIndex::Register& found = register_of(record);
  record_start(found, record);
  entries_.clear();
  for (const auto& [key, vector] : versions) {
    if (key != deleted_field && found.field(key) == nullptr) {
      refuse(where(*found.def, record) + " has versions of the field \"" + key + "\", which " + found.def->plural +
             " do not have");
    }
    for (const auto& [number, count] : vector) {
      const auto id = replica_ids.find(number);
      if (id == replica_ids.end()) {
        throw StoreError("The version information of record " + record.id +
                         " names an unknown copy of this workspace.");
      }
      entries_.push_back({&id->second, &key, count});
    }
  }
  write_versions(record);
}

void BundleTextWriter::record_start(const DefinitionIndex::Register& found, const BundleRecord& record) {
  const EntityDef& def = *found.def;
  // One record per line: a person can read and diff a bundle, at one byte per record.
  out_.append(records_++ == 0 ? "\n" : ",\n");
  out_.append("{\"kind\":");
  record_text(record, record.kind, "kind");
  out_.append(",\"id\":");
  record_text(record, record.id, "id");
  out_.append(",\"created_at\":");
  record_text(record, record.created_at, "created_at");
  out_.append(",\"created_by\":");
  record_text(record, record.created_by, "created_by");
  out_.append(",\"updated_at\":");
  record_text(record, record.updated_at, "updated_at");
  out_.append(",\"updated_by\":");
  record_text(record, record.updated_by, "updated_by");
  out_.append(",\"revision\":");
  append_json_integer(out_, record.revision);
  out_.append(",\"deleted\":").append(record.deleted ? "true" : "false");
  out_.append(",\"fields\":{");
  bool first = true;
  for (const auto& [key, value] : record.fields) {
    const FieldDef* field = found.field(key);
    if (field == nullptr)
      refuse(where(def, record) + " has the field \"" + key + "\", which " + def.plural + " do not have");
    if (!first) out_.push_back(',');
    first = false;
    append_json_string(out_, key);
    out_.push_back(':');
    field_value(def, record, *field, value);
  }
  out_.append("},\"versions\":{");
}

// Written replica by replica, {"<replica>":{"<field>":<writes>,...},...}: a record's fields
// mostly share their one or two replicas, and naming a 36-character replica id once per record
// instead of once per field makes a bundle a third smaller. entries_ holds the record's vectors,
// by field (as the maps give them).
void BundleTextWriter::write_versions(const BundleRecord& record) {
  // By replica; within one, by field.
  std::stable_sort(entries_.begin(), entries_.end(),
                   [](const VersionEntry& a, const VersionEntry& b) { return *a.replica < *b.replica; });
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const bool new_replica = i == 0 || *entries_[i].replica != *entries_[i - 1].replica;
    if (new_replica) {
      if (i != 0) out_.append("},");
      record_text(record, *entries_[i].replica, "versions");
      out_.append(":{");
    } else {
      out_.push_back(',');
    }
    append_json_string(out_, *entries_[i].field);
    out_.push_back(':');
    append_json_unsigned(out_, entries_[i].count);
  }
  if (!entries_.empty()) out_.push_back('}');
  out_.append("}}");
}

void BundleTextWriter::field_value(const EntityDef& def, const BundleRecord& record, const FieldDef& field,
                                   const Value& value) {
  if (is_null(value)) {
    out_.append("null");
    return;
  }
  const std::string* text_value = std::get_if<std::string>(&value);
  if (field.type == FieldType::LinkList) {
    std::optional<std::vector<std::string>> ids;
    if (text_value != nullptr) ids = parse_link_list(*text_value);
    if (!ids) refuse(where(def, record) + ": field \"" + field.label + "\" does not hold a list of record ids");
    std::sort(ids->begin(), ids->end());  // the canonical order (core/model/links.hpp)
    ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
    out_.push_back('[');
    for (std::size_t i = 0; i < ids->size(); ++i) {
      if (i != 0) out_.push_back(',');
      append_json_string(out_, (*ids)[i]);  // UTF-8: parse_link_list only accepts valid JSON text
    }
    out_.push_back(']');
  } else if (is_text_type(field.type)) {
    if (text_value == nullptr) refuse(where(def, record) + ": field \"" + field.label + "\" does not hold text");
    if (!is_valid_utf8(*text_value)) {
      refuse(where(def, record) + ": field \"" + field.label + "\" holds bytes that are not UTF-8 text");
    }
    append_json_string(out_, *text_value);
  } else if (is_integer_type(field.type)) {
    const auto* integer = std::get_if<std::int64_t>(&value);
    if (integer == nullptr) {
      refuse(where(def, record) + ": field \"" + field.label + "\" does not hold a whole number");
    }
    append_json_integer(out_, *integer);
  } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
    append_json_integer(out_, *integer);
  } else {
    const auto* real = std::get_if<double>(&value);
    if (real == nullptr || !std::isfinite(*real)) {
      refuse(where(def, record) + ": field \"" + field.label + "\" does not hold a finite number");
    }
    out_.append(format_double(*real));
  }
}

void BundleTextWriter::begin_attachments() {
  out_.append(records_ == 0 ? "]" : "\n]");
  out_.append(",\"attachments\":[");
}

void BundleTextWriter::attachment(const BundleAttachment& attachment) {
  out_.append(attachments_++ == 0 ? "\n" : ",\n");
  out_.append("{\"sha256\":");
  text(attachment.sha256, "attachment sha256");
  out_.append(",\"size\":");
  append_json_unsigned(out_, attachment.size);
  if (attachment.bytes) {
    out_.append(",\"bytes\":\"");
    append_base64(out_, *attachment.bytes);
    out_.push_back('"');
  }
  out_.push_back('}');
}

std::string BundleTextWriter::finish() {
  out_.append(attachments_ == 0 ? "]" : "\n]");
  out_.push_back('}');
  const std::size_t content_end = out_.size();
  out_.append("}\n");
  const std::string digest = sha256_hex(std::string_view(out_).substr(content_begin_, content_end - content_begin_));
  out_.replace(checksum_at_, sha256_hex_length, digest);
  return std::move(out_);
}

// Every string is checked: a bundle with bytes that are not UTF-8 would be refused by every
// reader, ours included, so it is better not written at all.
void BundleTextWriter::text(const std::string& value, const char* what) {
  if (!is_valid_utf8(value)) refuse("The bundle's " + std::string(what) + " holds bytes that are not UTF-8 text");
  append_json_string(out_, value);
}

void BundleTextWriter::record_text(const BundleRecord& record, const std::string& value, const char* member) {
  if (!is_valid_utf8(value)) {
    refuse("Record " + record.id + ": \"" + std::string(member) + "\" holds bytes that are not UTF-8 text");
  }
  append_json_string(out_, value);
}

std::string to_json(const Bundle& bundle, const Registry& registry) {
  BundleTextWriter writer(registry, estimated_size(bundle));
  writer.begin(bundle);
  for (const BundleRecord& record : bundle.records) writer.record(record);
  writer.begin_attachments();
  for (const BundleAttachment& attachment : bundle.attachments) writer.attachment(attachment);
  return writer.finish();
}

}  // namespace isms::bundle
