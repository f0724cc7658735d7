#pragma once

#include <optional>
#include <string>

#include "core/model/entity.hpp"
#include "core/model/value.hpp"

namespace isms {

// How values are written into history: integers in decimal, doubles in their shortest exact
// form, text as is, null as nullopt (SQL NULL).
std::optional<std::string> to_history_text(const Value& value);

// The reverse, using the field's type to pick the alternative (for undo and merge).
Value from_history_text(const FieldDef& field, const std::optional<std::string>& text);

}  // namespace isms
