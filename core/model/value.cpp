#include "core/model/value.hpp"

#include "core/util/number_text.hpp"

namespace isms {

std::string to_display(const Value& value) {
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return std::to_string(*integer);
  if (const auto* real = std::get_if<double>(&value)) return format_double(*real);
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  return {};
}

}  // namespace isms
