#pragma once
// What search (search.cpp) and its index (search_index.cpp) must agree on: if the index named
// ids or text otherwise than the matcher reads them, search would miss records, not just slow.

#include <sqlite3.h>

#include <cstddef>
#include <string_view>

namespace isms::search_text {

// An id is found as typed (not only by whole segments) from this many characters on: shorter
// pieces would find random uuids.
inline constexpr std::size_t literal_id_length = 6;

inline bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// A SQL function's argument as text, as SQLite converts it ("" for NULL).
inline std::string_view text_argument(sqlite3_value* value) {
  const unsigned char* text = sqlite3_value_text(value);
  return text == nullptr ? std::string_view()
                         : std::string_view(reinterpret_cast<const char*>(text),
                                            static_cast<std::size_t>(sqlite3_value_bytes(value)));
}

}  // namespace isms::search_text
