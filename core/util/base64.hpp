#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace isms {

// Base64 (RFC 4648, section 4: the standard alphabet with '=' padding), for attachment bytes in
// bundles: JSON has no binary type.

// Appends the encoding of `bytes` to `out`, so a large file is encoded straight into the text
// that holds it instead of into a copy.
void append_base64(std::string& out, std::string_view bytes);
std::string base64_encode(std::string_view bytes);

// The bytes, or nullopt unless `text` is exactly what append_base64 writes for some bytes:
// standard alphabet, padded to a multiple of 4, no whitespace or line breaks, and the unused
// bits of the last character zero. One encoding per content, so a bundle cannot smuggle data
// into the slack and two encodings of one file are the same text.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace isms
