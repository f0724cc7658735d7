#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/bundle/bundle.hpp"
#include "core/bundle/bundle_failure.hpp"
#include "core/bundle/bundle_json.hpp"
#include "core/bundle/definition_index.hpp"
#include "core/bundle/raw_value.hpp"

// The bundle reader's parser callbacks (nlohmann's SAX interface): builds the Bundle record by
// record as the parser goes, without a document model of the whole file, checking each member
// as it arrives. Internal to bundle_reader.cpp.
namespace isms::bundle {

class BundleSax {
 public:
  // `cursor` is where the parser is reading in `text` (see CursorIterator in bundle_reader.cpp):
  // it gives the exact byte range of "content", whose SHA-256 the checksum is.
  BundleSax(const Registry& registry, std::string_view text, const char* const* cursor);

  // Why parsing stopped early, when a callback returned false.
  enum class Stop { None, Syntax, TooDeep, NotAnObject, Header };

  // nlohmann::json SAX callbacks; false stops the parser.
  bool null();
  bool boolean(bool value);
  bool number_integer(std::int64_t value);
  bool number_unsigned(std::uint64_t value);
  bool number_float(double value, const std::string& text);
  bool string(std::string& value);
  bool binary(nlohmann::json::binary_t& value);
  bool start_object(std::size_t size);
  bool key(std::string& key);
  bool end_object();
  bool start_array(std::size_t size);
  bool end_array();
  bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::json::exception& error);

  Stop stop() const { return stop_; }
  std::size_t error_position() const { return error_position_; }  // Syntax: 1-based, past the end if cut off
  bool number_overflow() const { return number_overflow_; }       // Syntax: a number beyond a double's range
  const std::optional<Failure>& header_stop() const { return header_stop_; }

  // The header's verdict: OtherFormat, NewerVersion, or nullopt when the header so far is ours.
  std::optional<Failure> format_failure() const;
  // Every header member checked, the checksum verified: the first problem, or nullopt.
  std::optional<Failure> header_failure() const;
  const std::optional<Failure>& content_failure() const { return failure_; }
  Bundle take_bundle();  // once the checks passed: the header's versions filled in

 private:
  enum class Where : std::uint8_t {
    Top,
    Content,
    Workspace,
    Records,
    Record,
    Fields,
    FieldList,
    Versions,
    ReplicaWrites,
    Attachments,
    Attachment,
    Skip
  };
  struct Frame {
    explicit Frame(Where place) : where(place) {}
    Where where;
    int member = -1;         // the member whose value comes next (fixed-member objects), -1 if none
    std::uint32_t seen = 0;  // members seen so far, by index
    std::string key;         // the key whose value comes next (fields, replicas, their fields)
  };
  struct Problem {
    BundleErrorCode code;
    std::string text;
  };
  struct RecordDraft {
    BundleRecord record;
    const DefinitionIndex::Register* definition = nullptr;
    std::vector<std::pair<std::string, RawValue>> pending;  // fields read before "kind"
    std::optional<Problem> problem;                         // the first one, told when the record ends
    std::string unknown_kind;
    std::vector<std::string> replicas;  // those whose writes were read, to refuse one twice
    bool replica_ok = false;            // the replica being read is new and a valid id
  };
  struct AttachmentDraft {
    BundleAttachment attachment;
    std::optional<std::string> base64;
    std::optional<Problem> problem;
  };

  bool value(RawValue& raw);
  bool open(bool is_array);
  bool close();
  void top_value(Frame& frame, RawValue& raw);
  void content_value(Frame& frame, RawValue& raw);
  void workspace_value(Frame& frame, RawValue& raw);
  void record_value(Frame& frame, RawValue& raw);
  void field_value(const std::string& key, RawValue& raw);
  void writes_value(Frame& frame, RawValue& raw);
  void attachment_value(Frame& frame, RawValue& raw);
  Where child_of(Frame& parent, bool is_array);
  Where record_child(Frame& parent, bool is_array);
  void start_record();
  void finish_record(std::uint32_t seen);
  void finish_attachment(std::uint32_t seen);
  void finish_content(std::uint32_t seen);
  void finish_workspace(std::uint32_t seen);

  void fail(BundleErrorCode code, std::string message);
  void record_problem(BundleErrorCode code, std::string text);
  void attachment_problem(BundleErrorCode code, std::string text);
  std::string record_name() const;
  std::string attachment_name() const;
  std::string newer_app_hint() const;
  std::optional<std::string> app_version() const;

  DefinitionIndex index_;
  std::string_view text_;
  const char* const* cursor_;
  std::vector<Frame> stack_;
  Stop stop_ = Stop::None;
  std::size_t error_position_ = 0;
  bool number_overflow_ = false;
  std::optional<Failure> header_stop_;

  RawValue format_, format_version_, app_version_, checksum_;  // as found; judged by header_failure()
  const char* content_begin_ = nullptr;
  const char* content_end_ = nullptr;

  std::optional<Failure> failure_;  // the first problem in the content
  Bundle bundle_;
  RecordDraft draft_;
  AttachmentDraft attachment_;
  std::size_t record_number_ = 0, attachment_number_ = 0;
  std::unordered_set<std::string> attachment_digests_;
};

}  // namespace isms::bundle
