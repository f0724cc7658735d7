#pragma once

#include <cstdint>
#include <string>
#include <variant>

namespace isms {

// One field's value, mirroring SQLite's storage classes (NULL, INTEGER, REAL, TEXT).
// Equality is the variant's: 3 (integer) and 3.0 (real) differ, which is why normalise()
// gives every field type one canonical alternative before values are compared.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

inline bool is_null(const Value& value) { return std::holds_alternative<std::monostate>(value); }

// Text for showing a value to a person: null is "", numbers in their shortest exact form.
std::string to_display(const Value& value);

}  // namespace isms
