#include "core/bundle/bundle_sax.hpp"

#include <limits>

#include <algorithm>
#include <array>
#include <utility>

#include "core/bundle/bundle_format.hpp"
#include "core/bundle/field_reader.hpp"
#include "core/util/base64.hpp"
#include "core/util/sha256.hpp"
#include "core/util/utf8.hpp"
#include "core/version.hpp"

namespace isms::bundle {
namespace {

// The members of the format's closed objects, in the order the writer writes them.
constexpr std::array<std::string_view, 5> top_members = {"format", "format_version", "app_version", "checksum",
                                                         "content"};
enum Top { kFormat, kFormatVersion, kAppVersion, kChecksum, kContent };

constexpr std::array<std::string_view, 7> content_members = {
    "exported_by", "exported_at", "replica_id", "workspace", "attachments_included", "records", "attachments"};
enum Content { kExportedBy, kExportedAt, kReplicaId, kWorkspace, kAttachmentsIncluded, kRecords, kAttachments };

constexpr std::array<std::string_view, 3> workspace_members = {"id", "name", "client"};
enum WorkspaceMember { kWorkspaceId, kWorkspaceName, kWorkspaceClient };

constexpr std::array<std::string_view, 10> record_members = {
    "kind", "id", "created_at", "created_by", "updated_at", "updated_by", "revision", "deleted", "fields", "versions"};
enum RecordMember {
  kKind,
  kId,
  kCreatedAt,
  kCreatedBy,
  kUpdatedAt,
  kUpdatedBy,
  kRevision,
  kDeleted,
  kFields,
  kVersions
};

constexpr std::array<std::string_view, 3> attachment_members = {"sha256", "size", "bytes"};
enum AttachmentMember { kSha256, kSize, kBytes };

template <std::size_t N>
int member_index(const std::array<std::string_view, N>& members, std::string_view key) {
  for (std::size_t i = 0; i < N; ++i) {
    if (key == members[i]) return static_cast<int>(i);
  }
  return -1;
}

bool seen(std::uint32_t mask, int member) { return (mask & (1u << member)) != 0; }

// The first required member missing from `mask`, or nullptr.
template <std::size_t N>
std::optional<std::string_view> first_missing(const std::array<std::string_view, N>& members, std::uint32_t mask,
                                              std::uint32_t optional = 0) {
  for (std::size_t i = 0; i < N; ++i) {
    if (!seen(mask | optional, static_cast<int>(i))) return members[i];
  }
  return std::nullopt;
}

// A member's name in quotes. (Appended, not "\"" + ...: GCC 12 warns falsely with -Wrestrict.)
std::string member(std::string_view name) {
  std::string quoted_name(1, '"');
  quoted_name.append(name).push_back('"');
  return quoted_name;
}

// Text of the wrong shape is a bad value; anything else where text belongs, or text where a number,
// true/false, an object or a list belongs, is of the wrong type.
BundleErrorCode code_for(const RawValue& raw, bool expects_text) {
  return raw.type == RawValue::Type::String && expects_text ? BundleErrorCode::BadValue : BundleErrorCode::WrongType;
}

bool is_short_text(const RawValue& raw, std::size_t limit) {
  return raw.type == RawValue::Type::String && count_code_points(raw.text) <= limit;
}

// What a member must be, for the messages of the content's and records' own members.
std::string must_be(std::string_view what, const RawValue& raw) {
  return " must be " + std::string(what) + ", not " +
         (raw.type == RawValue::Type::String ? in_quotes(raw.text) : describe(raw));
}

const std::string id_rule =
    "an id of letters, digits and _ . : - (at most " + std::to_string(format::max_id_length) + " characters)";
const std::string name_rule = "text of at most " + std::to_string(format::max_name_length) + " characters";
const std::string time_rule = std::string("a time like ") + format::timestamp_example;

}  // namespace

BundleSax::BundleSax(const Registry& registry, std::string_view text, const char* const* cursor)
    : index_(registry), text_(text), cursor_(cursor) {
  stack_.reserve(max_nesting + 1);
}

// --- the parser's callbacks ------------------------------------------------------------------

bool BundleSax::null() {
  RawValue raw;
  return value(raw);
}

bool BundleSax::boolean(bool value_) {
  RawValue raw;
  raw.type = RawValue::Type::Bool;
  raw.boolean = value_;
  return value(raw);
}

bool BundleSax::number_integer(std::int64_t value_) {
  RawValue raw;
  raw.type = RawValue::Type::Integer;
  raw.integer = value_;
  return value(raw);
}

bool BundleSax::number_unsigned(std::uint64_t value_) {
  RawValue raw;
  raw.type = RawValue::Type::Unsigned;
  raw.unsigned_integer = value_;
  return value(raw);
}

bool BundleSax::number_float(double value_, const std::string& /*text*/) {
  RawValue raw;
  raw.type = RawValue::Type::Float;
  raw.real = value_;
  return value(raw);
}

bool BundleSax::string(std::string& value_) {
  RawValue raw;
  raw.type = RawValue::Type::String;
  raw.text = std::move(value_);  // the parser clears its buffer before the next string
  return value(raw);
}

bool BundleSax::binary(nlohmann::json::binary_t& /*value*/) { return true; }  // JSON text has none

bool BundleSax::start_object(std::size_t /*size*/) { return open(false); }
bool BundleSax::start_array(std::size_t /*size*/) { return open(true); }
bool BundleSax::end_object() { return close(); }
bool BundleSax::end_array() { return close(); }

bool BundleSax::key(std::string& key) {
  Frame& frame = stack_.back();
  auto fixed = [&](const auto& members, std::string_view owner) {
    frame.member = member_index(members, key);
    if (frame.member < 0) {
      if (frame.where == Where::Record) {
        record_problem(BundleErrorCode::UnknownMember,
                       " has a member " + in_quotes(key) + " that the bundle format does not have.");
      } else if (frame.where == Where::Attachment) {
        attachment_problem(BundleErrorCode::UnknownMember,
                           " has a member " + in_quotes(key) + " that the bundle format does not have.");
      } else {
        fail(BundleErrorCode::UnknownMember,
             std::string(owner) + " has a member " + in_quotes(key) + " that the bundle format does not have.");
      }
    } else if (seen(frame.seen, frame.member)) {
      if (frame.where == Where::Record) {
        record_problem(BundleErrorCode::UnknownMember, " has the member " + in_quotes(key) + " twice.");
      } else if (frame.where == Where::Attachment) {
        attachment_problem(BundleErrorCode::UnknownMember, " has the member " + in_quotes(key) + " twice.");
      } else {
        fail(BundleErrorCode::UnknownMember, std::string(owner) + " has the member " + in_quotes(key) + " twice.");
      }
      frame.member = -1;
    } else {
      frame.seen |= 1u << frame.member;
    }
  };
  switch (frame.where) {
    case Where::Top:
      fixed(top_members, "The bundle");
      break;
    case Where::Content:
      if (!failure_) fixed(content_members, "The bundle");
      break;
    case Where::Workspace:
      if (!failure_) fixed(workspace_members, "The bundle's workspace");
      break;
    case Where::Record:
      if (!failure_) fixed(record_members, "");
      break;
    case Where::Attachment:
      if (!failure_) fixed(attachment_members, "");
      break;
    case Where::Fields:
    case Where::Versions:
    case Where::ReplicaWrites:
      frame.key = std::move(key);
      break;
    default:
      break;
  }
  return true;
}

bool BundleSax::parse_error(std::size_t position, const std::string& /*last_token*/,
                            const nlohmann::json::exception& error) {
  stop_ = Stop::Syntax;
  error_position_ = position;
  number_overflow_ = error.id == 406;  // nlohmann's out_of_range.406: "number overflow parsing ..."
  return false;
}

// --- structure -------------------------------------------------------------------------------

bool BundleSax::open(bool is_array) {
  if (stack_.size() + 1 > max_nesting) {
    stop_ = Stop::TooDeep;
    error_position_ = static_cast<std::size_t>(*cursor_ - text_.data());
    return false;
  }
  if (stack_.empty()) {
    if (is_array) {
      stop_ = Stop::NotAnObject;
      return false;
    }
    stack_.emplace_back(Where::Top);
    return true;
  }
  Frame& parent = stack_.back();
  if (parent.where == Where::Top && parent.member == kContent && !is_array) {
    // The writer puts the header first, so a bundle this reader cannot read stops here, unread.
    // (A header written after the content, by hand, is judged at the end.)
    std::optional<Failure> verdict;
    if (format_.type != RawValue::Type::Null) verdict = format_failure();
    if (verdict) {
      stop_ = Stop::Header;
      header_stop_ = std::move(verdict);
      return false;
    }
    content_begin_ = *cursor_ - 1;  // the parser has just read the '{'
    stack_.emplace_back(Where::Content);
    return true;
  }
  const Where child = (failure_ && parent.where != Where::Top) ? Where::Skip : child_of(parent, is_array);
  stack_.emplace_back(child);
  if (child == Where::Record) start_record();
  if (child == Where::Attachment) attachment_ = AttachmentDraft{};
  return true;
}

BundleSax::Where BundleSax::child_of(Frame& parent, bool is_array) {
  RawValue container;
  container.type = is_array ? RawValue::Type::Array : RawValue::Type::Object;
  switch (parent.where) {
    case Where::Top:
      if (parent.member == kContent) {
        fail(BundleErrorCode::WrongType, "The bundle's \"content\" must be an object, not a list.");
      } else if (parent.member == kFormat) {
        format_ = container;
      } else if (parent.member == kFormatVersion) {
        format_version_ = container;
      } else if (parent.member == kAppVersion) {
        app_version_ = container;
      } else if (parent.member == kChecksum) {
        checksum_ = container;
      }
      return Where::Skip;
    case Where::Content:
      if (parent.member == kWorkspace && !is_array) return Where::Workspace;
      if (parent.member == kRecords && is_array) return Where::Records;
      if (parent.member == kAttachments && is_array) return Where::Attachments;
      content_value(parent, container);
      return Where::Skip;
    case Where::Workspace:
      workspace_value(parent, container);
      return Where::Skip;
    case Where::Records:
      if (!is_array) return Where::Record;
      ++record_number_;
      fail(BundleErrorCode::WrongType,
           "Record number " + std::to_string(record_number_) + " must be an object, not a list.");
      return Where::Skip;
    case Where::Attachments:
      if (!is_array) return Where::Attachment;
      ++attachment_number_;
      fail(BundleErrorCode::WrongType,
           "Attachment number " + std::to_string(attachment_number_) + " must be an object, not a list.");
      return Where::Skip;
    case Where::Record:
      return record_child(parent, is_array);
    case Where::Fields:
      if (is_array) {
        draft_.pending.emplace_back(parent.key, RawValue{});
        draft_.pending.back().second.type = RawValue::Type::Array;
        return Where::FieldList;
      }
      field_value(parent.key, container);
      return Where::Skip;
    case Where::FieldList:
      draft_.pending.back().second.items_are_strings = false;
      return Where::Skip;
    case Where::Versions:
      if (!is_array) {
        draft_.replica_ok = false;
        if (!format::is_id(parent.key)) {
          record_problem(BundleErrorCode::BadValue,
                         ": the versions name the replica " + in_quotes(parent.key) + ", which is not an id.");
        } else if (std::find(draft_.replicas.begin(), draft_.replicas.end(), parent.key) != draft_.replicas.end()) {
          record_problem(BundleErrorCode::UnknownMember,
                         ": the versions name the replica " + in_quotes(parent.key) + " twice.");
        } else {
          draft_.replicas.push_back(parent.key);
          draft_.replica_ok = true;
        }
        return Where::ReplicaWrites;
      }
      record_problem(BundleErrorCode::WrongType,
                     ": the versions by replica " + in_quotes(parent.key) + " must be an object, not a list.");
      return Where::Skip;
    case Where::ReplicaWrites:
      writes_value(parent, container);
      return Where::Skip;
    case Where::Attachment:
      attachment_value(parent, container);
      return Where::Skip;
    default:
      return Where::Skip;
  }
}

BundleSax::Where BundleSax::record_child(Frame& parent, bool is_array) {
  if (parent.member == kFields && !is_array) return Where::Fields;
  if (parent.member == kVersions && !is_array) return Where::Versions;
  RawValue container;
  container.type = is_array ? RawValue::Type::Array : RawValue::Type::Object;
  record_value(parent, container);
  return Where::Skip;
}

bool BundleSax::close() {
  const Frame frame = std::move(stack_.back());
  stack_.pop_back();
  switch (frame.where) {
    case Where::Content:
      content_end_ = *cursor_;  // the parser has just read the '}'
      if (!failure_) finish_content(frame.seen);
      break;
    case Where::Workspace:
      if (!failure_) finish_workspace(frame.seen);
      break;
    case Where::Record:
      if (!failure_) finish_record(frame.seen);
      break;
    case Where::Attachment:
      if (!failure_) finish_attachment(frame.seen);
      break;
    case Where::FieldList: {
      if (failure_) break;
      std::pair<std::string, RawValue> list = std::move(draft_.pending.back());
      draft_.pending.pop_back();
      field_value(list.first, list.second);
      break;
    }
    default:
      break;
  }
  return true;
}

// --- values ----------------------------------------------------------------------------------

bool BundleSax::value(RawValue& raw) {
  if (stack_.empty()) {  // a document that is one number, text, true, false or null
    stop_ = Stop::NotAnObject;
    return false;
  }
  Frame& frame = stack_.back();
  if (frame.where == Where::Top) {
    top_value(frame, raw);
    return true;
  }
  if (failure_) return true;  // only the header and the content's extent matter any more
  switch (frame.where) {
    case Where::Content:
      content_value(frame, raw);
      break;
    case Where::Workspace:
      workspace_value(frame, raw);
      break;
    case Where::Records:
      ++record_number_;
      fail(BundleErrorCode::WrongType,
           "Record number " + std::to_string(record_number_) + " must be an object, not " + describe(raw) + ".");
      break;
    case Where::Attachments:
      ++attachment_number_;
      fail(BundleErrorCode::WrongType, "Attachment number " + std::to_string(attachment_number_) +
                                           " must be an object, not " + describe(raw) + ".");
      break;
    case Where::Record:
      record_value(frame, raw);
      break;
    case Where::Fields:
      field_value(frame.key, raw);
      break;
    case Where::FieldList: {
      RawValue& list = draft_.pending.back().second;
      if (raw.type == RawValue::Type::String && list.items_are_strings) {
        list.items.push_back(std::move(raw.text));
      } else {
        list.items_are_strings = false;
      }
      break;
    }
    case Where::Versions:
      record_problem(BundleErrorCode::WrongType, ": the versions by replica " + in_quotes(frame.key) +
                                                     " must be an object, not " + describe(raw) + ".");
      break;
    case Where::ReplicaWrites:
      writes_value(frame, raw);
      break;
    case Where::Attachment:
      attachment_value(frame, raw);
      break;
    default:
      break;
  }
  return true;
}

void BundleSax::top_value(Frame& frame, RawValue& raw) {
  switch (frame.member) {
    case kFormat:
      format_ = std::move(raw);
      break;
    case kFormatVersion:
      format_version_ = std::move(raw);
      break;
    case kAppVersion:
      app_version_ = std::move(raw);
      break;
    case kChecksum:
      checksum_ = std::move(raw);
      break;
    case kContent:
      fail(BundleErrorCode::WrongType,
           std::string("The bundle's \"content\" must be an object, not ") + describe(raw) + ".");
      break;
    default:
      break;
  }
}

void BundleSax::content_value(Frame& frame, RawValue& raw) {
  auto problem = [&](std::string_view name, const std::string& rule, bool is_text = true) {
    fail(code_for(raw, is_text), "The bundle's " + member(name) + must_be(rule, raw) + ".");
  };
  switch (frame.member) {
    case kExportedBy:
      if (!is_short_text(raw, format::max_name_length)) return problem("exported_by", name_rule);
      bundle_.exported_by = std::move(raw.text);
      break;
    case kExportedAt:
      if (raw.type != RawValue::Type::String || !format::is_timestamp(raw.text))
        return problem("exported_at", time_rule);
      bundle_.exported_at = std::move(raw.text);
      break;
    case kReplicaId:
      if (raw.type != RawValue::Type::String || !format::is_id(raw.text)) return problem("replica_id", id_rule);
      bundle_.replica_id = std::move(raw.text);
      break;
    case kAttachmentsIncluded:
      if (raw.type != RawValue::Type::Bool) return problem("attachments_included", "true or false", false);
      bundle_.attachments_included = raw.boolean;
      break;
    case kWorkspace:
      return problem("workspace", "an object", false);
    case kRecords:
      return problem("records", "a list", false);
    case kAttachments:
      return problem("attachments", "a list", false);
    default:
      break;
  }
}

void BundleSax::workspace_value(Frame& frame, RawValue& raw) {
  auto problem = [&](std::string_view name, const std::string& rule) {
    fail(code_for(raw, true), "The bundle's workspace " + member(name) + must_be(rule, raw) + ".");
  };
  const std::string text_rule = "text of at most " + std::to_string(format::max_workspace_text_length) + " characters";
  switch (frame.member) {
    case kWorkspaceId:
      if (raw.type != RawValue::Type::String || !format::is_id(raw.text)) return problem("id", id_rule);
      bundle_.workspace.id = std::move(raw.text);
      break;
    case kWorkspaceName:
      if (!is_short_text(raw, format::max_workspace_text_length)) return problem("name", text_rule);
      bundle_.workspace.name = std::move(raw.text);
      break;
    case kWorkspaceClient:
      if (!is_short_text(raw, format::max_workspace_text_length)) return problem("client", text_rule);
      bundle_.workspace.client = std::move(raw.text);
      break;
    default:
      break;
  }
}

void BundleSax::finish_content(std::uint32_t seen_members) {
  if (const auto missing = first_missing(content_members, seen_members)) {
    fail(BundleErrorCode::MissingMember, "The bundle has no " + member(*missing) + ".");
  }
}

void BundleSax::finish_workspace(std::uint32_t seen_members) {
  if (const auto missing = first_missing(workspace_members, seen_members)) {
    fail(BundleErrorCode::MissingMember, "The bundle's workspace has no " + member(*missing) + ".");
  }
}

// --- records ---------------------------------------------------------------------------------

void BundleSax::start_record() {
  ++record_number_;
  draft_.record = BundleRecord{};
  draft_.definition = nullptr;
  draft_.pending.clear();
  draft_.problem.reset();
  draft_.unknown_kind.clear();
  draft_.replicas.clear();
  draft_.replica_ok = false;
}

void BundleSax::record_value(Frame& frame, RawValue& raw) {
  BundleRecord& record = draft_.record;
  auto problem = [&](std::string_view name, const std::string& rule, bool is_text = true) {
    record_problem(code_for(raw, is_text), ": " + member(name) + must_be(rule, raw) + ".");
  };
  auto time = [&](std::string_view name, std::string& out) {
    if (raw.type != RawValue::Type::String || !format::is_timestamp(raw.text)) return problem(name, time_rule);
    out = std::move(raw.text);
  };
  auto name = [&](std::string_view member_name, std::string& out) {
    if (!is_short_text(raw, format::max_name_length)) return problem(member_name, name_rule);
    out = std::move(raw.text);
  };
  switch (frame.member) {
    case kKind:
      if (raw.type != RawValue::Type::String || raw.text.empty()) return problem("kind", "the name of a register");
      draft_.definition = index_.find(raw.text);
      if (draft_.definition == nullptr) {
        draft_.unknown_kind = raw.text;
        record_problem(BundleErrorCode::UnknownKind, " names the register " + in_quotes(raw.text) +
                                                         ", which this version of ISMS Register does not have" +
                                                         newer_app_hint() + ".");
      }
      record.kind = std::move(raw.text);
      break;
    case kId:
      if (raw.type != RawValue::Type::String || !format::is_id(raw.text)) return problem("id", id_rule);
      record.id = std::move(raw.text);
      break;
    case kCreatedAt:
      return time("created_at", record.created_at);
    case kUpdatedAt:
      return time("updated_at", record.updated_at);
    case kCreatedBy:
      return name("created_by", record.created_by);
    case kUpdatedBy:
      return name("updated_by", record.updated_by);
    case kRevision: {
      std::int64_t revision = 0;
      if (!raw.whole_number(revision) || revision < 0) return problem("revision", "a whole number of 0 or more", false);
      record.revision = revision;
      break;
    }
    case kDeleted:
      if (raw.type != RawValue::Type::Bool) return problem("deleted", "true or false", false);
      record.deleted = raw.boolean;
      break;
    case kFields:
      return problem("fields", "an object", false);
    case kVersions:
      return problem("versions", "an object", false);
    default:
      break;
  }
}

void BundleSax::field_value(const std::string& key, RawValue& raw) {
  if (draft_.problem) return;
  if (draft_.definition == nullptr) {  // no "kind" yet: judged when the record ends
    if (draft_.unknown_kind.empty()) draft_.pending.emplace_back(key, std::move(raw));
    return;
  }
  const EntityDef& def = *draft_.definition->def;
  const FieldDef* field = draft_.definition->field(key);
  if (field == nullptr) {
    return record_problem(BundleErrorCode::UnknownField, " has a field " + in_quotes(key) + " that " + def.plural +
                                                             " do not have" + newer_app_hint() + ".");
  }
  Value stored;
  if (std::optional<FieldProblem> problem = read_field(*field, raw, stored)) {
    // A later app may have added the option (options are added, never taken away).
    const std::string hint = problem->code == BundleErrorCode::UnknownEnumValue ? newer_app_hint() : "";
    return record_problem(problem->code, ": field \"" + field->label + "\" " + problem->text + hint + ".");
  }
  auto& fields = draft_.record.fields;
  const std::size_t before = fields.size();
  fields.emplace_hint(fields.end(), key, std::move(stored));  // the writer writes keys in order
  if (fields.size() == before)
    record_problem(BundleErrorCode::UnknownMember, ": field \"" + field->label + "\" appears twice.");
}

// One count of writes: frame.key is the field, the frame below names the replica.
void BundleSax::writes_value(Frame& frame, RawValue& raw) {
  const std::string& replica = stack_[stack_.size() - 2].key;
  std::int64_t count = 0;
  std::uint64_t writes = 0;
  // At most the largest signed 64-bit number: the store keeps counts as SQLite integers, and a
  // larger one would leave the record unreadable ("damaged") after the merge.
  if (raw.type == RawValue::Type::Unsigned &&
      raw.unsigned_integer <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    writes = raw.unsigned_integer;
  } else if (raw.type != RawValue::Type::Unsigned && raw.whole_number(count) && count >= 0) {
    writes = static_cast<std::uint64_t>(count);
  } else {
    return record_problem(BundleErrorCode::WrongType,
                          ": the writes of " + in_quotes(frame.key) + " by replica " + in_quotes(replica) +
                              " must be a whole number of 0 or more, not " + describe(raw) + ".");
  }
  if (!draft_.replica_ok) return;  // already reported
  // Fields are checked against the register when the record ends: "kind" may come later.
  if (!draft_.record.versions[frame.key].emplace(replica, writes).second) {
    record_problem(BundleErrorCode::UnknownMember,
                   ": the versions by replica " + in_quotes(replica) + " name " + in_quotes(frame.key) + " twice.");
  }
}

void BundleSax::finish_record(std::uint32_t seen_members) {
  if (!draft_.problem) {
    if (const auto missing = first_missing(record_members, seen_members)) {
      record_problem(BundleErrorCode::MissingMember, " has no " + member(*missing) + ".");
    }
  }
  if (!draft_.problem && draft_.definition != nullptr) {
    std::vector<std::pair<std::string, RawValue>> pending = std::move(draft_.pending);
    for (auto& [key, raw] : pending) field_value(key, raw);
    for (const auto& [key, vector] : draft_.record.versions) {
      if (key == deleted_field || draft_.definition->field(key) != nullptr) continue;
      record_problem(BundleErrorCode::UnknownField, " has versions of a field " + in_quotes(key) + " that " +
                                                        draft_.definition->def->plural + " do not have" +
                                                        newer_app_hint() + ".");
      break;
    }
  }
  if (draft_.problem) {
    fail(draft_.problem->code, record_name() + draft_.problem->text);
    return;
  }
  bundle_.records.push_back(std::move(draft_.record));
}

void BundleSax::record_problem(BundleErrorCode code, std::string text) {
  if (!draft_.problem) draft_.problem = Problem{code, std::move(text)};
}

std::string BundleSax::record_name() const {
  std::string name = format::is_id(draft_.record.id) ? "Record " + draft_.record.id
                                                     : "Record number " + std::to_string(record_number_);
  if (draft_.definition != nullptr) name += " (" + draft_.definition->def->plural + ")";
  return name;
}

// --- attachments -----------------------------------------------------------------------------

void BundleSax::attachment_value(Frame& frame, RawValue& raw) {
  auto problem = [&](std::string_view name, const std::string& rule, bool is_text = true) {
    attachment_problem(code_for(raw, is_text), ": " + member(name) + must_be(rule, raw) + ".");
  };
  switch (frame.member) {
    case kSha256:
      if (raw.type != RawValue::Type::String || !format::is_sha256_hex(raw.text)) {
        return problem("sha256", "a SHA-256 of 64 lowercase hexadecimal digits");
      }
      attachment_.attachment.sha256 = std::move(raw.text);
      break;
    case kSize: {
      std::int64_t size = 0;
      if (!raw.whole_number(size) || size < 0) return problem("size", "a whole number of 0 or more", false);
      if (static_cast<std::uint64_t>(size) > format::max_attachment_bytes) {
        return attachment_problem(BundleErrorCode::BadAttachment, " is larger than the 25 MB an attached file may be.");
      }
      attachment_.attachment.size = static_cast<std::uint64_t>(size);
      break;
    }
    case kBytes:
      if (raw.type == RawValue::Type::Null) break;
      if (raw.type != RawValue::Type::String) return problem("bytes", "base64 text or null", false);
      attachment_.base64 = std::move(raw.text);
      break;
    default:
      break;
  }
}

void BundleSax::finish_attachment(std::uint32_t seen_members) {
  ++attachment_number_;
  AttachmentDraft& draft = attachment_;
  if (!draft.problem) {
    if (const auto missing = first_missing(attachment_members, seen_members, 1u << kBytes)) {
      attachment_problem(BundleErrorCode::MissingMember, " has no " + member(*missing) + ".");
    }
  }
  if (!draft.problem && draft.base64) {
    std::optional<std::string> bytes = base64_decode(*draft.base64);
    draft.base64.reset();
    if (!bytes) {
      attachment_problem(BundleErrorCode::BadAttachment, " has bytes that are not valid base64.");
    } else if (bytes->size() != draft.attachment.size) {
      attachment_problem(BundleErrorCode::BadAttachment, " has " + std::to_string(bytes->size()) + " bytes, not the " +
                                                             std::to_string(draft.attachment.size) + " its size says.");
    } else if (sha256_hex(*bytes) != draft.attachment.sha256) {
      attachment_problem(BundleErrorCode::BadAttachment,
                         " has bytes that do not match its SHA-256: they were damaged.");
    } else {
      draft.attachment.bytes = std::move(bytes);
    }
  }
  if (!draft.problem && !attachment_digests_.insert(draft.attachment.sha256).second) {
    attachment_problem(BundleErrorCode::DuplicateId, " is in the bundle twice.");
  }
  if (draft.problem) {
    fail(draft.problem->code, attachment_name() + draft.problem->text);
    return;
  }
  bundle_.attachments.push_back(std::move(draft.attachment));
}

void BundleSax::attachment_problem(BundleErrorCode code, std::string text) {
  if (!attachment_.problem) attachment_.problem = Problem{code, std::move(text)};
}

std::string BundleSax::attachment_name() const {
  // Counted when the attachment ends, so this one is attachment_number_.
  if (format::is_sha256_hex(attachment_.attachment.sha256)) return "Attachment " + attachment_.attachment.sha256;
  return "Attachment number " + std::to_string(attachment_number_);
}

// --- the header ------------------------------------------------------------------------------

Bundle BundleSax::take_bundle() {
  std::int64_t version = format_version;
  format_version_.whole_number(version);  // checked by header_failure(): 1 to format_version
  bundle_.format = format_name;
  bundle_.version = static_cast<int>(version);
  bundle_.app_version = app_version().value_or("");
  return std::move(bundle_);
}

void BundleSax::fail(BundleErrorCode code, std::string message) {
  if (!failure_) failure_ = Failure{code, std::move(message)};
}

std::optional<std::string> BundleSax::app_version() const {
  if (app_version_.type != RawValue::Type::String || !format::is_app_version(app_version_.text)) return std::nullopt;
  return app_version_.text;
}

std::string BundleSax::newer_app_hint() const {
  const std::optional<std::string> theirs = app_version();
  if (!theirs || !format::is_later_app_version(*theirs, isms::app_version)) return "";
  return "; open the bundle with ISMS Register " + *theirs + " or newer";
}

std::optional<Failure> BundleSax::format_failure() const {
  if (format_.type != RawValue::Type::String || format_.text != format_name) {
    return Failure{BundleErrorCode::OtherFormat,
                   "This file is JSON but not an ISMS Register bundle; choose a file that ISMS Register exported "
                   "(its name ends in .isms.json)."};
  }
  std::int64_t version = 0;
  if (!format_version_.whole_number(version) || version <= format_version) return std::nullopt;
  const std::string ours = std::to_string(format_version);
  if (const std::optional<std::string> writer = app_version()) {
    return Failure{BundleErrorCode::NewerVersion, "This bundle was written by ISMS Register " + *writer +
                                                      " in bundle format " + std::to_string(version) +
                                                      "; this version (" + isms::app_version + ") reads format " +
                                                      ours + ". Open it with ISMS Register " + *writer + " or newer."};
  }
  return Failure{BundleErrorCode::NewerVersion,
                 "This bundle is in bundle format " + std::to_string(version) + "; this version of ISMS Register (" +
                     isms::app_version + ") reads format " + ours + ". Open it with a newer version of ISMS Register."};
}

std::optional<Failure> BundleSax::header_failure() const {
  if (std::optional<Failure> verdict = format_failure()) return verdict;
  auto missing = [](const char* name) {
    return Failure{BundleErrorCode::MissingMember, "The bundle has no " + member(name) + "."};
  };
  if (format_version_.type == RawValue::Type::Null) return missing("format_version");
  std::int64_t version = 0;
  if (!format_version_.whole_number(version)) {
    return Failure{BundleErrorCode::WrongType, "The bundle's \"format_version\" must be a whole number, not " +
                                                   std::string(describe(format_version_)) + "."};
  }
  if (version < 1) {
    return Failure{BundleErrorCode::BadValue,
                   "The bundle names format version " + std::to_string(version) + ", which does not exist."};
  }
  if (app_version_.type == RawValue::Type::Null) return missing("app_version");
  if (!app_version()) {
    return Failure{BundleErrorCode::BadValue,
                   "The bundle's \"app_version\"" +
                       must_be("a version like " + std::string(isms::app_version), app_version_) + "."};
  }
  if (content_begin_ == nullptr || content_end_ == nullptr) {
    if (failure_) return failure_;  // "content" is there but not an object
    return missing("content");
  }
  if (checksum_.type == RawValue::Type::Null) return missing("checksum");
  const std::string_view prefix = format::checksum_prefix;
  if (checksum_.type != RawValue::Type::String || checksum_.text.compare(0, prefix.size(), prefix) != 0 ||
      !format::is_sha256_hex(std::string_view(checksum_.text).substr(prefix.size()))) {
    return Failure{
        BundleErrorCode::BadValue,
        "The bundle's \"checksum\"" + must_be("\"sha256:\" and 64 lowercase hexadecimal digits", checksum_) + "."};
  }
  const std::string_view content(content_begin_, static_cast<std::size_t>(content_end_ - content_begin_));
  if (sha256_hex(content) != std::string_view(checksum_.text).substr(prefix.size())) {
    return Failure{BundleErrorCode::Damaged,
                   "The bundle is damaged: its content does not match its checksum, so it was changed after it was "
                   "exported; ask the sender for the file again."};
  }
  return std::nullopt;
}

}  // namespace isms::bundle
