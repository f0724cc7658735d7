#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "core/model/field_builder.hpp"
#include "core/model/registers/registers.hpp"
#include "core/model/value_access.hpp"

namespace isms::registers {
namespace {

bool is_sha256_hex(const std::string& text) {
  return text.size() == 64 &&
         std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::optional<FieldError> digest_format(const Values& values) {
  const std::string* digest = text_at(values, "sha256");
  if (digest == nullptr || is_sha256_hex(*digest)) return std::nullopt;
  return FieldError{"sha256", "SHA-256 must be 64 lowercase hexadecimal digits."};
}

// What the bytes are (their digest and size) and whose evidence they are never change: a new
// file is a new attachment. Editing them would let the record name bytes that are not there, or
// hide bytes from the workspace's limit.
std::optional<FieldError> facts_unchanged(const RecordContext& context, const std::string& id, const Values& values) {
  const std::optional<Record> stored = context.find("attachment", id);
  if (!stored) return std::nullopt;
  for (const auto& [key, label] : {std::pair<const char*, const char*>{"sha256", "SHA-256"},
                                   {"size", "Size (bytes)"},
                                   {"record", "Attached to"}}) {
    if (stored->get(key) != value_at(values, key)) {
      return FieldError{key, std::string(label) + " cannot change: attach the file again instead."};
    }
  }
  return std::nullopt;
}

}  // namespace

// Evidence: a file attached to any record. The record holds what a list shows and what proves
// the file unchanged (its SHA-256); the bytes live outside the workspace's SQLite file, named by
// that digest (core/attachments/), so saving an edit never rewrites them and the same file
// attached twice is stored once. Who added it and when are the record's own created_by/_at.
// Part of the record it is attached to: deleted and restored with it.
EntityDef attachment() {
  EntityDef def;
  def.kind = "attachment";
  def.label = "Attachment";
  def.plural = "Attachments";
  def.title_field = "name";
  def.fields = {
      field("record", "Attached to", FieldType::Link).links_to_any().part_of_target().required(),
      field("name", "File name", FieldType::Text).required().max_length(255),
      field("media_type", "Type", FieldType::Text).max_length(100).help("e.g. application/pdf"),
      field("size", "Size (bytes)", FieldType::Integer).required().range(0, 25.0 * 1024 * 1024),
      field("sha256", "SHA-256", FieldType::Text).required().max_length(64),
      field("note", "Note", FieldType::LongText),
  };
  def.checks = {digest_format};
  def.context_checks = {facts_unchanged};
  return def;
}

}  // namespace isms::registers
