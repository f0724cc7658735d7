#include <cmath>
#include <limits>
#include <utility>

#include "core/model/links.hpp"
#include "core/model/validation.hpp"
#include "core/util/number_text.hpp"
#include "core/util/text.hpp"

namespace isms {
namespace {

// Converts a value into its field's canonical alternative where that loses nothing.
Value canonical(const FieldDef& field, Value value) {
  if (auto* text = std::get_if<std::string>(&value)) {
    std::string cleaned = field.trim ? trim(*text) : std::move(*text);
    if (cleaned.empty()) return std::monostate{};
    if (field.type == FieldType::LinkList) {
      // Sorted and without duplicates, so the same links are the same value in history and merges.
      if (auto ids = parse_link_list(cleaned)) return link_list(std::move(*ids));
      return cleaned;
    }
    if (is_integer_type(field.type)) {
      if (auto parsed = parse_int64(trim(cleaned))) return *parsed;
    } else if (field.type == FieldType::Number) {
      if (auto parsed = parse_double(trim(cleaned))) return *parsed;
    }
    return cleaned;
  }
  if (auto* real = std::get_if<double>(&value); real != nullptr && is_integer_type(field.type)) {
    // Only exact whole numbers well inside int64's range; 3.5 stays for validate() to refuse.
    constexpr double limit = 9.0e18;
    if (std::isfinite(*real) && std::trunc(*real) == *real && std::fabs(*real) < limit) {
      return static_cast<std::int64_t>(*real);
    }
  }
  if (auto* integer = std::get_if<std::int64_t>(&value); integer != nullptr && field.type == FieldType::Number) {
    return static_cast<double>(*integer);
  }
  return value;
}

}  // namespace

std::map<std::string, Value> normalise_changes(const EntityDef& def, std::map<std::string, Value> changes) {
  for (auto& [key, value] : changes) {
    if (const FieldDef* field = def.field(key)) value = canonical(*field, std::move(value));
  }
  return changes;
}

std::map<std::string, Value> normalise(const EntityDef& def, std::map<std::string, Value> values) {
  values = normalise_changes(def, std::move(values));
  for (const FieldDef& field : def.fields) {
    if (values.find(field.key) == values.end()) values.emplace(field.key, field.default_value);
  }
  return values;
}

}  // namespace isms
