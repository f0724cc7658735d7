#pragma once

#include <string>
#include <string_view>

namespace isms {

// Lower case for matching what a person types against stored text, so "müller" finds "MÜLLER".
// SQLite's lower() and LIKE fold ASCII only. This folds ASCII, Latin-1, Latin Extended-A, Greek
// and Cyrillic (the letters the interface's fonts draw), one code point to one code point;
// anything else, and bytes that are not valid UTF-8, are kept as they are.
std::string fold_case(std::string_view text);

}  // namespace isms
