#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/bundle/bundle.hpp"
#include "core/model/registry.hpp"

// A Bundle as JSON text and back (docs/bundle-format.md, assets/bundle.schema.json). The reader
// trusts nothing in the text: a bundle arrives by e-mail from anyone.
namespace isms::bundle {

// Larger files are refused before anything is parsed; the app checks a file's size against this
// before it even reads the file.
inline constexpr std::uint64_t max_bundle_bytes = 200ull * 1024 * 1024;

// The deepest nesting the format has: document > content > records > record > fields >
// a link list (or versions > one field's version vector). Anything deeper is refused while
// parsing, before it is built.
inline constexpr std::size_t max_nesting = 6;

struct ReadLimits {
  std::uint64_t max_bytes = max_bundle_bytes;
};

// What is wrong with a bundle, for code (tests, the import screen choosing what to offer).
enum class BundleErrorCode {
  TooLarge,          // over ReadLimits::max_bytes
  NotJson,           // not JSON text, or empty
  Truncated,         // JSON that ends early: cut off while copying or downloading
  InvalidUtf8,       // bytes that are not UTF-8 text
  TooDeep,           // nested deeper than max_nesting
  OtherFormat,       // JSON, but not an ISMS Register bundle
  NewerVersion,      // a format version newer than this app reads
  Damaged,           // the content does not match its checksum
  MissingMember,     // a member the format requires is absent
  UnknownMember,     // a member the format does not have (or a member twice)
  WrongType,         // a member or field value of the wrong JSON type
  BadValue,          // the right type but not a valid value: an id, a time, a date, a checksum
  UnknownKind,       // a record of a register this app does not have
  UnknownField,      // a field its register does not have
  UnknownEnumValue,  // a value that is not one of the field's options
  TooLong,           // text over its field's limit (in characters: code points)
  DanglingLink,      // a link to an id neither in the bundle nor built in, or to the wrong register
  DuplicateId,       // two records with one id, or one attachment content twice
  BadAttachment,     // attachment bytes that are not base64 or do not match their size or SHA-256
};

// A bundle refused: nothing of it was returned. what() is one sentence for the person importing.
class BundleError : public std::runtime_error {
 public:
  BundleError(BundleErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  BundleErrorCode code() const { return code_; }

 private:
  BundleErrorCode code_;
};

// The bundle as one JSON document: deterministic (the same bundle gives the same bytes), field
// values written by their type in `registry`, attachment bytes in base64, and the SHA-256 of the
// content in the header. std::invalid_argument, naming the record and field, if the bundle
// holds something the reader would refuse (an unknown register or field, a value of the wrong
// type, text that is not UTF-8, a number that is not finite).
std::string to_json(const Bundle& bundle, const Registry& registry);

// Reads and checks a bundle: size, syntax, UTF-8, nesting, format and version, checksum, every
// member's type, registers and fields known to `registry`, enum values, text lengths, ids,
// links that resolve (within the bundle or to built-in catalog records), attachment bytes.
// The register's own rules (required fields, ranges, record checks) are left to the merge,
// which writes through the repository. BundleError with one sentence for the first problem.
Bundle from_json(std::string_view text, const Registry& registry, const ReadLimits& limits = {});

}  // namespace isms::bundle
