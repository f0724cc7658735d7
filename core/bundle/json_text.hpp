#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// Writing JSON text straight into a string: the bundle writer streams ~300,000 records and a
// document model of them all would cost several times the memory of the text itself.
namespace isms::bundle {

// `text` as a JSON string: quotes, backslashes and control characters escaped, everything else
// (UTF-8 included) as it is. `text` must be valid UTF-8; the caller checks.
void append_json_string(std::string& out, std::string_view text);
void append_json_integer(std::string& out, std::int64_t value);
void append_json_unsigned(std::string& out, std::uint64_t value);

}  // namespace isms::bundle
