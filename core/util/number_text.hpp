#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace isms {

// The shortest decimal text that reads back as exactly the same double ("0.1", "3", "1e+300").
// History stores values as text, and an undo or merge must restore the exact number.
// Independent of the C locale.
std::string format_double(double value);

// Whole-string parses of plain decimal text (optional sign, digits; for doubles an optional
// fraction and exponent). Leading/trailing spaces, hex, "inf" and "nan" are refused:
// these parse what a person types into a number field, nothing more.
std::optional<std::int64_t> parse_int64(std::string_view text);
std::optional<double> parse_double(std::string_view text);

}  // namespace isms
