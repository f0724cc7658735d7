#include "core/model/value_access.hpp"

#include "core/util/text.hpp"

namespace isms {

const Value& value_at(const Values& values, std::string_view key) {
  static const Value null_value;
  const auto found = values.find(std::string(key));
  return found == values.end() ? null_value : found->second;
}

const std::string& text_or_empty(const Value& value) {
  static const std::string empty;
  const auto* text = std::get_if<std::string>(&value);
  return text != nullptr ? *text : empty;
}

const std::string* text_at(const Values& values, std::string_view key) {
  return std::get_if<std::string>(&value_at(values, key));
}

bool text_is(const Values& values, std::string_view key, std::string_view expected) {
  const std::string* text = text_at(values, key);
  return text != nullptr && *text == expected;
}

bool has_text(const Values& values, std::string_view key) {
  const std::string* text = text_at(values, key);
  return text != nullptr && !is_blank(*text);
}

std::optional<std::int64_t> integer_at(const Values& values, std::string_view key) {
  if (const auto* integer = std::get_if<std::int64_t>(&value_at(values, key))) return *integer;
  return std::nullopt;
}

}  // namespace isms
