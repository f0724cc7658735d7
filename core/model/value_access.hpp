#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/model/value.hpp"

// Reading a record's values inside a register's rules, where a field may be absent, null, or
// (in bad input that validation is about to refuse) of another type than its definition says.
namespace isms {

using Values = std::map<std::string, Value>;

const Value& value_at(const Values& values, std::string_view key);       // a null Value if absent
const std::string& text_or_empty(const Value& value);                    // "" unless it is text
const std::string* text_at(const Values& values, std::string_view key);  // nullptr unless text
bool text_is(const Values& values, std::string_view key, std::string_view expected);
bool has_text(const Values& values, std::string_view key);  // text that is not blank
std::optional<std::int64_t> integer_at(const Values& values, std::string_view key);

}  // namespace isms
