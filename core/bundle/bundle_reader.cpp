// JSON text -> Bundle (bundle_json.hpp): the checks in the order a person needs them answered.
// A file too large is refused unread; JSON that does not parse is not a bundle at all; a bundle
// of another format or a newer version is refused before its content is judged (that content
// follows rules this reader does not know); a damaged bundle is refused before its content's
// problems are reported (they are likely the damage); then the first problem in the content.

#include <iterator>

#include "core/bundle/bundle_json.hpp"
#include "core/bundle/bundle_links.hpp"
#include "core/bundle/bundle_sax.hpp"
#include "core/util/text.hpp"
#include "core/util/utf8.hpp"

namespace isms::bundle {
namespace {

// Reads the text through one shared cursor, so the parser's callbacks can see how far it has
// read: that gives the exact bytes of "content" for the checksum without a second parse. The
// parser copies iterators; every copy moves the same cursor. (The end iterator holds a fixed
// position instead.)
class CursorIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  explicit CursorIterator(const char** cursor) : cursor_(cursor) {}
  explicit CursorIterator(const char* fixed) : fixed_(fixed) {}

  const char& operator*() const { return **cursor_; }
  CursorIterator& operator++() {
    ++*cursor_;
    return *this;
  }
  CursorIterator operator++(int) {
    CursorIterator before = *this;
    ++*cursor_;
    return before;
  }
  bool operator==(const CursorIterator& other) const { return position() == other.position(); }
  bool operator!=(const CursorIterator& other) const { return position() != other.position(); }

 private:
  const char* position() const { return cursor_ != nullptr ? *cursor_ : fixed_; }

  const char** cursor_ = nullptr;
  const char* fixed_ = nullptr;
};

[[noreturn]] void refuse(BundleErrorCode code, const std::string& message) { throw BundleError(code, message); }
[[noreturn]] void refuse(const Failure& failure) { throw BundleError(failure.code, failure.message); }

std::string megabytes(std::uint64_t bytes) {
  constexpr std::uint64_t megabyte = 1024 * 1024;
  if (bytes % megabyte == 0) return std::to_string(bytes / megabyte) + " MB";
  return std::to_string(bytes) + " bytes";
}

[[noreturn]] void refuse_syntax(std::string_view text, std::size_t position, bool number_overflow) {
  if (!is_valid_utf8(text)) {
    refuse(BundleErrorCode::InvalidUtf8,
           "The file is not valid UTF-8 text, so it is not a bundle or it was damaged; ask the sender for the file "
           "again.");
  }
  if (number_overflow) {
    refuse(BundleErrorCode::BadValue, "The bundle holds a number too large to read (at byte " +
                                          std::to_string(position) +
                                          "), so it was not written by ISMS Register; ask the sender to export it "
                                          "again.");
  }
  if (position > text.size()) {
    refuse(BundleErrorCode::Truncated,
           "The bundle is incomplete: the file ends early, as if it was cut off while being copied or downloaded; ask "
           "the sender for the file again.");
  }
  refuse(BundleErrorCode::NotJson, "The file is not JSON text (the error is at byte " + std::to_string(position) +
                                       "), so it is not a bundle; choose a file that ISMS Register exported (its name "
                                       "ends in .isms.json).");
}

}  // namespace

Bundle from_json(std::string_view text, const Registry& registry, const ReadLimits& limits) {
  if (text.size() > limits.max_bytes) {
    refuse(BundleErrorCode::TooLarge, "The file is larger than the " + megabytes(limits.max_bytes) +
                                          " a bundle may be; ask the sender to export the workspace without "
                                          "attachments.");
  }
  if (is_blank(text)) {
    refuse(BundleErrorCode::NotJson,
           "The file is empty; choose a file that ISMS Register exported (its name ends in .isms.json).");
  }

  const char* cursor = text.data();
  BundleSax sax(registry, text, &cursor);
  const bool parsed = nlohmann::json::sax_parse(CursorIterator(&cursor), CursorIterator(text.data() + text.size()),
                                                &sax, nlohmann::json::input_format_t::json, /*strict=*/true);
  if (!parsed) {
    switch (sax.stop()) {
      case BundleSax::Stop::Syntax:
        refuse_syntax(text, sax.error_position(), sax.number_overflow());
      case BundleSax::Stop::TooDeep:
        // A file that is not a bundle (or one of a newer format) is answered as such, not with
        // the depth that only the format defines.
        if (std::optional<Failure> verdict = sax.format_failure()) refuse(*verdict);
        refuse(BundleErrorCode::TooDeep, "The bundle nests its data deeper than the bundle format allows (at byte " +
                                             std::to_string(sax.error_position()) +
                                             "), so it was not written by ISMS Register; ask the sender to export it "
                                             "again.");
      case BundleSax::Stop::NotAnObject:
        refuse(*sax.format_failure());
      case BundleSax::Stop::Header:
        refuse(*sax.header_stop());
      case BundleSax::Stop::None:
        break;
    }
    refuse(BundleErrorCode::NotJson, "The file could not be read as a bundle.");
  }
  if (std::optional<Failure> failure = sax.header_failure()) refuse(*failure);
  if (sax.content_failure()) refuse(*sax.content_failure());
  Bundle bundle = sax.take_bundle();
  if (std::optional<Failure> failure = check_ids_and_links(bundle, DefinitionIndex(registry))) refuse(*failure);
  return bundle;
}

}  // namespace isms::bundle
