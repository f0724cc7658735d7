#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace isms {

// Removes ASCII whitespace (space, tab, CR, LF, FF, VT) at both ends. Multi-byte characters
// are left alone, so trimming never splits a UTF-8 sequence.
std::string trim(std::string_view text);

bool is_blank(std::string_view text);

// ASCII-only lowercase: for turning a register label ("Asset") into running text ("asset").
std::string to_lower_ascii(std::string_view text);
// A register's label as it reads inside a sentence: "Treatment action" -> "treatment action",
// but an acronym keeps its case: "KPI" and "RACI assignment" stay as they are.
std::string label_in_sentence(std::string_view label);

std::string join(const std::vector<std::string>& parts, std::string_view separator);
// The parts between separators, empty ones included: split("a,,b", ',') is {"a", "", "b"};
// split("", ',') is {""}.
std::vector<std::string> split(std::string_view text, char separator);

}  // namespace isms
