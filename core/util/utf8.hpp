#pragma once

#include <cstddef>
#include <string_view>

namespace isms {

// Strict UTF-8 check: rejects overlong forms, surrogates (U+D800..U+DFFF), code points above
// U+10FFFF and truncated sequences. Text reaches the store from typing, pasting and bundles;
// only valid UTF-8 may be written, so every reader (ImGui, JSON, CSV) can trust it.
bool is_valid_utf8(std::string_view text);

// Number of code points, which is what a person calls "characters" for length limits:
// "Łódź" is 4, not 7. Expects valid UTF-8 (counts bytes that do not continue a sequence).
std::size_t count_code_points(std::string_view text);

}  // namespace isms
