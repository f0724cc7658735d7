#include "core/store/value_text.hpp"

#include "core/util/number_text.hpp"

namespace isms {

std::optional<std::string> to_history_text(const Value& value) {
  if (is_null(value)) return std::nullopt;
  return to_display(value);
}

Value from_history_text(const FieldDef& field, const std::optional<std::string>& text) {
  if (!text) return std::monostate{};
  if (is_integer_type(field.type)) {
    if (auto integer = parse_int64(*text)) return *integer;
  } else if (field.type == FieldType::Number) {
    if (auto real = parse_double(*text)) return *real;
  }
  return *text;
}

}  // namespace isms
