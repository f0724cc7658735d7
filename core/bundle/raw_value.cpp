#include "core/bundle/raw_value.hpp"

#include <cmath>
#include <limits>

namespace isms::bundle {

bool RawValue::whole_number(std::int64_t& out) const {
  switch (type) {
    case Type::Integer:
      out = integer;
      return true;
    case Type::Unsigned:
      if (unsigned_integer > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return false;
      out = static_cast<std::int64_t>(unsigned_integer);
      return true;
    case Type::Float:
      // 3.0 is a whole number (JSON does not tell them apart, and JSON Schema agrees); 9.2e18
      // and beyond do not fit.
      if (!std::isfinite(real) || std::trunc(real) != real || std::fabs(real) >= 9.0e18) return false;
      out = static_cast<std::int64_t>(real);
      return true;
    default:
      return false;
  }
}

const char* describe(const RawValue& value) {
  switch (value.type) {
    case RawValue::Type::Null:
      return "null";
    case RawValue::Type::Bool:
      return value.boolean ? "true" : "false";
    case RawValue::Type::Integer:
      return "a whole number";
    case RawValue::Type::Unsigned:
    case RawValue::Type::Float: {
      std::int64_t whole = 0;
      if (value.whole_number(whole)) return "a whole number";
      if (value.type == RawValue::Type::Unsigned || !std::isfinite(value.real) || std::fabs(value.real) >= 9.0e18) {
        return "a number too large to store";
      }
      return "a number with a fraction";
    }
    case RawValue::Type::String:
      return "text";
    case RawValue::Type::Array:
      return "a list";
    case RawValue::Type::Object:
      return "an object";
  }
  return "something else";
}

}  // namespace isms::bundle
